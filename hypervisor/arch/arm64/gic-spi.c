// SPDX-License-Identifier: GPL-2.0
/*
 * Ownership of the shared peripheral interrupts (SPIs). A cell's SPIs
 * come from its irqchip entries for the GICD and must belong to root
 * when it is created. While a cell owns them they are routed to its
 * CPUs; root's settings (enable, group, trigger, priority, routing) are
 * kept aside and restored when the cell goes, so root Linux gets its
 * interrupts back as it had configured them. What a new config may ask
 * for is checked in gic-spi-check.c. The same for both GIC models; how
 * an SPI is routed to a CPU is the model's (gic_routes).
 */
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/mmio.h>
#include <jailhouse/printk.h>
#include <asm/gic-dist.h>
#include <asm/gic-spi.h>

/* GICv3's "register write pending"; GICv2 has no such bit (RAZ) */
#define GICD_CTLR_RWP	(1U << 31)

const struct gic_spi_routes *gic_routes;

struct spi_snapshot {
	u32 enabled[32];
	u32 group[32];
	u32 config[64];
	u8 priority[1024];
	u64 route[1024];
};

#define SNAPSHOT_PAGES	DIV_ROUND_UP(sizeof(struct spi_snapshot), PAGE_SIZE)

static void *gicd(unsigned long off)
{
	return (u8 *)gicd_base + off;
}

/* Disabling takes effect only once the distributor says so. */
/*
 * Register writes propagate within microseconds; a distributor that never
 * clears RWP must not hang the root CPU that asked.
 */
#define GICD_RWP_TIMEOUT_MS	10

static void gicd_wait_rwp(void)
{
	u64 deadline = deadline_after_ms(GICD_RWP_TIMEOUT_MS);

	while (mmio_read32(gicd(GICD_CTLR)) & GICD_CTLR_RWP) {
		if (deadline_passed(deadline)) {
			printk("GICD: RWP still set after %u ms\n",
			       GICD_RWP_TIMEOUT_MS);
			return;
		}
		cpu_relax();
	}
}

int gic_cell_create(struct cell *cell)
{
	cell->arch.root_spis = page_alloc(&mem_pool, SNAPSHOT_PAGES, 1);
	return cell->arch.root_spis ? 0 : -ENOMEM;
}

void gic_cell_destroy(struct cell *cell)
{
	page_free(&mem_pool, cell->arch.root_spis, SNAPSHOT_PAGES);
	cell->arch.root_spis = NULL;
}

/* Where a cell's SPIs go by default: its first CPU still in service. */
unsigned int gic_spi_default_cpu(const struct cell *cell)
{
	unsigned int cpu;

	for_each_cpu_in_cell(cpu, cell)
		if (!READ_ONCE(per_cpu(cpu)->lost))
			return cpu;
	return cell_first_cpu(cell);
}

/* Off, not pending, not active: nothing of the last owner remains. */
static void quiesce(const struct cell *cell)
{
	unsigned int w;
	u32 bits;

	for (w = 1; w < 32; w++) {
		bits = cell->arch.spi_bitmap[w];
		if (!bits)
			continue;
		mmio_write32(gicd(GICD_ICENABLER + 4 * w), bits);
		mmio_write32(gicd(GICD_ICPENDR + 4 * w), bits);
		mmio_write32(gicd(GICD_ICACTIVER + 4 * w), bits);
	}
	gicd_wait_rwp();
}

static void route_all(const struct cell *cell, u64 route)
{
	unsigned int irq;

	for (irq = 32; irq < gic_lines; irq++)
		if (gic_spi_owned(cell, irq))
			gic_routes->write(irq, route);
}

static u32 merge(u32 old, u32 val, u32 mask)
{
	return (old & ~mask) | (val & mask);
}

/* Two bits per interrupt in ICFGR: the mask of word w's half i. */
static u32 config_mask(u32 bits, unsigned int half)
{
	u32 mask = 0;

	for (unsigned int n = 0; n < 16; n++)
		if (bits & BIT(half * 16 + n))
			mask |= 3U << (2 * n);
	return mask;
}

static void save_root(struct cell *cell)
{
	struct spi_snapshot *snap = cell->arch.root_spis;
	unsigned int w, irq;

	for (w = 1; w < 32; w++) {
		if (!cell->arch.spi_bitmap[w])
			continue;
		snap->enabled[w] = mmio_read32(gicd(GICD_ISENABLER + 4 * w));
		snap->group[w] = mmio_read32(gicd(GICD_IGROUPR + 4 * w));
		snap->config[2 * w] = mmio_read32(gicd(GICD_ICFGR + 8 * w));
		snap->config[2 * w + 1] =
			mmio_read32(gicd(GICD_ICFGR + 8 * w + 4));
	}
	for (irq = 32; irq < gic_lines; irq++) {
		if (!gic_spi_owned(cell, irq))
			continue;
		snap->priority[irq] = mmio_read8(gicd(GICD_IPRIORITYR + irq));
		snap->route[irq] = gic_routes->read(irq);
	}
}

static void restore_root(struct cell *cell)
{
	struct spi_snapshot *snap = cell->arch.root_spis;
	unsigned int w, irq, half;
	unsigned long off;
	u32 bits;

	for (irq = 32; irq < gic_lines; irq++) {
		if (!gic_spi_owned(cell, irq))
			continue;
		mmio_write8(gicd(GICD_IPRIORITYR + irq), snap->priority[irq]);
		/* root's CPU then may belong to a cell now */
		gic_routes->write(irq, gic_routes->in_cell(&root_cell,
							   snap->route[irq]));
	}
	/* words shared with running cells, which merge under the lock too */
	spin_lock(&gic_dist_lock);
	for (w = 1; w < 32; w++) {
		bits = cell->arch.spi_bitmap[w];
		if (!bits)
			continue;
		off = GICD_IGROUPR + 4 * w;
		mmio_write32(gicd(off), merge(mmio_read32(gicd(off)),
					      snap->group[w], bits));
		for (half = 0; half < 2; half++) {
			off = GICD_ICFGR + 8 * w + 4 * half;
			mmio_write32(gicd(off),
				     merge(mmio_read32(gicd(off)),
					   snap->config[2 * w + half],
					   config_mask(bits, half)));
		}
		mmio_write32(gicd(GICD_ISENABLER + 4 * w),
			     snap->enabled[w] & bits);
	}
	spin_unlock(&gic_dist_lock);
}

void gic_cell_irqs_take(struct cell *cell)
{
	unsigned int w;

	save_root(cell);
	quiesce(cell);
	route_all(cell, gic_routes->to_cpu(gic_spi_default_cpu(cell)));
	for (w = 1; w < 32; w++)
		root_cell.arch.spi_bitmap[w] &= ~cell->arch.spi_bitmap[w];
}

void gic_cell_irqs_reset(struct cell *cell)
{
	quiesce(cell);
}

void gic_cell_irqs_return(struct cell *cell)
{
	unsigned int w;

	quiesce(cell);
	restore_root(cell);
	for (w = 1; w < 32; w++)
		root_cell.arch.spi_bitmap[w] |= cell->arch.spi_bitmap[w];
}

/*
 * A virtual device's interrupt (ivshmem): pending in the distributor,
 * from where it reaches the owning cell's CPU as any SPI does. What the
 * device wrote before must be visible to whoever takes the interrupt.
 */
void gic_spi_set_pending(unsigned int irq)
{
	dmb(ish);
	mmio_write32(gicd(GICD_ISPENDR + 4 * (irq / 32)), BIT(irq % 32));
}
