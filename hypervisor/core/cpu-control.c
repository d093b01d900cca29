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
 * target in the hypervisor. Neither waits for ever: a root CPU that does
 * not suspend aborts the command before anything changed, a cell CPU that
 * does not go off is given up on (lost) and the command goes on.
 */
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/printk.h>
#include <jailhouse/string.h>

/*
 * How long CPUs get to answer a request. Both are quick on any CPU that
 * runs (the request is an interrupt, which always reaches EL2); only one
 * stuck in the hypervisor or never powered up misses them, and root must
 * not wait for that one for ever.
 */
#define SUSPEND_TIMEOUT_MS	5000
#define STOP_TIMEOUT_MS		5000
/* after it, for CPUs nudged late or between our count and the firmware's */
#define STOP_GRACE_MS		100

/*
 * With park_req set: whether it means this CPU must power off now, as a
 * cell CPU being stopped, or a lost one, whatever cell it was given back
 * to meanwhile.
 */
bool cpu_stop_wanted(struct per_cpu *cpu_data)
{
	return cpu_data->cell != &root_cell || READ_ONCE(cpu_data->lost);
}

void cpu_handle_events(struct per_cpu *cpu_data)
{
	u32 req = __atomic_load_n(&cpu_data->suspend_req, __ATOMIC_ACQUIRE);

	if (req) {
		__atomic_store_n(&cpu_data->suspended, req, __ATOMIC_SEQ_CST);
		while (__atomic_load_n(&cpu_data->suspend_req,
				       __ATOMIC_ACQUIRE) == req)
			cpu_relax();
		__atomic_store_n(&cpu_data->suspended, 0, __ATOMIC_RELEASE);
	}
	if (cpu_must_stop(cpu_data))
		arch_cpu_power_off(cpu_data);
}

/* Numbers suspensions; only the management CPU (one at a time) counts. */
static u32 suspend_gen;

static bool root_cpu_waits(struct per_cpu *t, u32 gen, bool *sent)
{
	enum cpu_state state = __atomic_load_n(&t->state, __ATOMIC_ACQUIRE);

	if (state != CPU_RUNNING && state != CPU_ON_PENDING)
		return true;
	if (__atomic_load_n(&t->suspended, __ATOMIC_ACQUIRE) == gen)
		return true;
	/* one coming up checks for requests before it runs */
	if (state == CPU_RUNNING && !*sent) {
		arch_send_event(t);
		*sent = true;
	}
	return false;
}

/*
 * The other root CPUs wait in the hypervisor. Fails with -ETIMEDOUT,
 * everyone resumed, if one does not arrive: changing root's stage 2
 * under a CPU that still runs root Linux would fault it.
 */
int suspend_root_cpus(void)
{
	u64 deadline = deadline_after_ms(SUSPEND_TIMEOUT_MS);
	struct per_cpu *self = this_cpu_data(), *t;
	unsigned int cpu;
	bool sent;
	u32 gen;

	gen = ++suspend_gen;
	if (!gen)
		gen = ++suspend_gen;
	for_each_cpu_in_cell(cpu, &root_cell)
		if (per_cpu(cpu) != self)
			__atomic_store_n(&per_cpu(cpu)->suspend_req, gen,
					 __ATOMIC_SEQ_CST);

	for_each_cpu_in_cell(cpu, &root_cell) {
		t = per_cpu(cpu);
		if (t == self)
			continue;
		for (sent = false; !root_cpu_waits(t, gen, &sent);) {
			if (deadline_passed(deadline)) {
				printk("WARNING: root CPU %u does not answer, command aborted\n",
				       cpu);
				resume_root_cpus();
				return -ETIMEDOUT;
			}
			cpu_relax();
		}
	}
	return 0;
}

/*
 * All CPUs: some may have left root meanwhile (create). No need to wait
 * for them to go: what they answered carries this suspension's number,
 * which no later one will ask for.
 */
void resume_root_cpus(void)
{
	struct per_cpu *self = this_cpu_data();
	unsigned int cpu;

	for (cpu = 0; cpu < max_cpus; cpu++)
		if (per_cpu(cpu) != self)
			__atomic_store_n(&per_cpu(cpu)->suspend_req, 0,
					 __ATOMIC_SEQ_CST);
}

static bool cpu_down(struct per_cpu *t)
{
	enum cpu_state state = __atomic_load_n(&t->state, __ATOMIC_ACQUIRE);

	return state == CPU_OFF || state == CPU_FAILED;
}

/*
 * One pass over the cell: nudges every CPU not yet off first, then waits
 * for each, so that one stuck CPU does not eat its siblings' time.
 */
static bool cpus_all_off(struct cell *cell, u64 deadline)
{
	enum cpu_state state;
	struct per_cpu *t;
	bool all_off = true;
	unsigned int cpu;

	for_each_cpu_in_cell(cpu, cell) {
		t = per_cpu(cpu);
		if (__atomic_load_n(&t->state, __ATOMIC_ACQUIRE) == CPU_RUNNING)
			arch_send_event(t);
	}
	for_each_cpu_in_cell(cpu, cell) {
		t = per_cpu(cpu);
		if (cpu_down(t))
			continue;
		all_off = false;
		state = __atomic_load_n(&t->state, __ATOMIC_ACQUIRE);
		while (__atomic_load_n(&t->state, __ATOMIC_ACQUIRE) == state &&
		       !deadline_passed(deadline))
			cpu_relax();
	}
	return all_off;
}

/*
 * A CPU that did not stop in time: it is stuck in the hypervisor or
 * never came up. Root must go on, so the CPU is written off: failed,
 * refused to every CPU_ON, and it powers itself off if it ever gets
 * back to a point where it checks for requests (park_req stays set).
 * Its state becomes FAILED unless it marked itself off meanwhile; once
 * the firmware reports it off, cpu_reclaim() takes it back.
 */
static void cpu_give_up(struct cell *cell, struct per_cpu *t)
{
	enum cpu_state state = __atomic_load_n(&t->state, __ATOMIC_ACQUIRE);

	printk("WARNING: CPU %u of cell \"%s\" did not power off, giving up on it\n",
	       t->cpu_id, cell->config->name);
	WRITE_ONCE(t->lost, true);
	WRITE_ONCE(t->failed, true);
	if (state != CPU_OFF)
		__atomic_compare_exchange_n(&t->state, &state, CPU_FAILED,
					    false, __ATOMIC_SEQ_CST,
					    __ATOMIC_SEQ_CST);
}

/*
 * A lost CPU that the firmware now reports off went through its power
 * off after all: it runs nothing, so it is usable again.
 */
bool cpu_reclaim(struct per_cpu *t)
{
	if (!READ_ONCE(t->lost) || !cpu_down(t) || !arch_cpu_is_off(t))
		return false;
	__atomic_store_n(&t->state, CPU_OFF, __ATOMIC_SEQ_CST);
	__atomic_store_n(&t->park_req, false, __ATOMIC_SEQ_CST);
	WRITE_ONCE(t->failed, false);
	WRITE_ONCE(t->lost, false);
	printk("CPU %u is off after all, usable again\n", t->cpu_id);
	return true;
}

/*
 * Every CPU of the cell off, also one that a sibling was starting just
 * now: CPU_ON refuses targets with park_req set, and a CPU that comes up
 * with it set turns off again. A pass may see such a target off just
 * before the sibling starts it, but never the sibling off before that,
 * so two passes in a row must find all off. Bounded: what is not off by
 * the deadline (plus a short grace for the firmware's own count) is
 * given up on.
 */
void cell_stop_cpus(struct cell *cell)
{
	u64 deadline = deadline_after_ms(STOP_TIMEOUT_MS);
	struct per_cpu *t;
	unsigned int cpu, quiet = 0;

	for_each_cpu_in_cell(cpu, cell)
		__atomic_store_n(&per_cpu(cpu)->park_req, true,
				 __ATOMIC_SEQ_CST);
	while (quiet < 2 && !deadline_passed(deadline))
		quiet = cpus_all_off(cell, deadline) ? quiet + 1 : 0;

	deadline = deadline_after_ms(STOP_GRACE_MS);
	for_each_cpu_in_cell(cpu, cell) {
		t = per_cpu(cpu);
		if (READ_ONCE(t->lost) && !cpu_reclaim(t))
			continue;	/* keeps its request for good */
		/* marked off before the firmware call: wait for the real thing */
		while (!(cpu_down(t) && arch_cpu_is_off(t)) &&
		       !deadline_passed(deadline))
			cpu_relax();
		if (!cpu_down(t) || !arch_cpu_is_off(t)) {
			cpu_give_up(cell, t);
			continue;
		}
		__atomic_store_n(&t->park_req, false, __ATOMIC_SEQ_CST);
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
