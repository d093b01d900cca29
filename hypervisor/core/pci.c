// SPDX-License-Identifier: GPL-2.0
/*
 * The virtual PCI host (see jailhouse/pci.h): configuration space by
 * ECAM, the function at bus/device/function = offset >> 12. A slot the
 * cell has no device in reads as all ones, as an empty slot does on real
 * hardware, so that a guest's bus scan finds nothing there. A device's
 * header is emulated here, its capabilities and registers by its model
 * (ivshmem.c). A write the device cannot take is a guest bug and stops
 * the cell: what it meant cannot be known.
 */
#include <jailhouse/errno.h>
#include <jailhouse/mmio.h>
#include <jailhouse/pci.h>
#include <jailhouse/printk.h>
#include <jailhouse/string.h>

static struct pci_device *pci_find(const struct cell *cell, unsigned int bdf)
{
	unsigned int n;

	for (n = 0; n < cell->config->num_pci_devices; n++)
		if (cell->pci_devices[n].info->bdf == bdf)
			return &cell->pci_devices[n];
	return NULL;
}

static u32 bar_size(const struct pci_device *dev)
{
	return ~dev->info->bar_mask[0] + 1;
}

/* The header (0x00-0x3f) of an ivshmem-v2 device, one 32-bit register */
static u32 header_read(const struct pci_device *dev, unsigned int reg)
{
	switch (reg) {
	case PCI_CFG_ID:
	case PCI_CFG_SUBSYS:
		return IVSHMEM_DEVICE_ID << 16 | IVSHMEM_VENDOR_ID;
	case PCI_CFG_COMMAND:
		return PCI_STS_CAPS << 16 | dev->command;
	case PCI_CFG_CLASS:
		/* revision 0; the protocol is sub-class and interface */
		return (u32)IVSHMEM_CLASS << 24 |
		       (u32)dev->info->shmem_protocol << 8;
	case PCI_CFG_BAR0:
		return dev->bar0;
	case PCI_CFG_CAPS:
		return IVSHMEM_CFG_VNDR_CAP;
	case PCI_CFG_INT:
		return jailhouse_ivshmem_pin(dev->info->bdf) << 8 |
		       dev->intx_line;
	default:
		/* header type 0, BARs 1-5 unimplemented, no ROM */
		return 0;
	}
}

/* Only the bits in mask are written; false: not a writable register */
static bool header_write(struct pci_device *dev, unsigned int reg, u32 mask,
			 u32 val)
{
	switch (reg) {
	case PCI_CFG_COMMAND:
		/* status bits are write-one-to-clear and none is ever set */
		if (mask & 0xffff)
			dev->command = (dev->command & ~mask) |
				       (val & mask & (PCI_CMD_MEM |
						      PCI_CMD_MASTER |
						      PCI_CMD_INTX_OFF));
		return true;
	case PCI_CFG_BAR0:
		dev->bar0 = ((dev->bar0 & ~mask) | (val & mask)) &
			    dev->info->bar_mask[0];
		return true;
	case PCI_CFG_INT:
		if (mask & 0xff)
			dev->intx_line = val;
		return true;
	case PCI_CFG_HEADER:	/* cache line size, latency timer */
	case PCI_CFG_ROM:	/* sized and found unimplemented */
		return true;
	default:
		if (reg > PCI_CFG_BAR0 && reg <= PCI_CFG_BAR5)
			return true;	/* unimplemented BARs read 0 */
		return false;
	}
}

static enum mmio_result device_access(struct pci_device *dev,
				      unsigned int reg,
				      struct mmio_access *access)
{
	unsigned int shift = (reg & 3) * 8, dword = reg & ~3U;
	u32 mask = (access->size == 4 ? ~0U : (1U << access->size * 8) - 1)
		   << shift;

	if (!access->is_write) {
		if (dword >= IVSHMEM_CFG_SIZE)
			access->value = ~0UL;
		else if (dword < PCI_CFG_HEADER_END)
			access->value = header_read(dev, dword) >> shift;
		else
			access->value = ivshmem_cfg_read(dev, dword) >> shift;
		access->value &= mask >> shift;
		return MMIO_HANDLED;
	}
	if (dword >= PCI_CFG_HEADER_END && dword < IVSHMEM_CFG_SIZE) {
		ivshmem_cfg_write(dev, dword, mask, access->value << shift);
		return MMIO_HANDLED;
	}
	if (dword < PCI_CFG_HEADER_END &&
	    header_write(dev, dword, mask, access->value << shift))
		return MMIO_HANDLED;
	printk("Cell \"%s\": PCI config write to " JAILHOUSE_BDF_FMT " register 0x%x, which is read-only\n",
	       dev->cell->config->name, JAILHOUSE_BDF_ARGS(dev->info->bdf), reg);
	return MMIO_ERROR;
}

static enum mmio_result pci_ecam_access(void *arg, struct mmio_access *access)
{
	struct cell *cell = arg;
	unsigned int bdf = access->address >> 12;
	unsigned int reg = access->address & 0xfff;
	struct pci_device *dev;

	/* the CPU's view of a config register is at most 32 bits wide */
	if (access->size > 4 || reg % access->size) {
		printk("Cell \"%s\": %u-byte PCI config access at " JAILHOUSE_BDF_FMT " register 0x%x\n",
		       cell->config->name, access->size, JAILHOUSE_BDF_ARGS(bdf), reg);
		return MMIO_ERROR;
	}
	dev = pci_find(cell, bdf);
	if (dev)
		return device_access(dev, reg, access);
	if (access->is_write) {
		printk("Cell \"%s\": PCI config write to empty slot " JAILHOUSE_BDF_FMT " register 0x%x\n",
		       cell->config->name, JAILHOUSE_BDF_ARGS(bdf), reg);
		return MMIO_ERROR;
	}
	access->value = ~0UL;
	return MMIO_HANDLED;
}

enum mmio_result pci_bar_access(struct cell *cell, struct mmio_access *access)
{
	struct pci_device *dev;
	unsigned int n;
	u32 base;

	for (n = 0; n < cell->config->num_pci_devices; n++) {
		dev = &cell->pci_devices[n];
		base = READ_ONCE(dev->bar0);
		if (!(READ_ONCE(dev->command) & PCI_CMD_MEM) || !base ||
		    access->address < base ||
		    access->address - base >= bar_size(dev))
			continue;
		access->address -= base;
		return ivshmem_register_access(dev, access);
	}
	return MMIO_UNHANDLED;
}

int pci_cell_init(struct cell *cell)
{
	const struct jailhouse_pci_device *info =
		jailhouse_cell_pci_devices(cell->config);
	unsigned int n, num = cell->config->num_pci_devices;
	struct mem_range ecam;
	int err;

	if (!pci_ecam_range(&ecam))
		return 0;
	if (num) {
		cell->pci_pages = DIV_ROUND_UP(num * sizeof(struct pci_device),
					       PAGE_SIZE);
		cell->pci_devices = page_alloc(&mem_pool, cell->pci_pages, 1);
		if (!cell->pci_devices)
			return -ENOMEM;
		for (n = 0; n < num; n++) {
			cell->pci_devices[n].info = &info[n];
			cell->pci_devices[n].cell = cell;
			cell->pci_devices[n].intid =
				jailhouse_ivshmem_intid(cell->config,
							info[n].bdf);
		}
		err = ivshmem_links_reserve(cell);
		if (err)
			return err;
	}
	return mmio_region_register(cell, ecam.start, ecam.size,
				    pci_ecam_access, cell);
}

void pci_cell_link(struct cell *cell)
{
	unsigned int n;

	for (n = 0; cell->pci_devices && n < cell->config->num_pci_devices; n++)
		ivshmem_link(&cell->pci_devices[n]);
}

void pci_cell_reset(struct cell *cell)
{
	struct pci_device *dev;
	unsigned int n;

	for (n = 0; cell->pci_devices && n < cell->config->num_pci_devices; n++) {
		dev = &cell->pci_devices[n];
		ivshmem_reset(dev);
		dev->command = 0;
		dev->bar0 = 0;
		dev->intx_line = 0;
	}
}

void pci_cell_exit(struct cell *cell)
{
	unsigned int n;

	if (!cell->pci_devices)
		return;
	for (n = 0; n < cell->config->num_pci_devices; n++)
		ivshmem_unlink(&cell->pci_devices[n]);
	page_free(&mem_pool, cell->pci_devices, cell->pci_pages);
	cell->pci_devices = NULL;
}
