// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Read accessors of configuration objects: copies of the ABI structs into
 * the library's own public types.
 */
#include <errno.h>
#include <string.h>

#include "internal.h"

JH_EXPORT uint32_t jh_config_get_flags(const struct jh_config *cfg)
{
	return jh_config_desc(cfg)->flags;
}

JH_EXPORT uint64_t jh_config_get_cpu_reset_address(const struct jh_config *cfg)
{
	return jh_config_desc(cfg)->cpu_reset_address;
}

JH_EXPORT uint64_t jh_config_get_msg_reply_timeout(const struct jh_config *cfg)
{
	return jh_config_desc(cfg)->msg_reply_timeout;
}

JH_EXPORT uint32_t jh_config_get_vpci_irq_base(const struct jh_config *cfg)
{
	return jh_config_desc(cfg)->vpci_irq_base;
}

JH_EXPORT int jh_config_get_cpus(const struct jh_config *cfg,
				 struct jh_cpuset **cpus)
{
	const struct jailhouse_cell_desc *desc = jh_config_desc(cfg);

	return jh_cpuset_from_bitmap(jh_config_get_ctx(cfg),
				     jailhouse_cell_cpu_set(desc),
				     desc->cpu_set_size, cpus);
}

static void copy_console(const struct jailhouse_console *in,
			 struct jh_console_desc *out)
{
	memset(out, 0, sizeof(*out));
	out->address = in->address;
	out->size = in->size;
	out->type = in->type;
	out->flags = in->flags;
	out->divider = in->divider;
	out->gate_nr = in->gate_nr;
	out->clock_reg = in->clock_reg;
}

JH_EXPORT void jh_config_get_console(const struct jh_config *cfg,
				     struct jh_console_desc *con)
{
	copy_console(&jh_config_desc(cfg)->console, con);
}

JH_EXPORT unsigned int jh_config_get_num_mem_regions(const struct jh_config *cfg)
{
	return jh_config_desc(cfg)->num_memory_regions;
}

JH_EXPORT int jh_config_get_mem_region(const struct jh_config *cfg,
				       unsigned int idx,
				       struct jh_mem_region *region)
{
	const struct jailhouse_cell_desc *desc = jh_config_desc(cfg);
	const struct jailhouse_memory *mem;

	if (idx >= desc->num_memory_regions)
		return jh_fail(jh_config_get_ctx(cfg), ERANGE,
			       JH_ERR_INVALID_ARGUMENT,
			       "%s: no memory region %u (it has %u)",
			       jh_config_get_source(cfg), idx,
			       desc->num_memory_regions);
	mem = &jailhouse_cell_mem_regions(desc)[idx];
	memset(region, 0, sizeof(*region));
	region->phys_start = mem->phys_start;
	region->virt_start = mem->virt_start;
	region->size = mem->size;
	region->flags = mem->flags;
	return 0;
}

JH_EXPORT unsigned int jh_config_get_num_irqchips(const struct jh_config *cfg)
{
	return jh_config_desc(cfg)->num_irqchips;
}

JH_EXPORT int jh_config_get_irqchip(const struct jh_config *cfg,
				    unsigned int idx, struct jh_irqchip *chip)
{
	const struct jailhouse_cell_desc *desc = jh_config_desc(cfg);
	const struct jailhouse_irqchip *in;

	if (idx >= desc->num_irqchips)
		return jh_fail(jh_config_get_ctx(cfg), ERANGE,
			       JH_ERR_INVALID_ARGUMENT,
			       "%s: no irqchip %u (it has %u)",
			       jh_config_get_source(cfg), idx,
			       desc->num_irqchips);
	in = &jailhouse_cell_irqchips(desc)[idx];
	memset(chip, 0, sizeof(*chip));
	chip->address = in->address;
	chip->id = in->id;
	chip->pin_base = in->pin_base;
	memcpy(chip->pin_bitmap, in->pin_bitmap, sizeof(chip->pin_bitmap));
	return 0;
}

JH_EXPORT unsigned int jh_config_get_num_pci_devices(const struct jh_config *cfg)
{
	return jh_config_desc(cfg)->num_pci_devices;
}

/* See internal.h. */
int jh_config_pci_device(const struct jh_config *cfg, unsigned int idx,
			 const struct jailhouse_pci_device **dev)
{
	const struct jailhouse_cell_desc *desc = jh_config_desc(cfg);

	if (idx >= desc->num_pci_devices)
		return jh_fail(jh_config_get_ctx(cfg), ERANGE,
			       JH_ERR_INVALID_ARGUMENT,
			       "%s: no PCI device %u (it has %u)",
			       jh_config_get_source(cfg), idx,
			       desc->num_pci_devices);
	*dev = &jailhouse_cell_pci_devices(desc)[idx];
	return 0;
}

JH_EXPORT int jh_config_get_pci_device(const struct jh_config *cfg,
				       unsigned int idx,
				       struct jh_pci_device *dev)
{
	const struct jailhouse_pci_device *in;
	int err = jh_config_pci_device(cfg, idx, &in);

	if (err)
		return err;
	memset(dev, 0, sizeof(*dev));
	dev->type = in->type;
	dev->iommu = in->iommu;
	dev->domain = in->domain;
	dev->bdf = in->bdf;
	dev->caps_start = in->caps_start;
	dev->num_caps = in->num_caps;
	dev->shmem_protocol = in->shmem_protocol;
	dev->shmem_regions_start = in->shmem_regions_start;
	dev->shmem_dev_id = in->shmem_dev_id;
	dev->shmem_peers = in->shmem_peers;
	dev->num_msi_vectors = in->num_msi_vectors;
	dev->num_msix_vectors = in->num_msix_vectors;
	return 0;
}

JH_EXPORT unsigned int jh_config_get_num_pci_caps(const struct jh_config *cfg)
{
	return jh_config_desc(cfg)->num_pci_caps;
}

JH_EXPORT unsigned int jh_config_get_num_stream_ids(const struct jh_config *cfg)
{
	return jh_config_desc(cfg)->num_stream_ids;
}

JH_EXPORT unsigned int jh_config_get_num_cache_regions(const struct jh_config *cfg)
{
	return jh_config_desc(cfg)->num_cache_regions;
}

JH_EXPORT unsigned int jh_config_get_num_pio_regions(const struct jh_config *cfg)
{
	return jh_config_desc(cfg)->num_pio_regions;
}

static int need_system(const struct jh_config *cfg, const char *what)
{
	if (jh_config_get_kind(cfg) == JH_CONFIG_SYSTEM)
		return 0;
	return jh_fail(jh_config_get_ctx(cfg), EINVAL, JH_ERR_CONFIG_KIND,
		       "%s: is a cell config, %s exists only in system configs",
		       jh_config_get_source(cfg), what);
}

JH_EXPORT int jh_config_get_system_flags(const struct jh_config *cfg,
					 uint32_t *flags)
{
	int err = need_system(cfg, "the system flags field");

	if (err)
		return err;
	*flags = jh_config_system(cfg)->flags;
	return 0;
}

JH_EXPORT int jh_config_get_platform(const struct jh_config *cfg,
				     struct jh_platform *p)
{
	const struct jailhouse_system *sys;
	int err = need_system(cfg, "platform information");

	if (err)
		return err;
	sys = jh_config_system(cfg);
	memset(p, 0, sizeof(*p));
	p->hv_phys_start = sys->hypervisor_memory.phys_start;
	p->hv_size = sys->hypervisor_memory.size;
	p->gic_version = sys->platform_info.arm.gic_version;
	p->maintenance_irq = sys->platform_info.arm.maintenance_irq;
	p->pci_domain = sys->platform_info.pci_domain;
	p->pci_mmconfig_end_bus = sys->platform_info.pci_mmconfig_end_bus;
	p->pci_is_virtual = sys->platform_info.pci_is_virtual;
	p->gicd_base = sys->platform_info.arm.gicd_base;
	p->gicc_base = sys->platform_info.arm.gicc_base;
	p->gich_base = sys->platform_info.arm.gich_base;
	p->gicv_base = sys->platform_info.arm.gicv_base;
	p->gicr_base = sys->platform_info.arm.gicr_base;
	p->pci_mmconfig_base = sys->platform_info.pci_mmconfig_base;
	return 0;
}

JH_EXPORT int jh_config_get_debug_console(const struct jh_config *cfg,
					  struct jh_console_desc *con)
{
	int err = need_system(cfg, "the debug console");

	if (err)
		return err;
	copy_console(&jh_config_system(cfg)->debug_console, con);
	return 0;
}

JH_EXPORT const char *jh_console_type_name(uint16_t type)
{
	static const char *const names[] = {
		[JAILHOUSE_CON_TYPE_NONE] = "none",
		[JAILHOUSE_CON_TYPE_EFIFB] = "efifb",
		[JAILHOUSE_CON_TYPE_8250] = "8250",
		[JAILHOUSE_CON_TYPE_PL011] = "pl011",
		[JAILHOUSE_CON_TYPE_XUARTPS] = "xuartps",
		[JAILHOUSE_CON_TYPE_MVEBU] = "mvebu",
		[JAILHOUSE_CON_TYPE_HSCIF] = "hscif",
		[JAILHOUSE_CON_TYPE_SCIFA] = "scifa",
		[JAILHOUSE_CON_TYPE_IMX] = "imx",
		[JAILHOUSE_CON_TYPE_IMX_LPUART] = "imx-lpuart",
		[JAILHOUSE_CON_TYPE_SCIF] = "scif",
	};

	if (type >= ARRAY_SIZE(names))
		return "unknown";
	return names[type];
}
