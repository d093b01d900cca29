/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Basic types for inmates. The fixed-width names come from the ABI headers
 * so that inmate code and the ABI headers agree on them.
 */
#ifndef _INMATE_TYPES_H
#define _INMATE_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <jailhouse/types.h>

typedef __u8 u8;
typedef __u16 u16;
typedef __u32 u32;
typedef __u64 u64;
typedef __s32 s32;
typedef __s64 s64;

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define BIT(n)		(1UL << (n))

#define __noreturn	__attribute__((noreturn))
#define __printf(f, a)	__attribute__((format(printf, f, a)))
#define __weak		__attribute__((weak))
#define __aligned(n)	__attribute__((aligned(n)))
#define __section(s)	__attribute__((section(s)))

#endif /* !_INMATE_TYPES_H */
