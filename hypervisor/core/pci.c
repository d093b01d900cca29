// SPDX-License-Identifier: GPL-2.0
/*
 * The virtual PCI host (see jailhouse/pci.h): configuration space by
 * ECAM, the function at bus/device/function = offset >> 12. A slot the
 * cell has no device in reads as all ones, as an empty slot does on real
 * hardware, so that a guest's bus scan finds nothing there; writing to
 * it is a guest bug and stops the cell.
 */
#include <jailhouse/mmio.h>
#include <jailhouse/pci.h>
#include <jailhouse/printk.h>

static const struct jailhouse_pci_device *pci_find(const struct cell *cell,
						   unsigned int bdf)
{
	const struct jailhouse_pci_device *dev =
		jailhouse_cell_pci_devices(cell->config);
	unsigned int n;

	for (n = 0; n < cell->config->num_pci_devices; n++)
		if (dev[n].bdf == bdf)
			return &dev[n];
	return NULL;
}

static enum mmio_result pci_ecam_access(void *arg, struct mmio_access *access)
{
	struct cell *cell = arg;
	unsigned int bdf = access->address >> 12;
	unsigned int reg = access->address & 0xfff;

	/* the CPU's view of a config register is at most 32 bits wide */
	if (access->size > 4) {
		printk("Cell \"%s\": %u-byte PCI config access at %02x:%02x.%x register 0x%x\n",
		       cell->config->name, access->size, bdf >> 8,
		       (bdf >> 3) & 0x1f, bdf & 7, reg);
		return MMIO_ERROR;
	}
	if (!pci_find(cell, bdf)) {
		if (access->is_write) {
			printk("Cell \"%s\": PCI config write to empty slot %02x:%02x.%x register 0x%x\n",
			       cell->config->name, bdf >> 8,
			       (bdf >> 3) & 0x1f, bdf & 7, reg);
			return MMIO_ERROR;
		}
		access->value = ~0UL;
		return MMIO_HANDLED;
	}
	/* Devices (ivshmem) are not emulated yet: their slots look empty. */
	if (access->is_write) {
		printk("Cell \"%s\": PCI config write to %02x:%02x.%x, a device not emulated yet\n",
		       cell->config->name, bdf >> 8, (bdf >> 3) & 0x1f,
		       bdf & 7);
		return MMIO_ERROR;
	}
	access->value = ~0UL;
	return MMIO_HANDLED;
}

int pci_cell_init(struct cell *cell)
{
	struct mem_range ecam;

	if (!pci_ecam_range(&ecam))
		return 0;
	return mmio_region_register(cell, ecam.start, ecam.size,
				    pci_ecam_access, cell);
}
