/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _JAILHOUSE_UTILS_H
#define _JAILHOUSE_UTILS_H

#include <jailhouse/types.h>

typedef __u8 u8;
typedef __u16 u16;
typedef __u32 u32;
typedef __u64 u64;
typedef __s32 s32;
typedef __s64 s64;

#ifndef NULL
#define NULL		((void *)0)
#endif

typedef _Bool bool;
#define true		1
#define false		0

#define BIT(n)			(1UL << (n))
#define ALIGN_UP(x, a)		(((x) + (a) - 1) & ~((__u64)(a) - 1))
#define ALIGN_DOWN(x, a)	((x) & ~((__u64)(a) - 1))
#define IS_ALIGNED(x, a)	(((x) & ((a) - 1)) == 0)
#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))
#define MIN(a, b)		((a) < (b) ? (a) : (b))
#define MAX(a, b)		((a) > (b) ? (a) : (b))
#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))
#endif

#define __aligned(n)		__attribute__((aligned(n)))
#define __section(s)		__attribute__((section(s)))
#define __noreturn		__attribute__((noreturn))
#define __noinline		__attribute__((noinline))
#define __unused		__attribute__((unused))
#define __printf(a, b)		__attribute__((format(printf, a, b)))

#define READ_ONCE(x)		(*(volatile typeof(x) *)&(x))
#define WRITE_ONCE(x, v)	(*(volatile typeof(x) *)&(x) = (v))

#endif /* !_JAILHOUSE_UTILS_H */
