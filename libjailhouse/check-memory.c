// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Memory region rules: size and alignment, overlaps inside a cell (guest
 * addresses), with the comm region, with the hypervisor, between cells
 * (host addresses), and memory the root cell does not own.
 */
#include "check.h"

#define ULL(x)	((unsigned long long)(x))

static bool is_comm(const struct jailhouse_memory *m)
{
	return m->flags & JAILHOUSE_MEM_COMM_REGION;
}

/* Regions with a host range: not empty and not the comm region. */
static bool has_phys(const struct jailhouse_memory *m)
{
	return m->size && !is_comm(m);
}

static void check_region(struct jh_check *chk, const struct jh_check_cell *cell,
			 unsigned int i, const struct jailhouse_memory *m)
{
	uint64_t align = m->virt_start | m->size;

	if (!m->size) {
		if (m->flags)
			jh_check_report(chk, JH_SEVERITY_WARNING, "mem-empty",
					cell, (int)i, NULL, -1,
					"memory region %u has size 0 but flags 0x%llx",
					i, ULL(m->flags));
		return;
	}
	if (jh_range_last(m->virt_start, m->size) < m->virt_start ||
	    (!is_comm(m) && jh_range_last(m->phys_start, m->size) < m->phys_start))
		jh_check_report(chk, JH_SEVERITY_ERROR, "mem-wrap", cell,
				(int)i, NULL, -1,
				"memory region %u (phys 0x%llx, virt 0x%llx, size 0x%llx) wraps around the address space",
				i, ULL(m->phys_start), ULL(m->virt_start),
				ULL(m->size));
	if (!is_comm(m))
		align |= m->phys_start;
	/* Only I/O regions may be sub-page: the hypervisor traps those. */
	if ((align & (JH_PAGE_SIZE - 1)) && !(m->flags & JAILHOUSE_MEM_IO))
		jh_check_report(chk, JH_SEVERITY_ERROR, "mem-alignment", cell,
				(int)i, NULL, -1,
				"memory region %u (phys 0x%llx, virt 0x%llx, size 0x%llx) is not page aligned; only I/O regions may be",
				i, ULL(m->phys_start), ULL(m->virt_start),
				ULL(m->size));
	if ((m->flags & JAILHOUSE_MEM_LOADABLE) &&
	    !(m->flags & JAILHOUSE_MEM_WRITE))
		jh_check_report(chk, JH_SEVERITY_WARNING, "loadable-readonly",
				cell, (int)i, NULL, -1,
				"memory region %u is loadable but not writable; the driver refuses to load into it",
				i);
}

static void check_guest_overlaps(struct jh_check *chk,
				 const struct jh_check_cell *cell)
{
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(cell->desc);
	unsigned int i, j, n = cell->desc->num_memory_regions;

	for (i = 0; i < n; i++) {
		check_region(chk, cell, i, &mem[i]);
		for (j = 0; j < i; j++) {
			if (!jh_ranges_overlap(mem[j].virt_start, mem[j].size,
					       mem[i].virt_start, mem[i].size))
				continue;
			jh_check_report(chk, JH_SEVERITY_ERROR,
					is_comm(&mem[i]) || is_comm(&mem[j]) ?
					"comm-region-overlap" : "mem-overlap",
					cell, (int)j, cell, (int)i,
					"memory regions %u (virt 0x%llx-0x%llx%s) and %u (virt 0x%llx-0x%llx%s) overlap in the cell's address space",
					j, ULL(mem[j].virt_start),
					ULL(jh_range_last(mem[j].virt_start, mem[j].size)),
					is_comm(&mem[j]) ? ", comm region" : "",
					i, ULL(mem[i].virt_start),
					ULL(jh_range_last(mem[i].virt_start, mem[i].size)),
					is_comm(&mem[i]) ? ", comm region" : "");
		}
	}
}

static void check_hv_overlap(struct jh_check *chk,
			     const struct jh_check_cell *cell,
			     const struct jailhouse_memory *hv)
{
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(cell->desc);
	unsigned int i;

	for (i = 0; i < cell->desc->num_memory_regions; i++)
		if (has_phys(&mem[i]) &&
		    jh_ranges_overlap(mem[i].phys_start, mem[i].size,
				      hv->phys_start, hv->size))
			jh_check_report(chk, JH_SEVERITY_ERROR, "hv-overlap",
					cell, (int)i, NULL, -1,
					"memory region %u (phys 0x%llx-0x%llx) overlaps the hypervisor memory (0x%llx-0x%llx)",
					i, ULL(mem[i].phys_start),
					ULL(jh_range_last(mem[i].phys_start, mem[i].size)),
					ULL(hv->phys_start),
					ULL(jh_range_last(hv->phys_start, hv->size)));
}

/* Host memory of two non-root cells may only meet where both share it. */
static void check_cell_pair(struct jh_check *chk, const struct jh_check_cell *a,
			    const struct jh_check_cell *b)
{
	const struct jailhouse_memory *ma = jailhouse_cell_mem_regions(a->desc);
	const struct jailhouse_memory *mb = jailhouse_cell_mem_regions(b->desc);
	unsigned int i, j;

	for (i = 0; i < a->desc->num_memory_regions; i++) {
		if (!has_phys(&ma[i]))
			continue;
		for (j = 0; j < b->desc->num_memory_regions; j++) {
			if (!has_phys(&mb[j]) ||
			    !jh_ranges_overlap(ma[i].phys_start, ma[i].size,
					       mb[j].phys_start, mb[j].size))
				continue;
			if ((ma[i].flags & mb[j].flags) & JAILHOUSE_MEM_ROOTSHARED)
				continue;
			jh_check_report(chk, JH_SEVERITY_ERROR, "cell-overlap",
					b, (int)j, a, (int)i,
					"memory region %u (phys 0x%llx-0x%llx) overlaps memory region %u (phys 0x%llx-0x%llx) of %s; only regions both mark ROOTSHARED may",
					j, ULL(mb[j].phys_start),
					ULL(jh_range_last(mb[j].phys_start, mb[j].size)),
					i, ULL(ma[i].phys_start),
					ULL(jh_range_last(ma[i].phys_start, ma[i].size)),
					a->src);
		}
	}
}

/* Whether the root cell's regions cover [start, start + size) entirely. */
static bool root_covers(const struct jailhouse_cell_desc *root, uint64_t start,
			uint64_t size)
{
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(root);
	uint64_t last = jh_range_last(start, size);
	unsigned int i;
	bool progress = true;

	while (progress) {
		progress = false;
		for (i = 0; i < root->num_memory_regions; i++) {
			uint64_t rlast;

			if (!has_phys(&mem[i]) || start < mem[i].phys_start)
				continue;
			rlast = jh_range_last(mem[i].phys_start, mem[i].size);
			if (start > rlast)
				continue;
			if (rlast >= last)
				return true;
			start = rlast + 1;
			progress = true;
		}
	}
	return false;
}

static void check_root_owns(struct jh_check *chk,
			    const struct jh_check_cell *root,
			    const struct jh_check_cell *cell)
{
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(cell->desc);
	unsigned int i;

	for (i = 0; i < cell->desc->num_memory_regions; i++)
		if (has_phys(&mem[i]) &&
		    !root_covers(root->desc, mem[i].phys_start, mem[i].size))
			jh_check_report(chk, JH_SEVERITY_WARNING,
					"mem-not-in-root", cell, (int)i, root,
					-1,
					"memory region %u (phys 0x%llx-0x%llx) is not memory of the root cell in %s",
					i, ULL(mem[i].phys_start),
					ULL(jh_range_last(mem[i].phys_start, mem[i].size)),
					root->src);
}

void jh_check_memory(struct jh_check *chk)
{
	const struct jailhouse_system *sys = jh_check_system(chk);
	const struct jh_check_cell *cells;
	unsigned int i, j, n;

	n = jh_check_cells(chk, &cells);
	for (i = 0; i < n; i++) {
		check_guest_overlaps(chk, &cells[i]);
		if (sys && sys->hypervisor_memory.size)
			check_hv_overlap(chk, &cells[i], &sys->hypervisor_memory);
		if (cells[i].root)
			continue;
		if (sys)
			check_root_owns(chk, &cells[0], &cells[i]);
		for (j = 0; j < i; j++)
			if (!cells[j].root)
				check_cell_pair(chk, &cells[j], &cells[i]);
	}
}
