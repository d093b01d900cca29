/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pattern: a cell on CPU 0, root keeping the others (upstream allows it;
 * Linux gives up its boot CPU on arm64). config check warns (cpu0).
 */
#include "pattern.h"

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[3];
	struct jailhouse_irqchip irqchips[1];
} __attribute__((packed)) config = {
	PATTERN_CELL(0x1, 3, 0x09000000),
	.mem_regions = { PATTERN_UART, PATTERN_RAM, PATTERN_COMM },
	.irqchips = { PATTERN_IRQCHIP },
};
