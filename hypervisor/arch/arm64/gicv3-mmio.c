// SPDX-License-Identifier: GPL-2.0
/*
 * Trapped GICD and GICR accesses of GICv3, filtered by interrupt
 * ownership through gic-dist.c; here what only GICv3 has: IROUTER and
 * the redistributors.
 *
 * Of the redistributors' control registers (CTLR, WAKER, the LPI and
 * VLPI registers) only root reaches those of its own CPUs: redistributor
 * power and LPI tables (which the GIC writes to memory) stay out of a
 * non-root cell's hands; it sees them as zero. Other CPUs' frames show
 * only their identification.
 *
 * The 64-bit registers (IROUTER, GICR_TYPER, the LPI registers) take 64
 * bits or either 32-bit half.
 */
#include <jailhouse/cell.h>
#include <jailhouse/errno.h>
#include <jailhouse/mmio.h>
#include <jailhouse/percpu.h>
#include <jailhouse/control.h>
#include <asm/gicv3.h>
#include <asm/gicv3-driver.h>
#include <asm/spinlock.h>

/* How long a cell's disable write may keep the redistributor busy. */
#define GICR_RWP_TIMEOUT_MS	10

/*
 * GICD_IROUTER<n> of the cell's SPIs: a write ends up as the affinity of
 * one of its CPUs (gicv3_route_in_cell()), RES0 bits and IRM dropped.
 */
static enum mmio_result irouter_access(struct cell *cell,
				       struct mmio_access *access)
{
	unsigned long off = access->address;
	unsigned int irq = (off - GICD_IROUTER) / 8;
	void *reg = (u8 *)gicd_base + GICD_IROUTER + 8 * irq;
	u64 route;

	if (!gic_size_ok(access, false, true) || !gic_spi_owned(cell, irq))
		return gic_raz_wi(access);
	if (!access->is_write)
		return gic_pass_through(gicd_base, access);

	/* a half write completes the route with the other half as it is */
	spin_lock(&gic_dist_lock);
	route = access->value;
	if (access->size == 4 && (off & 4))
		route = (route << 32) | (mmio_read64(reg) & 0xffffffffUL);
	else if (access->size == 4)
		route |= mmio_read64(reg) & ~0xffffffffUL;
	mmio_write64(reg, gicv3_route_in_cell(cell, route));
	spin_unlock(&gic_dist_lock);
	return MMIO_HANDLED;
}

enum mmio_result gicv3_gicd_access(void *arg, struct mmio_access *access)
{
	struct cell *cell = arg;
	unsigned long off = access->address;
	const struct irq_reg *reg;
	unsigned long mask;

	/* CTLR, TYPER, IIDR, TYPER2, then reserved up to the IRQ banks */
	if (off < GICD_IGROUPR)
		return gic_read_only(access, off < 0x10);
	reg = gic_find_irq_reg(off);
	if (reg) {
		if (!gic_size_ok(access, reg->bytes, false))
			return gic_raz_wi(access);
		mask = gic_owned_mask(cell, gic_first_irq(reg, off),
				      access->size, reg->bits, false);
		if (!gic_group_fixed(cell, reg, access, mask))
			gic_masked_access(gicd_base, access, reg, mask);
		return MMIO_HANDLED;
	}
	if (off >= GICD_IROUTER && off < GICD_IROUTER + 8 * 1024)
		return irouter_access(cell, access);
	/* the ID registers */
	return gic_read_only(access, off >= GICD_ID_BASE);
}

static struct per_cpu *frame_cpu(unsigned long frame_phys)
{
	for (unsigned int cpu = 0; cpu < max_cpus; cpu++)
		if (per_cpu(cpu)->arch.gicr_phys == frame_phys)
			return per_cpu(cpu);
	return NULL;
}

/* The 64-bit registers of the RD and (GICv4) VLPI frames. */
static bool gicr_wide(unsigned long off)
{
	if (off >= GICR_VLPI_BASE && off < GICR_VLPI_BASE + GICR_SGI_BASE)
		return off - GICR_VLPI_BASE == GICR_VPROPBASER ||
		       off - GICR_VLPI_BASE == GICR_VPENDBASER;
	switch (off) {
	case GICR_TYPER:
	case GICR_SETLPIR:
	case GICR_CLRLPIR:
	case GICR_PROPBASER:
	case GICR_PENDBASER:
	case GICR_INVLPIR:
	case GICR_INVALLR:
		return true;
	default:
		return false;
	}
}

/* Identification: what any cell may read of any redistributor. */
static bool gicr_id_reg(unsigned long off)
{
	return off == GICR_IIDR || off == GICR_TYPER ||
	       off == GICR_TYPER + 4 || (off >= GICR_ID_BASE &&
					 off < GICR_SGI_BASE);
}

/*
 * GICR_CTLR.RWP reads as zero for a cell, so a disable it wrote must have
 * taken effect before it goes on, as if it had polled RWP itself.
 */
void gicv3_gicr_wait_rwp(void *rd)
{
	u64 deadline = deadline_after_ms(GICR_RWP_TIMEOUT_MS);

	while ((mmio_read32((u8 *)rd + GICR_CTLR) & GICR_CTLR_RWP) &&
	       !deadline_passed(deadline))
		cpu_relax();
}

/* SGI and PPI registers of the cell's own CPU. */
static enum mmio_result gicr_sgi_access(struct cell *cell, void *base,
					struct mmio_access *access)
{
	unsigned long off = access->address - GICR_SGI_BASE;
	const struct irq_reg *reg = gic_find_irq_reg(off);
	bool root = cell == &root_cell;
	unsigned long mask;

	/* beyond IRQ 31: extended PPIs, reserved on GICv3.0 */
	if (!reg || gic_first_irq(reg, off) >= 32) {
		if (!root || !gic_size_ok(access, false, false))
			return gic_raz_wi(access);
		return gic_pass_through(base, access);
	}
	if (!gic_size_ok(access, reg->bytes, false))
		return gic_raz_wi(access);
	mask = gic_owned_mask(cell, gic_first_irq(reg, off), access->size,
			      reg->bits, true);
	if (gic_group_fixed(cell, reg, access, mask))
		return MMIO_HANDLED;
	gic_masked_access(base, access, reg, mask);
	if (!root && access->is_write && reg->start == GICD_ICENABLER)
		gicv3_gicr_wait_rwp(base);
	return MMIO_HANDLED;
}

enum mmio_result gicv3_gicr_access(void *arg, struct mmio_access *access)
{
	struct cell *cell = arg;
	unsigned long frame = access->address / gicr_stride * gicr_stride;
	unsigned long off = access->address - frame;
	void *base = (u8 *)gicr_base + frame;
	struct per_cpu *owner;
	bool own;

	access->address = off;
	owner = frame_cpu(system_config->platform_info.arm.gicr_base + frame);
	own = owner && owner->cell == cell;

	if (own && off >= GICR_SGI_BASE && off < 2 * GICR_SGI_BASE)
		return gicr_sgi_access(cell, base, access);
	if (!gic_size_ok(access, false, gicr_wide(off)))
		return gic_raz_wi(access);
	/* RD and VLPI frames of root's own CPUs: root keeps them */
	if (own && cell == &root_cell)
		return gic_pass_through(base, access);
	if (!access->is_write && gicr_id_reg(off))
		return gic_pass_through(base, access);
	return gic_raz_wi(access);
}
