/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arm64 part of a cell: the interrupts it owns, and for a non-root cell
 * how root had configured them, to give them back unchanged.
 */
#ifndef _JAILHOUSE_ASM_CELL_H
#define _JAILHOUSE_ASM_CELL_H

#include <jailhouse/types.h>

struct spi_snapshot;

struct arch_cell {
	__u32 spi_bitmap[32];	/* bit n: INTID n, SPIs only */
	struct spi_snapshot *root_spis;
};

#endif /* !_JAILHOUSE_ASM_CELL_H */
