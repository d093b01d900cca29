// SPDX-License-Identifier: GPL-2.0
/*
 * The trapped distributor's common filter (asm/gic-dist.h), for GICv3 and
 * GICv2 alike: a cell reaches the SPIs of its config and the SGIs/PPIs of
 * its CPUs, except the ones the hypervisor keeps (its SGIs, the
 * maintenance PPI).
 *
 * Access sizes as the architecture defines them: 32 bits everywhere,
 * bytes for the priorities (and GICv2's targets), 64 bits only for the
 * GICv3 registers that have them. Any other size reads as zero and
 * writes are ignored, as for reserved registers.
 */
#include <jailhouse/cell.h>
#include <jailhouse/mmio.h>
#include <asm/gic-dist.h>
#include <asm/gicv3-driver.h>
#include <asm/vgic.h>

void *gicd_base;
unsigned int gic_lines;
spinlock_t gic_dist_lock;

/* One bit per INTID of the 32 from @base (a multiple of 32) on. */
static u32 owned_word(const struct cell *cell, unsigned int base,
		      bool private)
{
	if (private)
		return base < 32 ? ~(u32)vgic_hv_private_irqs() : ~0U;
	return base >= 32 && base < 1024 ? cell->arch.spi_bitmap[base / 32] :
					   0;
}

/*
 * A word of the 1-bit registers is the ownership word itself; for wider
 * fields each interrupt's bit is spread over its field. Bit by bit, with
 * a call each, a cell's pending write took 1059 instructions from its
 * store to the next instruction; this way 359 (cell-test "spib").
 */
unsigned long gic_owned_mask(const struct cell *cell, unsigned int first,
			     unsigned int size, unsigned int bits,
			     bool private)
{
	unsigned long mask = 0, field = (1UL << bits) - 1;
	unsigned int n, irq;
	u32 word = 0;

	if (bits == 1 && size == 4 && !(first % 32))
		return owned_word(cell, first, private);
	for (n = 0; n < size * 8 / bits; n++) {
		irq = first + n;
		if (!n || !(irq % 32))
			word = owned_word(cell, irq & ~31U, private);
		if (word & BIT(irq % 32))
			mask |= field << (n * bits);
	}
	return mask;
}

/* Each bank of 1024 IRQs separately: its first register is IRQ 0. */
static const struct irq_reg irq_regs[] = {
	{ GICD_IGROUPR, GICD_ISENABLER, 1, false, false },
	{ GICD_ISENABLER, GICD_ICENABLER, 1, true, false },
	{ GICD_ICENABLER, GICD_ISPENDR, 1, true, false },
	{ GICD_ISPENDR, GICD_ICPENDR, 1, true, false },
	{ GICD_ICPENDR, GICD_ISACTIVER, 1, true, false },
	{ GICD_ISACTIVER, GICD_ICACTIVER, 1, true, false },
	{ GICD_ICACTIVER, GICD_IPRIORITYR, 1, true, false },
	{ GICD_IPRIORITYR, GICD_ITARGETSR, 8, false, true },
	{ GICD_ICFGR, GICD_IGRPMODR, 2, false, false },
	{ GICD_IGRPMODR, GICD_NSACR, 1, false, false },
	{ GICD_NSACR, GICD_SGIR, 2, false, false },
};

/* 16-bit accesses are defined for no GIC register. */
bool gic_size_ok(const struct mmio_access *access, bool bytes, bool wide)
{
	switch (access->size) {
	case 1:
		return bytes;
	case 4:
		return true;
	case 8:
		return wide;
	default:
		return false;
	}
}

/* Reserved, not the cell's, or a size the register does not take. */
enum mmio_result gic_raz_wi(struct mmio_access *access)
{
	if (!access->is_write)
		access->value = 0;
	return MMIO_HANDLED;
}

enum mmio_result gic_pass_through(void *base, struct mmio_access *access)
{
	access->value = mmio_perform_access(base, access);
	return MMIO_HANDLED;
}

/*
 * One access to an IRQ bitmap register at base + reg offset, masked:
 * set/clear registers write only the cell's bits, the others merge
 * them into the current value under a lock.
 */
void gic_masked_access(void *base, struct mmio_access *access,
		       const struct irq_reg *reg, unsigned long mask)
{
	unsigned long old;

	if (!access->is_write) {
		access->value = mmio_perform_access(base, access) & mask;
		return;
	}
	if (reg->set_clear) {
		access->value &= mask;
		mmio_perform_access(base, access);
		return;
	}
	spin_lock(&gic_dist_lock);
	access->is_write = false;
	old = mmio_perform_access(base, access);
	access->is_write = true;
	access->value = (old & ~mask) | (access->value & mask);
	mmio_perform_access(base, access);
	spin_unlock(&gic_dist_lock);
}

/*
 * Interrupt groups are not a non-root cell's to choose: the hypervisor
 * takes only Group 1, so a Group 0 interrupt pending at high priority
 * would sit in front of its own SGIs and keep the CPU from it. The
 * cell's interrupts read as Group 1 (non-secure) and stay so.
 */
bool gic_group_fixed(const struct cell *cell, const struct irq_reg *reg,
		     struct mmio_access *access, unsigned long mask)
{
	if (cell == &root_cell ||
	    (reg->start != GICD_IGROUPR && reg->start != GICD_IGRPMODR))
		return false;
	if (!access->is_write)
		access->value = reg->start == GICD_IGROUPR ? mask : 0;
	return true;
}

const struct irq_reg *gic_find_irq_reg(unsigned long off)
{
	/* CTLR, TYPER, IROUTER, the ID registers: no search */
	if (off < irq_regs[0].start ||
	    off >= irq_regs[ARRAY_SIZE(irq_regs) - 1].end)
		return NULL;
	for (unsigned int n = 0; n < ARRAY_SIZE(irq_regs); n++)
		if (off >= irq_regs[n].start && off < irq_regs[n].end)
			return &irq_regs[n];
	return NULL;
}

unsigned int gic_first_irq(const struct irq_reg *reg, unsigned long off)
{
	return (off - reg->start) * 8 / reg->bits;
}

