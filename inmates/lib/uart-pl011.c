// SPDX-License-Identifier: GPL-2.0
/*
 * ARM PL011 UART, transmit only.
 */
#include <inmate/inmate.h>
#include <inmate/uart.h>

#define UART_DR			0x00
#define UART_FR			0x18
#define UART_IBRD		0x24
#define UART_FBRD		0x28
#define UART_LCR_H		0x2c
#define UART_CR			0x30

#define UART_FR_BUSY		BIT(3)
#define UART_FR_TXFF		BIT(5)
#define UART_LCR_H_FEN		BIT(4)
#define UART_LCR_H_WLEN_8	(3 << 5)
#define UART_CR_UARTEN		BIT(0)
#define UART_CR_TXE		BIT(8)
#define UART_CR_RXE		BIT(9)

void pl011_init(const struct uart *uart)
{
	/* Divider 0: whoever ran before (root Linux) set the UART up. */
	if (!uart->divider)
		return;

	while (mmio_read32(uart->base + UART_FR) & UART_FR_BUSY)
		cpu_relax();
	mmio_write32(uart->base + UART_CR, 0);
	mmio_write32(uart->base + UART_IBRD, uart->divider);
	mmio_write32(uart->base + UART_FBRD, 0);
	mmio_write32(uart->base + UART_LCR_H,
		     UART_LCR_H_WLEN_8 | UART_LCR_H_FEN);
	mmio_write32(uart->base + UART_CR,
		     UART_CR_UARTEN | UART_CR_TXE | UART_CR_RXE);
}

void pl011_putc(const struct uart *uart, char c)
{
	while (mmio_read32(uart->base + UART_FR) & UART_FR_TXFF)
		cpu_relax();
	mmio_write32(uart->base + UART_DR, (unsigned char)c);
}
