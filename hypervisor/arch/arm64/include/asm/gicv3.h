/* SPDX-License-Identifier: GPL-2.0 */
/*
 * GICv3 register offsets and fields used by the hypervisor.
 */
#ifndef _JAILHOUSE_ASM_GICV3_H
#define _JAILHOUSE_ASM_GICV3_H

#include <jailhouse/gic.h>
#include <asm/gic-dist.h>

#define GICD_SIZE		JAILHOUSE_GICD_SIZE
#define GICD_IROUTER		0x6000
#define GICD_ID_BASE		0xffd0
#define GICD_PIDR2		0xffe8
#define GICD_CTLR_ARE_NS	(1 << 4)

#define GICR_V3_STRIDE		JAILHOUSE_GICR_V3_STRIDE
#define GICR_V4_STRIDE		JAILHOUSE_GICR_V4_STRIDE
#define GICR_SGI_BASE		0x10000
#define GICR_VLPI_BASE		0x20000	/* GICv4 frames only */
#define GICR_CTLR		0x0000
#define GICR_IIDR		0x0004
#define GICR_TYPER		0x0008
#define GICR_STATUSR		0x0010
#define GICR_WAKER		0x0014
#define GICR_SETLPIR		0x0040
#define GICR_CLRLPIR		0x0048
#define GICR_PROPBASER		0x0070
#define GICR_PENDBASER		0x0078
#define GICR_INVLPIR		0x00a0
#define GICR_INVALLR		0x00b0
#define GICR_SYNCR		0x00c0
#define GICR_ID_BASE		0xffd0
#define GICR_PIDR2		0xffe8
#define GICR_CTLR_RWP		(1 << 3)
#define GICR_TYPER_LAST		(1 << 4)
#define GICR_VPROPBASER		0x0070	/* in the VLPI frame */
#define GICR_VPENDBASER		0x0078

#define GICR_IGROUPR0		GICD_IGROUPR
#define GICR_ISENABLER0		GICD_ISENABLER
#define GICR_ICENABLER0		GICD_ICENABLER
#define GICR_ISPENDR0		GICD_ISPENDR
#define GICR_ICPENDR0		GICD_ICPENDR
#define GICR_ISACTIVER0		GICD_ISACTIVER
#define GICR_ICACTIVER0		GICD_ICACTIVER
#define GICR_IPRIORITYR0	GICD_IPRIORITYR
#define GICR_IGRPMODR0		GICD_IGRPMODR
#define GICR_ICFGR0		GICD_ICFGR

#define ICC_CTLR_EOIMODE	(1UL << 1)
#define ICC_SRE_SRE		(1UL << 0)

#define ICH_HCR_EN		(1UL << 0)
#define ICH_HCR_UIE		(1UL << 1)
#define ICH_HCR_TC		(1UL << 10)

#define ICH_VMCR_VENG1		(1UL << 1)
#define ICH_VMCR_VEOIM		(1UL << 9)
#define ICH_VMCR_VPMR_SHIFT	24

#define ICH_LR_VINTID_MASK	0xffffffffUL
#define ICH_LR_PINTID_SHIFT	32
#define ICH_LR_PRIORITY_SHIFT	48
#define ICH_LR_GROUP1		(1UL << 60)
#define ICH_LR_HW		(1UL << 61)
#define ICH_LR_PENDING		(1UL << 62)
#define ICH_LR_ACTIVE		(1UL << 63)
#define ICH_LR_STATE_MASK	(3UL << 62)


#endif /* !_JAILHOUSE_ASM_GICV3_H */
