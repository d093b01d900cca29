// SPDX-License-Identifier: GPL-2.0
/*
 * The EL1 state a CPU starts with after PSCI CPU_ON, in any cell: as after
 * a reset, MMU and caches off, no vectors, timers stopped, FP/SIMD usable
 * but zeroed, debug exceptions off and no breakpoints or watchpoints, PMU
 * counters off and zero with no event types.
 * Written explicitly, as real firmware need not reset these on CPU_ON,
 * and the previous user of the CPU (root Linux, another cell) must not
 * leak into the next one.
 */
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/sysregs.h>

#define CPACR_FPEN_ALL	(3UL << 20)
#define PMCR_P		BIT(1)	/* reset the event counters */
#define PMCR_C		BIT(2)	/* reset the cycle counter */
#define PMCR_N_SHIFT	11	/* number of event counters */

/*
 * Counters off and zero, no overflow or interrupt left from the last user,
 * and no event types or filters either (a filter that counts EL2 would
 * stay set for the next user).
 */
static void reset_pmu(void)
{
	/* ID_AA64DFR0_EL1.PMUVer: 0 none, 0xf not the architected one */
	u64 pmuver = (read_sysreg(id_aa64dfr0_el1) >> 8) & 0xf;
	unsigned int n, counters;

	if (pmuver == 0 || pmuver == 0xf)
		return;
	write_sysreg(pmcr_el0, PMCR_P | PMCR_C);
	write_sysreg(pmcntenclr_el0, ~0UL);
	write_sysreg(pmintenclr_el1, ~0UL);
	write_sysreg(pmovsclr_el0, ~0UL);
	write_sysreg(pmuserenr_el0, 0);
	counters = (read_sysreg(pmcr_el0) >> PMCR_N_SHIFT) & 0x1f;
	for (n = 0; n < counters; n++) {
		write_sysreg(pmselr_el0, n);
		isb();
		write_sysreg(pmxevtyper_el0, 0);
	}
	write_sysreg(pmselr_el0, 0);
	write_sysreg(pmccfiltr_el0, 0);
}

/* Breakpoint n and watchpoint n, where implemented: value and control 0 */
#define RESET_DEBUG_PAIR(n) do {					\
	if ((n) < brps) {						\
		write_sysreg(S2_0_C0_C##n##_4, 0);	/* DBGBVR<n> */	\
		write_sysreg(S2_0_C0_C##n##_5, 0);	/* DBGBCR<n> */	\
	}								\
	if ((n) < wrps) {						\
		write_sysreg(S2_0_C0_C##n##_6, 0);	/* DBGWVR<n> */	\
		write_sysreg(S2_0_C0_C##n##_7, 0);	/* DBGWCR<n> */	\
	}								\
} while (0)

/* No breakpoint or watchpoint of the last user, armed or not. */
static void reset_debug(void)
{
	u64 dfr0 = read_sysreg(id_aa64dfr0_el1);
	unsigned int brps = ((dfr0 >> 12) & 0xf) + 1;
	unsigned int wrps = ((dfr0 >> 20) & 0xf) + 1;

	write_sysreg(mdscr_el1, 0);
	isb();
	RESET_DEBUG_PAIR(0); RESET_DEBUG_PAIR(1); RESET_DEBUG_PAIR(2);
	RESET_DEBUG_PAIR(3); RESET_DEBUG_PAIR(4); RESET_DEBUG_PAIR(5);
	RESET_DEBUG_PAIR(6); RESET_DEBUG_PAIR(7); RESET_DEBUG_PAIR(8);
	RESET_DEBUG_PAIR(9); RESET_DEBUG_PAIR(10); RESET_DEBUG_PAIR(11);
	RESET_DEBUG_PAIR(12); RESET_DEBUG_PAIR(13); RESET_DEBUG_PAIR(14);
	RESET_DEBUG_PAIR(15);
}

static void reset_fpsimd(void)
{
	asm volatile(
		"movi v0.16b, #0\n movi v1.16b, #0\n movi v2.16b, #0\n"
		"movi v3.16b, #0\n movi v4.16b, #0\n movi v5.16b, #0\n"
		"movi v6.16b, #0\n movi v7.16b, #0\n movi v8.16b, #0\n"
		"movi v9.16b, #0\n movi v10.16b, #0\n movi v11.16b, #0\n"
		"movi v12.16b, #0\n movi v13.16b, #0\n movi v14.16b, #0\n"
		"movi v15.16b, #0\n movi v16.16b, #0\n movi v17.16b, #0\n"
		"movi v18.16b, #0\n movi v19.16b, #0\n movi v20.16b, #0\n"
		"movi v21.16b, #0\n movi v22.16b, #0\n movi v23.16b, #0\n"
		"movi v24.16b, #0\n movi v25.16b, #0\n movi v26.16b, #0\n"
		"movi v27.16b, #0\n movi v28.16b, #0\n movi v29.16b, #0\n"
		"movi v30.16b, #0\n movi v31.16b, #0\n"
		"msr fpcr, xzr\n msr fpsr, xzr\n"
		: : : "memory");
}

void arch_reset_el1(void)
{
	write_sysreg(sctlr_el1, SCTLR_EL1_RESET);
	write_sysreg(cpacr_el1, CPACR_FPEN_ALL);
	isb();
	reset_fpsimd();

	write_sysreg(ttbr0_el1, 0);
	write_sysreg(ttbr1_el1, 0);
	write_sysreg(tcr_el1, 0);
	write_sysreg(mair_el1, 0);
	write_sysreg(amair_el1, 0);
	write_sysreg(vbar_el1, 0);
	write_sysreg(contextidr_el1, 0);
	write_sysreg(tpidr_el0, 0);
	write_sysreg(tpidrro_el0, 0);
	write_sysreg(tpidr_el1, 0);
	write_sysreg(sp_el0, 0);
	write_sysreg(sp_el1, 0);
	write_sysreg(elr_el1, 0);
	write_sysreg(spsr_el1, 0);
	write_sysreg(esr_el1, 0);
	write_sysreg(far_el1, 0);
	write_sysreg(afsr0_el1, 0);
	write_sysreg(afsr1_el1, 0);
	write_sysreg(par_el1, 0);
	write_sysreg(csselr_el1, 0);
	reset_debug();
	reset_pmu();

	write_sysreg(cntkctl_el1, 0);
	write_sysreg(cntv_ctl_el0, 0);
	write_sysreg(cntv_cval_el0, 0);
	write_sysreg(cntp_ctl_el0, 0);
	write_sysreg(cntp_cval_el0, 0);
	isb();
}
