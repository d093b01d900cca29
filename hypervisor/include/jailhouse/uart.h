/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _JAILHOUSE_UART_H
#define _JAILHOUSE_UART_H

#include <jailhouse/utils.h>
#include <jailhouse/console.h>

struct uart_chip {
	__u16 type;	/* JAILHOUSE_CON_TYPE_* */
	void (*init)(void *base, const struct jailhouse_console *con);
	/* whether the transmitter takes no character now */
	bool (*tx_full)(void *base);
	/* sends one character; only after tx_full() said no */
	void (*putc)(void *base, char c);
};

extern const struct uart_chip uart_pl011;
extern const struct uart_chip uart_xuartps;

#endif /* !_JAILHOUSE_UART_H */
