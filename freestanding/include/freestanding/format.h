/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Formatting for code without a C library (hypervisor, inmates).
 *
 * Conversions: %d %i %u %x %X %o %c %s %p %%, with the flags '-' and '0',
 * a field width (or '*'), and the length modifiers l, ll, z. %p prints
 * 0x and the hex digits without leading zeros.
 */
#ifndef _FREESTANDING_FORMAT_H
#define _FREESTANDING_FORMAT_H

#include <stdarg.h>
#include <stddef.h>

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif /* !_FREESTANDING_FORMAT_H */
