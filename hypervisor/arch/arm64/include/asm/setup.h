/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arm64 setup: the image's symbols, the hypervisor's own tables, and a
 * CPU's way into EL1 for its cell.
 */
#ifndef _JAILHOUSE_ASM_SETUP_H
#define _JAILHOUSE_ASM_SETUP_H

#include <jailhouse/percpu.h>

extern char hyp_vectors[];
extern char arch_cpu_on_entry[];
extern char shutdown_trampoline[];
extern char __text_start[], __text_end[];
extern char __trampoline_start[];

void arch_switch_hv_tables(void);
void __noreturn arch_cpu_on_boot(struct per_cpu *cpu_data);
/* cpu-reset.c: EL1 state as after a reset, nothing of the last owner's */
void arch_reset_el1(void);

#endif /* !_JAILHOUSE_ASM_SETUP_H */
