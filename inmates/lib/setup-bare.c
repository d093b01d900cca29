// SPDX-License-Identifier: GPL-2.0
/*
 * From the reset entry to inmate_main() for programs that run with the
 * MMU and caches off and need no comm region: linux-loader.bin, which
 * hands the kernel a CPU as the arm64 boot protocol wants it. Output
 * goes to the hypervisor's console. Every data access is a Device access
 * then; the library is built with -mstrict-align for that.
 */
#include <inmate/inmate.h>

void __noreturn inmate_start(void);

void inmate_cpu_setup(void)
{
	/* The hypervisor resets SCTLR_EL1, but do not depend on it. */
	asm volatile("msr daifset, #0xf" : : : "memory");
	write_sysreg(sctlr_el1,
		     read_sysreg(sctlr_el1) & ~(SCTLR_M | SCTLR_C | SCTLR_I));
	isb();
}

/* Called by entry.S with a stack and a cleared bss. */
void __noreturn inmate_start(void)
{
	inmate_cpu_setup();
	console_init_virtual();
	inmate_main();
	halt();
}
