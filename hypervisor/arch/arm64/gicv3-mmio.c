// SPDX-License-Identifier: GPL-2.0
/*
 * Trapped GICD and GICR accesses, filtered by interrupt ownership: a
 * cell reaches the SPIs of its config and the SGIs/PPIs of its CPUs,
 * except the ones the hypervisor keeps (its SGIs, the maintenance PPI).
 *
 * Of the redistributors' control registers (CTLR, WAKER, the LPI and
 * VLPI registers) only root reaches those of its own CPUs: redistributor
 * power and LPI tables (which the GIC writes to memory) stay out of a
 * non-root cell's hands; it sees them as zero. Other CPUs' frames show
 * only their identification.
 *
 * Access sizes as the architecture defines them: 32 bits everywhere,
 * 64 bits or either 32-bit half for the 64-bit registers (IROUTER,
 * GICR_TYPER, the LPI registers), bytes for the priorities. Any other
 * size reads as zero and writes are ignored, as for reserved registers.
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

/* Read-modify-write of GICD words that several cells share IRQs in. */
spinlock_t gicv3_dist_lock;

/* Bits of a register with "bits" bits per IRQ that belong to the cell. */
static unsigned long owned_mask(const struct cell *cell, unsigned int first,
				unsigned int size, unsigned int bits,
				bool private)
{
	unsigned long mask = 0, field = (1UL << bits) - 1;
	unsigned int n, irq;

	for (n = 0; n < size * 8 / bits; n++) {
		irq = first + n;
		if (private ? !(irq < 32 && (vgic_hv_private_irqs() & BIT(irq)))
			    : gicv3_spi_owned(cell, irq))
			mask |= field << (n * bits);
	}
	return mask;
}

struct irq_reg {
	unsigned int start, end;	/* offsets */
	unsigned int bits;		/* per IRQ */
	bool set_clear;			/* write-1 semantics: no RMW */
	bool bytes;			/* byte accesses allowed */
};

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
static bool size_ok(const struct mmio_access *access, bool bytes, bool wide)
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
static enum mmio_result raz_wi(struct mmio_access *access)
{
	if (!access->is_write)
		access->value = 0;
	return MMIO_HANDLED;
}

static enum mmio_result pass_through(void *base, struct mmio_access *access)
{
	access->value = mmio_perform_access(base, access);
	return MMIO_HANDLED;
}

/*
 * One access to an IRQ bitmap register at base + reg offset, masked:
 * set/clear registers write only the cell's bits, the others merge
 * them into the current value under a lock.
 */
static void masked_access(void *base, struct mmio_access *access,
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
	spin_lock(&gicv3_dist_lock);
	access->is_write = false;
	old = mmio_perform_access(base, access);
	access->is_write = true;
	access->value = (old & ~mask) | (access->value & mask);
	mmio_perform_access(base, access);
	spin_unlock(&gicv3_dist_lock);
}

/*
 * Interrupt groups are not a non-root cell's to choose: the hypervisor
 * takes only Group 1, so a Group 0 interrupt pending at high priority
 * would sit in front of its own SGIs and keep the CPU from it. The
 * cell's interrupts read as Group 1 (non-secure) and stay so.
 */
static bool group_fixed(const struct cell *cell, const struct irq_reg *reg,
			struct mmio_access *access, unsigned long mask)
{
	if (cell == &root_cell ||
	    (reg->start != GICD_IGROUPR && reg->start != GICD_IGRPMODR))
		return false;
	if (!access->is_write)
		access->value = reg->start == GICD_IGROUPR ? mask : 0;
	return true;
}

static const struct irq_reg *find_irq_reg(unsigned long off)
{
	for (unsigned int n = 0; n < ARRAY_SIZE(irq_regs); n++)
		if (off >= irq_regs[n].start && off < irq_regs[n].end)
			return &irq_regs[n];
	return NULL;
}

static unsigned int first_irq(const struct irq_reg *reg, unsigned long off)
{
	return (off - reg->start) * 8 / reg->bits;
}

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

	if (!size_ok(access, false, true) || !gicv3_spi_owned(cell, irq))
		return raz_wi(access);
	if (!access->is_write)
		return pass_through(gicd_base, access);

	/* a half write completes the route with the other half as it is */
	spin_lock(&gicv3_dist_lock);
	route = access->value;
	if (access->size == 4 && (off & 4))
		route = (route << 32) | (mmio_read64(reg) & 0xffffffffUL);
	else if (access->size == 4)
		route |= mmio_read64(reg) & ~0xffffffffUL;
	mmio_write64(reg, gicv3_route_in_cell(cell, route));
	spin_unlock(&gicv3_dist_lock);
	return MMIO_HANDLED;
}

enum mmio_result gicv3_gicd_access(void *arg, struct mmio_access *access)
{
	struct cell *cell = arg;
	unsigned long off = access->address;
	const struct irq_reg *reg = find_irq_reg(off);
	unsigned long mask;

	if (reg) {
		if (!size_ok(access, reg->bytes, false))
			return raz_wi(access);
		mask = owned_mask(cell, first_irq(reg, off), access->size,
				  reg->bits, false);
		if (!group_fixed(cell, reg, access, mask))
			masked_access(gicd_base, access, reg, mask);
		return MMIO_HANDLED;
	}
	if (off >= GICD_IROUTER && off < GICD_IROUTER + 8 * 1024)
		return irouter_access(cell, access);
	/* CTLR, TYPER, IIDR, TYPER2 and the ID registers: read-only */
	if (access->size == 4 && !access->is_write &&
	    (off < 0x10 || off >= GICD_ID_BASE))
		return pass_through(gicd_base, access);
	return raz_wi(access);
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
	const struct irq_reg *reg = find_irq_reg(off);
	bool root = cell == &root_cell;
	unsigned long mask;

	/* beyond IRQ 31: extended PPIs, reserved on GICv3.0 */
	if (!reg || first_irq(reg, off) >= 32) {
		if (!root || !size_ok(access, false, false))
			return raz_wi(access);
		return pass_through(base, access);
	}
	if (!size_ok(access, reg->bytes, false))
		return raz_wi(access);
	mask = owned_mask(cell, first_irq(reg, off), access->size, reg->bits,
			  true);
	if (group_fixed(cell, reg, access, mask))
		return MMIO_HANDLED;
	masked_access(base, access, reg, mask);
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
	if (!size_ok(access, false, gicr_wide(off)))
		return raz_wi(access);
	/* RD and VLPI frames of root's own CPUs: root keeps them */
	if (own && cell == &root_cell)
		return pass_through(base, access);
	if (!access->is_write && gicr_id_reg(off))
		return pass_through(base, access);
	return raz_wi(access);
}
