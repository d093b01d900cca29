/* SPDX-License-Identifier: GPL-2.0 */
/*
 * SMC Calling Convention and PSCI function identifiers.
 */
#ifndef _JAILHOUSE_ASM_SMCCC_H
#define _JAILHOUSE_ASM_SMCCC_H

#define SMCCC_FAST_CALL			0x80000000
#define SMCCC_64			0x40000000
#define SMCCC_OWNER(fid)		(((fid) >> 24) & 0x3f)
#define SMCCC_OWNER_ARCH		0
#define SMCCC_OWNER_STANDARD		4

#define SMCCC_VERSION			0x80000000
#define SMCCC_ARCH_FEATURES		0x80000001
#define SMCCC_VERSION_1_1		0x10001
#define SMCCC_RET_NOT_SUPPORTED		(-1)

#define PSCI_VERSION			0x84000000
#define PSCI_CPU_SUSPEND_32		0x84000001
#define PSCI_CPU_SUSPEND_64		0xc4000001
#define PSCI_CPU_OFF			0x84000002
#define PSCI_CPU_ON_32			0x84000003
#define PSCI_CPU_ON_64			0xc4000003
#define PSCI_AFFINITY_INFO_32		0x84000004
#define PSCI_AFFINITY_INFO_64		0xc4000004
#define PSCI_MIGRATE_INFO_TYPE		0x84000006
#define PSCI_SYSTEM_OFF			0x84000008
#define PSCI_SYSTEM_RESET		0x84000009
#define PSCI_FEATURES			0x8400000a

#define PSCI_VERSION_1_1		0x10001
#define PSCI_SUCCESS			0
#define PSCI_NOT_SUPPORTED		(-1)
#define PSCI_INVALID_PARAMETERS		(-2)
#define PSCI_DENIED			(-3)
#define PSCI_ALREADY_ON			(-4)
#define PSCI_ON_PENDING			(-5)
#define PSCI_MIGRATE_NOT_REQUIRED	2

/* An SMC from EL2 to the firmware (QEMU's built-in PSCI on virt). */
static inline long smc_call(unsigned long fid, unsigned long a1,
			    unsigned long a2, unsigned long a3)
{
	register unsigned long x0 asm("x0") = fid;
	register unsigned long x1 asm("x1") = a1;
	register unsigned long x2 asm("x2") = a2;
	register unsigned long x3 asm("x3") = a3;

	asm volatile("smc #0"
		     : "+r" (x0), "+r" (x1), "+r" (x2), "+r" (x3)
		     :
		     : "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11",
		       "x12", "x13", "x14", "x15", "x16", "x17", "memory");
	return x0;
}

#endif /* !_JAILHOUSE_ASM_SMCCC_H */
