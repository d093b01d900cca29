/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Exits from the guest and what handles them: traps.c dispatches,
 * smccc.c and psci.c answer firmware calls, mmio.c data aborts, inject.c
 * hands exceptions to the guest's EL1.
 */
#ifndef _JAILHOUSE_ASM_TRAPS_H
#define _JAILHOUSE_ASM_TRAPS_H

#include <jailhouse/percpu.h>

void arch_handle_trap(struct registers *regs);
void arch_hypercall_park_req(struct per_cpu *cpu_data);
bool arch_handle_dabt_short(struct registers *regs, u64 esr);
void arch_handle_dabt_refused(struct registers *regs, u64 esr);
void __noreturn arch_handle_fatal(struct registers *regs, unsigned long kind);
/* The start of a fatal trap's report */
void dump_regs(struct registers *regs, u64 esr);

void handle_smc(struct registers *regs);
long psci_dispatch(struct registers *regs);
int handle_dabt(struct registers *regs, u64 esr);

/* Exceptions for the guest's EL1, from the syndrome of the trapped one */
void inject_external_abort(u64 esr);
void inject_undefined(u64 esr);

#endif /* !_JAILHOUSE_ASM_TRAPS_H */
