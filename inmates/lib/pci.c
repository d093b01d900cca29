// SPDX-License-Identifier: GPL-2.0
/*
 * ECAM access to the virtual PCI host: the function's 4 KiB of config
 * space at base + (bdf << 12). The hypervisor emulates it; accesses are
 * naturally aligned and at most 32 bits wide, as it requires.
 */
#include <inmate/inmate.h>
#include <inmate/pci.h>

#define PCI_BUS0_FUNCTIONS	256

static unsigned long cfg_addr(u16 bdf, unsigned int reg)
{
	return comm_region()->pci_mmconfig_base + ((unsigned long)bdf << 12) +
	       reg;
}

bool pci_present(void)
{
	return comm_region()->pci_mmconfig_base != 0;
}

u32 pci_read(u16 bdf, unsigned int reg, unsigned int size)
{
	switch (size) {
	case 1:
		return mmio_read8(cfg_addr(bdf, reg));
	case 2:
		return mmio_read16(cfg_addr(bdf, reg));
	default:
		return mmio_read32(cfg_addr(bdf, reg));
	}
}

void pci_write(u16 bdf, unsigned int reg, u32 val, unsigned int size)
{
	switch (size) {
	case 1:
		mmio_write8(cfg_addr(bdf, reg), val);
		break;
	case 2:
		mmio_write16(cfg_addr(bdf, reg), val);
		break;
	default:
		mmio_write32(cfg_addr(bdf, reg), val);
	}
}

int pci_find_device(u16 vendor, u16 device, u16 from)
{
	unsigned int bdf;
	u32 id = (u32)device << 16 | vendor;

	if (!pci_present())
		return -1;
	for (bdf = from; bdf < PCI_BUS0_FUNCTIONS; bdf++)
		if (pci_read(bdf, PCI_CFG_VENDOR_ID, 4) == id)
			return bdf;
	return -1;
}

unsigned int pci_find_cap(u16 bdf, u8 id)
{
	unsigned int pos = pci_read(bdf, PCI_CFG_CAPS, 1) & ~3U;
	unsigned int hops;

	/* a list that loops is cut after as many hops as can fit */
	for (hops = 0; pos >= 0x40 && hops < 48; hops++) {
		if (pci_read(bdf, pos, 1) == id)
			return pos;
		pos = pci_read(bdf, pos + 1, 1) & ~3U;
	}
	return 0;
}
