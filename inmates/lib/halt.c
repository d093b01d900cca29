// SPDX-License-Identifier: GPL-2.0
/*
 * The end of every inmate: interrupts masked, the CPU parked in WFI.
 */
#include <inmate/inmate.h>

void __noreturn halt(void)
{
	local_irq_disable();
	/* An armed timer would keep ending the wfi below. */
	timer_stop();
	for (;;)
		wfi();
}
