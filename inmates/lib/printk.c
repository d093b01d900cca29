// SPDX-License-Identifier: GPL-2.0
/*
 * printk() on top of the console; the formatting is the freestanding
 * library's.
 */
#include <inmate/inmate.h>

void printk(const char *fmt, ...)
{
	char buf[PRINTK_MAX];
	unsigned long daif;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	/* whole lines: an IRQ handler's printk waits until this one is out */
	daif = local_irq_save();
	console_write(buf);
	local_irq_restore(daif);
}
