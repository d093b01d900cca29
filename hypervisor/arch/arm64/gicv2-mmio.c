// SPDX-License-Identifier: GPL-2.0
/*
 * Trapped GICD accesses of GICv2, filtered by interrupt ownership through
 * gic-dist.c. What only GICv2 has: the SGI/PPI bank at the start of the
 * per-IRQ registers (the accessing CPU's own, banked by the hardware),
 * ITARGETSR (a byte of CPU-interface bits per SPI, forced onto the
 * cell's own CPUs), SGIs sent by writing GICD_SGIR (they become virtual
 * SGIs on the targets in the cell), and the per-source SGI pending
 * registers, which virtual SGIs do not have (read as zero).
 */
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/mmio.h>
#include <jailhouse/percpu.h>
#include <asm/gicv2.h>
#include <asm/gicv2-driver.h>
#include <asm/vgic.h>

/* The CPU-interface bits of the cell's CPUs */
static u8 cell_targets(const struct cell *cell)
{
	unsigned int cpu;
	u8 mask = 0;

	for_each_cpu_in_cell(cpu, cell)
		mask |= per_cpu(cpu)->arch.gic_target;
	return mask;
}

/* A target byte a cell wrote, on its own CPUs, or its default CPU. */
u64 gicv2_targets_in_cell(const struct cell *cell, u64 targets)
{
	targets &= cell_targets(cell);
	return targets ? targets :
		per_cpu(gic_spi_default_cpu(cell))->arch.gic_target;
}

static enum mmio_result itargetsr_access(struct cell *cell,
					 struct mmio_access *access)
{
	unsigned int first = access->address - GICD_ITARGETSR, n;
	unsigned long mask, val;

	if (!gic_size_ok(access, true, false))
		return gic_raz_wi(access);
	/* SGIs and PPIs: each reads as the CPU's own bit, read-only */
	if (first < 32) {
		if (access->is_write)
			return MMIO_HANDLED;
		return gic_pass_through(gicd_base, access);
	}
	mask = gic_owned_mask(cell, first, access->size, 8, false);
	if (!access->is_write) {
		access->value = mmio_perform_access(gicd_base, access) & mask;
		return MMIO_HANDLED;
	}
	val = access->value;
	spin_lock(&gic_dist_lock);
	for (n = 0; n < access->size; n++)
		if (mask & (0xffUL << (8 * n)))
			mmio_write8((u8 *)gicd_base + GICD_ITARGETSR + first + n,
				    gicv2_targets_in_cell(cell,
							  (val >> (8 * n)) & 0xff));
	spin_unlock(&gic_dist_lock);
	return MMIO_HANDLED;
}

/* A guest SGI: virtual SGIs on the CPUs of its cell that it names. */
static enum mmio_result sgir_write(struct cell *cell,
				   struct mmio_access *access)
{
	struct per_cpu *self = this_cpu_data(), *target;
	u32 val = access->value;
	unsigned int cpu;

	if (access->size != 4 || !access->is_write)
		return gic_raz_wi(access);
	cpu_stat_inc(JAILHOUSE_CPU_STAT_VMEXITS_VSGI);
	for_each_cpu_in_cell(cpu, cell) {
		target = per_cpu(cpu);
		if (!vgic_sgi_target(target))
			continue;
		switch (GICD_SGIR_FILTER(val)) {
		case GICD_SGIR_LIST:
			if (!(target->arch.gic_target & GICD_SGIR_TARGETS(val)))
				continue;
			break;
		case GICD_SGIR_OTHERS:
			if (target == self)
				continue;
			break;
		case GICD_SGIR_SELF:
			if (target != self)
				continue;
			break;
		default:
			return MMIO_HANDLED;	/* reserved filter */
		}
		vgic_inject_remote(target, val & 0xf);
	}
	return MMIO_HANDLED;
}

enum mmio_result gicv2_gicd_access(void *arg, struct mmio_access *access)
{
	struct cell *cell = arg;
	unsigned long off = access->address;
	const struct irq_reg *reg;
	unsigned long mask;
	unsigned int first;

	/* CTLR, TYPER, IIDR, then reserved up to the IRQ banks */
	if (off < GICD_IGROUPR)
		return gic_read_only(access, off < 0xc);
	if (off >= GICD_ITARGETSR && off < GICD_ICFGR)
		return itargetsr_access(cell, access);
	if (off == GICD_SGIR)
		return sgir_write(cell, access);
	reg = gic_find_irq_reg(off);
	/* 0xd00-0xdff: implementation defined on GICv2 (no IGRPMODR) */
	if (reg && reg->start != GICD_IGRPMODR) {
		/* a cell's interrupts stay in Group 0, the hypervisor's */
		if (!gic_size_ok(access, reg->bytes, false) ||
		    (cell != &root_cell && reg->start == GICD_IGROUPR))
			return gic_raz_wi(access);
		first = gic_first_irq(reg, off);
		mask = gic_owned_mask(cell, first, access->size, reg->bits,
				      first < 32);
		if (!gic_group_fixed(cell, reg, access, mask))
			gic_masked_access(gicd_base, access, reg, mask);
		return MMIO_HANDLED;
	}
	/* the ID registers */
	return gic_read_only(access, off >= GICD_V2_ID_BASE);
}
