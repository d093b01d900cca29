/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Minimal TAP producer for the host unit tests: each check prints
 * "ok N - what" or "not ok N - what", done_testing() prints the plan and
 * returns the exit code.
 */
#ifndef TESTS_TAP_H
#define TESTS_TAP_H

#include <stdarg.h>
#include <stdio.h>

static int tap_count;
static int tap_failed;

__attribute__((format(printf, 2, 3)))
static inline int tap_ok(int cond, const char *fmt, ...)
{
	va_list ap;

	tap_count++;
	if (!cond)
		tap_failed++;
	printf("%sok %d - ", cond ? "" : "not ", tap_count);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	return cond;
}

#define tap_eq(got, want, fmt, ...)					\
	({								\
		unsigned long long __g = (got), __w = (want);		\
		int __r = tap_ok(__g == __w, fmt, ##__VA_ARGS__);	\
		if (!__r)						\
			printf("#   got 0x%llx, want 0x%llx\n", __g, __w); \
		__r;							\
	})

static inline int tap_done(void)
{
	printf("1..%d\n", tap_count);
	return tap_failed ? 1 : 0;
}

#endif /* TESTS_TAP_H */
