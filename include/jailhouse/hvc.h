/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * Issuing hypercalls from EL1 on arm64 (root Linux driver and inmates).
 * x1 and x2 carry arguments and may be clobbered, as may x3.
 */
#ifndef _JAILHOUSE_HVC_H
#define _JAILHOUSE_HVC_H

#include <jailhouse/hypercall.h>

#ifndef __aarch64__
#error "<jailhouse/hvc.h> is for arm64 callers only"
#endif

#define __JH_STR(x)	#x
#define JH_STR(x)	__JH_STR(x)

static inline long jailhouse_call_arg2(unsigned long code, unsigned long arg1,
				       unsigned long arg2)
{
	register unsigned long x0 asm("x0") = code;
	register unsigned long x1 asm("x1") = arg1;
	register unsigned long x2 asm("x2") = arg2;

	asm volatile("hvc #" JH_STR(JAILHOUSE_HVC_CODE)
		     : "+r" (x0), "+r" (x1), "+r" (x2)
		     :
		     : "x3", "memory");
	return (long)x0;
}

static inline long jailhouse_call_arg1(unsigned long code, unsigned long arg1)
{
	return jailhouse_call_arg2(code, arg1, 0);
}

static inline long jailhouse_call(unsigned long code)
{
	return jailhouse_call_arg2(code, 0, 0);
}

#endif /* !_JAILHOUSE_HVC_H */
