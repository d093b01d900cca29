/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Core <-> arch interface: setup, hypercalls and shutdown.
 */
#ifndef _JAILHOUSE_CONTROL_H
#define _JAILHOUSE_CONTROL_H

#include <jailhouse/utils.h>
#include <jailhouse/percpu.h>

extern volatile int hypervisor_active_cpus;

/* core */
int entry(unsigned int cpu_id, struct per_cpu *cpu_data);
long hypercall(unsigned long code, unsigned long arg1, unsigned long arg2);
void __noreturn panic_park(const char *reason);

/* arch: global init, after the page pool exists (master CPU only) */
int arch_init_early(void);
/* arch: record the EL2 registers as the Linux stub left them */
void arch_cpu_save_linux(struct per_cpu *cpu_data);
/* arch: this CPU's EL2 state for the root cell; may fail */
int arch_cpu_init(struct per_cpu *cpu_data);
/* arch: undo arch_cpu_init, back to the state the Linux stub had */
void arch_cpu_restore(struct per_cpu *cpu_data);
/* arch: leave for EL1 with the MMU off and the stub's vectors back */
void __noreturn arch_shutdown_return(struct per_cpu *cpu_data, long ret);
/* arch: leave for EL1 with everything installed (exit frame) */
void __noreturn arch_vmreturn(struct registers *regs);
void __noreturn arch_park_cpu(void);

/* Count an exit in this CPU's statistics. */
static inline void cpu_stat_inc(unsigned int stat)
{
	this_cpu_data()->stats[stat]++;
}

#endif /* !_JAILHOUSE_CONTROL_H */
