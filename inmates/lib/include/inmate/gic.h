/* SPDX-License-Identifier: GPL-2.0 */
/*
 * GICv3: the system register CPU interface and this CPU's redistributor.
 */
#ifndef _INMATE_GIC_H
#define _INMATE_GIC_H

#include <inmate/types.h>

#define GIC_SPURIOUS_MIN	1020	/* INTIDs 1020-1023: nothing pending */

/*
 * Finds this CPU's redistributor (comm region gicr_base), wakes it if
 * needed and enables the CPU interface for Group 1. Returns 0, or -1 if
 * the GIC is not a v3 or no redistributor matches this CPU.
 */
int gic_init(void);

/* Enables an SGI or PPI (INTID < 32) on this CPU, as Group 1. */
void gic_enable_ppi(unsigned int intid);
void gic_disable_ppi(unsigned int intid);
/* Enables an SPI (INTID >= 32) of the cell, edge-triggered, to this CPU. */
void gic_enable_spi(unsigned int intid);
void gic_disable_spi(unsigned int intid);

/* Base of this CPU's redistributor (RD frame), after gic_init() */
unsigned long gic_redist_base(void);
/* The redistributor frame of any CPU, by MPIDR (the comm region's GICR); 0: none */
unsigned long gic_redist_of(u64 mpidr);

u32 gic_ack_irq(void);
void gic_end_irq(u32 intid);

#endif /* !_INMATE_GIC_H */
