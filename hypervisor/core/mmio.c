// SPDX-License-Identifier: GPL-2.0
/*
 * Dispatch of trapped MMIO accesses to the emulation of the range hit.
 */
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/mmio.h>
#include <jailhouse/pci.h>
#include <jailhouse/percpu.h>
#include <jailhouse/printk.h>

int mmio_region_register(struct cell *cell, unsigned long start,
			 unsigned long size, mmio_handler handler, void *arg)
{
	struct mmio_table *tab = &cell->mmio;

	if (tab->num >= MMIO_MAX_REGIONS)
		return -ENOMEM;
	tab->regions[tab->num++] = (struct mmio_region) {
		.start = start, .size = size, .handler = handler, .arg = arg,
	};
	return 0;
}

enum mmio_result mmio_handle_access(struct mmio_access *access)
{
	struct cell *cell = this_cpu_data()->cell;
	struct mmio_table *tab = &cell->mmio;
	struct mmio_region *r;

	for (r = tab->regions; r < tab->regions + tab->num; r++) {
		if (access->address < r->start ||
		    access->address + access->size > r->start + r->size)
			continue;
		access->address -= r->start;
		return r->handler(r->arg, access);
	}
	/* BARs move where the guest puts them: not in the table */
	return pci_bar_access(cell, access);
}

/* Performs the access on the real device at base + access->address. */
unsigned long mmio_perform_access(void *base, struct mmio_access *access)
{
	void *addr = (u8 *)base + access->address;

	if (access->is_write) {
		switch (access->size) {
		case 1:
			*(volatile u8 *)addr = access->value;
			break;
		case 2:
			*(volatile u16 *)addr = access->value;
			break;
		case 4:
			*(volatile u32 *)addr = access->value;
			break;
		default:
			*(volatile u64 *)addr = access->value;
		}
		return 0;
	}
	switch (access->size) {
	case 1:
		return *(volatile u8 *)addr;
	case 2:
		return *(volatile u16 *)addr;
	case 4:
		return *(volatile u32 *)addr;
	default:
		return *(volatile u64 *)addr;
	}
}
