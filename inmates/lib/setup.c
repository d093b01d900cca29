// SPDX-License-Identifier: GPL-2.0
/*
 * From the reset entry to inmate_main(), and the final halt.
 */
#include <inmate/inmate.h>
#include <inmate/mmu.h>

void __noreturn inmate_start(void);

void __weak board_early_init(void)
{
}

void __noreturn halt(void)
{
	local_irq_disable();
	/* An armed timer would keep ending the wfi below. */
	timer_stop();
	for (;;)
		wfi();
}

/* Called by entry.S with a stack and a cleared bss, MMU still off. */
void __noreturn inmate_start(void)
{
	mmu_init();
	board_early_init();

	if (!comm_region_valid()) {
		/*
		 * Wrong hypervisor ABI: report it where the root side looks
		 * and stop. There is no console yet, as the comm region
		 * describes it.
		 */
		comm_set_state(JAILHOUSE_CELL_FAILED_COMM_REV);
		halt();
	}

	console_init();
	inmate_main();

	/*
	 * Nobody answers messages from here on. In a final state the
	 * hypervisor does not ask, so shutdown and destroy still work.
	 */
	comm_set_state(JAILHOUSE_CELL_SHUT_DOWN);
	halt();
}
