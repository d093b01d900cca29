// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * A generated system config as C source in the shape of the shipped
 * configs (configs/arm64/): one packed struct, a comment naming where
 * each value came from, "guessed" where nothing said so.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "confgen.h"

static const struct {
	uint64_t bit;
	const char *name;
} mem_flags[] = {
	{ JAILHOUSE_MEM_READ, "JAILHOUSE_MEM_READ" },
	{ JAILHOUSE_MEM_WRITE, "JAILHOUSE_MEM_WRITE" },
	{ JAILHOUSE_MEM_EXECUTE, "JAILHOUSE_MEM_EXECUTE" },
	{ JAILHOUSE_MEM_DMA, "JAILHOUSE_MEM_DMA" },
	{ JAILHOUSE_MEM_IO, "JAILHOUSE_MEM_IO" },
	{ JAILHOUSE_MEM_COMM_REGION, "JAILHOUSE_MEM_COMM_REGION" },
	{ JAILHOUSE_MEM_LOADABLE, "JAILHOUSE_MEM_LOADABLE" },
	{ JAILHOUSE_MEM_ROOTSHARED, "JAILHOUSE_MEM_ROOTSHARED" },
};

static void print_mem_flags(FILE *out, uint64_t flags)
{
	unsigned int i, n = 0;

	for (i = 0; i < ARRAY_SIZE(mem_flags); i++) {
		if (!(flags & mem_flags[i].bit))
			continue;
		/* two flags a line, as the shipped configs break them */
		fprintf(out, "%s%s", n ? (n % 2 ? " | " : " |\n\t\t\t\t ") :
			"", mem_flags[i].name);
		n++;
	}
	if (!n)
		fprintf(out, "0");
}

/* "imx-lpuart" -> "JAILHOUSE_CON_TYPE_IMX_LPUART" */
static void print_con_type(FILE *out, uint32_t type)
{
	const char *p = jh_console_type_name((uint16_t)type);

	fprintf(out, "JAILHOUSE_CON_TYPE_");
	for (; *p; p++)
		fputc(*p == '-' ? '_' : toupper((unsigned char)*p), out);
}

/* A console's fields at indentation @in, as .debug_console or .console. */
static void print_con_fields(FILE *out, const char *field,
			     const struct jailhouse_console *con,
			     const char *in)
{
	fprintf(out, "%s.%s = {\n%s\t.address = 0x%llx,\n"
		"%s\t.size = 0x%llx,\n%s\t.type = ", in, field, in,
		(unsigned long long)con->address, in,
		(unsigned long long)con->size, in);
	print_con_type(out, con->type);
	fprintf(out, ",\n%s\t.flags = JAILHOUSE_CON_ACCESS_MMIO", in);
	if (con->flags & JAILHOUSE_CON_REGDIST_4)
		fprintf(out, " |\n%s\t\t JAILHOUSE_CON_REGDIST_4", in);
	fprintf(out, ",\n%s},\n", in);
}

static void print_console(FILE *out, const struct jhg_board *b,
			  const struct jailhouse_system *h)
{
	const struct jhg_console *c = &b->console;

	if (!c->path[0]) {
		fprintf(out,
			"\t\t/* no console in /chosen/stdout-path: the hypervisor\n"
			"\t\t * prints to its memory log only (jailhouse console) */\n");
		return;
	}
	if (c->type == JAILHOUSE_CON_TYPE_NONE)
		fprintf(out,
			"\t\t/* %s (%s) from /chosen/stdout-path is no UART\n"
			"\t\t * the hypervisor drives: guessed none */\n",
			c->path, c->compatible);
	else
		fprintf(out, "\t\t/* %s (%s), from /chosen/stdout-path */\n",
			c->path, c->compatible);
	print_con_fields(out, "debug_console", &h->debug_console, "\t\t");
}

static void print_platform(FILE *out, const struct jhg_board *b,
			   const struct jhg_system *sys)
{
	const struct jailhouse_system *h = &sys->header;

	fprintf(out, "\t\t.platform_info = {\n");
	if (h->platform_info.pci_is_virtual)
		fprintf(out,
			"\t\t\t/* the virtual PCI host: its ECAM (bus 0) and BAR\n"
			"\t\t\t * window in 2 MiB the device tree leaves free\n"
			"\t\t\t * (guessed: nothing undescribed may be there) */\n"
			"\t\t\t.pci_mmconfig_base = 0x%llx,\n"
			"\t\t\t.pci_mmconfig_end_bus = 0,\n"
			"\t\t\t.pci_is_virtual = 1,\n"
			"\t\t\t.pci_domain = JAILHOUSE_PCI_DOMAIN_ANY,\n",
			(unsigned long long)h->platform_info.pci_mmconfig_base);
	fprintf(out, "\t\t\t.arm = {\n\t\t\t\t/* %s */\n"
		"\t\t\t\t.gic_version = %u,\n"
		"\t\t\t\t.gicd_base = 0x%llx,\n",
		b->gic.path, h->platform_info.arm.gic_version,
		(unsigned long long)h->platform_info.arm.gicd_base);
	if (b->gic.version == 3)
		fprintf(out, "\t\t\t\t.gicr_base = 0x%llx,\n",
			(unsigned long long)h->platform_info.arm.gicr_base);
	else
		fprintf(out,
			"\t\t\t\t.gicc_base = 0x%llx,\n"
			"\t\t\t\t.gich_base = 0x%llx,\n"
			"\t\t\t\t.gicv_base = 0x%llx,\n",
			(unsigned long long)h->platform_info.arm.gicc_base,
			(unsigned long long)h->platform_info.arm.gich_base,
			(unsigned long long)h->platform_info.arm.gicv_base);
	fprintf(out, "\t\t\t\t.maintenance_irq = %u,%s\n\t\t\t},\n\t\t},\n",
		h->platform_info.arm.maintenance_irq,
		b->gic.maintenance_irq ? "" :
		" /* guessed: the GIC node names none */");
}

static void print_cpus(FILE *out, const struct jhg_board *b,
		       const struct jhg_system *sys)
{
	unsigned int i, words = (sys->num_cpus + 63) / 64;

	fprintf(out, "\t/* CPUs 0-%u, MPIDRs", sys->num_cpus - 1);
	for (i = 0; i < b->num_cpus; i++)
		fprintf(out, "%s0x%llx", i ? (i % 8 ? ", " : ",\n\t * ") : " ",
			(unsigned long long)b->mpidr[i]);
	fprintf(out, " */\n\t.cpus = {");
	for (i = 0; i < words; i++)
		fprintf(out, "%s0x%llx", i ? ", " : " ",
			(unsigned long long)sys->cpu_bits[i]);
	fprintf(out, " },\n\n");
}

static void print_regions(FILE *out, const struct jhg_region *regions,
			  unsigned int num)
{
	const struct jhg_region *r;
	unsigned int i;

	fprintf(out, "\t.mem_regions = {\n");
	for (i = 0; i < num; i++) {
		r = &regions[i];
		fprintf(out,
			"\t\t/* %s */\n"
			"\t\t{\n"
			"\t\t\t.phys_start = 0x%llx,\n"
			"\t\t\t.virt_start = 0x%llx,\n"
			"\t\t\t.size = 0x%llx,\n"
			"\t\t\t.flags = ",
			r->comment, (unsigned long long)r->mem.phys_start,
			(unsigned long long)r->mem.virt_start,
			(unsigned long long)r->mem.size);
		print_mem_flags(out, r->mem.flags);
		fprintf(out, ",\n\t\t},\n");
	}
	fprintf(out, "\t},\n\n");
}

/* "SPIs 32-159" for a full bitmap, else the INTIDs set: "INTIDs 33, 40" */
static void print_pins(FILE *out, const struct jailhouse_irqchip *c)
{
	unsigned int pin, n = 0;

	if ((c->pin_bitmap[0] & c->pin_bitmap[1] & c->pin_bitmap[2] &
	     c->pin_bitmap[3]) == 0xffffffff) {
		fprintf(out, "SPIs %u-%u", c->pin_base, c->pin_base + 127);
		return;
	}
	for (pin = 0; pin < 128; pin++)
		if (c->pin_bitmap[pin / 32] & (1U << (pin % 32)))
			fprintf(out, "%s%u", n++ ? ", " : "INTIDs ",
				c->pin_base + pin);
	if (!n)
		fprintf(out, "none of INTIDs %u-%u", c->pin_base,
			c->pin_base + 127);
}

static void print_irqchips(FILE *out, const struct jailhouse_irqchip *chips,
			   unsigned int num)
{
	const struct jailhouse_irqchip *c;
	unsigned int i;

	fprintf(out, "\t.irqchips = {\n");
	for (i = 0; i < num; i++) {
		c = &chips[i];
		fprintf(out, "\t\t/* ");
		print_pins(out, c);
		fprintf(out,
			" */\n"
			"\t\t{\n"
			"\t\t\t.address = 0x%llx,\n"
			"\t\t\t.pin_base = %u,\n"
			"\t\t\t.pin_bitmap = {\n"
			"\t\t\t\t0x%08x, 0x%08x, 0x%08x, 0x%08x,\n"
			"\t\t\t},\n"
			"\t\t},\n",
			(unsigned long long)c->address, c->pin_base,
			c->pin_bitmap[0], c->pin_bitmap[1], c->pin_bitmap[2],
			c->pin_bitmap[3]);
	}
	fprintf(out, "\t},\n");
}

/* The struct member of the pci_devices array in @buf, "" without links */
static const char *pci_member(char *buf, size_t size, unsigned int num)
{
	if (!num)
		return "";
	snprintf(buf, size, "\tstruct jailhouse_pci_device pci_devices[%u];\n",
		 num);
	return buf;
}

static void print_pci(FILE *out, const struct jailhouse_pci_device *pci,
		      unsigned int num)
{
	unsigned int i;

	if (!num)
		return;
	fprintf(out, "\n\t.pci_devices = {\n");
	for (i = 0; i < num; i++)
		fprintf(out,
			"\t\t/* 00:%02x.0: ivshmem link, peer %u of %u */\n"
			"\t\t{\n"
			"\t\t\t.type = JAILHOUSE_PCI_TYPE_IVSHMEM,\n"
			"\t\t\t.bdf = 0x%x << 3,\n"
			"\t\t\t.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,\n"
			"\t\t\t.shmem_regions_start = %u,\n"
			"\t\t\t.shmem_dev_id = %u,\n"
			"\t\t\t.shmem_peers = %u,\n"
			"\t\t\t.shmem_protocol = %s,\n"
			"\t\t},\n",
			pci[i].bdf >> 3, pci[i].shmem_dev_id,
			pci[i].shmem_peers, pci[i].bdf >> 3,
			pci[i].shmem_regions_start, pci[i].shmem_dev_id,
			pci[i].shmem_peers,
			pci[i].shmem_protocol == JAILHOUSE_SHMEM_PROTO_VETH ?
			"JAILHOUSE_SHMEM_PROTO_VETH" :
			"JAILHOUSE_SHMEM_PROTO_UNDEFINED");
	fprintf(out, "\t},\n");
}

int jhg_write_c(const struct jhg_board *b, const struct jhg_system *sys,
		FILE *out)
{
	const struct jailhouse_system *h = &sys->header;
	char member[64];

	fprintf(out,
		"/*\n"
		" * System configuration for %s, made by\n"
		" * \"jailhouse config create\" from %s%s%s.\n"
		" * Check what is marked \"guessed\" before the first enable.\n"
		" */\n"
		"#include <jailhouse/types.h>\n"
		"#include <jailhouse/cell-config.h>\n\n"
		"struct {\n"
		"\tstruct jailhouse_system header;\n"
		"\t__u64 cpus[%u];\n"
		"\tstruct jailhouse_memory mem_regions[%u];\n"
		"\tstruct jailhouse_irqchip irqchips[%u];\n"
		"%s"
		"} __attribute__((packed)) config = {\n"
		"\t.header = {\n"
		"\t\t.signature = JAILHOUSE_SYSTEM_SIGNATURE,\n"
		"\t\t.revision = JAILHOUSE_CONFIG_REVISION,\n"
		"\t\t.architecture = JAILHOUSE_ARM64,\n"
		"\t\t.flags = JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE,\n"
		"\t\t.hypervisor_memory = {\n"
		"\t\t\t/* %s */\n"
		"\t\t\t.phys_start = 0x%llx,\n"
		"\t\t\t.size = 0x%llx,\n"
		"\t\t},\n",
		b->model[0] ? b->model : "this board", b->dtb_source,
		b->have_iomem ? " and " : "",
		b->have_iomem ? b->iomem_source : "",
		(sys->num_cpus + 63) / 64, sys->num_regions, sys->num_irqchips,
		pci_member(member, sizeof(member), sys->num_links),
		sys->hv_comment,
		(unsigned long long)h->hypervisor_memory.phys_start,
		(unsigned long long)h->hypervisor_memory.size);
	print_console(out, b, h);
	print_platform(out, b, sys);
	fprintf(out,
		"\t\t.root_cell = {\n"
		"\t\t\t.name = \"%s\",\n"
		"\t\t\t.cpu_set_size = sizeof(config.cpus),\n"
		"\t\t\t.num_memory_regions = ARRAY_SIZE(config.mem_regions),\n"
		"\t\t\t.num_irqchips = ARRAY_SIZE(config.irqchips),\n%s",
		sys->name, sys->num_links ?
		"\t\t\t.num_pci_devices = ARRAY_SIZE(config.pci_devices),\n" : "");
	if (h->platform_info.pci_is_virtual)
		fprintf(out,
			"\t\t\t/* INTx of 00:00.0 is INTID %u (guessed: no\n"
			"\t\t\t * device in the tree uses it or the next three) */\n"
			"\t\t\t.vpci_irq_base = %u,\n",
			sys->vpci_irq_base + 32, sys->vpci_irq_base);
	fprintf(out, "\t\t},\n\t},\n\n");
	print_cpus(out, b, sys);
	print_regions(out, sys->regions, sys->num_regions);
	print_irqchips(out, sys->irqchips, sys->num_irqchips);
	print_pci(out, sys->pci, sys->num_links);
	fprintf(out, "};\n");
	return ferror(out) ? -EIO : 0;
}

/* The CPU bits of a cell as "1", "2-3", "1,3". */
static void print_cpu_list(FILE *out, const uint64_t *bits, unsigned int num)
{
	unsigned int cpu, last;
	bool first = true;

	for (cpu = 0; cpu < num; cpu++) {
		if (!(bits[cpu / 64] & (1ULL << (cpu % 64))))
			continue;
		for (last = cpu; last + 1 < num &&
		     (bits[(last + 1) / 64] & (1ULL << ((last + 1) % 64)));)
			last++;
		fprintf(out, first ? "%u" : ",%u", cpu);
		if (last > cpu)
			fprintf(out, "-%u", last);
		first = false;
		cpu = last;
	}
}

int jhg_write_cell_c(const struct jhg_board *b, const struct jhg_cell *c,
		     FILE *out)
{
	const struct jailhouse_cell_desc *d = &c->desc;
	unsigned int i, words = (c->num_cpus + 63) / 64;
	char member[64];

	fprintf(out,
		"/*\n"
		" * Cell \"%s\" for %s, made by \"jailhouse config create\"\n"
		" * from %s%s%s.\n"
		" * Check what is marked \"guessed\" before the first start.\n"
		" */\n"
		"#include <jailhouse/types.h>\n"
		"#include <jailhouse/cell-config.h>\n\n"
		"struct {\n"
		"\tstruct jailhouse_cell_desc cell;\n"
		"\t__u64 cpus[%u];\n"
		"\tstruct jailhouse_memory mem_regions[%u];\n"
		"\tstruct jailhouse_irqchip irqchips[%u];\n"
		"%s"
		"} __attribute__((packed)) config = {\n"
		"\t.cell = {\n"
		"\t\t.signature = JAILHOUSE_CELL_DESC_SIGNATURE,\n"
		"\t\t.architecture = JAILHOUSE_ARM64,\n"
		"\t\t.revision = JAILHOUSE_CONFIG_REVISION,\n"
		"\t\t.name = \"%s\",\n"
		"\t\t.flags = JAILHOUSE_CELL_PASSIVE_COMMREG |\n"
		"\t\t\t JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED,\n"
		"\t\t.cpu_set_size = sizeof(config.cpus),\n"
		"\t\t.num_memory_regions = ARRAY_SIZE(config.mem_regions),\n"
		"\t\t.num_irqchips = ARRAY_SIZE(config.irqchips),\n"
		"\t\t.cpu_reset_address = 0,\n",
		d->name, b->model[0] ? b->model : "this board",
		b->dtb_source, b->have_iomem ? " and " : "",
		b->have_iomem ? b->iomem_source : "", words, c->num_regions,
		c->num_irqchips, pci_member(member, sizeof(member), c->num_pci),
		d->name);
	if (c->num_pci)
		fprintf(out,
			"\t\t.num_pci_devices = ARRAY_SIZE(config.pci_devices),\n"
			"\t\t/* INTx of 00:00.0 is INTID %u, of 00:01.0 the next */\n"
			"\t\t.vpci_irq_base = %u,\n",
			d->vpci_irq_base + 32, d->vpci_irq_base);
	if (d->console.type != JAILHOUSE_CON_TYPE_NONE)
		print_con_fields(out, "console", &d->console, "\t\t");
	fprintf(out, "\t},\n\n\t/* CPU%s ", c->num_cpus > 2 ? "s" : "");
	print_cpu_list(out, c->cpu_bits, c->num_cpus);
	fprintf(out, " */\n\t.cpus = {");
	for (i = 0; i < words; i++)
		fprintf(out, "%s0x%llx", i ? ", " : " ",
			(unsigned long long)c->cpu_bits[i]);
	fprintf(out, " },\n\n");
	if (c->mem_guessed)
		fprintf(out, "\t/* RAM: the highest free (guessed: no other cell's) */\n");
	print_regions(out, c->regions, c->num_regions);
	print_irqchips(out, c->irqchips, c->num_irqchips);
	print_pci(out, c->pci, c->num_pci);
	fprintf(out, "};\n");
	return ferror(out) ? -EIO : 0;
}
