/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Hypervisor log: every line goes to the console ring that the driver
 * reads and, once set up, to the debug UART.
 */
#ifndef _JAILHOUSE_PRINTK_H
#define _JAILHOUSE_PRINTK_H

#include <jailhouse/utils.h>
#include <jailhouse/string.h>
#include <freestanding/format.h>

struct uart_chip;
struct per_cpu;

void __printf(1, 2) printk(const char *fmt, ...);

void console_init(const struct uart_chip *uart, void *base);
void console_write(const char *s);
void console_cpu_putc(struct per_cpu *cpu_data, char c);
void console_cpu_flush(struct per_cpu *cpu_data);

#endif /* !_JAILHOUSE_PRINTK_H */
