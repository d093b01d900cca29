// SPDX-License-Identifier: GPL-2.0
/*
 * Validation of a new cell's config against the system config and the
 * cells that exist, before anything changes. Each cause has its own
 * errno (the driver's ERRORS.md lists them) and a console line that
 * names the values involved.
 */
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/printk.h>
#include <jailhouse/string.h>
#include <jailhouse/pci.h>

/* What the hypervisor copies a config into: page_alloc() from its pool */
#define CELL_CONFIG_MAX_PAGES	(JAILHOUSE_CELL_CONFIG_MAX_SIZE / PAGE_SIZE)

static bool overlaps(unsigned long s1, unsigned long n1, unsigned long s2,
		     unsigned long n2)
{
	return s1 < s2 + n2 && s2 < s1 + n1;
}

static int check_name_and_id(const struct jailhouse_cell_desc *cfg)
{
	unsigned int len = 0;
	struct cell *cell;

	while (len < sizeof(cfg->name) && cfg->name[len])
		len++;
	if (len == 0 || len == sizeof(cfg->name)) {
		printk("Cell config: name is empty or not terminated\n");
		return -EINVAL;
	}
	if (cfg->id > JAILHOUSE_CELL_ID_MAX) {
		printk("Cell config: id %u, at most %u cells fit the VMIDs\n",
		       cfg->id, JAILHOUSE_CELL_ID_MAX);
		return -ERANGE;
	}
	for_each_cell(cell) {
		if (!memcmp(cell->config->name, cfg->name, len + 1)) {
			printk("Cell config: name \"%s\" is taken (id %u)\n",
			       cfg->name, cell->id);
			return -EEXIST;
		}
		if (cell->id == cfg->id) {
			printk("Cell config: id %u is taken by \"%s\"\n",
			       cfg->id, cell->config->name);
			return -EEXIST;
		}
	}
	return 0;
}

static int check_cpus(const struct jailhouse_cell_desc *cfg)
{
	const u8 *set = jailhouse_cell_cpu_set(cfg);
	unsigned int cpu, taken = 0, root_cpus = 0;
	struct cell *owner;

	if (cfg->cpu_set_size > JAILHOUSE_CPU_SET_MAX_SIZE) {
		printk("Cell config: CPU set of %u bytes\n", cfg->cpu_set_size);
		return -EINVAL;
	}
	for (cpu = 0; cpu < cfg->cpu_set_size * 8; cpu++) {
		if (!(set[cpu / 8] & (1U << (cpu % 8))))
			continue;
		if (!cpu_in_system(cpu)) {
			printk("Cell config: CPU %u is not in the system\n", cpu);
			return -ECHRNG;
		}
		if (!cell_has_cpu(&root_cell, cpu)) {
			owner = per_cpu(cpu)->cell;
			printk("Cell config: CPU %u belongs to cell \"%s\"\n",
			       cpu, owner->config->name);
			return -EBUSY;
		}
		taken++;
	}
	if (!taken) {
		printk("Cell config: no CPUs\n");
		return -EDOM;
	}

	for_each_cpu_in_cell(cpu, &root_cell)
		root_cpus++;
	if (taken == root_cpus) {
		printk("Cell config: takes the root cell's last CPU\n");
		return -EBUSY;
	}
	for (cpu = 0; cpu < cfg->cpu_set_size * 8; cpu++) {
		if ((set[cpu / 8] & (1U << (cpu % 8))) &&
		    per_cpu(cpu)->state != CPU_OFF) {
			printk("Cell config: CPU %u still runs the root cell; take it offline there first\n",
			       cpu);
			return -EBUSY;
		}
	}
	return 0;
}

/* [start, start + size) lies in the union of root's config regions. */
static bool root_owns(unsigned long start, unsigned long size)
{
	const struct jailhouse_memory *mem;
	unsigned long pos = start, end = start + size;
	bool progress = true;
	unsigned int n;

	while (pos < end && progress) {
		progress = false;
		for_each_mem_region(mem, root_cell.config, n) {
			if (mem->flags & JAILHOUSE_MEM_COMM_REGION)
				continue;
			if (pos >= mem->phys_start &&
			    pos < mem->phys_start + mem->size) {
				pos = mem->phys_start + mem->size;
				progress = true;
			}
		}
	}
	return pos >= end;
}

/* The physical side of region n against the hypervisor and other cells. */
static int check_region_owner(const struct jailhouse_memory *mem,
			      unsigned int n)
{
	const struct jailhouse_system *sys = system_config;
	const struct jailhouse_memory *other;
	struct mem_range trapped[6];
	unsigned int i, num;
	struct cell *cell;

	if (overlaps(mem->phys_start, mem->size,
		     sys->hypervisor_memory.phys_start,
		     sys->hypervisor_memory.size)) {
		printk("Cell config: region %u (%lx-%lx) overlaps the hypervisor's memory\n",
		       n, (unsigned long)mem->phys_start,
		       (unsigned long)(mem->phys_start + mem->size - 1));
		return -EADDRINUSE;
	}
	num = arch_trapped_ranges(trapped, ARRAY_SIZE(trapped) - 1);
	if (pci_ecam_range(&trapped[num]))
		num++;
	for (i = 0; i < num; i++) {
		if (overlaps(mem->phys_start, mem->size, trapped[i].start,
			     trapped[i].size)) {
			printk("Cell config: region %u (%lx) overlaps registers the hypervisor emulates (%lx)\n",
			       n, (unsigned long)mem->phys_start,
			       trapped[i].start);
			return -EADDRINUSE;
		}
	}
	for_each_non_root_cell(cell) {
		for_each_mem_region(other, cell->config, i) {
			if (other->flags & JAILHOUSE_MEM_COMM_REGION)
				continue;
			if (!overlaps(mem->phys_start, mem->size,
				      other->phys_start, other->size))
				continue;
			if (mem->flags & other->flags &
			    JAILHOUSE_MEM_ROOTSHARED)
				continue;
			printk("Cell config: region %u (%lx) overlaps region %u of cell \"%s\"\n", n,
			       (unsigned long)mem->phys_start, i,
			       cell->config->name);
			return -EADDRINUSE;
		}
	}
	/* a region shared with root that root lacks is the cell's alone */
	if (!(mem->flags & JAILHOUSE_MEM_ROOTSHARED) &&
	    !root_owns(mem->phys_start, mem->size)) {
		printk("Cell config: region %u (%lx-%lx) is not the root cell's memory\n",
		       n, (unsigned long)mem->phys_start,
		       (unsigned long)(mem->phys_start + mem->size - 1));
		return -EADDRNOTAVAIL;
	}
	return 0;
}

static int check_region_shape(const struct jailhouse_memory *mem,
			      unsigned int n, unsigned int *comm_regions)
{
	unsigned long limit = arch_ipa_limit();

	if (mem->flags & JAILHOUSE_MEM_COMM_REGION) {
		if (++*comm_regions > 1 || mem->size != PAGE_SIZE ||
		    !IS_ALIGNED(mem->virt_start, PAGE_SIZE) ||
		    mem->virt_start >= limit) {
			printk("Cell config: region %u: one comm region of one page, page aligned, is supported\n",
			       n);
			return -EINVAL;
		}
		return 0;
	}
	if (jailhouse_mem_is_subpage(mem)) {
		enum jailhouse_subpage_fault fault =
			jailhouse_subpage_fault(mem);

		if (fault != JAILHOUSE_SUBPAGE_OK) {
			printk("Cell config: region %u (%lx size %lx) is smaller than a page or not page aligned, and %s\n",
			       n, (unsigned long)mem->phys_start,
			       (unsigned long)mem->size,
			       jailhouse_subpage_fault_text(fault));
			return -EINVAL;
		}
	} else if (!mem->size || !IS_ALIGNED(mem->phys_start | mem->virt_start |
					     mem->size, PAGE_SIZE)) {
		printk("Cell config: region %u (%lx size %lx) is empty or not page aligned\n",
		       n, (unsigned long)mem->phys_start,
		       (unsigned long)mem->size);
		return -EINVAL;
	}
	if (mem->phys_start + mem->size < mem->phys_start ||
	    mem->virt_start + mem->size < mem->virt_start ||
	    mem->virt_start + mem->size > limit) {
		printk("Cell config: region %u (guest %lx size %lx) wraps or exceeds the guest address space\n",
		       n, (unsigned long)mem->virt_start,
		       (unsigned long)mem->size);
		return -EINVAL;
	}
	return 0;
}

static unsigned long guest_size(const struct jailhouse_memory *mem)
{
	return mem->flags & JAILHOUSE_MEM_COMM_REGION ? PAGE_SIZE : mem->size;
}

static int check_memory(const struct jailhouse_cell_desc *cfg)
{
	const struct jailhouse_memory *mem, *other;
	unsigned int n, i, comm_regions = 0;
	int err;

	for_each_mem_region(mem, cfg, n) {
		err = check_region_shape(mem, n, &comm_regions);
		if (err)
			return err;
	}
	for_each_mem_region(mem, cfg, n) {
		for (i = n + 1, other = mem + 1; i < cfg->num_memory_regions;
		     i++, other++) {
			/* an empty region is nothing (for_each_mem_region) */
			if (other->size &&
			    overlaps(mem->virt_start, guest_size(mem),
				     other->virt_start, guest_size(other))) {
				printk("Cell config: regions %u and %u overlap in guest addresses\n", n, i);
				return -EINVAL;
			}
		}
	}
	for_each_mem_region(mem, cfg, n) {
		if (mem->flags & JAILHOUSE_MEM_COMM_REGION)
			continue;
		err = check_region_owner(mem, n);
		if (err)
			return err;
	}
	return 0;
}

/*
 * An MMIO console outside the cell's regions would fault its inmate on
 * printing; upstream creates such a cell all the same, so it is a note.
 */
static int check_console(const struct jailhouse_cell_desc *cfg)
{
	const struct jailhouse_console *con = &cfg->console;
	unsigned long size = con->size ? con->size : 1;
	const struct jailhouse_memory *mem;
	unsigned int n;

	if (con->type == JAILHOUSE_CON_TYPE_NONE || !CON_IS_MMIO(con->flags))
		return 0;
	for_each_mem_region(mem, cfg, n) {
		if (!(mem->flags & JAILHOUSE_MEM_COMM_REGION) &&
		    con->address >= mem->virt_start &&
		    con->address + size <= mem->virt_start + mem->size &&
		    (mem->flags & JAILHOUSE_MEM_WRITE))
			return 0;
	}
	/* upstream's rule: the cell simply cannot use it */
	printk("Cell config: note: console at %lx is in none of its writable regions; the cell cannot use it\n",
	       (unsigned long)con->address);
	return 0;
}

int cell_config_check_header(const struct jailhouse_cell_desc *cfg)
{
	switch (jailhouse_cell_header_fault(cfg)) {
	case JAILHOUSE_HEADER_SIGNATURE:
		printk("Cell config: no \"%s\" signature\n",
		       JAILHOUSE_CELL_DESC_SIGNATURE);
		return -EINVAL;
	case JAILHOUSE_HEADER_REVISION:
		printk("Cell config: revision %u, expected %u\n",
		       cfg->revision, JAILHOUSE_CONFIG_REVISION);
		return -EPROTO;
	case JAILHOUSE_HEADER_ARCH:
		printk("Cell config: architecture %u, only arm64 cells run here\n",
		       cfg->architecture);
		return -EOPNOTSUPP;
	case JAILHOUSE_HEADER_OK:
		break;
	}
	/* the format has AArch32 cells, this hypervisor does not */
	if (cfg->flags & JAILHOUSE_CELL_AARCH32) {
		printk("Cell config: architecture %u (AArch32), only arm64 cells run here\n",
		       cfg->architecture);
		return -EOPNOTSUPP;
	}
	return 0;
}

long cell_config_size(const struct jailhouse_cell_desc *hdr,
		      unsigned long offset)
{
	unsigned long size = jailhouse_cell_config_size(hdr);

	if (offset + size > CELL_CONFIG_MAX_PAGES * PAGE_SIZE) {
		printk("Cell config: %lu bytes, at most %u pages\n", size,
		       CELL_CONFIG_MAX_PAGES);
		return -E2BIG;
	}
	return size;
}

int cell_config_check(const struct jailhouse_cell_desc *cfg)
{
	int err;

	err = cell_config_check_header(cfg);
	if (!err)
		err = check_name_and_id(cfg);
	if (!err)
		err = check_cpus(cfg);
	if (!err)
		err = check_memory(cfg);
	if (!err)
		err = check_console(cfg);
	if (!err)
		err = arch_cell_irqs_check(cfg);
	if (!err)
		err = pci_config_check(cfg);
	return err;
}
