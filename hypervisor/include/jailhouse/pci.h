/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The virtual PCI host every cell sees when the system config says
 * pci_is_virtual: an ECAM window at pci_mmconfig_base for buses 0 to
 * pci_mmconfig_end_bus, emulated by the hypervisor (core/pci.c). Its
 * only devices are ivshmem-v2 shared-memory links (core/ivshmem.c).
 */
#ifndef _JAILHOUSE_PCI_H
#define _JAILHOUSE_PCI_H

#include <jailhouse/cell.h>
#include <jailhouse/ivshmem.h>

#define PCI_ECAM_BUS_SIZE	0x100000UL	/* 32 devices x 8 functions x 4 KiB */

/* Config space header registers the emulation knows */
#define PCI_CFG_ID		0x00
#define PCI_CFG_COMMAND		0x04
#define PCI_CFG_CLASS		0x08
#define PCI_CFG_HEADER		0x0c
#define PCI_CFG_BAR0		0x10
#define PCI_CFG_BAR5		0x24
#define PCI_CFG_SUBSYS		0x2c
#define PCI_CFG_ROM		0x30
#define PCI_CFG_CAPS		0x34
#define PCI_CFG_INT		0x3c
#define PCI_CFG_HEADER_END	0x40

#define PCI_CMD_MEM		0x0002
#define PCI_CMD_MASTER		0x0004
#define PCI_CMD_INTX_OFF	0x0400
#define PCI_STS_CAPS		0x0010
#define PCI_CAP_VNDR		0x09

struct ivshmem_link;

/* A device of a cell's virtual host: what its guest has programmed. */
struct pci_device {
	const struct jailhouse_pci_device *info;
	struct cell *cell;
	u16 command;
	u8 intx_line;
	u32 bar0;
	/* ivshmem-v2 */
	struct ivshmem_link *link;	/* NULL until the cell is created */
	unsigned int intid;		/* its INTx line on the GIC */
	u32 state;
	u32 int_ctrl;
	u8 priv_ctrl;
};

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

/* pci-check.c: a config's devices, alone and against the other cells */
int pci_config_check(const struct jailhouse_cell_desc *cfg);

/*
 * pci.c: a cell's devices. init may fail and is undone by exit; link
 * makes them visible to their peers and cannot fail; reset is a cell
 * restart; exit takes them away (peers see the state go to 0).
 */
int pci_cell_init(struct cell *cell);
void pci_cell_link(struct cell *cell);
void pci_cell_reset(struct cell *cell);
void pci_cell_exit(struct cell *cell);
/* An access outside the cell's trapped ranges: a BAR, or nothing */
enum mmio_result pci_bar_access(struct cell *cell,
				struct mmio_access *access);

/* ivshmem.c: the device model behind pci.c */
int ivshmem_links_reserve(const struct cell *cell);
void ivshmem_link(struct pci_device *dev);
void ivshmem_reset(struct pci_device *dev);
void ivshmem_unlink(struct pci_device *dev);
u32 ivshmem_cfg_read(const struct pci_device *dev, unsigned int reg);
void ivshmem_cfg_write(struct pci_device *dev, unsigned int reg, u32 mask,
		       u32 val);
enum mmio_result ivshmem_register_access(struct pci_device *dev,
					 struct mmio_access *access);

#endif /* !_JAILHOUSE_PCI_H */
