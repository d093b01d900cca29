// SPDX-License-Identifier: GPL-2.0
/*
 * printk() on top of the console; the formatting is the freestanding
 * library's.
 */
#include <inmate/inmate.h>

void printk(const char *fmt, ...)
{
	char buf[PRINTK_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	console_write(buf);
}
