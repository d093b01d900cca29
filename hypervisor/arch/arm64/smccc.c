// SPDX-License-Identifier: GPL-2.0
/*
 * SMCs trapped from EL1 (HCR_EL2.TSC): SMCCC architecture calls are
 * answered here, standard service calls go to the PSCI emulation, all
 * other owners get NOT_SUPPORTED.
 */
#include <jailhouse/control.h>
#include <asm/smccc.h>
#include <asm/traps.h>

static long smccc_arch(struct registers *regs)
{
	switch ((u32)regs->usr[0]) {
	case SMCCC_VERSION:
		return SMCCC_VERSION_1_1;
	case SMCCC_ARCH_FEATURES:
		/* No firmware workarounds to offer on this platform. */
		return (u32)regs->usr[1] == SMCCC_ARCH_FEATURES ?
			0 : SMCCC_RET_NOT_SUPPORTED;
	default:
		return SMCCC_RET_NOT_SUPPORTED;
	}
}

void handle_smc(struct registers *regs)
{
	u32 fid = regs->usr[0];

	switch (SMCCC_OWNER(fid)) {
	case SMCCC_OWNER_ARCH:
		cpu_stat_inc(JAILHOUSE_CPU_STAT_VMEXITS_SMCCC);
		regs->usr[0] = smccc_arch(regs);
		break;
	case SMCCC_OWNER_STANDARD:
		cpu_stat_inc(JAILHOUSE_CPU_STAT_VMEXITS_PSCI);
		regs->usr[0] = psci_dispatch(regs);
		break;
	default:
		cpu_stat_inc(JAILHOUSE_CPU_STAT_VMEXITS_SMCCC);
		regs->usr[0] = SMCCC_RET_NOT_SUPPORTED;
	}
}
