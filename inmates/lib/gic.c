// SPDX-License-Identifier: GPL-2.0
/*
 * The GIC as inmates use it (inmate/gic.h), on either model: the comm
 * region's gic_version picks gic-v3.c or gic-v2.c. SPIs are set up in
 * the distributor the same way on both; only their route differs.
 */
#include "gic-model.h"

static const struct gic_model *gic;

int gic_init(void)
{
	switch (comm_region()->gic_version) {
	case 3:
		gic = &gic_v3;
		break;
	case 2:
		gic = &gic_v2;
		break;
	default:
		return -1;
	}
	return gic->init();
}

/* 32-bit accesses only: what an emulated distributor surely handles */
void gic_set_priority(unsigned long base, unsigned int intid)
{
	unsigned long prio = base + (intid & ~3UL);
	unsigned int shift = (intid & 3) * 8;

	mmio_write32(prio, (mmio_read32(prio) & ~(0xffU << shift)) |
			   GIC_IRQ_PRIORITY << shift);
}

void gic_enable_ppi(unsigned int intid)
{
	gic->enable_ppi(intid);
}

void gic_disable_ppi(unsigned int intid)
{
	gic->disable_ppi(intid);
}

/*
 * An SPI of the cell, edge-triggered, to this CPU. Under Jailhouse the
 * distributor is emulated: the cell reaches only the lines it owns.
 */
void gic_enable_spi(unsigned int intid)
{
	unsigned long gicd = comm_region()->gicd_base;
	unsigned long cfg = gicd + GICD_ICFGR + (intid / 16) * 4;

	gic_set_priority(gicd + GICD_IPRIORITYR, intid);
	mmio_write32(cfg, mmio_read32(cfg) |
			  GICD_ICFGR_EDGE << (intid % 16) * 2);
	gic->route_spi(intid);
	mmio_write32(gicd + GICD_ISENABLER + (intid / 32) * 4,
		     BIT(intid % 32));
}

void gic_disable_spi(unsigned int intid)
{
	mmio_write32(comm_region()->gicd_base + GICD_ICENABLER +
		     (intid / 32) * 4, BIT(intid % 32));
}

u32 gic_ack_irq(void)
{
	return gic->ack();
}

void gic_end_irq(u32 iar)
{
	gic->end(iar);
}
