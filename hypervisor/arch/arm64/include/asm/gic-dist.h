/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The distributor as both GIC models have it (0x000-0xeff of GICD) and
 * the filter every trapped GICD access goes through (gic-dist.c): a cell
 * reaches the bits of the interrupts it owns, in the access sizes the
 * architecture defines.
 */
#ifndef _JAILHOUSE_ASM_GIC_DIST_H
#define _JAILHOUSE_ASM_GIC_DIST_H

#include <jailhouse/mmio.h>
#include <asm/spinlock.h>

#define GICD_CTLR		0x0000
#define GICD_TYPER		0x0004
#define GICD_IGROUPR		0x0080
#define GICD_ISENABLER		0x0100
#define GICD_ICENABLER		0x0180
#define GICD_ISPENDR		0x0200
#define GICD_ICPENDR		0x0280
#define GICD_ISACTIVER		0x0300
#define GICD_ICACTIVER		0x0380
#define GICD_IPRIORITYR		0x0400
#define GICD_ITARGETSR		0x0800
#define GICD_ICFGR		0x0c00
#define GICD_IGRPMODR		0x0d00	/* GICv3 only */
#define GICD_NSACR		0x0e00
#define GICD_SGIR		0x0f00

#define PIDR2_ARCHREV(v)	(((v) >> 4) & 0xf)

struct cell;

/* A bank of per-IRQ registers; each bank's first register is IRQ 0. */
struct irq_reg {
	unsigned int start, end;	/* offsets */
	unsigned int bits;		/* per IRQ */
	bool set_clear;			/* write-1 semantics: no RMW */
	bool bytes;			/* byte accesses allowed */
};

/* The distributor as the hypervisor maps it, and its interrupt lines */
extern void *gicd_base;
extern unsigned int gic_lines;
/* Read-modify-write of GICD words that several cells share IRQs in. */
extern spinlock_t gic_dist_lock;

const struct irq_reg *gic_find_irq_reg(unsigned long off);
unsigned int gic_first_irq(const struct irq_reg *reg, unsigned long off);
/*
 * Bits of a register with "bits" bits per IRQ that belong to the cell:
 * private, the SGIs and PPIs but the hypervisor's; else its SPIs.
 */
unsigned long gic_owned_mask(const struct cell *cell, unsigned int first,
			     unsigned int size, unsigned int bits,
			     bool private);
/* 8-bit accesses where "bytes", 64-bit ones where "wide", else 32 */
bool gic_size_ok(const struct mmio_access *access, bool bytes, bool wide);
enum mmio_result gic_raz_wi(struct mmio_access *access);
enum mmio_result gic_pass_through(void *base, struct mmio_access *access);

/*
 * A register of the distributor's header or ID block: 32-bit reads of a
 * "readable" one see the real register, the rest read as zero; writes are
 * ignored. Inline: the way every GICD_TYPER read goes (Linux, benchmark).
 */
static inline enum mmio_result gic_read_only(struct mmio_access *access,
					     bool readable)
{
	if (access->is_write)
		return MMIO_HANDLED;
	access->value = readable && access->size == 4 ?
		mmio_read32((u8 *)gicd_base + access->address) : 0;
	return MMIO_HANDLED;
}
void gic_masked_access(void *base, struct mmio_access *access,
		       const struct irq_reg *reg, unsigned long mask);
/* A non-root cell's IGROUPR/IGRPMODR access, answered; false: not one */
bool gic_group_fixed(const struct cell *cell, const struct irq_reg *reg,
		     struct mmio_access *access, unsigned long mask);

#endif /* !_JAILHOUSE_ASM_GIC_DIST_H */
