/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The GIC of this CPU, GICv3 or GICv2 as the comm region says: its CPU
 * interface, its SGIs and PPIs, and the cell's SPIs.
 */
#ifndef _INMATE_GIC_H
#define _INMATE_GIC_H

#include <inmate/types.h>

#define GIC_SPURIOUS_MIN	1020	/* INTIDs 1020-1023: nothing pending */
/* The INTID in an acknowledge value (GICv2 adds an SGI's source CPU) */
#define GIC_IAR_INTID		0x3ffU

/*
 * Enables this CPU's interface: GICv3, after finding its redistributor
 * (comm region gicr_base) and waking it if needed, for Group 1; GICv2,
 * at the comm region's gicc_base, for Group 0. Returns 0, or -1 if the
 * GIC version is neither or its CPU interface is not found.
 */
int gic_init(void);

/* Enables an SGI or PPI (INTID < 32) on this CPU. */
void gic_enable_ppi(unsigned int intid);
void gic_disable_ppi(unsigned int intid);
/* Enables an SPI (INTID >= 32) of the cell, edge-triggered, to this CPU. */
void gic_enable_spi(unsigned int intid);
void gic_disable_spi(unsigned int intid);

/* GICv3: base of this CPU's redistributor (RD frame), after gic_init() */
unsigned long gic_redist_base(void);
/* GICv3: the redistributor frame of any CPU, by MPIDR; 0: none (or v2) */
unsigned long gic_redist_of(u64 mpidr);

/* The acknowledge value of the next interrupt; GIC_IAR_INTID has its INTID */
u32 gic_ack_irq(void);
/* Ends it: the acknowledge value as gic_ack_irq() gave it */
void gic_end_irq(u32 iar);

#endif /* !_INMATE_GIC_H */
