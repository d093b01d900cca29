// SPDX-License-Identifier: GPL-2.0
/*
 * Console: the in-memory ring the driver reads (header.console_page) and
 * the debug UART, written under one lock so lines do not interleave.
 */
#include <jailhouse/cell.h>
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

/*
 * What a non-root cell makes the console print, its own lines and the
 * hypervisor's lines from its CPUs, is metered: a burst of 4 KiB, then 1
 * KiB a second (a tenth of a 115200-baud UART; a line ten times a second
 * fits), so that a cell in a loop can neither keep every CPU that prints
 * waiting for the UART nor wipe the 2 KiB ring more than every two
 * seconds. Lines beyond it are dropped and counted; the next line that
 * passes first says how many. Called under console_lock.
 */
#define CELL_CONSOLE_BURST	4096
#define CELL_CONSOLE_RATE	1024	/* bytes a second */

static bool cell_may_print(struct cell *cell, unsigned long len)
{
	u64 now = arch_counter_read(), freq = counter_freq(), earned;

	if (!cell->con_stamp) {
		cell->con_stamp = now;
		cell->con_credit = CELL_CONSOLE_BURST;
	}
	/* fractions stay in the stamp; 2^64 ticks are centuries away */
	earned = (now - cell->con_stamp) * CELL_CONSOLE_RATE / freq;
	if (earned) {
		cell->con_stamp += earned * freq / CELL_CONSOLE_RATE;
		cell->con_credit = MIN(CELL_CONSOLE_BURST,
				       cell->con_credit + earned);
	}
	if (len > cell->con_credit) {
		cell->con_dropped++;
		return false;
	}
	cell->con_credit -= len;
	return true;
}

static void write_locked(const char *s)
{
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
}

void console_write(const char *s)
{
	struct per_cpu *cpu_data = this_cpu_data();
	struct cell *cell = cpu_data ? cpu_data->cell : NULL;
	unsigned long len = strlen(s);
	char note[96] = "";

	spin_lock(&console_lock);
	if (cell && cell != &root_cell && !cpu_data->con_fault_report) {
		/* the note on what was dropped is charged with the line */
		if (cell->con_dropped)
			snprintf(note, sizeof(note),
				 "Cell \"%s\": %u console lines dropped (rate limit)\n",
				 cell->config->name, cell->con_dropped);
		if (!cell_may_print(cell, strlen(note) + len)) {
			spin_unlock(&console_lock);
			return;
		}
		cell->con_dropped = 0;
	}
	write_locked(note);
	write_locked(s);
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
