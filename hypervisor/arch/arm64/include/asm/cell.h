/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arm64 part of a cell: the interrupts it owns.
 */
#ifndef _JAILHOUSE_ASM_CELL_H
#define _JAILHOUSE_ASM_CELL_H

#include <jailhouse/types.h>

struct arch_cell {
	__u32 spi_bitmap[32];	/* bit n: INTID n, SPIs only */
};

#endif /* !_JAILHOUSE_ASM_CELL_H */
