/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * Fixed-width types for the ABI headers.
 *
 * The same headers are compiled into the Linux module, the freestanding
 * hypervisor and inmates, the userspace library and the C cell configs.
 * The kernel brings its own __uNN types; everybody else gets them from the
 * compiler's <stdint.h>, which is available even with -ffreestanding.
 * Upstream configs declare their arrays as __u64/__u32, so those names are
 * part of the config source interface.
 */
#ifndef _JAILHOUSE_TYPES_H
#define _JAILHOUSE_TYPES_H

#ifdef __KERNEL__
#include <linux/types.h>
#else
#include <stdint.h>

#ifndef __JH_HAVE_UNN_TYPES
#define __JH_HAVE_UNN_TYPES
#if defined(__linux__) && !defined(__JAILHOUSE_FREESTANDING__)
#include <linux/types.h>
#else
typedef int8_t __s8;
typedef uint8_t __u8;
typedef int16_t __s16;
typedef uint16_t __u16;
typedef int32_t __s32;
typedef uint32_t __u32;
typedef int64_t __s64;
typedef uint64_t __u64;
#endif
#endif
#endif

/* Compile-time layout checks; every ABI struct is pinned by size and offset. */
#define JH_ABI_SIZE(type, size) \
	_Static_assert(sizeof(type) == (size), #type " must be " #size " bytes")
#define JH_ABI_OFFSET(type, field, off)                                      \
	_Static_assert(__builtin_offsetof(type, field) == (off),             \
		       #type "." #field " must be at offset " #off)

#endif /* !_JAILHOUSE_TYPES_H */
