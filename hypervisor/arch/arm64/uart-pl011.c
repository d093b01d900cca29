// SPDX-License-Identifier: GPL-2.0
/*
 * PL011 output, polled. With divider 0 Linux's line setup is kept.
 */
#include <jailhouse/control.h>
#include <jailhouse/mmio.h>
#include <jailhouse/uart.h>
#include <jailhouse/uart-regs.h>

/* long enough to send the whole FIFO at 9600 baud */
#define PL011_IDLE_MS	50

static void pl011_init(void *base, const struct jailhouse_console *con)
{
	if (!con->divider)
		return;
	u64 deadline = deadline_after_ms(PL011_IDLE_MS);

	mmio_write32((u8 *)base + PL011_CR, 0);
	while ((mmio_read32((u8 *)base + PL011_FR) & PL011_FR_BUSY) &&
	       !deadline_passed(deadline))
		cpu_relax();
	mmio_write32((u8 *)base + PL011_IBRD, con->divider);
	mmio_write32((u8 *)base + PL011_LCR_H, PL011_LCR_H_WLEN_8);
	mmio_write32((u8 *)base + PL011_CR, PL011_CR_UARTEN | PL011_CR_TXE);
}

static bool pl011_tx_full(void *base)
{
	return mmio_read32((u8 *)base + PL011_FR) & PL011_FR_TXFF;
}

static void pl011_putc(void *base, char c)
{
	mmio_write32((u8 *)base + PL011_DR, (u8)c);
}

const struct uart_chip uart_pl011 = {
	.type = JAILHOUSE_CON_TYPE_PL011,
	.init = pl011_init,
	.tx_full = pl011_tx_full,
	.putc = pl011_putc,
};
