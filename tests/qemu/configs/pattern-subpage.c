/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pattern: a sub-page MMIO region, as upstream's Raspberry Pi 4 and
 * Pine64 cells give a few registers of a device page with the access
 * widths allowed: here the PL011's first 0x40 bytes, 8 and 32 bits. The
 * hypervisor performs each access for the cell; root keeps the page.
 */
#include "pattern.h"

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[3];
	struct jailhouse_irqchip irqchips[1];
} __attribute__((packed)) config = {
	PATTERN_CELL(0x4, 3, 0x09000000),
	.mem_regions = {
		{
			.phys_start = 0x09000000,
			.virt_start = 0x09000000,
			.size = 0x40,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_IO | JAILHOUSE_MEM_IO_8 |
				 JAILHOUSE_MEM_IO_32 |
				 JAILHOUSE_MEM_ROOTSHARED,
		},
		PATTERN_RAM,
		PATTERN_COMM,
	},
	.irqchips = { PATTERN_IRQCHIP },
};
