// SPDX-License-Identifier: GPL-2.0
/*
 * Deadlines on the arch's free-running counter, for every wait that must
 * end (a CPU that does not answer, a register that does not settle).
 */
#include <jailhouse/control.h>

/*
 * Assumed if the arch reports an implausible counter frequency (firmware
 * left it 0, or below 1 MHz): too high only makes waits longer.
 */
#define COUNTER_FREQ_MIN	1000000UL
#define COUNTER_FREQ_FALLBACK	1000000000UL

u64 counter_freq(void)
{
	u64 freq = arch_counter_freq();

	return freq < COUNTER_FREQ_MIN ? COUNTER_FREQ_FALLBACK : freq;
}

u64 deadline_after_ms(unsigned long ms)
{
	/* freq < 2^32 (CNTFRQ is 32 bits), ms in seconds: no overflow */
	return arch_counter_read() + counter_freq() * ms / 1000;
}

/* Compared as a difference, so a counter wrap cannot end a wait early. */
bool deadline_passed(u64 deadline)
{
	return (s64)(arch_counter_read() - deadline) >= 0;
}
