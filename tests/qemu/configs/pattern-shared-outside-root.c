/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pattern: a region marked ROOTSHARED on a page root's config does not
 * have (here 0x08f00000, between the redistributors and the UART);
 * upstream maps it into the cell and leaves root alone. config check
 * warns ("mapped into this cell only").
 */
#include "pattern.h"

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[4];
	struct jailhouse_irqchip irqchips[1];
} __attribute__((packed)) config = {
	PATTERN_CELL(0x4, 4, 0x09000000),
	.mem_regions = {
		PATTERN_UART,
		{
			.phys_start = 0x08f00000,
			.virt_start = 0x08f00000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_IO | JAILHOUSE_MEM_ROOTSHARED,
		},
		PATTERN_RAM,
		PATTERN_COMM,
	},
	.irqchips = { PATTERN_IRQCHIP },
};
