// SPDX-License-Identifier: GPL-2.0
/*
 * Cadence UART (Xilinx ZynqMP "xuartps"), transmit only. The line setup
 * is the firmware's or root Linux's (con-divider does not apply: the
 * baud rate takes two registers here); init only switches the
 * transmitter on, which a UART nobody opened yet still has off.
 */
#include <inmate/inmate.h>
#include <inmate/uart.h>
#include <jailhouse/uart-regs.h>

static void xuartps_init(const struct uart *uart)
{
	u32 cr = mmio_read32(uart->base + CDNS_CR);

	if (!(cr & CDNS_CR_TXEN) || (cr & CDNS_CR_TXDIS))
		mmio_write32(uart->base + CDNS_CR,
			     (cr & ~CDNS_CR_TXDIS) | CDNS_CR_TXEN);
}

static void xuartps_putc(const struct uart *uart, char c)
{
	while (mmio_read32(uart->base + CDNS_SR) & CDNS_SR_TXFULL)
		cpu_relax();
	mmio_write32(uart->base + CDNS_FIFO, (unsigned char)c);
}

const struct uart_driver uart_xuartps = {
	.name = "XUARTPS",
	.type = JAILHOUSE_CON_TYPE_XUARTPS,
	.init = xuartps_init,
	.putc = xuartps_putc,
};
