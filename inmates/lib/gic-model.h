/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Inside the inmate library: what gic.c asks of a GIC model (gic-v3.c,
 * gic-v2.c), and the distributor registers both have.
 */
#ifndef _INMATE_GIC_MODEL_H
#define _INMATE_GIC_MODEL_H

#include <inmate/inmate.h>

#define GICD_IGROUPR		0x0080
#define GICD_ISENABLER		0x0100
#define GICD_ICENABLER		0x0180
#define GICD_IPRIORITYR		0x0400
#define GICD_ITARGETSR		0x0800
#define GICD_ICFGR		0x0c00
#define GICD_ICFGR_EDGE		2U

/* Unmask all priorities the handler may use; 0xa0 sits well inside. */
#define GIC_PRIORITY_MASK	0xf0
#define GIC_IRQ_PRIORITY	0xa0

struct gic_model {
	/* the CPU interface of this CPU, on */
	int (*init)(void);
	void (*enable_ppi)(unsigned int intid);
	void (*disable_ppi)(unsigned int intid);
	/* an SPI's route to this CPU */
	void (*route_spi)(unsigned int intid);
	u32 (*ack)(void);
	void (*end)(u32 iar);
};

extern const struct gic_model gic_v3, gic_v2;

/* The priority byte of intid in the IPRIORITYR block at base */
void gic_set_priority(unsigned long base, unsigned int intid);

#endif /* !_INMATE_GIC_MODEL_H */
