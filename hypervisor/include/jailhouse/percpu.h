/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-CPU data: one page-aligned area per CPU id right behind the core
 * image. The stack comes first: entry.S finds its top at
 * PERCPU_STACK_SIZE from the area's start.
 */
#ifndef _JAILHOUSE_PERCPU_H
#define _JAILHOUSE_PERCPU_H

#include <jailhouse/utils.h>
#include <jailhouse/hypercall.h>
#include <asm/layout.h>
#include <asm/percpu.h>
#include <asm/processor.h>

enum cpu_state {
	CPU_OFF,		/* powered off: PSCI CPU_OFF, or stopped */
	CPU_ON_PENDING,		/* PSCI CPU_ON issued, not yet arrived */
	CPU_RUNNING,
	CPU_FAILED,		/* a root CPU stuck here after a fatal trap,
				   or a lost one (see per_cpu.lost) */
};

struct cell;

struct per_cpu {
	u8 stack[PERCPU_STACK_SIZE];

	unsigned int cpu_id;
	volatile enum cpu_state state;
	struct cell *cell;
	u32 stats[JAILHOUSE_NUM_CPU_STATS];

	/* Requests from a management hypercall, see cpu-control.c */
	/*
	 * Root CPU: wait in EL2 while suspend_req holds the number of a
	 * suspension (0: none); suspended says which one it waits for, so
	 * an answer to an earlier, timed-out one never counts for this one.
	 */
	volatile u32 suspend_req;
	volatile u32 suspended;
	volatile bool park_req;		/* cell CPU: power off */
	/* A cell CPU stopped by a fatal trap; cleared on start/destroy. */
	volatile bool failed;
	/*
	 * Did not report off when stopped: given up on (state CPU_FAILED),
	 * never handed out again; powers itself off should it ever come
	 * back through the hypervisor.
	 */
	volatile bool lost;

	/* Debug console output of this CPU's cell, sent line by line. */
	char con_line[128];
	unsigned int con_len;
	/*
	 * Reporting its own fatal trap: not metered (console.c), as the
	 * report is what says why the cell stopped, and a CPU fails only
	 * once per start. Cleared when the CPU boots.
	 */
	bool con_fault_report;

	/* what only the architecture knows (asm/percpu.h) */
	struct arch_per_cpu arch;
} __aligned(PAGE_SIZE);


static inline struct per_cpu *this_cpu_data(void)
{
	struct per_cpu *cpu_data;

	asm volatile("mrs %0, tpidr_el2" : "=r" (cpu_data));
	return cpu_data;
}

struct per_cpu *per_cpu(unsigned int cpu);

/* The exit frame at the top of a CPU's stack. */
static inline struct registers *cpu_frame(struct per_cpu *cpu_data)
{
	return (struct registers *)(cpu_data->stack + PERCPU_STACK_SIZE -
				    FRAME_SIZE);
}

#endif /* !_JAILHOUSE_PERCPU_H */
