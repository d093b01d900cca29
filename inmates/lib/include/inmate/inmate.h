/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Everything an inmate needs, and the contract with the library: the
 * library starts the CPU, maps memory, checks the comm region, sets up
 * the console, then calls inmate_main(). When that returns, the CPU
 * halts with interrupts masked.
 *
 * That start is setup.c. A program linked with setup-bare.c instead runs
 * inmate_main() with the MMU and caches off, without a comm region, on
 * the hypervisor's console (see there).
 */
#ifndef _INMATE_INMATE_H
#define _INMATE_INMATE_H

#include <inmate/types.h>
#include <inmate/sysreg.h>
#include <inmate/mmio.h>
#include <inmate/string.h>
#include <inmate/printk.h>
#include <inmate/cmdline.h>
#include <inmate/comm.h>
#include <inmate/console.h>
#include <inmate/hcall.h>
#include <inmate/gic.h>
#include <inmate/irq.h>
#include <inmate/timer.h>
#include <inmate/cache.h>
#include <inmate/psci.h>
#include <inmate/smp.h>

void inmate_main(void);

/*
 * Runs before the comm region is checked. Empty by default; a test build
 * that runs without a hypervisor overrides it to fake what one provides.
 */
void board_early_init(void);

void __noreturn halt(void);

#endif /* !_INMATE_INMATE_H */
