// SPDX-License-Identifier: GPL-2.0
/*
 * GICv3 for one CPU: the system register CPU interface and its own
 * redistributor. The distributor belongs to the hypervisor and root; an
 * inmate that only uses PPIs never touches it.
 *
 * Under Jailhouse, every redistributor frame of the system is visible
 * (trapped and emulated), so the scan below finds this CPU's frame by
 * affinity, as it would on bare hardware.
 */
#include <inmate/inmate.h>

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

/* Distributor registers for SPIs (INTID >= 32), the comm region's GICD */
#define GICD_ISENABLER		0x0100
#define GICD_ICENABLER		0x0180
#define GICD_IPRIORITYR		0x0400
#define GICD_ICFGR		0x0c00
#define GICD_IROUTER		0x6000
#define GICD_ICFGR_EDGE		2U

#define ICC_SRE_SRE		BIT(0)
#define ICC_IGRPEN1_EN		BIT(0)

/* Unmask all priorities the handler may use; 0xa0 sits well inside. */
#define GIC_PRIORITY_MASK	0xf0
#define GIC_IRQ_PRIORITY	0xa0

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

int gic_init(void)
{
	const struct jailhouse_comm_region *comm = comm_region();

	if (comm->gic_version != 3)
		return -1;
	redist = find_redist(comm->gicr_base, typer_affinity(cpu_mpidr()));
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
	return find_redist(comm_region()->gicr_base, typer_affinity(mpidr));
}

unsigned long gic_redist_base(void)
{
	return redist;
}

void gic_enable_ppi(unsigned int intid)
{
	unsigned long prio = redist + GICR_IPRIORITYR + (intid & ~3UL);
	unsigned int shift = (intid & 3) * 8;
	u32 val;

	/* 32-bit accesses only: what an emulated GICR surely handles */
	val = mmio_read32(prio) & ~(0xffU << shift);
	mmio_write32(prio, val | (GIC_IRQ_PRIORITY << shift));
	/* Group 1 on a bare GIC; read-as-zero/ignored under Jailhouse */
	mmio_write32(redist + GICR_IGROUPR0,
		     mmio_read32(redist + GICR_IGROUPR0) | BIT(intid));
	mmio_write32(redist + GICR_ISENABLER0, BIT(intid));
}

void gic_disable_ppi(unsigned int intid)
{
	mmio_write32(redist + GICR_ICENABLER0, BIT(intid));
}

u32 gic_ack_irq(void)
{
	return read_sysreg(icc_iar1_el1) & 0xffffff;
}

void gic_end_irq(u32 intid)
{
	write_sysreg(icc_eoir1_el1, intid);
	isb();
}

/*
 * An SPI of the cell, edge-triggered, to this CPU. Under Jailhouse the
 * distributor is emulated: the cell reaches only the lines it owns.
 */
void gic_enable_spi(unsigned int intid)
{
	unsigned long gicd = comm_region()->gicd_base;
	unsigned long prio = gicd + GICD_IPRIORITYR + (intid & ~3UL);
	unsigned long cfg = gicd + GICD_ICFGR + (intid / 16) * 4;
	unsigned int shift = (intid & 3) * 8;
	u64 mpidr = cpu_mpidr();

	mmio_write32(prio, (mmio_read32(prio) & ~(0xffU << shift)) |
			   GIC_IRQ_PRIORITY << shift);
	mmio_write32(cfg, mmio_read32(cfg) |
			  GICD_ICFGR_EDGE << (intid % 16) * 2);
	/* Aff3.Aff2.Aff1.Aff0 as in MPIDR, routing mode "this CPU" */
	mmio_write64(gicd + GICD_IROUTER + intid * 8,
		     (mpidr & 0xffffff) | (mpidr & (0xffUL << 32)));
	mmio_write32(gicd + GICD_ISENABLER + (intid / 32) * 4,
		     BIT(intid % 32));
}

void gic_disable_spi(unsigned int intid)
{
	mmio_write32(comm_region()->gicd_base + GICD_ICENABLER +
		     (intid / 32) * 4, BIT(intid % 32));
}
