// SPDX-License-Identifier: GPL-2.0
/*
 * The PMU as a non-root cell sees it: counting nothing at EL2. PMUv3 of
 * ARMv8.1 on has MDCR_EL2.HPMD for that. An ARMv8.0 PMU (Cortex-A53,
 * A57, A72) counts EL2 events for a guest that sets the NSH bit of an
 * event type or of the cycle counter's filter; there, a non-root cell's
 * PMU accesses trap (MDCR_EL2.TPM) and are carried out here, with NSH
 * cleared on the way in. Root keeps its direct access: its counters are
 * its own CPUs', where EL2 works for root alone.
 */
#include <jailhouse/cell.h>
#include <jailhouse/percpu.h>
#include <asm/pmu.h>
#include <asm/sysregs.h>

#define MDCR_HPMN_MASK		0x1fUL	/* counters EL1 may use */
#define MDCR_TPM		BIT(6)	/* trap EL0/EL1 PMU accesses */
#define PMU_NSH			BIT(27)	/* event filter: count at EL2 */
#define PMU_SEL_CYCLES		31	/* PMSELR value for PMCCFILTR */

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
	u64 mdcr = read_sysreg(mdcr_el2) & ~MDCR_TPM;

	if (ver >= ID_DFR0_PMUVER_V3P1)
		mdcr |= MDCR_HPMD;
	else if (ver && cpu_data->cell != &root_cell)
		mdcr |= MDCR_TPM;
	write_sysreg(mdcr_el2, mdcr);
}

/*
 * Event counter or type n (PMU_SEL_CYCLES: the cycle counter's filter)
 * through PMSELR, whose value the cell keeps. Counters beyond what EL1
 * may use do not exist for it.
 */
static int pmu_selected(unsigned int n, bool type, bool is_read, u64 *val)
{
	unsigned int usable = read_sysreg(mdcr_el2) & MDCR_HPMN_MASK;
	u64 sel = read_sysreg(pmselr_el0);

	if (n >= usable && !(type && n == PMU_SEL_CYCLES))
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
		PMU_RW(pmcr_el0);
	case PMU_REG(3, 9, 12, 1):
		PMU_RW(pmcntenset_el0);
	case PMU_REG(3, 9, 12, 2):
		PMU_RW(pmcntenclr_el0);
	case PMU_REG(3, 9, 12, 3):
		PMU_RW(pmovsclr_el0);
	case PMU_REG(3, 9, 12, 4):
		if (is_read)
			return PMU_UNDEFINED;
		write_sysreg(pmswinc_el0, *val);
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
		PMU_RW(pmovsset_el0);
	case PMU_REG(0, 9, 14, 1):
		PMU_RW(pmintenset_el1);
	case PMU_REG(0, 9, 14, 2):
		PMU_RW(pmintenclr_el1);
	default:
		return PMU_NOT_PMU;
	}
}
