/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Configuration space of the cell's virtual PCI host, by ECAM at the
 * comm region's pci_mmconfig_base. A device is named by its BDF
 * (bus << 8 | device << 3 | function).
 */
#ifndef _INMATE_PCI_H
#define _INMATE_PCI_H

#include <inmate/types.h>

#define PCI_CFG_VENDOR_ID	0x00
#define PCI_CFG_COMMAND		0x04
#define PCI_CFG_CLASS		0x08
#define PCI_CFG_BAR0		0x10
#define PCI_CFG_CAPS		0x34
#define PCI_CMD_MEM		0x0002
#define PCI_CMD_MASTER		0x0004
#define PCI_CMD_INTX_OFF	0x0400
#define PCI_CAP_VNDR		0x09

/* Whether the cell has a virtual PCI host at all */
bool pci_present(void);
u32 pci_read(u16 bdf, unsigned int reg, unsigned int size);
void pci_write(u16 bdf, unsigned int reg, u32 val, unsigned int size);
/*
 * The first function at or after from with these IDs on bus 0, or -1.
 * Pass the last result + 1 to go on.
 */
int pci_find_device(u16 vendor, u16 device, u16 from);
/* Config offset of the first capability with this ID, or 0 */
unsigned int pci_find_cap(u16 bdf, u8 id);

#endif /* !_INMATE_PCI_H */
