// SPDX-License-Identifier: GPL-2.0
/*
 * Sub-page regions (jailhouse_mem_is_subpage()): a few device registers
 * of a page the cell may not have whole. They are not in the cell's
 * stage 2; each is a trapped range whose accesses the hypervisor performs
 * on the device, if the region's flags allow the direction and the width
 * (JAILHOUSE_MEM_IO_8..64; none: no access at all) and the access is
 * aligned or the region says IO_UNALIGNED (then done byte by byte).
 * Anything else stops the cell, as upstream's hypervisor does.
 */
#include <jailhouse/cell.h>
#include <jailhouse/errno.h>
#include <jailhouse/mmio.h>
#include <jailhouse/paging.h>
#include <jailhouse/printk.h>

struct subpage {
	const struct jailhouse_memory *mem;
	u8 *base;			/* EL2 device mapping of phys_start */
	struct cell *cell;
};

static bool access_allowed(const struct jailhouse_memory *mem,
			   const struct mmio_access *access)
{
	u64 width = (u64)access->size << JAILHOUSE_MEM_IO_WIDTH_SHIFT;

	if (!(mem->flags & (access->is_write ? JAILHOUSE_MEM_WRITE :
					       JAILHOUSE_MEM_READ)))
		return false;
	if (!(mem->flags & width))
		return false;
	return (mem->flags & JAILHOUSE_MEM_IO_UNALIGNED) ||
	       !((mem->virt_start + access->address) % access->size);
}

/* Device memory takes no unaligned access: one byte at a time */
static void bytewise(u8 *base, struct mmio_access *access)
{
	u8 *at = base + access->address;
	unsigned int n;

	if (access->is_write) {
		for (n = 0; n < access->size; n++)
			mmio_write8(at + n, access->value >> (8 * n));
		return;
	}
	access->value = 0;
	for (n = 0; n < access->size; n++)
		access->value |= (unsigned long)mmio_read8(at + n) << (8 * n);
}

static enum mmio_result subpage_access(void *arg, struct mmio_access *access)
{
	struct subpage *sp = arg;
	unsigned long value;

	if (!access_allowed(sp->mem, access)) {
		printk("Cell \"%s\": %u-byte %s at %lx: region (%lx size %lx) does not allow it\n",
		       sp->cell->config->name, access->size,
		       access->is_write ? "write" : "read",
		       (unsigned long)sp->mem->virt_start + access->address,
		       (unsigned long)sp->mem->virt_start,
		       (unsigned long)sp->mem->size);
		return MMIO_ERROR;
	}
	if ((sp->mem->virt_start + access->address) % access->size) {
		bytewise(sp->base, access);
		return MMIO_HANDLED;
	}
	value = mmio_perform_access(sp->base, access);
	if (!access->is_write)
		access->value = value;
	return MMIO_HANDLED;
}

int subpage_cell_init(struct cell *cell)
{
	const struct jailhouse_memory *mem;
	unsigned int n, num = 0;
	struct subpage *sp;
	int err;

	for_each_mem_region(mem, cell->config, n)
		if (jailhouse_mem_is_subpage(mem))
			num++;
	if (!num)
		return 0;
	cell->subpage_pages = DIV_ROUND_UP(num * sizeof(*sp), PAGE_SIZE);
	cell->subpages = page_alloc(&mem_pool, cell->subpage_pages, 1);
	if (!cell->subpages)
		return -ENOMEM;
	sp = cell->subpages;
	for_each_mem_region(mem, cell->config, n) {
		if (!jailhouse_mem_is_subpage(mem))
			continue;
		sp->mem = mem;
		sp->cell = cell;
		sp->base = paging_map_device(mem->phys_start, mem->size);
		if (!sp->base)
			return -ENOMEM;
		cell->num_subpages++;
		err = mmio_region_register(cell, mem->virt_start, mem->size,
					   subpage_access, sp);
		if (err)
			return err;
		sp++;
	}
	return 0;
}

void subpage_cell_exit(struct cell *cell)
{
	unsigned int n;

	if (!cell->subpages)
		return;
	for (n = 0; n < cell->num_subpages; n++)
		paging_unmap_ram(cell->subpages[n].base,
				 cell->subpages[n].mem->size);
	page_free(&mem_pool, cell->subpages, cell->subpage_pages);
	cell->subpages = NULL;
	cell->num_subpages = 0;
}
