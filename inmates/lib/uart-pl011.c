// SPDX-License-Identifier: GPL-2.0
/*
 * ARM PL011 UART, transmit only.
 */
#include <inmate/inmate.h>
#include <inmate/uart.h>
#include <jailhouse/uart-regs.h>

static void pl011_init(const struct uart *uart)
{
	/* Divider 0: whoever ran before (root Linux) set the UART up. */
	if (!uart->divider)
		return;

	while (mmio_read32(uart->base + PL011_FR) & PL011_FR_BUSY)
		cpu_relax();
	mmio_write32(uart->base + PL011_CR, 0);
	mmio_write32(uart->base + PL011_IBRD, uart->divider);
	mmio_write32(uart->base + PL011_FBRD, 0);
	mmio_write32(uart->base + PL011_LCR_H,
		     PL011_LCR_H_WLEN_8 | PL011_LCR_H_FEN);
	mmio_write32(uart->base + PL011_CR,
		     PL011_CR_UARTEN | PL011_CR_TXE | PL011_CR_RXE);
}

static void pl011_putc(const struct uart *uart, char c)
{
	while (mmio_read32(uart->base + PL011_FR) & PL011_FR_TXFF)
		cpu_relax();
	mmio_write32(uart->base + PL011_DR, (unsigned char)c);
}

const struct uart_driver uart_pl011 = {
	.name = "PL011",
	.type = JAILHOUSE_CON_TYPE_PL011,
	.init = pl011_init,
	.putc = pl011_putc,
};
