// SPDX-License-Identifier: GPL-2.0
/*
 * GICv3 for one CPU (gic-model.h): the system register CPU interface and
 * its own redistributor. The distributor belongs to the hypervisor and
 * root; an inmate that only uses PPIs never touches it.
 *
 * Under Jailhouse, every redistributor frame of the system is visible
 * (trapped and emulated), so the scan below finds this CPU's frame by
 * affinity, as it would on bare hardware.
 */
#include "gic-model.h"

#define GICR_TYPER		0x0008
#define GICR_WAKER		0x0014
#define GICR_SGI_BASE		0x10000
#define GICR_IGROUPR0		(GICR_SGI_BASE + 0x0080)
#define GICR_ISENABLER0		(GICR_SGI_BASE + 0x0100)
#define GICR_ICENABLER0		(GICR_SGI_BASE + 0x0180)
#define GICR_IPRIORITYR		(GICR_SGI_BASE + 0x0400)

#define GICR_TYPER_VLPIS	BIT(1)
#define GICR_TYPER_LAST		BIT(4)
#define GICR_WAKER_SLEEP	BIT(1)	/* ProcessorSleep */
#define GICR_WAKER_ASLEEP	BIT(2)	/* ChildrenAsleep */

/* RD + SGI frames; GICv4 adds two frames for virtual LPIs */
#define GICR_STRIDE		0x20000UL
#define GICR_STRIDE_VLPI	0x40000UL
/* Bound on the scan should no frame carry the Last bit */
#define GICR_MAX_FRAMES		1024

#define GICD_IROUTER		0x6000

#define ICC_SRE_SRE		BIT(0)
#define ICC_IGRPEN1_EN		BIT(0)

static unsigned long redist;

/* MPIDR affinity in GICR_TYPER[63:32] order: Aff3.Aff2.Aff1.Aff0 */
static u32 typer_affinity(u64 mpidr)
{
	return (mpidr & 0xffffff) | (((mpidr >> 32) & 0xff) << 24);
}

static unsigned long find_redist(unsigned long frame, u32 affinity)
{
	unsigned int n;

	for (n = 0; n < GICR_MAX_FRAMES; n++) {
		u64 typer = mmio_read64(frame + GICR_TYPER);

		if ((u32)(typer >> 32) == affinity)
			return frame;
		if (typer & GICR_TYPER_LAST)
			break;
		frame += typer & GICR_TYPER_VLPIS ? GICR_STRIDE_VLPI :
						    GICR_STRIDE;
	}
	return 0;
}

/* Normally done by whoever used this CPU before; cheap to make sure. */
static void redist_wake(void)
{
	u32 waker = mmio_read32(redist + GICR_WAKER);

	if (!(waker & GICR_WAKER_SLEEP))
		return;
	mmio_write32(redist + GICR_WAKER, waker & ~GICR_WAKER_SLEEP);
	while (mmio_read32(redist + GICR_WAKER) & GICR_WAKER_ASLEEP)
		cpu_relax();
}

static int init(void)
{
	redist = find_redist(comm_region()->gicr_base,
			     typer_affinity(cpu_mpidr()));
	if (!redist)
		return -1;
	redist_wake();

	write_sysreg(icc_sre_el1, read_sysreg(icc_sre_el1) | ICC_SRE_SRE);
	isb();
	write_sysreg(icc_pmr_el1, GIC_PRIORITY_MASK);
	write_sysreg(icc_bpr1_el1, 0);
	/* EOImode 0: the EOI write also deactivates */
	write_sysreg(icc_ctlr_el1, 0);
	write_sysreg(icc_igrpen1_el1, ICC_IGRPEN1_EN);
	isb();
	return 0;
}

unsigned long gic_redist_of(u64 mpidr)
{
	if (comm_region()->gic_version != 3)
		return 0;
	return find_redist(comm_region()->gicr_base, typer_affinity(mpidr));
}

unsigned long gic_redist_base(void)
{
	return redist;
}

static void enable_ppi(unsigned int intid)
{
	gic_set_priority(redist + GICR_IPRIORITYR, intid);
	/* Group 1 on a bare GIC; read-as-zero/ignored under Jailhouse */
	mmio_write32(redist + GICR_IGROUPR0,
		     mmio_read32(redist + GICR_IGROUPR0) | BIT(intid));
	mmio_write32(redist + GICR_ISENABLER0, BIT(intid));
}

static void disable_ppi(unsigned int intid)
{
	mmio_write32(redist + GICR_ICENABLER0, BIT(intid));
}

static u32 ack(void)
{
	return read_sysreg(icc_iar1_el1) & 0xffffff;
}

static void end(u32 iar)
{
	write_sysreg(icc_eoir1_el1, iar);
	isb();
}

/* Aff3.Aff2.Aff1.Aff0 as in MPIDR, routing mode "this CPU" */
static void route_spi(unsigned int intid)
{
	u64 mpidr = cpu_mpidr();

	mmio_write64(comm_region()->gicd_base + GICD_IROUTER + intid * 8,
		     (mpidr & 0xffffff) | (mpidr & (0xffUL << 32)));
}

const struct gic_model gic_v3 = {
	.init = init,
	.enable_ppi = enable_ppi,
	.disable_ppi = disable_ppi,
	.route_spi = route_spi,
	.ack = ack,
	.end = end,
};
