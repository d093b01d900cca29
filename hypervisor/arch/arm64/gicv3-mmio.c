// SPDX-License-Identifier: GPL-2.0
/*
 * Trapped GICD and GICR accesses, filtered by interrupt ownership: a
 * cell reaches the SPIs of its config and the SGIs/PPIs of its CPUs,
 * except the ones the hypervisor keeps (its SGIs, the maintenance PPI).
 */
#include <jailhouse/cell.h>
#include <jailhouse/errno.h>
#include <jailhouse/mmio.h>
#include <jailhouse/percpu.h>
#include <asm/gicv3.h>
#include <asm/setup.h>
#include <asm/spinlock.h>

static spinlock_t dist_lock;

bool gicv3_spi_owned(const struct cell *cell, unsigned int irq)
{
	return irq >= 32 && irq < 1024 &&
	       (cell->arch.spi_bitmap[irq / 32] & BIT(irq % 32));
}

/* Bits of a register with "bits" bits per IRQ that belong to the cell. */
static unsigned long owned_mask(const struct cell *cell, unsigned int first,
				unsigned int size, unsigned int bits,
				bool private)
{
	unsigned long mask = 0, field = (1UL << bits) - 1;
	unsigned int n, irq;

	for (n = 0; n < size * 8 / bits; n++) {
		irq = first + n;
		if (private ? !(irq < 32 && (gicv3_hv_private_irqs() & BIT(irq)))
			    : gicv3_spi_owned(cell, irq))
			mask |= field << (n * bits);
	}
	return mask;
}

struct irq_reg {
	unsigned int start, end;	/* offsets */
	unsigned int bits;		/* per IRQ */
	bool set_clear;			/* write-1 semantics: no RMW */
};

/* Each bank of 1024 IRQs separately: its first register is IRQ 0. */
static const struct irq_reg irq_regs[] = {
	{ GICD_IGROUPR, GICD_ISENABLER, 1, false },
	{ GICD_ISENABLER, GICD_ICENABLER, 1, true },
	{ GICD_ICENABLER, GICD_ISPENDR, 1, true },
	{ GICD_ISPENDR, GICD_ICPENDR, 1, true },
	{ GICD_ICPENDR, GICD_ISACTIVER, 1, true },
	{ GICD_ISACTIVER, GICD_ICACTIVER, 1, true },
	{ GICD_ICACTIVER, GICD_IPRIORITYR, 1, true },
	{ GICD_IPRIORITYR, GICD_ITARGETSR, 8, false },
	{ GICD_ICFGR, GICD_IGRPMODR, 2, false },
	{ GICD_IGRPMODR, GICD_NSACR, 1, false },
	{ GICD_NSACR, GICD_SGIR, 2, false },
};

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
	spin_lock(&dist_lock);
	access->is_write = false;
	old = mmio_perform_access(base, access);
	access->is_write = true;
	access->value = (old & ~mask) | (access->value & mask);
	mmio_perform_access(base, access);
	spin_unlock(&dist_lock);
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

enum mmio_result gicv3_gicd_access(void *arg, struct mmio_access *access)
{
	struct cell *cell = arg;
	unsigned long off = access->address;
	const struct irq_reg *reg = find_irq_reg(off);
	unsigned int irq;

	if (reg) {
		masked_access(gicd_base, access, reg,
			      owned_mask(cell, first_irq(reg, off),
					 access->size, reg->bits, false));
		return MMIO_HANDLED;
	}
	if (off >= GICD_IROUTER && off < GICD_IROUTER + 8 * 1024) {
		irq = (off - GICD_IROUTER) / 8;
		if (!gicv3_spi_owned(cell, irq)) {
			if (!access->is_write)
				access->value = 0;
		} else if (access->is_write) {
			access->value = gicv3_route_in_cell(cell, access->value,
							     access->size == 4 &&
							     (off & 4));
			mmio_perform_access(gicd_base, access);
		} else {
			access->value = mmio_perform_access(gicd_base, access);
		}
		return MMIO_HANDLED;
	}
	/* CTLR, TYPER, IIDR, TYPER2 and the ID registers: read-only */
	if (!access->is_write && (off < 0x10 || off >= 0xffd0))
		access->value = mmio_perform_access(gicd_base, access);
	else if (!access->is_write)
		access->value = 0;
	return MMIO_HANDLED;
}

static struct per_cpu *frame_cpu(unsigned long frame_phys)
{
	for (unsigned int cpu = 0; cpu < max_cpus; cpu++)
		if (per_cpu(cpu)->arch.gicr_phys == frame_phys)
			return per_cpu(cpu);
	return NULL;
}

enum mmio_result gicv3_gicr_access(void *arg, struct mmio_access *access)
{
	struct cell *cell = arg;
	unsigned long frame = access->address / gicr_stride * gicr_stride;
	unsigned long off = access->address - frame;
	void *base = (u8 *)gicr_base + frame;
	struct per_cpu *owner;
	const struct irq_reg *reg;

	access->address = off;
	/* Frames of other cells' CPUs: only identification. */
	owner = frame_cpu(system_config->platform_info.arm.gicr_base + frame);
	if (!owner || owner->cell != cell) {
		if (!access->is_write && off < GICR_SGI_BASE &&
		    (off == GICR_TYPER || off == GICR_TYPER + 4 ||
		     off == 0x4 || off >= 0xffd0))
			access->value = mmio_perform_access(base, access);
		else if (!access->is_write)
			access->value = 0;
		return MMIO_HANDLED;
	}

	if (off >= GICR_SGI_BASE) {
		reg = find_irq_reg(off - GICR_SGI_BASE);
		if (reg && first_irq(reg, off - GICR_SGI_BASE) < 32) {
			masked_access(base, access, reg,
				      owned_mask(cell,
						 first_irq(reg, off - GICR_SGI_BASE),
						 access->size, reg->bits, true));
			return MMIO_HANDLED;
		}
	}
	access->value = mmio_perform_access(base, access);
	return MMIO_HANDLED;
}
