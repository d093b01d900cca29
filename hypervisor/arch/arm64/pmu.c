// SPDX-License-Identifier: GPL-2.0
/*
 * The PMU as a non-root cell sees it: counting nothing at EL2. From
 * PMUv3p5 on, MDCR_EL2.HPMD prohibits event counting at EL2 and HCCD
 * stops the cycle counter there. Before (ARMv8.0 to 8.4: Cortex-A53,
 * A57, A72, A76), HPMD, where it exists, leaves the cycle counter
 * running unless the guest sets PMCR_EL0.DP, and the NSH bit of an event
 * type or of the cycle counter's filter lets a guest count EL2. There, a
 * non-root cell's PMU accesses trap (MDCR_EL2.TPM) and are carried out
 * here with NSH cleared, confined to the counters MDCR_EL2.HPMN leaves to
 * EL1. Root keeps direct access: its counters are its own CPUs', where
 * EL2 works for root alone.
 */
#include <jailhouse/cell.h>
#include <jailhouse/percpu.h>
#include <asm/pmu.h>
#include <asm/sysregs.h>

#define MDCR_HPMN_MASK		0x1fUL	/* counters EL1 may use */
#define MDCR_TPM		BIT(6)	/* trap EL0/EL1 PMU accesses */
#define MDCR_HCCD		BIT(23)	/* PMUv3p5: no cycle count at EL2 */
#define PMUVER_V3P5		6
#define PMU_NSH			BIT(27)	/* event filter: count at EL2 */
#define PMU_SEL_CYCLES		31	/* PMSELR value for PMCCFILTR */
#define PMU_CYCLES_BIT		BIT(31)	/* in the counter bitmaps */
#define PMCR_P			BIT(1)	/* reset the event counters */
#define PMCR_N_SHIFT		11
#define PMCR_N_MASK		(0x1fUL << PMCR_N_SHIFT)

/* Op0 3, Op1, CRn, CRm, Op2 as traps.c packs them from the ISS */
#define PMU_REG(op1, crn, crm, op2) \
	(3UL << 20 | (u64)(op2) << 17 | (u64)(op1) << 14 | \
	 (u64)(crn) << 10 | (u64)(crm) << 1)

static unsigned int pmu_version(void)
{
	/* ID_AA64DFR0_EL1.PMUVer: 0 none, 0xf not the architected one */
	unsigned int ver = (read_sysreg(id_aa64dfr0_el1) >> 8) & 0xf;

	return ver == 0xf ? 0 : ver;
}

void pmu_cpu_init(struct per_cpu *cpu_data)
{
	unsigned int ver = pmu_version();
	u64 mdcr = read_sysreg(mdcr_el2) & ~(MDCR_TPM | MDCR_HPMD | MDCR_HCCD);

	if (ver >= PMUVER_V3P5)
		mdcr |= MDCR_HPMD | MDCR_HCCD;
	else if (ver >= ID_DFR0_PMUVER_V3P1)
		mdcr |= MDCR_HPMD;
	if (ver && ver < PMUVER_V3P5 && cpu_data->cell != &root_cell)
		mdcr |= MDCR_TPM;
	write_sysreg(mdcr_el2, mdcr);
}

/* The event counters EL1 may use: those below MDCR_EL2.HPMN */
static unsigned int pmu_usable(void)
{
	return read_sysreg(mdcr_el2) & MDCR_HPMN_MASK;
}

/* Their bits in PMCNTEN*, PMOVS*, PMINTEN*, plus the cycle counter's */
static u64 pmu_usable_mask(void)
{
	return (BIT(pmu_usable()) - 1) | PMU_CYCLES_BIT;
}

/*
 * Event counter or type n (PMU_SEL_CYCLES: the cycle counter's filter)
 * through PMSELR, whose value the cell keeps. Counters beyond what EL1
 * may use do not exist for it.
 */
static int pmu_selected(unsigned int n, bool type, bool is_read, u64 *val)
{
	u64 sel = read_sysreg(pmselr_el0);

	if (n >= pmu_usable() && !(type && n == PMU_SEL_CYCLES))
		return PMU_UNDEFINED;
	write_sysreg(pmselr_el0, n);
	isb();
	if (type && is_read)
		*val = read_sysreg(pmxevtyper_el0);
	else if (type)
		write_sysreg(pmxevtyper_el0, *val & ~PMU_NSH);
	else if (is_read)
		*val = read_sysreg(pmxevcntr_el0);
	else
		write_sysreg(pmxevcntr_el0, *val);
	write_sysreg(pmselr_el0, sel);
	isb();
	return PMU_DONE;
}

/*
 * PMCR_EL0: N reads as what EL1 may use, and P resets only those
 * counters, as the architecture has it for EL1 under HPMN.
 */
static int pmu_pmcr(bool is_read, u64 *val)
{
	unsigned int n, usable = pmu_usable();
	u64 zero = 0;

	if (is_read) {
		*val = (read_sysreg(pmcr_el0) & ~PMCR_N_MASK) |
		       (u64)usable << PMCR_N_SHIFT;
		return PMU_DONE;
	}
	write_sysreg(pmcr_el0, *val & ~PMCR_P);
	if (*val & PMCR_P)
		for (n = 0; n < usable; n++)
			pmu_selected(n, false, false, &zero);
	return PMU_DONE;
}

/* A read-write register of counter bits, confined to EL1's counters */
#define PMU_BITS(reg)							\
	do {								\
		if (is_read)						\
			*val = read_sysreg(reg) & pmu_usable_mask();	\
		else							\
			write_sysreg(reg, *val & pmu_usable_mask());	\
		return PMU_DONE;					\
	} while (0)
#define PMU_RW(reg)							\
	do {								\
		if (is_read)						\
			*val = read_sysreg(reg);			\
		else							\
			write_sysreg(reg, *val);			\
		return PMU_DONE;					\
	} while (0)
#define PMU_RO(reg)							\
	do {								\
		if (!is_read)						\
			return PMU_UNDEFINED;				\
		*val = read_sysreg(reg);				\
		return PMU_DONE;					\
	} while (0)

int pmu_access(u64 reg, bool is_read, u64 *val)
{
	unsigned int crm = reg >> 1 & 0xf, op2 = reg >> 17 & 7;

	/* PMEVCNTR<n>_EL0, PMEVTYPER<n>_EL0 and PMCCFILTR_EL0 */
	if ((reg & ~(0xfUL << 1 | 7UL << 17)) == PMU_REG(3, 14, 0, 0) &&
	    crm >= 8)
		return pmu_selected((crm & 3) << 3 | op2, crm >= 12, is_read,
				    val);

	switch (reg) {
	case PMU_REG(3, 9, 12, 0):
		return pmu_pmcr(is_read, val);
	case PMU_REG(3, 9, 12, 1):
		PMU_BITS(pmcntenset_el0);
	case PMU_REG(3, 9, 12, 2):
		PMU_BITS(pmcntenclr_el0);
	case PMU_REG(3, 9, 12, 3):
		PMU_BITS(pmovsclr_el0);
	case PMU_REG(3, 9, 12, 4):
		if (is_read)
			return PMU_UNDEFINED;
		write_sysreg(pmswinc_el0, *val & pmu_usable_mask() &
			     ~PMU_CYCLES_BIT);
		return PMU_DONE;
	case PMU_REG(3, 9, 12, 5):
		PMU_RW(pmselr_el0);
	case PMU_REG(3, 9, 12, 6):
		PMU_RO(pmceid0_el0);
	case PMU_REG(3, 9, 12, 7):
		PMU_RO(pmceid1_el0);
	case PMU_REG(3, 9, 13, 0):
		PMU_RW(pmccntr_el0);
	case PMU_REG(3, 9, 13, 1):
		return pmu_selected(read_sysreg(pmselr_el0) & 0x1f, true,
				    is_read, val);
	case PMU_REG(3, 9, 13, 2):
		return pmu_selected(read_sysreg(pmselr_el0) & 0x1f, false,
				    is_read, val);
	case PMU_REG(3, 9, 14, 0):
		PMU_RW(pmuserenr_el0);
	case PMU_REG(3, 9, 14, 3):
		PMU_BITS(pmovsset_el0);
	case PMU_REG(0, 9, 14, 1):
		PMU_BITS(pmintenset_el1);
	case PMU_REG(0, 9, 14, 2):
		PMU_BITS(pmintenclr_el1);
	default:
		return PMU_NOT_PMU;
	}
}
