// SPDX-License-Identifier: GPL-2.0
/*
 * Exceptions the hypervisor delivers to a guest's EL1 in place of one it
 * took itself: root Linux gets an external abort for an access its stage
 * 2 refuses, and an undefined-instruction exception for a system
 * register the hypervisor does not emulate, as it would on hardware
 * where nothing answers. Its own fault handlers then deal with the
 * culprit (SIGBUS for a process, an oops for a kernel path) and the CPU
 * stays with Linux.
 */
#include <jailhouse/types.h>
#include <asm/sysregs.h>
#include <asm/traps.h>

#define FSC_EXTERNAL		0x10	/* synchronous external abort */
#define SCTLR_EL1_SPAN		BIT(23)
#define SCTLR_EL1_DSSBS		BIT(44)

/* Vector offsets from VBAR_EL1 for a synchronous exception */
#define VEC_CUR_SP0		0x000
#define VEC_CUR_SPX		0x200
#define VEC_LOWER_A64		0x400
#define VEC_LOWER_A32		0x600

/*
 * Enter EL1 at its synchronous vector as the CPU would: the interrupted
 * state goes to ELR/SPSR_EL1, EL1h with everything masked, PAN and SSBS
 * as SCTLR_EL1 asks for on exception entry.
 */
static void enter_el1(u64 esr_el1, u64 far_el1, bool lower_ec)
{
	u64 spsr = read_sysreg(spsr_el2);
	u64 sctlr = read_sysreg(sctlr_el1);
	unsigned long offset;
	u64 pstate;

	if (spsr & SPSR_AARCH32)
		offset = VEC_LOWER_A32;
	else if ((spsr & SPSR_MODE_MASK) == SPSR_EL0T)
		offset = VEC_LOWER_A64;
	else if ((spsr & SPSR_MODE_MASK) == SPSR_EL1T)
		offset = VEC_CUR_SP0;
	else
		offset = VEC_CUR_SPX;

	/* the "current EL" class is the lower one's plus one */
	if (offset < VEC_LOWER_A64 && lower_ec)
		esr_el1 += 1UL << ESR_EC_SHIFT;

	pstate = SPSR_DAIF | SPSR_EL1H;
	if (!(sctlr & SCTLR_EL1_SPAN))
		pstate |= SPSR_PAN;
	else if (!(spsr & SPSR_AARCH32))
		pstate |= spsr & SPSR_PAN;
	if (sctlr & SCTLR_EL1_DSSBS)
		pstate |= SPSR_SSBS;

	write_sysreg(esr_el1, esr_el1);
	write_sysreg(far_el1, far_el1);
	write_sysreg(elr_el1, read_sysreg(elr_el2));
	write_sysreg(spsr_el1, spsr);
	write_sysreg(elr_el2, read_sysreg(vbar_el1) + offset);
	write_sysreg(spsr_el2, pstate);
}

void inject_external_abort(u64 esr)
{
	bool data = ESR_EC(esr) == EC_DABT_LOW;
	u64 esr_el1 = (u64)(data ? EC_DABT_LOW : EC_IABT_LOW) << ESR_EC_SHIFT;

	esr_el1 |= (esr & ESR_IL) | FSC_EXTERNAL;
	if (data)
		esr_el1 |= esr & ISS_WNR;
	enter_el1(esr_el1, read_sysreg(far_el2), true);
}

void inject_undefined(u64 esr)
{
	enter_el1((u64)EC_UNKNOWN << ESR_EC_SHIFT | (esr & ESR_IL), 0,
		  false);
}
