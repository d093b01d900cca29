/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The virtual PCI host every cell sees when the system config says
 * pci_is_virtual: an ECAM window at pci_mmconfig_base for buses 0 to
 * pci_mmconfig_end_bus, emulated by the hypervisor (core/pci.c).
 */
#ifndef _JAILHOUSE_PCI_H
#define _JAILHOUSE_PCI_H

#include <jailhouse/cell.h>

#define PCI_ECAM_BUS_SIZE	0x100000UL	/* 32 devices x 8 functions x 4 KiB */

/* The ECAM window as a range the hypervisor traps; false: none. */
static inline bool pci_ecam_range(struct mem_range *range)
{
	const struct jailhouse_system *sys = system_config;

	if (!sys->platform_info.pci_is_virtual ||
	    !sys->platform_info.pci_mmconfig_base)
		return false;
	range->start = sys->platform_info.pci_mmconfig_base;
	range->size = (sys->platform_info.pci_mmconfig_end_bus + 1UL) *
		      PCI_ECAM_BUS_SIZE;
	return true;
}

/* Registers the ECAM emulation for @cell (if the system has one). */
int pci_cell_init(struct cell *cell);

#endif /* !_JAILHOUSE_PCI_H */
