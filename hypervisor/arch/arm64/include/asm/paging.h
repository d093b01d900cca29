/* SPDX-License-Identifier: GPL-2.0 */
/*
 * VMSAv8-64 descriptors, 4 KiB granule. The same walker serves the EL2
 * stage-1 tables and the cells' stage-2 tables; only the attribute bits
 * differ, and those are built by paging_el2_attrs()/paging_s2_attrs().
 */
#ifndef _JAILHOUSE_ASM_PAGING_H
#define _JAILHOUSE_ASM_PAGING_H

#include <asm/layout.h>

#define PAGING_LEVELS		4
#define PTES_PER_TABLE		512
#define LEVEL_SHIFT(l)		(39 - 9 * (l))

#define PTE_VALID		(1UL << 0)
#define PTE_TABLE		(1UL << 1)	/* at levels 0-2 */
#define PTE_PAGE		(1UL << 1)	/* at level 3 */
#define PTE_TYPE_MASK		3UL
#define PTE_ADDR_MASK		0x0000fffffffff000UL

/* Lower attributes shared by both stages */
#define PTE_AF			(1UL << 10)
#define PTE_SH_INNER		(3UL << 8)
#define PTE_XN			(1UL << 54)

/* EL2 stage 1 */
#define PTE_ATTRIDX(i)		((unsigned long)(i) << 2)
#define PTE_AP_RO		(1UL << 7)
#define PTE_AP1_RES1		(1UL << 6)

/* Stage 2 */
#define S2_MEMATTR_DEVICE	(0x1UL << 2)	/* Device-nGnRE */
#define S2_MEMATTR_NORMAL	(0xfUL << 2)	/* inner+outer WB */
#define S2_MEMATTR_MASK		(0xfUL << 2)
#define S2_AP_READ		(1UL << 6)
#define S2_AP_WRITE		(1UL << 7)

#endif /* !_JAILHOUSE_ASM_PAGING_H */
