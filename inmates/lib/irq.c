// SPDX-License-Identifier: GPL-2.0
/*
 * IRQ dispatch: acknowledge, handle and end every pending interrupt.
 */
#include <inmate/inmate.h>

static irq_handler_t irq_handler;

void irq_set_handler(irq_handler_t handler)
{
	irq_handler = handler;
}

void irq_dispatch(u64 stamp)
{
	for (;;) {
		u32 iar = gic_ack_irq();
		u32 intid = iar & GIC_IAR_INTID;

		if (intid >= GIC_SPURIOUS_MIN)
			break;
		if (irq_handler)
			irq_handler(intid, stamp);
		else
			printk("inmate: IRQ %u without a handler\n", intid);
		gic_end_irq(iar);
	}
}
