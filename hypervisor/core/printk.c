// SPDX-License-Identifier: GPL-2.0
/*
 * printk() onto the console; the formatting is the freestanding
 * library's (freestanding/format.c, shared with the inmates).
 */
#include <stdarg.h>
#include <jailhouse/printk.h>

void printk(const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	console_write(buf);
}
