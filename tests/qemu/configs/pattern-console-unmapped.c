/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pattern: the cell's console names a UART it does not map (here QEMU's
 * first virtio-mmio page); upstream creates the cell, which simply cannot
 * use that UART. config check warns (console-unmapped), the hypervisor
 * notes it.
 */
#include "pattern.h"

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[3];
	struct jailhouse_irqchip irqchips[1];
} __attribute__((packed)) config = {
	PATTERN_CELL(0x4, 3, 0x0a000000),
	.mem_regions = { PATTERN_UART, PATTERN_RAM, PATTERN_COMM },
	.irqchips = { PATTERN_IRQCHIP },
};
