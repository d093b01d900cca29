/* SPDX-License-Identifier: GPL-2.0 */
/*
 * UART drivers the console can use, transmit only.
 */
#ifndef _INMATE_UART_H
#define _INMATE_UART_H

#include <inmate/types.h>

struct uart {
	unsigned long base;
	u32 divider;
};

struct uart_driver {
	const char *name;	/* the con-type= value, as upstream spells it */
	u16 type;		/* JAILHOUSE_CON_TYPE_* */
	void (*init)(const struct uart *uart);
	void (*putc)(const struct uart *uart, char c);
};

extern const struct uart_driver uart_pl011;
extern const struct uart_driver uart_xuartps;

#endif /* !_INMATE_UART_H */
