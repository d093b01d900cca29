/* SPDX-License-Identifier: GPL-2.0 */
/*
 * UART drivers the console can use.
 */
#ifndef _INMATE_UART_H
#define _INMATE_UART_H

#include <inmate/types.h>

struct uart {
	unsigned long base;
	u32 divider;
};

void pl011_init(const struct uart *uart);
void pl011_putc(const struct uart *uart, char c);

#endif /* !_INMATE_UART_H */
