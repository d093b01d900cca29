/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Formatted output to the inmate console, with the conversions of
 * freestanding/format.h. Output of one printk() call is limited to
 * PRINTK_MAX bytes.
 */
#ifndef _INMATE_PRINTK_H
#define _INMATE_PRINTK_H

#include <inmate/types.h>
#include <freestanding/format.h>

#define PRINTK_MAX	256

void printk(const char *fmt, ...) __printf(1, 2);

#endif /* !_INMATE_PRINTK_H */
