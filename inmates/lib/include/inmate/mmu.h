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

#endif /* !_INMATE_MMU_H */
