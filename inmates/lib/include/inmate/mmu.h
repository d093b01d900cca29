/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stage-1 identity map and caches for the inmate (see inmates/README.md).
 */
#ifndef _INMATE_MMU_H
#define _INMATE_MMU_H

/* Called once, MMU off, before anything touches the comm region. */
void mmu_init(void);
/* Another CPU of the cell: the same map, once mmu_init() has run. */
void mmu_enable(void);
/*
 * Maps [start, start + size) as normal cached memory, in 2 MiB blocks:
 * memory the cell shares with others (ivshmem), cached as they cache it.
 * Up to one GiB besides the image's; -1 if it does not fit. Call it
 * before other CPUs of the cell run, they share the tables.
 */
int mmu_map_normal(unsigned long start, unsigned long size);

#endif /* !_INMATE_MMU_H */
