/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The EL1 virtual timer (CNTV_*) and the virtual counter.
 */
#ifndef _INMATE_TIMER_H
#define _INMATE_TIMER_H

#include <inmate/sysreg.h>

#define TIMER_VIRT_PPI		27

#define CNTV_CTL_ENABLE		BIT(0)
#define CNTV_CTL_IMASK		BIT(1)
#define CNTV_CTL_ISTATUS	BIT(2)

#define NSEC_PER_SEC		1000000000ULL

static inline u64 timer_freq(void)
{
	return read_sysreg(cntfrq_el0);
}

/* The counter value, ordered after the instructions before it. */
static inline u64 timer_now(void)
{
	isb();
	return read_sysreg(cntvct_el0);
}

/* Fires once the virtual counter reaches @cval. */
static inline void timer_arm(u64 cval)
{
	write_sysreg(cntv_cval_el0, cval);
	write_sysreg(cntv_ctl_el0, CNTV_CTL_ENABLE);
	isb();
}

static inline void timer_stop(void)
{
	write_sysreg(cntv_ctl_el0, 0);
	isb();
}

u64 timer_ticks_to_ns(u64 ticks);
u64 timer_ns_to_ticks(u64 ns);

/* Busy-waits @ns nanoseconds on the counter. */
void delay_ns(u64 ns);

#endif /* !_INMATE_TIMER_H */
