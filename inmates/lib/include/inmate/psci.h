/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Firmware calls by SMC (SMCCC, PSCI 1.x): under Jailhouse the hypervisor
 * answers them for the cell's own CPUs.
 */
#ifndef _INMATE_PSCI_H
#define _INMATE_PSCI_H

#include <inmate/types.h>

#define PSCI_CPU_OFF		0x84000002UL
#define PSCI_CPU_ON		0xc4000003UL
#define PSCI_AFFINITY_INFO	0xc4000004UL

#define PSCI_AFFINITY_ON	0
#define PSCI_AFFINITY_OFF	1

/* SMCCC call with up to three arguments; x0 comes back. */
static inline long smc_call(unsigned long fid, unsigned long a1,
			    unsigned long a2, unsigned long a3)
{
	register unsigned long x0 asm("x0") = fid;
	register unsigned long x1 asm("x1") = a1;
	register unsigned long x2 asm("x2") = a2;
	register unsigned long x3 asm("x3") = a3;

	asm volatile("smc #0" : "+r" (x0), "+r" (x1), "+r" (x2), "+r" (x3)
		     : : "memory");
	return x0;
}

/* Powers the calling CPU off; returns only on failure. */
static inline long psci_cpu_off(void)
{
	return smc_call(PSCI_CPU_OFF, 0, 0, 0);
}

static inline long psci_affinity_info(u64 mpidr)
{
	return smc_call(PSCI_AFFINITY_INFO, mpidr, 0, 0);
}

#endif /* !_INMATE_PSCI_H */
