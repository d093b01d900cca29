/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pattern: an all-zero region among the others, as upstream's macro for
 * ivshmem-net links writes one (the unused read/write section); it is
 * nothing. Accepted without a word.
 */
#include "pattern.h"

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[4];
	struct jailhouse_irqchip irqchips[1];
} __attribute__((packed)) config = {
	PATTERN_CELL(0x4, 4, 0x09000000),
	.mem_regions = { PATTERN_UART, { 0 }, PATTERN_RAM, PATTERN_COMM },
	.irqchips = { PATTERN_IRQCHIP },
};
