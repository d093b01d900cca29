// SPDX-License-Identifier: GPL-2.0
/*
 * From the reset entry to inmate_main() for the usual inmate: MMU and
 * caches on, comm region checked, console as the comm region says.
 * Programs that must run with the MMU off link setup-bare.c instead.
 */
#include <inmate/inmate.h>
#include <inmate/mmu.h>

void __noreturn inmate_start(void);

void __weak board_early_init(void)
{
}

void inmate_cpu_setup(void)
{
	mmu_enable();
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
