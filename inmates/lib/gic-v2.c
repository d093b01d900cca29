// SPDX-License-Identifier: GPL-2.0
/*
 * GICv2 for one CPU (gic-model.h): the memory-mapped CPU interface at the
 * comm region's gicc_base (the virtual one under a hypervisor), and this
 * CPU's bank of SGI/PPI registers at the start of the distributor's.
 * Everything in Group 0, the only group without Security Extensions.
 */
#include "gic-model.h"

#define GICC_CTLR		0x0000
#define GICC_PMR		0x0004
#define GICC_BPR		0x0008
#define GICC_IAR		0x000c
#define GICC_EOIR		0x0010
#define GICC_CTLR_GRPEN0	BIT(0)

static unsigned long gicc(unsigned int off)
{
	return comm_region()->gicc_base + off;
}

static unsigned long gicd(unsigned int off)
{
	return comm_region()->gicd_base + off;
}

static int init(void)
{
	if (!comm_region()->gicc_base)
		return -1;
	mmio_write32(gicc(GICC_PMR), GIC_PRIORITY_MASK);
	mmio_write32(gicc(GICC_BPR), 0);
	/* EOImode 0: the EOI write also deactivates */
	mmio_write32(gicc(GICC_CTLR), GICC_CTLR_GRPEN0);
	return 0;
}

static void enable_ppi(unsigned int intid)
{
	gic_set_priority(gicd(GICD_IPRIORITYR), intid);
	mmio_write32(gicd(GICD_ISENABLER), BIT(intid));
}

static void disable_ppi(unsigned int intid)
{
	mmio_write32(gicd(GICD_ICENABLER), BIT(intid));
}

/* ITARGETSR0 is banked: each of its bytes reads as this CPU's own bit */
static void route_spi(unsigned int intid)
{
	unsigned long word = gicd(GICD_ITARGETSR) + (intid & ~3UL);
	unsigned int shift = (intid & 3) * 8;
	u32 self = mmio_read32(gicd(GICD_ITARGETSR)) & 0xff;

	mmio_write32(word, (mmio_read32(word) & ~(0xffU << shift)) |
			   self << shift);
}

/* The full value: an SGI's source CPU is part of what EOIR wants back */
static u32 ack(void)
{
	return mmio_read32(gicc(GICC_IAR));
}

static void end(u32 iar)
{
	mmio_write32(gicc(GICC_EOIR), iar);
}

const struct gic_model gic_v2 = {
	.init = init,
	.enable_ppi = enable_ppi,
	.disable_ppi = disable_ppi,
	.route_spi = route_spi,
	.ack = ack,
	.end = end,
};
