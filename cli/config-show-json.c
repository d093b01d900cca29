// SPDX-License-Identifier: GPL-2.0-only
/*
 * config show --json: the same facts as the text, as one JSON object.
 * Numbers are numbers (addresses below 2^53 stay exact), flags arrays of
 * the names the text shows, unknown bits as one more number.
 */
#include <stdio.h>

#include "cli.h"
#include "config-names.h"
#include "config-show.h"

static void json_flags(struct json *j, const char *key, uint64_t flags,
		       const struct flag_name *names)
{
	const struct flag_name *f;

	json_array_begin(j, key);
	for (f = names; f->name; f++) {
		if (flags & f->bit)
			json_string(j, NULL, f->name);
		flags &= ~f->bit;
	}
	if (flags)
		json_uint(j, NULL, flags);
	json_array_end(j);
}

static void json_console(struct json *j, const char *key,
			 const struct jh_console_desc *c)
{
	json_object_begin(j, key);
	json_string(j, "type", jh_console_type_name(c->type));
	json_uint(j, "address", c->address);
	json_uint(j, "size", c->size);
	json_flags(j, "flags", c->flags, config_con_flags);
	json_object_end(j);
}

static void json_system(struct json *j, const struct jh_config *cfg)
{
	struct jh_console_desc con;
	struct jh_platform p;
	uint32_t flags;

	jh_config_get_system_flags(cfg, &flags);
	jh_config_get_platform(cfg, &p);
	jh_config_get_debug_console(cfg, &con);
	json_flags(j, "system_flags", flags, config_sys_flags);
	json_object_begin(j, "hypervisor_memory");
	json_uint(j, "phys_start", p.hv_phys_start);
	json_uint(j, "size", p.hv_size);
	json_object_end(j);
	json_console(j, "debug_console", &con);
	json_object_begin(j, "gic");
	json_uint(j, "version", p.gic_version);
	json_uint(j, "maintenance_irq", p.maintenance_irq);
	json_uint(j, "gicd_base", p.gicd_base);
	if (p.gic_version == 2) {
		json_uint(j, "gicc_base", p.gicc_base);
		json_uint(j, "gich_base", p.gich_base);
		json_uint(j, "gicv_base", p.gicv_base);
	} else {
		json_uint(j, "gicr_base", p.gicr_base);
	}
	json_object_end(j);
	json_object_begin(j, "pci");
	json_uint(j, "mmconfig_base", p.pci_mmconfig_base);
	json_uint(j, "mmconfig_end_bus", p.pci_mmconfig_end_bus);
	json_uint(j, "domain", p.pci_domain);
	json_bool(j, "virtual", p.pci_is_virtual);
	json_object_end(j);
}

static void json_regions(struct json *j, const struct jh_config *cfg)
{
	unsigned int i, n = jh_config_get_num_mem_regions(cfg);
	struct jh_mem_region m;

	json_array_begin(j, "memory_regions");
	for (i = 0; i < n; i++) {
		jh_config_get_mem_region(cfg, i, &m);
		json_object_begin(j, NULL);
		json_uint(j, "phys_start", m.phys_start);
		json_uint(j, "virt_start", m.virt_start);
		json_uint(j, "size", m.size);
		json_flags(j, "flags", m.flags, config_mem_flags);
		json_object_end(j);
	}
	json_array_end(j);
}

static void json_irqchips(struct json *j, const struct jh_config *cfg)
{
	unsigned int i, bit, n = jh_config_get_num_irqchips(cfg);
	struct jh_irqchip c;

	json_array_begin(j, "irqchips");
	for (i = 0; i < n; i++) {
		jh_config_get_irqchip(cfg, i, &c);
		json_object_begin(j, NULL);
		json_uint(j, "address", c.address);
		json_uint(j, "pin_base", c.pin_base);
		json_array_begin(j, "intids");
		for (bit = 0; bit < 128; bit++)
			if (c.pin_bitmap[bit / 32] & (1u << (bit % 32)))
				json_uint(j, NULL, c.pin_base + bit);
		json_array_end(j);
		json_object_end(j);
	}
	json_array_end(j);
}

void json_ivshmem_members(struct json *j, const struct jh_ivshmem *l)
{
	json_uint(j, "id", l->id);
	json_uint(j, "peers", l->peers);
	json_uint(j, "protocol", l->protocol);
	json_string(j, "protocol_name", jh_ivshmem_protocol_name(l->protocol));
	json_uint(j, "intid", l->intid);
	json_uint(j, "address", l->address);
	json_uint(j, "regions_start", l->regions_start);
	json_uint(j, "state_table_size", l->state_table_size);
	json_uint(j, "rw_size", l->rw_size);
	json_uint(j, "output_size", l->output_size);
}

static void json_link(struct json *j, const struct jh_config *cfg,
		      unsigned int idx)
{
	struct jh_ivshmem l;

	if (jh_config_get_ivshmem(cfg, idx, &l)) {
		json_string(j, "ivshmem", NULL);
		return;
	}
	json_object_begin(j, "ivshmem");
	json_ivshmem_members(j, &l);
	json_object_end(j);
}

static void json_pci(struct json *j, const struct jh_config *cfg)
{
	unsigned int i, n = jh_config_get_num_pci_devices(cfg);
	struct jh_pci_device d;
	char bdf[16];

	json_array_begin(j, "pci_devices");
	for (i = 0; i < n; i++) {
		jh_config_get_pci_device(cfg, i, &d);
		snprintf(bdf, sizeof(bdf), "%02x:%02x.%x", d.bdf >> 8,
			 (d.bdf >> 3) & 0x1f, d.bdf & 7);
		json_object_begin(j, NULL);
		json_uint(j, "domain", d.domain);
		json_string(j, "bdf", bdf);
		json_string(j, "type", config_pci_type_name(d.type));
		if (d.type == JH_PCI_TYPE_IVSHMEM)
			json_link(j, cfg, i);
		json_object_end(j);
	}
	json_array_end(j);
}

static void json_cpus(struct json *j, const struct jh_config *cfg)
{
	struct jh_cpuset *cpus;
	int cpu;

	if (jh_config_get_cpus(cfg, &cpus)) {
		json_string(j, "cpus", NULL);
		return;
	}
	json_array_begin(j, "cpus");
	for (cpu = jh_cpuset_next(cpus, -1); cpu >= 0;
	     cpu = jh_cpuset_next(cpus, cpu))
		json_int(j, NULL, cpu);
	json_array_end(j);
	jh_cpuset_free(cpus);
}

void config_show_json(const struct jh_config *cfg)
{
	bool sys = jh_config_get_kind(cfg) == JH_CONFIG_SYSTEM;
	struct jh_console_desc con;
	struct json j;

	json_init(&j, stdout);
	json_object_begin(&j, NULL);
	json_string(&j, "file", jh_config_get_source(cfg));
	json_uint(&j, "size", jh_config_get_size(cfg));
	json_uint(&j, "trailing_bytes", jh_config_get_trailing_bytes(cfg));
	json_string(&j, "kind", sys ? "system" : "cell");
	json_uint(&j, "revision", 14);
	if (sys)
		json_system(&j, cfg);
	json_string(&j, "name", jh_config_get_name(cfg));
	json_flags(&j, "flags", jh_config_get_flags(cfg), config_cell_flags);
	json_cpus(&j, cfg);
	if (!sys) {
		jh_config_get_console(cfg, &con);
		json_uint(&j, "cpu_reset_address",
			  jh_config_get_cpu_reset_address(cfg));
		json_console(&j, "console", &con);
		json_uint(&j, "msg_reply_timeout",
			  jh_config_get_msg_reply_timeout(cfg));
	}
	json_regions(&j, cfg);
	json_irqchips(&j, cfg);
	json_pci(&j, cfg);
	json_uint(&j, "num_pci_caps", jh_config_get_num_pci_caps(cfg));
	json_uint(&j, "num_stream_ids", jh_config_get_num_stream_ids(cfg));
	json_uint(&j, "num_cache_regions", jh_config_get_num_cache_regions(cfg));
	json_uint(&j, "num_pio_regions", jh_config_get_num_pio_regions(cfg));
	json_object_end(&j);
}
