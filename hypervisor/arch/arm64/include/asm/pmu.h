/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The PMU of non-root cells counts nothing at EL2 (pmu.c).
 */
#ifndef _JAILHOUSE_ASM_PMU_H
#define _JAILHOUSE_ASM_PMU_H

#include <jailhouse/percpu.h>

enum { PMU_DONE, PMU_UNDEFINED, PMU_NOT_PMU };

void pmu_cpu_init(struct per_cpu *cpu_data);
/* A trapped system register access (ISS bits as traps.c packs them) */
int pmu_access(u64 reg, bool is_read, u64 *val);

#endif /* !_JAILHOUSE_ASM_PMU_H */
