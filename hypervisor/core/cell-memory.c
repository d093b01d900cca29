// SPDX-License-Identifier: GPL-2.0
/*
 * Stage-2 contents of the cells.
 *
 * Root's tables are built from its config minus the holes (the
 * hypervisor's memory and registers, every other cell's memory unless
 * shared or mapped back for loading): as a whole when a cell comes or
 * goes, so that it leaves exactly the tables that were there before and
 * the page pool cannot leak; in place, window by window, when a cell's
 * loadable regions go to root and back. The caller has suspended the
 * other root CPUs.
 */
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/printk.h>
#include <jailhouse/string.h>
#include <jailhouse/pci.h>

#define MAX_HOLES	256

/* Only management hypercalls use it, one at a time. */
static struct mem_range holes[MAX_HOLES];
static unsigned int num_holes;

static int add_hole(unsigned long start, unsigned long size)
{
	if (num_holes == MAX_HOLES)
		return -ENOMEM;
	holes[num_holes].start = start;
	holes[num_holes].size = size;
	num_holes++;
	return 0;
}

/* Sorted by start, overlapping or touching holes merged. */
static void sort_holes(void)
{
	struct mem_range tmp;
	unsigned int i, j, out = 0;
	unsigned long end;

	for (i = 1; i < num_holes; i++)
		for (j = i; j > 0 && holes[j].start < holes[j - 1].start; j--) {
			tmp = holes[j];
			holes[j] = holes[j - 1];
			holes[j - 1] = tmp;
		}
	for (i = 0; i < num_holes; i++) {
		if (out && holes[i].start <= holes[out - 1].start +
					     holes[out - 1].size) {
			end = MAX(holes[out - 1].start + holes[out - 1].size,
				  holes[i].start + holes[i].size);
			holes[out - 1].size = end - holes[out - 1].start;
		} else {
			holes[out++] = holes[i];
		}
	}
	num_holes = out;
}

/*
 * A region of a cell that root gives up while the cell exists; not the
 * comm region, a shared one, or a page of which a cell has a few bytes.
 */
static bool taken_from_root(const struct jailhouse_memory *mem)
{
	return !(mem->flags & (JAILHOUSE_MEM_COMM_REGION |
			       JAILHOUSE_MEM_ROOTSHARED)) &&
	       !jailhouse_mem_is_subpage(mem);
}

static int collect_holes(void)
{
	const struct jailhouse_memory *mem;
	struct cell *cell;
	unsigned int n;
	int err;

	num_holes = 0;
	err = add_hole(system_config->hypervisor_memory.phys_start,
		       system_config->hypervisor_memory.size);
	if (err)
		return err;
	num_holes += arch_trapped_ranges(&holes[num_holes],
					 MAX_HOLES - num_holes);
	if (num_holes < MAX_HOLES && pci_ecam_range(&holes[num_holes]))
		num_holes++;

	for_each_non_root_cell(cell) {
		for_each_mem_region(mem, cell->config, n) {
			if (!taken_from_root(mem))
				continue;
			if (cell->loadable &&
			    (mem->flags & JAILHOUSE_MEM_LOADABLE))
				continue;
			err = add_hole(mem->phys_start, mem->size);
			if (err)
				return err;
		}
	}
	sort_holes();
	return 0;
}

static int map_part(const struct jailhouse_memory *mem, unsigned long start,
		    unsigned long end)
{
	struct jailhouse_memory part = *mem;

	part.phys_start = start;
	part.virt_start = start;
	part.size = end - start;
	return arch_map_memory_region(&root_cell, &part);
}

/* Maps a root region (IPA == PA) minus the holes. */
static int map_except_holes(const struct jailhouse_memory *mem)
{
	unsigned long start = mem->phys_start, end = start + mem->size;
	unsigned long hole_end;
	unsigned int n;
	int err;

	for (n = 0; n < num_holes && start < end; n++) {
		hole_end = holes[n].start + holes[n].size;
		if (hole_end <= start)
			continue;
		if (holes[n].start >= end)
			break;
		if (holes[n].start > start) {
			err = map_part(mem, start, holes[n].start);
			if (err)
				return err;
		}
		start = hole_end;
	}
	return start < end ? map_part(mem, start, end) : 0;
}

/*
 * Root's mappings in [start, end), into tables that have none there.
 * Root's regions may overlap (upstream ships such board configs): where
 * they do, the later region counts, as upstream's overwriting maps give.
 * So they are mapped last to first, each then a hole for the earlier.
 */
static int root_s2_map(unsigned long start, unsigned long end)
{
	const struct jailhouse_memory *mem;
	unsigned long limit = arch_ipa_limit();
	unsigned int n;
	int err;

	err = collect_holes();
	if (!err && start)
		err = add_hole(0, start);
	if (!err && end < limit)
		err = add_hole(end, limit - end);
	if (err)
		return err;
	sort_holes();
	for (n = root_cell.config->num_memory_regions; n-- > 0;) {
		mem = jailhouse_cell_mem_regions(root_cell.config) + n;
		if (!mem->size || (mem->flags & JAILHOUSE_MEM_COMM_REGION) ||
		    jailhouse_mem_is_subpage(mem))
			continue;
		err = map_except_holes(mem);
		if (!err)
			err = add_hole(mem->phys_start, mem->size);
		if (err)
			return err;
		sort_holes();
	}
	/* a window is a cell's memory, never the GIC or the hypervisor */
	if (start || end < limit)
		return 0;
	err = arch_map_irqchip(&root_cell);
	if (err)
		return err;
	return arch_map_hypervisor_placeholder(&root_cell);
}

/*
 * Old tables first, so the new ones reuse their pages: on failure the
 * caller undoes its change and rebuilds, which then fits for sure.
 */
int root_s2_rebuild(void)
{
	int err;

	paging_free_tables(&root_cell.s2);
	err = root_s2_map(0, arch_ipa_limit());
	arch_cell_flush_tlb(&root_cell);
	if (err)
		printk("Root cell: stage 2 rebuild failed: %d\n", err);
	return err;
}

/*
 * Loading maps a cell's loadable regions into root, starting takes them
 * away: only those windows are rebuilt, in place. Taken away, a window
 * leaves the tables a whole rebuild would have built; mapped in, its
 * blocks stay within it. On failure the caller rebuilds root whole.
 */
int root_s2_update_loadable(const struct cell *cell)
{
	const struct jailhouse_memory *mem;
	unsigned int n;
	int err = 0;

	for_each_mem_region(mem, cell->config, n) {
		if (!(mem->flags & JAILHOUSE_MEM_LOADABLE) ||
		    !taken_from_root(mem))
			continue;
		err = paging_destroy(&root_cell.s2, mem->phys_start, mem->size);
		if (!err)
			err = root_s2_map(mem->phys_start,
					  mem->phys_start + mem->size);
		if (err)
			break;
	}
	arch_cell_flush_tlb(&root_cell);
	if (err)
		printk("Root cell: stage 2 update failed: %d\n", err);
	return err;
}

int cell_s2_build(struct cell *cell)
{
	const struct jailhouse_memory *mem, *map;
	struct jailhouse_memory comm;
	unsigned int n;
	int err;

	/* The loop's cursor must stay on the config: map through "map". */
	for_each_mem_region(mem, cell->config, n) {
		map = mem;
		if (jailhouse_mem_is_subpage(mem))
			continue;	/* trapped: subpage.c */
		if (mem->flags & JAILHOUSE_MEM_COMM_REGION) {
			comm = *mem;
			comm.phys_start = paging_hvirt2phys(cell->comm_page);
			comm.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE;
			map = &comm;
		}
		err = arch_map_memory_region(cell, map);
		if (err)
			return err;
	}
	return arch_map_irqchip(cell);
}

void cell_s2_free(struct cell *cell)
{
	paging_free_tables(&cell->s2);
}

/*
 * What a cell leaves in its memory must not reach root or the next cell:
 * every region it took (neither shared nor the comm region) is zeroed,
 * device memory excepted, and cleaned to the point of coherency so that
 * a reader with its caches off sees the zeros too.
 */
void cell_scrub_memory(const struct cell *cell)
{
	const struct jailhouse_memory *mem;
	unsigned long phys, end;
	unsigned int n;
	void *page;

	for_each_mem_region(mem, cell->config, n) {
		if (mem->flags & (JAILHOUSE_MEM_COMM_REGION |
				  JAILHOUSE_MEM_ROOTSHARED | JAILHOUSE_MEM_IO))
			continue;
		end = mem->phys_start + mem->size;
		for (phys = mem->phys_start; phys < end; phys += PAGE_SIZE) {
			page = temp_map_writable(phys);
			memset(page, 0, PAGE_SIZE);
			arch_dcache_flush(page, PAGE_SIZE);
		}
	}
	temp_unmap();
}

int root_copy_from_guest(void *dst, unsigned long ipa, unsigned long size)
{
	unsigned long phys, chunk;
	u64 pte;

	while (size) {
		pte = paging_walk(&root_cell.s2, ipa, &phys);
		if (!pte || !arch_s2_readable_ram(pte)) {
			temp_unmap();
			printk("Root cell: %lx is not readable RAM\n", ipa);
			return -EFAULT;
		}
		chunk = MIN(size, PAGE_SIZE - (ipa & (PAGE_SIZE - 1)));
		memcpy(dst, temp_map(phys), chunk);
		dst = (u8 *)dst + chunk;
		ipa += chunk;
		size -= chunk;
	}
	temp_unmap();
	return 0;
}
