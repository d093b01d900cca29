// SPDX-License-Identifier: GPL-2.0
/*
 * gic-demo: periodic virtual timer interrupts through the GIC, with the
 * delivery latency of each one (timer deadline to exception entry).
 *
 * Parameters: period-ms=N (default 100), ticks=N (stop after N ticks;
 * default 0, never), deny-shutdown (refuse shutdown requests), spin
 * (wait busy instead of in WFI, so that the latency is the delivery's
 * alone, without the wake-up of an idle CPU).
 *
 * Output:
 *   gic-demo: start cpu 1 mpidr 0x80000001 console ...
 *   gic-demo: tick 1 latency 5120 ns min 5120 avg 5120 max 5120 ns
 */
#include <inmate/inmate.h>

#define NAME			"gic-demo"
#define DEFAULT_PERIOD_MS	100

struct latency {
	u64 count;
	u64 min;
	u64 max;
	u64 sum;
};

/* bss only: a restarted cell is not reloaded */
static u64 period;
static u64 deadline;
static u64 max_ticks;
static u64 missed;
static struct latency lat;
static volatile bool done;	/* set by the IRQ handler */

static void latency_add(struct latency *l, u64 ns)
{
	if (!l->count || ns < l->min)
		l->min = ns;
	if (ns > l->max)
		l->max = ns;
	l->sum += ns;
	l->count++;
}

/* Next deadline, skipping those already past (e.g. a long stall). */
static void rearm(void)
{
	u64 now = timer_now();

	deadline += period;
	if (deadline <= now) {
		u64 skip = (now - deadline) / period + 1;

		deadline += skip * period;
		missed += skip;
	}
	timer_arm(deadline);
}

static void timer_irq(u32 intid, u64 stamp)
{
	char note[40] = "";
	u64 ns;

	if (intid != TIMER_VIRT_PPI) {
		printk(NAME ": unexpected IRQ %u\n", intid);
		return;
	}

	ns = stamp > deadline ? timer_ticks_to_ns(stamp - deadline) : 0;
	latency_add(&lat, ns);

	if (max_ticks && lat.count >= max_ticks) {
		timer_stop();
		done = true;
	} else {
		rearm();
	}

	if (missed)
		snprintf(note, sizeof(note), ", %lu deadlines missed", missed);
	printk(NAME ": tick %lu latency %lu ns min %lu avg %lu max %lu ns%s\n",
	       lat.count, ns, lat.min, lat.sum / lat.count, lat.max, note);
}

void inmate_main(void)
{
	long long period_ms = cmdline_parse_int("period-ms", DEFAULT_PERIOD_MS);
	bool allow_shutdown = !cmdline_parse_bool("deny-shutdown", false);
	bool spin = cmdline_parse_bool("spin", false);
	u64 freq = timer_freq();

	if (period_ms <= 0)
		period_ms = DEFAULT_PERIOD_MS;
	max_ticks = cmdline_parse_int("ticks", 0);

	printk(NAME ": start cpu %u mpidr 0x%lx console %s\n", cpu_id(),
	       cpu_mpidr(), console_describe());

	if (gic_init()) {
		printk(NAME ": FAIL no GIC CPU interface for this CPU (GIC v%u)\n",
		       comm_region()->gic_version);
		return;
	}
	irq_set_handler(timer_irq);
	gic_enable_ppi(TIMER_VIRT_PPI);

	period = timer_ns_to_ticks(period_ms * 1000000ULL);
	if (!period) {
		printk(NAME ": FAIL timer frequency unknown (CNTFRQ_EL0 0)\n");
		return;
	}
	printk(NAME ": timer %lu Hz, period %lld ms, PPI %u\n", freq,
	       period_ms, TIMER_VIRT_PPI);

	deadline = timer_now() + period;
	timer_arm(deadline);
	local_irq_enable();

	while (!done) {
		if (!spin)
			wfi();
		if (comm_handle_messages(NAME, allow_shutdown))
			halt();
	}

	local_irq_disable();
	printk(NAME ": done after %lu ticks, latency min %lu avg %lu max %lu ns\n",
	       lat.count, lat.min, lat.sum / lat.count, lat.max);
}
