/* SPDX-License-Identifier: GPL-2.0 */
/*
 * GICv2 (GIC-400) registers used by the hypervisor: the CPU interface
 * (GICC), the virtual interface control (GICH, banked per CPU) and what
 * only the GICv2 distributor has. The distributor's common registers are
 * in asm/gic-dist.h.
 */
#ifndef _JAILHOUSE_ASM_GICV2_H
#define _JAILHOUSE_ASM_GICV2_H

#include <jailhouse/gic.h>
#include <asm/gic-dist.h>

#define GICD_V2_SIZE		JAILHOUSE_GICD_V2_SIZE
#define GICD_CPENDSGIR		0x0f10	/* a byte per SGI, a bit per source */
#define GICD_SPENDSGIR		0x0f20
#define GICD_V2_PIDR2		0x0fe8
#define GICD_V2_ID_BASE		0x0fd0
#define GICD_SGIR_FILTER(v)	(((v) >> 24) & 3)
#define GICD_SGIR_LIST		0	/* the CPUs of the target list */
#define GICD_SGIR_OTHERS	1	/* all but the sender */
#define GICD_SGIR_SELF		2
#define GICD_SGIR_TARGETS(v)	(((v) >> 16) & 0xff)

#define GICC_SIZE		JAILHOUSE_GICC_SIZE
#define GICC_CTLR		0x0000
#define GICC_PMR		0x0004
#define GICC_IAR		0x000c
#define GICC_EOIR		0x0010
#define GICC_DIR		0x1000
#define GICC_CTLR_GRPEN0	(1U << 0)
#define GICC_CTLR_GRPEN1	(1U << 1)
#define GICC_CTLR_EOIMODE	(1U << 9)
#define GICC_IAR_IRQ		0x3ff

#define GICH_SIZE		JAILHOUSE_GICH_SIZE
#define GICH_HCR		0x0000
#define GICH_VTR		0x0004
#define GICH_VMCR		0x0008
#define GICH_ELRSR0		0x0030
#define GICH_ELRSR1		0x0034
#define GICH_APR		0x00f0
#define GICH_LR(n)		(0x0100 + 4 * (n))
#define GICH_HCR_EN		(1U << 0)
#define GICH_HCR_UIE		(1U << 1)
#define GICH_VTR_LRS(v)		(((v) & 0x3f) + 1)
#define GICH_VMCR_GRP0EN	(1U << 0)
#define GICH_VMCR_GRP1EN	(1U << 1)
#define GICH_VMCR_EOIMODE	(1U << 9)
#define GICH_VMCR_PMR_SHIFT	27	/* the top 5 bits of the priority */

/* List registers, 32 bits; Group 0 (the group bit stays clear) */
#define GICH_LR_VIRQ_MASK	0x3ffUL
#define GICH_LR_PIRQ_SHIFT	10
#define GICH_LR_PRIORITY_SHIFT	23	/* the top 5 bits */
#define GICH_LR_PENDING		(1UL << 28)
#define GICH_LR_HW		(1UL << 31)

#endif /* !_JAILHOUSE_ASM_GICV2_H */
