// SPDX-License-Identifier: GPL-2.0
/*
 * The PCI devices of a config, before anything changes: on a virtual
 * host they can only be ivshmem-v2 devices (include/jailhouse/ivshmem.h
 * has the rules each follows, the same the checker applies), in a slot
 * of their own, ringing an interrupt line the cell owns, and agreeing
 * with the devices of the same slot in the other cells: one link. Reads
 * configs only, so the host fuzz target runs it too.
 */
#include <jailhouse/cell.h>
#include <jailhouse/errno.h>
#include <jailhouse/pci.h>
#include <jailhouse/printk.h>

static const char *const device_faults[] = {
	[JAILHOUSE_IVSHMEM_PEERS] = "shmem_peers must be 1 to 12",
	[JAILHOUSE_IVSHMEM_DEV_ID] = "shmem_dev_id must be below shmem_peers",
	[JAILHOUSE_IVSHMEM_REGIONS] =
		"shmem_regions_start: the state table, the read/write section and one output section per peer must be memory regions of the config",
	[JAILHOUSE_IVSHMEM_BAR_MASK] =
		"bar_mask[0] must be a 4 KiB or a 64 KiB register page",
	[JAILHOUSE_IVSHMEM_MSIX] =
		"num_msix_vectors: MSI-X needs an ITS this GIC does not have; use INTx (JAILHOUSE_IVSHMEM_BAR_MASK_INTX)",
	[JAILHOUSE_IVSHMEM_STATE_TABLE] =
		"the state table region is smaller than 4 bytes per peer",
	[JAILHOUSE_IVSHMEM_STATE_WRITABLE] =
		"the state table region is writable (only the hypervisor writes it)",
	[JAILHOUSE_IVSHMEM_OUTPUT_SIZE] =
		"the output sections differ in size",
	[JAILHOUSE_IVSHMEM_OUTPUT_WRITABLE] =
		"another peer's output section is writable",
	[JAILHOUSE_IVSHMEM_GAP] =
		"the regions are not consecutive in guest addresses",
};

static const char *const link_faults[] = {
	[JAILHOUSE_IVSHMEM_LINK_PEERS] = "shmem_peers",
	[JAILHOUSE_IVSHMEM_LINK_PROTOCOL] = "shmem_protocol",
	[JAILHOUSE_IVSHMEM_LINK_ID] = "shmem_dev_id (both take it)",
	[JAILHOUSE_IVSHMEM_LINK_MEMORY] = "host address or size of section",
};

/* The device against the same slot in every other cell: one link */
static int check_link(const struct jailhouse_cell_desc *cfg,
		      const struct jailhouse_pci_device *dev, unsigned int n)
{
	const struct jailhouse_pci_device *other;
	enum jailhouse_ivshmem_link_fault fault;
	struct cell *cell;
	unsigned int i, section;

	for_each_cell(cell) {
		if (cell->config == cfg)
			continue;
		other = jailhouse_cell_pci_devices(cell->config);
		for (i = 0; i < cell->config->num_pci_devices; i++, other++) {
			if (other->bdf != dev->bdf)
				continue;
			fault = jailhouse_ivshmem_link_fault(cfg, dev,
							     cell->config,
							     other, &section);
			if (fault == JAILHOUSE_IVSHMEM_LINK_OK)
				break;
			if (fault == JAILHOUSE_IVSHMEM_LINK_MEMORY)
				printk("Cell config: PCI device %u (" JAILHOUSE_BDF_FMT "): %s %u differs from cell \"%s\"\n",
				       n, JAILHOUSE_BDF_ARGS(dev->bdf), link_faults[fault],
				       section, cell->config->name);
			else
				printk("Cell config: PCI device %u (" JAILHOUSE_BDF_FMT "): %s differs from cell \"%s\"\n",
				       n, JAILHOUSE_BDF_ARGS(dev->bdf), link_faults[fault],
				       cell->config->name);
			return -EINVAL;
		}
	}
	return 0;
}

static int check_device(const struct jailhouse_cell_desc *cfg,
			const struct jailhouse_pci_device *dev, unsigned int n)
{
	const struct jailhouse_system *sys = system_config;
	enum jailhouse_ivshmem_fault fault;
	unsigned int region, intid;

	if (dev->type != JAILHOUSE_PCI_TYPE_IVSHMEM) {
		printk("Cell config: PCI device %u (" JAILHOUSE_BDF_FMT "): type %u; the virtual PCI host has only ivshmem devices (type %u)\n",
		       n, JAILHOUSE_BDF_ARGS(dev->bdf), dev->type,
		       JAILHOUSE_PCI_TYPE_IVSHMEM);
		return -EINVAL;
	}
	if ((dev->bdf >> 8) > sys->platform_info.pci_mmconfig_end_bus) {
		printk("Cell config: PCI device %u (" JAILHOUSE_BDF_FMT "): bus beyond the host's last bus %u\n",
		       n, JAILHOUSE_BDF_ARGS(dev->bdf),
		       sys->platform_info.pci_mmconfig_end_bus);
		return -EINVAL;
	}
	fault = jailhouse_ivshmem_fault(cfg, dev, &region);
	if (fault != JAILHOUSE_IVSHMEM_OK) {
		printk("Cell config: PCI device %u (" JAILHOUSE_BDF_FMT "), region %u: %s\n",
		       n, JAILHOUSE_BDF_ARGS(dev->bdf), region, device_faults[fault]);
		return -EINVAL;
	}
	intid = jailhouse_ivshmem_intid(cfg, dev->bdf);
	if (!arch_cell_config_has_irq(cfg, intid)) {
		printk("Cell config: PCI device %u (" JAILHOUSE_BDF_FMT "): its INTx, INTID %u (vpci_irq_base %u), is not among the cell's interrupts\n",
		       n, JAILHOUSE_BDF_ARGS(dev->bdf), intid, cfg->vpci_irq_base);
		return -ENXIO;
	}
	return check_link(cfg, dev, n);
}

int pci_config_check(const struct jailhouse_cell_desc *cfg)
{
	const struct jailhouse_pci_device *dev =
		jailhouse_cell_pci_devices(cfg);
	struct mem_range ecam;
	unsigned int n, i;
	int err;

	if (!cfg->num_pci_devices)
		return 0;
	if (!pci_ecam_range(&ecam)) {
		/* root's devices are real and its own; others' cannot be */
		if (cfg == &system_config->root_cell)
			return 0;
		printk("Cell config: %u PCI devices, but the system has no virtual PCI host (pci_is_virtual) and passes no real devices through\n",
		       cfg->num_pci_devices);
		return -EINVAL;
	}
	for (n = 0; n < cfg->num_pci_devices; n++) {
		for (i = 0; i < n; i++) {
			if (dev[i].bdf == dev[n].bdf) {
				printk("Cell config: PCI devices %u and %u are both at " JAILHOUSE_BDF_FMT "\n",
				       i, n, JAILHOUSE_BDF_ARGS(dev[n].bdf));
				return -EINVAL;
			}
		}
		err = check_device(cfg, &dev[n], n);
		if (err)
			return err;
	}
	return 0;
}
