// SPDX-License-Identifier: GPL-2.0
/*
 * uart-demo: a counter line at a fixed interval, nothing else.
 *
 * Parameters: interval-ms=N (default 1000), count=N (stop after N lines;
 * default 0, never), deny-shutdown (refuse shutdown requests).
 *
 * Output:
 *   uart-demo: start cpu 1 mpidr 0x80000001 console ...
 *   uart-demo: count 1
 */
#include <inmate/inmate.h>

#define NAME			"uart-demo"
#define DEFAULT_INTERVAL_MS	1000

void inmate_main(void)
{
	long long interval_ms = cmdline_parse_int("interval-ms",
						  DEFAULT_INTERVAL_MS);
	long long count = cmdline_parse_int("count", 0);
	bool allow_shutdown = !cmdline_parse_bool("deny-shutdown", false);
	u64 interval, next;
	long long n;

	if (interval_ms <= 0)
		interval_ms = DEFAULT_INTERVAL_MS;
	interval = timer_ns_to_ticks(interval_ms * 1000000ULL);

	printk(NAME ": start cpu %u mpidr 0x%lx console %s\n", cpu_id(),
	       cpu_mpidr(), console_describe());

	next = timer_now();
	for (n = 1; count <= 0 || n <= count; n++) {
		printk(NAME ": count %lld\n", n);
		/* Absolute deadlines: printing time does not add up. */
		next += interval;
		while (timer_now() < next) {
			if (comm_handle_messages(NAME, allow_shutdown))
				halt();
			cpu_relax();
		}
	}
	printk(NAME ": done after %lld lines\n", count);
}
