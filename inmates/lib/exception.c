// SPDX-License-Identifier: GPL-2.0
/*
 * Exceptions taken to EL1: IRQs go to the dispatcher, a synchronous one
 * to the program's handler if it has one and takes it; everything else
 * is reported once and stops the CPU.
 */
#include <inmate/inmate.h>

/* Vector numbers are group * 4 + kind (vectors.S). */
#define VECTOR_KIND(nr)		((nr) & 3)
#define VECTOR_GROUP(nr)	((nr) >> 2)
#define KIND_IRQ		1
#define GROUP_EL1_SPX		1

/*
 * Arrays of characters, not of pointers: no absolute address in the
 * image, so that programs linked at 0 may run elsewhere (linux-loader).
 */
static const char kinds[][12] = { "synchronous", "IRQ", "FIQ", "SError" };
static const char groups[][16] = {
	"EL1 with SP_EL0", "EL1", "EL0 (AArch64)", "EL0 (AArch32)",
};

static exception_handler_t exception_handler;

void exception_set_handler(exception_handler_t handler)
{
	exception_handler = handler;
}

void exception_dispatch(u64 stamp, unsigned long nr, u64 *elr)
{
	if (VECTOR_KIND(nr) == KIND_IRQ && VECTOR_GROUP(nr) == GROUP_EL1_SPX) {
		irq_dispatch(stamp);
		return;
	}
	if (VECTOR_KIND(nr) == 0 && exception_handler &&
	    exception_handler(read_sysreg(esr_el1), elr))
		return;

	printk("inmate: unhandled %s exception from %s: ESR 0x%lx ELR 0x%lx FAR 0x%lx\n",
	       kinds[VECTOR_KIND(nr)], groups[VECTOR_GROUP(nr)],
	       read_sysreg(esr_el1), read_sysreg(elr_el1),
	       read_sysreg(far_el1));
	/* Root sees "failed"; no message will be answered any more. */
	comm_mark_failed();
	halt();
}
