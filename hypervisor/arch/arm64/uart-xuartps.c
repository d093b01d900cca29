// SPDX-License-Identifier: GPL-2.0
/*
 * Cadence UART (Xilinx ZynqMP "xuartps") output, polled. The line setup
 * (baud generator, mode) stays as root Linux or the firmware left it; the
 * transmitter is only switched on if it was off.
 */
#include <jailhouse/mmio.h>
#include <jailhouse/uart.h>
#include <jailhouse/uart-regs.h>

static void xuartps_init(void *base, const struct jailhouse_console *con)
{
	u32 cr = mmio_read32((u8 *)base + CDNS_CR);

	(void)con;
	if ((cr & CDNS_CR_TXEN) && !(cr & CDNS_CR_TXDIS))
		return;
	mmio_write32((u8 *)base + CDNS_CR,
		     (cr & ~CDNS_CR_TXDIS) | CDNS_CR_TXEN);
}

static bool xuartps_tx_full(void *base)
{
	return mmio_read32((u8 *)base + CDNS_SR) & CDNS_SR_TXFULL;
}

static void xuartps_putc(void *base, char c)
{
	mmio_write32((u8 *)base + CDNS_FIFO, (u8)c);
}

const struct uart_chip uart_xuartps = {
	.type = JAILHOUSE_CON_TYPE_XUARTPS,
	.init = xuartps_init,
	.tx_full = xuartps_tx_full,
	.putc = xuartps_putc,
};
