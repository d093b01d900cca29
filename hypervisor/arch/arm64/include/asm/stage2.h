/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stage-2 translation: geometry, attributes and a CPU's switch to a
 * cell's tables (stage2.c).
 */
#ifndef _JAILHOUSE_ASM_STAGE2_H
#define _JAILHOUSE_ASM_STAGE2_H

#include <jailhouse/types.h>

struct cell;

/* Stage-2 geometry, from ID_AA64MMFR0_EL1.PARange */
extern unsigned int ipa_bits;

u64 paging_s2_attrs(u64 mem_flags);
int stage2_root_alloc(struct cell *cell);
void stage2_root_free(struct cell *cell);
void stage2_cpu_init(struct cell *cell);
void stage2_init(void);

#endif /* !_JAILHOUSE_ASM_STAGE2_H */
