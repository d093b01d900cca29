/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Core <-> arch interface: setup, hypercalls, CPU control and shutdown.
 */
#ifndef _JAILHOUSE_CONTROL_H
#define _JAILHOUSE_CONTROL_H

#include <jailhouse/utils.h>
#include <jailhouse/percpu.h>

struct cell;

/* Root CPUs running under the hypervisor (disable waits for them). */
extern volatile int hypervisor_active_cpus;

/* core: setup.c, hypercall.c, panic.c */
int entry(unsigned int cpu_id, struct per_cpu *cpu_data);
long hypercall(unsigned long code, unsigned long arg1, unsigned long arg2);
void __noreturn panic_park(const char *reason);

/* cpu-control.c: management requests between CPUs */
void cpu_handle_events(struct per_cpu *cpu_data);
bool cpu_stop_wanted(struct per_cpu *cpu_data);

/*
 * Whether this CPU must power off now (see cpu_stop_wanted()). Inline:
 * every exit asks, and almost always park_req alone says no.
 */
static inline bool cpu_must_stop(struct per_cpu *cpu_data)
{
	return __atomic_load_n(&cpu_data->park_req, __ATOMIC_ACQUIRE) &&
	       cpu_stop_wanted(cpu_data);
}
int suspend_root_cpus(void);
void resume_root_cpus(void);
void cell_stop_cpus(struct cell *cell);
bool cpu_reclaim(struct per_cpu *t);
void __noreturn cell_stop_self(struct per_cpu *cpu_data, const char *why);
void cell_cpus_failed_check(struct cell *cell);
void cpu_reset_stats(struct per_cpu *cpu_data);

/* arch: global init, after the page pool exists (master CPU only) */
int arch_init_early(void);
/* arch: the interrupt controller, once the console can say why it fails */
int arch_irqchip_init(void);
/* arch: record the EL2 registers as the Linux stub left them */
void arch_cpu_save_linux(struct per_cpu *cpu_data);
/* arch: this CPU's EL2 state for its cell; may fail */
int arch_cpu_init(struct per_cpu *cpu_data);
/* arch: undo arch_cpu_init, back to the state the Linux stub had */
void arch_cpu_restore(struct per_cpu *cpu_data);
/* arch: leave for EL1 with the MMU off and the stub's vectors back */
void __noreturn arch_shutdown_return(struct per_cpu *cpu_data, long ret);
/* arch: leave for EL1 with everything installed (exit frame) */
void __noreturn arch_vmreturn(struct registers *regs);
/* arch: stop this CPU in the hypervisor for good */
void __noreturn arch_park_cpu(void);
/* arch: signal SGI_EVENT to another CPU */
void arch_send_event(struct per_cpu *target);
/*
 * arch: power a CPU that is off on through the firmware, entering the
 * hypervisor, then its cell at entry with context in x0. caller: the cell
 * CPU asking (PSCI CPU_ON), NULL for root's management. Returns a PSCI
 * code (0 on success).
 */
long arch_cpu_power_on(struct per_cpu *caller, struct per_cpu *target,
		       u64 entry, u64 context);
/* arch: drop this cell CPU's GIC state and power it off */
void __noreturn arch_cpu_power_off(struct per_cpu *cpu_data);
/* arch: the firmware reports the CPU as off */
bool arch_cpu_is_off(struct per_cpu *target);
/* arch: a free-running system counter and its frequency in Hz */
u64 arch_counter_read(void);
u64 arch_counter_freq(void);

/* deadline.c: deadlines on that counter, for waits that must end */
/* The counter's ticks per second, a plausible value whatever CNTFRQ says */
u64 counter_freq(void);
u64 deadline_after_ms(unsigned long ms);
bool deadline_passed(u64 deadline);

/* Count an exit in this CPU's statistics. */
static inline void cpu_stat_inc(unsigned int stat)
{
	this_cpu_data()->stats[stat]++;
}

#endif /* !_JAILHOUSE_CONTROL_H */
