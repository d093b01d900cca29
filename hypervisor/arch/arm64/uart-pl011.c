// SPDX-License-Identifier: GPL-2.0
/*
 * PL011 output, polled. With divider 0 Linux's line setup is kept.
 */
#include <jailhouse/control.h>
#include <jailhouse/mmio.h>
#include <jailhouse/uart.h>

#define UART_DR		0x00
#define UART_FR		0x18
#define UART_IBRD	0x24
#define UART_LCR_H	0x2c
#define UART_CR		0x30

#define FR_BUSY		BIT(3)
#define FR_TXFF		BIT(5)
#define LCR_H_WLEN8	0x60
#define CR_UARTEN	BIT(0)
#define CR_TXE		BIT(8)

/* long enough to send the whole FIFO at 9600 baud */
#define PL011_IDLE_MS	50

static void pl011_init(void *base, const struct jailhouse_console *con)
{
	if (!con->divider)
		return;
	u64 deadline = deadline_after_ms(PL011_IDLE_MS);

	mmio_write32((u8 *)base + UART_CR, 0);
	while ((mmio_read32((u8 *)base + UART_FR) & FR_BUSY) &&
	       !deadline_passed(deadline))
		cpu_relax();
	mmio_write32((u8 *)base + UART_IBRD, con->divider);
	mmio_write32((u8 *)base + UART_LCR_H, LCR_H_WLEN8);
	mmio_write32((u8 *)base + UART_CR, CR_UARTEN | CR_TXE);
}

static bool pl011_tx_full(void *base)
{
	return mmio_read32((u8 *)base + UART_FR) & FR_TXFF;
}

static void pl011_putc(void *base, char c)
{
	mmio_write32((u8 *)base + UART_DR, (u8)c);
}

const struct uart_chip uart_pl011 = {
	.type = JAILHOUSE_CON_TYPE_PL011,
	.init = pl011_init,
	.tx_full = pl011_tx_full,
	.putc = pl011_putc,
};
