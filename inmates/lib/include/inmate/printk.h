/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Formatted output to the inmate console.
 *
 * Conversions: %d %i %u %x %X %o %c %s %p %%, with the flags '-' and '0',
 * a field width (or '*'), and the length modifiers l, ll, z. Output of
 * one printk() call is limited to PRINTK_MAX bytes.
 */
#ifndef _INMATE_PRINTK_H
#define _INMATE_PRINTK_H

#include <stdarg.h>
#include <inmate/types.h>

#define PRINTK_MAX	256

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
void printk(const char *fmt, ...) __printf(1, 2);

#endif /* !_INMATE_PRINTK_H */
