/* SPDX-License-Identifier: GPL-2.0 */
/*
 * System register access and the bit fields the hypervisor programs.
 */
#ifndef _JAILHOUSE_ASM_SYSREGS_H
#define _JAILHOUSE_ASM_SYSREGS_H

#include <jailhouse/utils.h>

#define SCTLR_M			(1UL << 0)
#define SCTLR_C			(1UL << 2)
#define SCTLR_SA		(1UL << 3)
#define SCTLR_I			(1UL << 12)
/* RES1 bits of SCTLR_EL2 (non-VHE) */
#define SCTLR_EL2_RES1		0x30c50830UL
#define SCTLR_EL2_HV		(SCTLR_EL2_RES1 | SCTLR_M | SCTLR_C | \
				 SCTLR_SA | SCTLR_I)
/* SCTLR_EL1 at CPU reset: MMU and caches off, little endian */
#define SCTLR_EL1_RESET		0x30d00800UL

#define TCR_T0SZ(bits)		(64UL - (bits))
#define TCR_IRGN0_WBWA		(1UL << 8)
#define TCR_ORGN0_WBWA		(1UL << 10)
#define TCR_SH0_INNER		(3UL << 12)
#define TCR_PS_SHIFT		16
#define TCR_EL2_RES1		((1UL << 31) | (1UL << 23))

/* idx0 normal WB RA/WA, idx1 device nGnRE, idx2 normal non-cacheable */
#define MAIR_EL2_VALUE		0x4404ffUL
#define MAIR_IDX_NORMAL		0
#define MAIR_IDX_DEVICE		1

#define VTCR_SL0_SHIFT		6
#define VTCR_EL2_RES1		(1UL << 31)

#define HCR_VM			(1UL << 0)
#define HCR_SWIO		(1UL << 1)
#define HCR_FMO			(1UL << 3)
#define HCR_IMO			(1UL << 4)
#define HCR_TSC			(1UL << 19)
#define HCR_TACR		(1UL << 21)
#define HCR_TIDCP		(1UL << 53)

#define MDCR_HPMD		(1UL << 17)
#define ID_DFR0_PMUVER_V3P1	4
#define HCR_RW			(1UL << 31)

#define SPSR_EL1H		0x5UL
#define SPSR_MODE_MASK		0xfUL
#define SPSR_EL0T		0x0UL
#define SPSR_EL1T		0x4UL
#define SPSR_AARCH32		(1UL << 4)
#define SPSR_T			(1UL << 5)	/* AArch32: T32 state */
#define SPSR_DAIF		(0xfUL << 6)
#define SPSR_SSBS		(1UL << 12)
#define SPSR_PAN		(1UL << 22)

#define ESR_EC_SHIFT		26
#define ESR_EC(esr)		(((esr) >> ESR_EC_SHIFT) & 0x3f)
#define ESR_IL			(1UL << 25)
#define ESR_CV			(1UL << 24)	/* AArch32: COND valid */
#define ESR_ISS(esr)		((esr) & 0x1ffffff)

/* The ISS of a data abort (EC_DABT_LOW) */
#define ISS_ISV_SHIFT		24	/* the syndrome below is valid */
#define ISS_ISV			BIT(ISS_ISV_SHIFT)
#define ISS_SAS(iss)		(((iss) >> 22) & 3)	/* log2 of the size */
#define ISS_SSE			BIT(21)		/* sign-extend a load */
#define ISS_SRT_SHIFT		16
#define ISS_SRT(iss)		(((iss) >> ISS_SRT_SHIFT) & 0x1f)
#define ISS_SF			BIT(15)		/* 64-bit register */
#define ISS_WNR			BIT(6)		/* a write */

#define EC_UNKNOWN		0x00
#define EC_WFX			0x01
#define EC_CP15_32		0x03	/* AArch32 MCR/MRC */
#define EC_CP15_64		0x04	/* AArch32 MCRR/MRRC */
#define EC_HVC64		0x16
#define EC_SMC64		0x17
#define EC_SYSREG		0x18
#define EC_IABT_LOW		0x20
#define EC_DABT_LOW		0x24

#define MPIDR_AFF_MASK		0xff00ffffffUL

#define ID_AA64MMFR0_PARANGE(v)	((v) & 0xf)
/* non-zero: the GICv3 system-register CPU interface is there (not on GIC-400) */
#define ID_AA64PFR0_GIC(v)	(((v) >> 24) & 0xf)

#define __stringify_1(x)	#x
#define __stringify(x)		__stringify_1(x)

#define read_sysreg(reg) ({						\
	unsigned long __val;						\
	asm volatile("mrs %0, " __stringify(reg) : "=r" (__val));	\
	__val;								\
})

#define write_sysreg(reg, val)						\
	asm volatile("msr " __stringify(reg) ", %0"			\
		     : : "r" ((unsigned long)(val)))

/*
 * The ICC_ and ICH_ registers exist only with a GICv3 CPU interface; with
 * a GICv2 (GIC-400) they are undefined at EL2.
 */
static inline bool cpu_has_gicv3_sysregs(void)
{
	return ID_AA64PFR0_GIC(read_sysreg(id_aa64pfr0_el1)) != 0;
}

/* GICv3 registers by encoding, so no assembler support is needed. */
#define ICC_SRE_EL2		S3_4_C12_C9_5
#define ICC_SGI1R_EL1		S3_0_C12_C11_5
#define ICC_IAR1_EL1		S3_0_C12_C12_0
#define ICC_EOIR1_EL1		S3_0_C12_C12_1
#define ICC_DIR_EL1		S3_0_C12_C11_1
#define ICC_PMR_EL1		S3_0_C4_C6_0
#define ICC_CTLR_EL1		S3_0_C12_C12_4
#define ICC_IGRPEN1_EL1		S3_0_C12_C12_7
#define ICC_SRE_EL1		S3_0_C12_C12_5
#define ICH_HCR_EL2		S3_4_C12_C11_0
#define ICH_VTR_EL2		S3_4_C12_C11_1
#define ICH_MISR_EL2		S3_4_C12_C11_2
#define ICH_ELRSR_EL2		S3_4_C12_C11_5
#define ICH_VMCR_EL2		S3_4_C12_C11_7
#define ICH_AP0R0_EL2		S3_4_C12_C8_0
#define ICH_AP1R0_EL2		S3_4_C12_C9_0
#define ICH_LR0_EL2		S3_4_C12_C12_0
#define ICH_LR1_EL2		S3_4_C12_C12_1
#define ICH_LR2_EL2		S3_4_C12_C12_2
#define ICH_LR3_EL2		S3_4_C12_C12_3
#define ICH_LR4_EL2		S3_4_C12_C12_4
#define ICH_LR5_EL2		S3_4_C12_C12_5
#define ICH_LR6_EL2		S3_4_C12_C12_6
#define ICH_LR7_EL2		S3_4_C12_C12_7
#define ICH_LR8_EL2		S3_4_C12_C13_0
#define ICH_LR9_EL2		S3_4_C12_C13_1
#define ICH_LR10_EL2		S3_4_C12_C13_2
#define ICH_LR11_EL2		S3_4_C12_C13_3
#define ICH_LR12_EL2		S3_4_C12_C13_4
#define ICH_LR13_EL2		S3_4_C12_C13_5
#define ICH_LR14_EL2		S3_4_C12_C13_6
#define ICH_LR15_EL2		S3_4_C12_C13_7

#endif /* !_JAILHOUSE_ASM_SYSREGS_H */
