// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * What "config create" found and decided, as JSON: each fact with the
 * node or file it came from, and "guessed" where nothing said so.
 */
#include <errno.h>

#include "internal.h"
#include "confgen.h"
#include "json-writer.h"

static void range(struct json *j, const char *key, uint64_t start,
		  uint64_t size)
{
	json_object_begin(j, key);
	json_uint(j, "start", start);
	json_uint(j, "size", size);
	json_object_end(j);
}

static void ranges(struct json *j, const char *key,
		   const struct jh_range *r, unsigned int n)
{
	unsigned int i;

	json_array_begin(j, key);
	for (i = 0; i < n; i++)
		range(j, NULL, r[i].start, r[i].size);
	json_array_end(j);
}

static void gic(struct json *j, const struct jhg_board *b)
{
	const struct jhg_gic *g = &b->gic;

	json_object_begin(j, "gic");
	json_string(j, "node", g->path);
	json_int(j, "version", g->version);
	range(j, "distributor", g->gicd, g->gicd_size);
	if (g->version == 3) {
		range(j, "redistributors", g->gicr, g->gicr_size);
	} else {
		range(j, "cpu_interface", g->gicc, g->gicc_size);
		range(j, "gich", g->gich, g->gich_size);
		range(j, "gicv", g->gicv, g->gicv_size);
	}
	json_int(j, "maintenance_irq", g->maintenance_irq ?
		 g->maintenance_irq : 25);
	json_bool(j, "maintenance_irq_guessed", !g->maintenance_irq);
	json_object_end(j);
}

static void console(struct json *j, const struct jhg_board *b)
{
	const struct jhg_console *c = &b->console;

	json_object_begin(j, "console");
	json_string(j, "node", c->path[0] ? c->path : NULL);
	json_string(j, "compatible", c->path[0] ? c->compatible : NULL);
	json_string(j, "type", jh_console_type_name((uint16_t)c->type));
	json_uint(j, "address", c->address);
	json_string(j, "from", "/chosen/stdout-path");
	json_bool(j, "guessed", c->type == JAILHOUSE_CON_TYPE_NONE);
	json_object_end(j);
}

static void devices(struct json *j, const struct jhg_board *b)
{
	const struct jhg_device *d;
	unsigned int i, k;

	json_array_begin(j, "devices");
	for (i = 0; i < b->num_devices; i++) {
		d = &b->devices[i];
		json_object_begin(j, NULL);
		json_string(j, "node", d->path);
		json_string(j, "compatible", d->compatible);
		json_bool(j, "disabled", d->disabled);
		json_uint(j, "start", d->start);
		json_uint(j, "size", d->size);
		json_array_begin(j, "spis");
		for (k = 0; k < d->num_spis; k++)
			json_int(j, NULL, d->spis[k]);
		json_array_end(j);
		json_object_end(j);
	}
	json_array_end(j);
}

static void config(struct json *j, const struct jhg_system *sys)
{
	const struct jailhouse_system *h = &sys->header;
	static const char *const origins[] = {
		[JHG_HV_GIVEN] = "given",
		[JHG_HV_RESERVED] = "reserved-memory",
		[JHG_HV_UNUSED_RAM] = "unused-ram",
	};
	unsigned int i;

	json_object_begin(j, "config");
	json_string(j, "name", sys->name);
	json_object_begin(j, "hypervisor_memory");
	json_uint(j, "start", h->hypervisor_memory.phys_start);
	json_uint(j, "size", h->hypervisor_memory.size);
	json_string(j, "from", origins[sys->hv_origin]);
	json_string(j, "why", sys->hv_comment);
	json_bool(j, "guessed", sys->hv_origin == JHG_HV_UNUSED_RAM);
	json_object_end(j);
	json_array_begin(j, "regions");
	for (i = 0; i < sys->num_regions; i++) {
		json_object_begin(j, NULL);
		json_uint(j, "start", sys->regions[i].mem.phys_start);
		json_uint(j, "size", sys->regions[i].mem.size);
		json_bool(j, "io", sys->regions[i].mem.flags &
			  JAILHOUSE_MEM_IO);
		json_string(j, "what", sys->regions[i].comment);
		json_object_end(j);
	}
	json_array_end(j);
	json_array_begin(j, "spis");
	for (i = 0; i < sys->num_irqchips; i++) {
		json_object_begin(j, NULL);
		json_int(j, "first", sys->irqchips[i].pin_base);
		json_int(j, "last", sys->irqchips[i].pin_base + 127);
		json_object_end(j);
	}
	json_array_end(j);
	if (h->platform_info.pci_is_virtual) {
		json_object_begin(j, "vpci");
		json_uint(j, "ecam", h->platform_info.pci_mmconfig_base);
		json_int(j, "intx_first", sys->vpci_irq_base + 32);
		json_bool(j, "guessed", true);
		json_object_end(j);
	}
	json_array_begin(j, "links");
	for (i = 0; i < sys->num_links; i++) {
		json_object_begin(j, NULL);
		json_int(j, "device", i);
		json_int(j, "peers", sys->links[i].peers);
		json_string(j, "protocol", sys->links[i].net ? "ivshmem-net" :
			    "undefined");
		json_uint(j, "start", sys->link_start[i]);
		json_int(j, "intx", sys->vpci_irq_base + 32 + i);
		json_object_end(j);
	}
	json_array_end(j);
	json_object_end(j);
}

/* The document's start: the board's model and where its facts came from. */
static void begin(struct json *j, const struct jhg_board *b, FILE *out)
{
	json_init(j, out);
	json_object_begin(j, NULL);
	json_string(j, "model", b->model);
	json_object_begin(j, "sources");
	json_string(j, "dtb", b->dtb_source);
	json_string(j, "iomem", b->have_iomem ? b->iomem_source : NULL);
	json_object_end(j);
}

int jhg_write_json(const struct jhg_board *b, const struct jhg_system *sys,
		   FILE *out)
{
	unsigned int i;
	struct json j;

	begin(&j, b, out);
	json_array_begin(&j, "cpus");
	for (i = 0; i < b->num_cpus; i++) {
		json_object_begin(&j, NULL);
		json_int(&j, "cpu", i);
		json_uint(&j, "mpidr", b->mpidr[i]);
		json_object_end(&j);
	}
	json_array_end(&j);
	ranges(&j, "ram", b->ram, b->num_ram);
	if (b->have_iomem)
		ranges(&j, "linux_ram", b->linux_ram, b->num_linux_ram);
	json_array_begin(&j, "reserved_memory");
	for (i = 0; i < b->num_reserved; i++) {
		json_object_begin(&j, NULL);
		json_string(&j, "node", b->reserved_name[i]);
		json_uint(&j, "start", b->reserved[i].start);
		json_uint(&j, "size", b->reserved[i].size);
		json_object_end(&j);
	}
	json_array_end(&j);
	gic(&j, b);
	console(&j, b);
	devices(&j, b);
	config(&j, sys);
	json_object_end(&j);
	fputc('\n', out);
	return ferror(out) ? -EIO : 0;
}

int jhg_write_cell_json(const struct jhg_board *b, const struct jhg_cell *c,
			FILE *out)
{
	const struct jhg_region *r;
	unsigned int i, pin;
	struct json j;

	begin(&j, b, out);
	json_object_begin(&j, "cell");
	json_string(&j, "name", c->desc.name);
	json_array_begin(&j, "cpus");
	for (i = 0; i < c->num_cpus; i++)
		if (jhg_cpu_in(c->cpu_bits, i))
			json_int(&j, NULL, i);
	json_array_end(&j);
	json_bool(&j, "memory_guessed", c->mem_guessed);
	json_array_begin(&j, "regions");
	for (i = 0; i < c->num_regions; i++) {
		r = &c->regions[i];
		json_object_begin(&j, NULL);
		json_uint(&j, "phys_start", r->mem.phys_start);
		json_uint(&j, "virt_start", r->mem.virt_start);
		json_uint(&j, "size", r->mem.size);
		json_string(&j, "what", r->comment);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_array_begin(&j, "spis");
	for (i = 0; i < c->num_irqchips; i++)
		for (pin = 0; pin < 128; pin++)
			if (c->irqchips[i].pin_bitmap[pin / 32] &
			    (1U << (pin % 32)))
				json_int(&j, NULL, c->irqchips[i].pin_base + pin);
	json_array_end(&j);
	json_object_end(&j);
	json_object_end(&j);
	fputc('\n', out);
	return ferror(out) ? -EIO : 0;
}
