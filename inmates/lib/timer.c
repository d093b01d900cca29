// SPDX-License-Identifier: GPL-2.0
/*
 * Conversions between counter ticks and nanoseconds, and a busy wait.
 * Split into whole seconds and remainder so the products cannot overflow.
 */
#include <inmate/inmate.h>

u64 timer_ticks_to_ns(u64 ticks)
{
	u64 freq = timer_freq();

	return ticks / freq * NSEC_PER_SEC + ticks % freq * NSEC_PER_SEC / freq;
}

u64 timer_ns_to_ticks(u64 ns)
{
	u64 freq = timer_freq();

	return ns / NSEC_PER_SEC * freq + ns % NSEC_PER_SEC * freq / NSEC_PER_SEC;
}

void delay_ns(u64 ns)
{
	u64 end = timer_now() + timer_ns_to_ticks(ns);

	while (timer_now() < end)
		cpu_relax();
}
