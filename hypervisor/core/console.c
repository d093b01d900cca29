// SPDX-License-Identifier: GPL-2.0
/*
 * Console: the in-memory ring the driver reads (header.console_page) and
 * the debug UART, written under one lock so lines do not interleave.
 */
#include <jailhouse/console.h>
#include <jailhouse/control.h>
#include <jailhouse/percpu.h>
#include <jailhouse/printk.h>
#include <jailhouse/uart.h>
#include <asm/spinlock.h>

struct jailhouse_console_page console_page __section(".console");

static spinlock_t console_lock;
static const struct uart_chip *uart;
static void *uart_base;

void console_init(const struct uart_chip *chip, void *base)
{
	uart_base = base;
	uart = chip;
}

static void ring_putc(char c)
{
	console_page.content[console_page.tail % JAILHOUSE_CONSOLE_SIZE] = c;
	console_page.tail++;
}

/*
 * A UART shared with a cell can be switched off or held by flow control
 * by the cell; waiting for it could then hang every CPU that prints. A
 * character gets a bound, after which output goes to the ring only until
 * the UART takes characters again.
 */
#define UART_CHAR_TIMEOUT_MS	10

static bool uart_stuck;

static bool uart_wait(void)
{
	u64 deadline;

	if (!uart->tx_full(uart_base))
		return true;
	if (uart_stuck)
		return false;
	deadline = deadline_after_ms(UART_CHAR_TIMEOUT_MS);
	while (uart->tx_full(uart_base))
		if (deadline_passed(deadline))
			return false;
	return true;
}

void console_write(const char *s)
{
	spin_lock(&console_lock);

	/* Readers wait while busy is set and retry if tail moved. */
	WRITE_ONCE(console_page.busy, 1);
	dmb(ishst);
	for (const char *p = s; *p; p++)
		ring_putc(*p);
	dmb(ishst);
	WRITE_ONCE(console_page.busy, 0);

	for (; uart && *s; s++) {
		if (*s == '\n') {
			uart_stuck = !uart_wait();
			if (uart_stuck)
				break;
			uart->putc(uart_base, '\r');
		}
		uart_stuck = !uart_wait();
		if (uart_stuck)
			break;
		uart->putc(uart_base, *s);
	}

	spin_unlock(&console_lock);
}

/*
 * Cells print one character per hypercall. Collected into whole lines,
 * their output cannot split another CPU's line or the hypervisor's.
 */
void console_cpu_putc(struct per_cpu *cpu_data, char c)
{
	if (!c)
		return;
	cpu_data->con_line[cpu_data->con_len++] = c;
	if (c == '\n' || cpu_data->con_len == sizeof(cpu_data->con_line) - 1)
		console_cpu_flush(cpu_data);
}

/* What is left of a line, e.g. before the CPU goes off. */
void console_cpu_flush(struct per_cpu *cpu_data)
{
	if (!cpu_data->con_len)
		return;
	cpu_data->con_line[cpu_data->con_len] = '\0';
	cpu_data->con_len = 0;
	console_write(cpu_data->con_line);
}
