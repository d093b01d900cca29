// SPDX-License-Identifier: GPL-2.0
/*
 * Requests between CPUs during management hypercalls.
 *
 * Suspend: the other root CPUs wait in the hypervisor while root's
 * stage 2 or interrupt ownership changes. A CPU acknowledges only once
 * it has left whatever it was doing in the hypervisor, so a suspension
 * also waits for their hypercalls to end.
 *
 * Stop: a cell's CPUs power themselves off through the firmware. An
 * off CPU is what Linux left behind after offlining it, and what
 * PSCI CPU_ON (from root or from the cell) starts again.
 *
 * Both are signalled by SGI_EVENT; cpu_handle_events() runs on the
 * target in the hypervisor.
 */
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/printk.h>
#include <jailhouse/string.h>

/* Polls of the firmware before giving up on a CPU that does not go off. */
#define POWER_OFF_POLLS		10000000

void cpu_handle_events(struct per_cpu *cpu_data)
{
	if (__atomic_load_n(&cpu_data->suspend_req, __ATOMIC_ACQUIRE)) {
		__atomic_store_n(&cpu_data->suspended, true, __ATOMIC_RELEASE);
		while (__atomic_load_n(&cpu_data->suspend_req, __ATOMIC_ACQUIRE))
			cpu_relax();
		__atomic_store_n(&cpu_data->suspended, false, __ATOMIC_RELEASE);
	}
	if (__atomic_load_n(&cpu_data->park_req, __ATOMIC_ACQUIRE) &&
	    cpu_data->cell != &root_cell)
		arch_cpu_power_off(cpu_data);
}

void suspend_root_cpus(void)
{
	struct per_cpu *self = this_cpu_data(), *t;
	enum cpu_state state;
	unsigned int cpu;
	bool sent;

	for_each_cpu_in_cell(cpu, &root_cell)
		if (per_cpu(cpu) != self)
			__atomic_store_n(&per_cpu(cpu)->suspend_req, true,
					 __ATOMIC_SEQ_CST);

	for_each_cpu_in_cell(cpu, &root_cell) {
		t = per_cpu(cpu);
		if (t == self)
			continue;
		for (sent = false;;) {
			state = __atomic_load_n(&t->state, __ATOMIC_ACQUIRE);
			if (state != CPU_RUNNING && state != CPU_ON_PENDING)
				break;
			if (__atomic_load_n(&t->suspended, __ATOMIC_ACQUIRE))
				break;
			/* one coming up checks for requests before it runs */
			if (state == CPU_RUNNING && !sent) {
				arch_send_event(t);
				sent = true;
			}
			cpu_relax();
		}
	}
}

/* All CPUs: some may have left root meanwhile (create). */
void resume_root_cpus(void)
{
	struct per_cpu *self = this_cpu_data();
	unsigned int cpu;

	for (cpu = 0; cpu < max_cpus; cpu++)
		if (per_cpu(cpu) != self)
			__atomic_store_n(&per_cpu(cpu)->suspend_req, false,
					 __ATOMIC_SEQ_CST);
	/* a stale "suspended" would fool the next suspension */
	for (cpu = 0; cpu < max_cpus; cpu++)
		while (__atomic_load_n(&per_cpu(cpu)->suspended,
				       __ATOMIC_ACQUIRE))
			cpu_relax();
}

static bool cpus_all_off(struct cell *cell)
{
	enum cpu_state state;
	struct per_cpu *t;
	bool all_off = true;
	unsigned int cpu;

	for_each_cpu_in_cell(cpu, cell) {
		t = per_cpu(cpu);
		state = __atomic_load_n(&t->state, __ATOMIC_ACQUIRE);
		if (state == CPU_OFF)
			continue;
		all_off = false;
		if (state == CPU_RUNNING)
			arch_send_event(t);
		while (__atomic_load_n(&t->state, __ATOMIC_ACQUIRE) == state)
			cpu_relax();
	}
	return all_off;
}

/*
 * Every CPU of the cell off, also one that a sibling was starting just
 * now: CPU_ON refuses targets with park_req set, and a CPU that comes up
 * with it set turns off again, so repeat until one pass finds all off.
 */
void cell_stop_cpus(struct cell *cell)
{
	unsigned int cpu;
	unsigned long n;

	for_each_cpu_in_cell(cpu, cell)
		__atomic_store_n(&per_cpu(cpu)->park_req, true,
				 __ATOMIC_SEQ_CST);
	while (!cpus_all_off(cell))
		;
	/* marked off before the firmware call: wait for the real thing */
	for_each_cpu_in_cell(cpu, cell) {
		for (n = 0; n < POWER_OFF_POLLS; n++)
			if (arch_cpu_is_off(per_cpu(cpu)))
				break;
		if (n == POWER_OFF_POLLS)
			printk("WARNING: CPU %u of cell \"%s\" does not power off\n",
			       cpu, cell->config->name);
		__atomic_store_n(&per_cpu(cpu)->park_req, false,
				 __ATOMIC_SEQ_CST);
	}
}

/*
 * A cell switching itself off (PSCI SYSTEM_OFF or SYSTEM_RESET): the
 * machine is root's, so only the cell stops, as if shut down by root. Its
 * siblings get the stop request; a later start or destroy goes through
 * cell_stop_cpus(), which clears the requests again.
 */
void __noreturn cell_stop_self(struct per_cpu *cpu_data, const char *why)
{
	struct cell *cell = cpu_data->cell;
	struct per_cpu *t;
	unsigned int cpu;

	printk("Cell \"%s\": %s on CPU %u, stopping the cell\n",
	       cell->config->name, why, cpu_data->cpu_id);
	for_each_cpu_in_cell(cpu, cell) {
		t = per_cpu(cpu);
		if (t == cpu_data)
			continue;
		__atomic_store_n(&t->park_req, true, __ATOMIC_SEQ_CST);
		if (__atomic_load_n(&t->state, __ATOMIC_ACQUIRE) == CPU_RUNNING)
			arch_send_event(t);
	}
	comm_set_state(cell, JAILHOUSE_CELL_SHUT_DOWN);
	arch_cpu_power_off(cpu_data);
}

/* Called by a failing cell CPU: the cell failed if none of it runs. */
void cell_cpus_failed_check(struct cell *cell)
{
	struct per_cpu *t;
	unsigned int cpu;

	for_each_cpu_in_cell(cpu, cell) {
		t = per_cpu(cpu);
		if (!READ_ONCE(t->failed) && READ_ONCE(t->state) != CPU_OFF)
			return;
	}
	comm_set_state(cell, JAILHOUSE_CELL_FAILED);
}

void cpu_reset_stats(struct per_cpu *cpu_data)
{
	memset(cpu_data->stats, 0, sizeof(cpu_data->stats));
}
