// SPDX-License-Identifier: GPL-2.0
/*
 * What root Linux gives up for a cell, checked before the hypervisor takes
 * it away: the hypervisor knows the configs, only Linux knows what it uses.
 * Taking memory Linux allocates from, a device page a Linux driver has
 * claimed, or an interrupt a Linux driver has requested would leave Linux
 * faulting on its own accesses or waiting for interrupts for ever, so such
 * a config is refused naming the resource. The memory a cell does get is
 * claimed in /proc/iomem as "jailhouse cell <name>", exclusive, so drivers
 * and /dev/mem keep off it until the cell is destroyed.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/interrupt.h>
#include <linux/ioport.h>
#include <linux/irqdomain.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/of.h>
#include <linux/slab.h>

#include "driver.h"

/* One claimed region; all cells' claims are on one list, under jhd_lock. */
struct jhd_claim {
	struct list_head entry;
	const struct jhd_cell *cell;
	struct resource *res;
	char name[];
};

static LIST_HEAD(jhd_claims);

/* Regions with physical memory behind them (the hypervisor checks shapes) */
static bool jhd_region_physical(const struct jailhouse_memory *mem)
{
	return !(mem->flags & JAILHOUSE_MEM_COMM_REGION) && mem->size &&
	       mem->phys_start + mem->size > mem->phys_start;
}

/* Regions the cell takes from root: all physical ones but shared ones */
static bool jhd_region_taken(const struct jailhouse_memory *mem)
{
	return jhd_region_physical(mem) &&
	       !(mem->flags & JAILHOUSE_MEM_ROOTSHARED);
}

/*
 * Memory Linux uses itself must not go to a cell. A region the cell takes
 * leaves root's stage 2 while Linux's linear map still covers it, and
 * Linux would fault on its own pages. A ROOTSHARED region stays in root,
 * so upstream allows it in System RAM: the cell then shares whatever
 * Linux keeps there, at the config's risk. But a LOADABLE one would have
 * CELL_LOAD write images over pages Linux's allocator hands out, so that
 * is refused whatever its flags. The comm region has no physical address.
 */
static int jhd_cell_check_ram(const struct jhd_cell *cell)
{
	const struct jailhouse_memory *mem =
		jailhouse_cell_mem_regions(cell->config);
	unsigned int n;

	for (n = 0; n < cell->config->num_memory_regions; n++, mem++) {
		if (!jhd_region_physical(mem) ||
		    (mem->flags & JAILHOUSE_MEM_ROOTSHARED &&
		     !(mem->flags & JAILHOUSE_MEM_LOADABLE)))
			continue;
		if (region_intersects(mem->phys_start, mem->size,
				      IORESOURCE_SYSTEM_RAM,
				      IORES_DESC_NONE) != REGION_DISJOINT) {
			jhd_refuse("create", "region %u (%#llx-%#llx) of \"%s\" overlaps Linux's System RAM%s\n",
				   n, mem->phys_start,
				   mem->phys_start + mem->size - 1, cell->name,
				   mem->flags & JAILHOUSE_MEM_ROOTSHARED ?
				   " and is LOADABLE: images would overwrite Linux's memory" :
				   ": reserve it from Linux (mem=, memmap= or a reserved-memory node)");
			return -EADDRINUSE;
		}
	}
	return 0;
}

static int jhd_first_busy(struct resource *res, void *arg)
{
	*(struct resource *)arg = *res;
	return 1;
}

/* Whether the claim of a cell or of the hypervisor covers the range. */
static bool jhd_ours(const struct resource *busy)
{
	struct jhd_claim *claim;

	if (jhd_hv.res && busy->start <= jhd_hv.res->end &&
	    busy->end >= jhd_hv.res->start)
		return true;
	list_for_each_entry(claim, &jhd_claims, entry)
		if (busy->start <= claim->res->end &&
		    busy->end >= claim->res->start)
			return true;
	return false;
}

/*
 * Claim region n for the cell. A busy range a Linux driver holds refuses
 * the cell. One that a cell or the hypervisor holds is the hypervisor's
 * to judge (it refuses such overlaps and says so), and a region that
 * straddles the boundary of a free resource cannot be claimed as one
 * piece: both go unclaimed, Linux keeps off them anyway.
 */
static int jhd_claim_region(struct jhd_cell *cell, unsigned int n,
			   const struct jailhouse_memory *mem)
{
	resource_size_t end = mem->phys_start + mem->size - 1;
	struct resource busy;
	struct jhd_claim *claim;

	claim = kzalloc(struct_size(claim, name, sizeof("jailhouse cell ") +
				    sizeof(cell->name)), GFP_KERNEL);
	if (!claim)
		return -ENOMEM;
	sprintf(claim->name, "jailhouse cell %s", cell->name);
	claim->res = __request_region(&iomem_resource, mem->phys_start,
				      mem->size, claim->name,
				      IORESOURCE_EXCLUSIVE);
	if (claim->res) {
		claim->cell = cell;
		list_add_tail(&claim->entry, &jhd_claims);
		return 0;
	}
	kfree(claim);

	if (walk_iomem_res_desc(IORES_DESC_NONE,
				IORESOURCE_MEM | IORESOURCE_BUSY,
				mem->phys_start, end, &busy,
				jhd_first_busy) != 1 || jhd_ours(&busy))
		return 0;
	jhd_refuse("create", "region %u (%#llx-%#llx) of \"%s\": %#llx-%#llx of it is claimed by a Linux driver (/proc/iomem): unbind the driver, or mark the region ROOTSHARED\n",
		   n, mem->phys_start, end, cell->name,
		   (unsigned long long)busy.start, (unsigned long long)busy.end);
	return -EBUSY;
}

static struct irq_domain *jhd_gic_domain(void)
{
	static const struct of_device_id gics[] = {
		{ .compatible = "arm,gic-v3" },
		{ .compatible = "arm,gic-400" },
		{ .compatible = "arm,cortex-a15-gic" },
		{ .compatible = "arm,cortex-a9-gic" },
		{ .compatible = "arm,cortex-a7-gic" },
		{ }
	};
	struct device_node *np = of_find_matching_node(NULL, gics);
	struct irq_domain *domain;

	if (!np)
		return NULL;
	domain = irq_find_host(np);
	of_node_put(np);
	return domain;
}

/*
 * No SPI of the cell has a handler in Linux. Lines that are no SPI, and
 * malformed irqchips, are the hypervisor's to refuse.
 */
static int jhd_cell_check_irqs(const struct jhd_cell *cell)
{
	const struct jailhouse_irqchip *chip =
		jailhouse_cell_irqchips(cell->config);
	struct irq_domain *gic = jhd_gic_domain();
	unsigned int n, bit, virq;
	u64 intid;

	if (!gic) {
		pr_warn("create: no GIC in the device tree: cannot tell whether Linux uses the interrupts of \"%s\"\n",
			cell->name);
		return 0;
	}
	for (n = 0; n < cell->config->num_irqchips; n++, chip++) {
		for (bit = 0; bit < 128; bit++) {
			if (!(chip->pin_bitmap[bit / 32] & BIT(bit % 32)))
				continue;
			intid = (u64)chip->pin_base + bit;
			if (intid < JAILHOUSE_GIC_SPI_FIRST ||
			    intid > JAILHOUSE_GIC_SPI_LAST)
				continue;
			virq = irq_find_mapping(gic, intid);
			if (!virq || !irq_has_action(virq))
				continue;
			jhd_refuse("create", "interrupt %llu of \"%s\" has a Linux handler (IRQ %u in /proc/interrupts): free it first, e.g. by unbinding its driver\n",
				   intid, cell->name, virq);
			return -EBUSY;
		}
	}
	return 0;
}

void jhd_cell_unclaim(const struct jhd_cell *cell)
{
	struct jhd_claim *claim, *next;

	list_for_each_entry_safe(claim, next, &jhd_claims, entry) {
		if (claim->cell != cell)
			continue;
		list_del(&claim->entry);
		__release_region(&iomem_resource, claim->res->start,
				 resource_size(claim->res));
		kfree(claim);
	}
}

int jhd_cell_claim(struct jhd_cell *cell)
{
	const struct jailhouse_memory *mem =
		jailhouse_cell_mem_regions(cell->config);
	unsigned int n;
	int err;

	err = jhd_cell_check_ram(cell);
	if (!err)
		err = jhd_cell_check_irqs(cell);
	for (n = 0; !err && n < cell->config->num_memory_regions; n++, mem++)
		if (jhd_region_taken(mem))
			err = jhd_claim_region(cell, n, mem);
	if (err)
		jhd_cell_unclaim(cell);
	return err;
}
