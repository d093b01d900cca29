// SPDX-License-Identifier: GPL-2.0
/*
 * The few C library functions the compiler and the core need.
 */
#include <jailhouse/control.h>
#include <jailhouse/string.h>

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

void *memcpy(void *dest, const void *src, size_t n)
{
	const u8 *s = src;
	u8 *d = dest;

	while (n--)
		*d++ = *s++;
	return dest;
}

void *memset(void *s, int c, size_t n)
{
	u8 *p = s;

	/* Page-sized clears dominate (table pages); do them in words. */
	if (IS_ALIGNED((unsigned long)p, 8) && IS_ALIGNED(n, 8) && c == 0) {
		u64 *q = s;

		for (n /= 8; n; n--)
			*q++ = 0;
		return s;
	}
	while (n--)
		*p++ = (u8)c;
	return s;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const u8 *p = a, *q = b;

	for (; n; n--, p++, q++)
		if (*p != *q)
			return *p - *q;
	return 0;
}

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}
