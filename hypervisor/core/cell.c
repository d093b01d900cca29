// SPDX-License-Identifier: GPL-2.0
/*
 * The root cell: built from the system config at enable. Its memory is
 * mapped IPA == PA, minus the ranges the hypervisor keeps for itself
 * (its own region and the registers it emulates).
 */
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/printk.h>
#include <jailhouse/string.h>

struct cell root_cell;

bool cell_has_cpu(const struct cell *cell, unsigned int cpu)
{
	const u8 *set = jailhouse_cell_cpu_set(cell->config);

	return cpu < cell->config->cpu_set_size * 8 &&
	       (set[cpu / 8] & (1U << (cpu % 8)));
}

static int map_part(struct cell *cell, const struct jailhouse_memory *mem,
		    unsigned long start, unsigned long end)
{
	struct jailhouse_memory part = *mem;

	part.phys_start = start;
	part.virt_start = mem->virt_start + (start - mem->phys_start);
	part.size = end - start;
	return arch_map_memory_region(cell, &part);
}

/* Maps mem minus the holes, which are sorted by start. */
static int map_except(struct cell *cell, const struct jailhouse_memory *mem,
		      const struct mem_range *holes, unsigned int num_holes)
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
			err = map_part(cell, mem, start, holes[n].start);
			if (err)
				return err;
		}
		printk("Root cell: %lx-%lx left unmapped (hypervisor's)\n",
		       MAX(holes[n].start, start), MIN(hole_end, end) - 1);
		start = hole_end;
	}
	return start < end ? map_part(cell, mem, start, end) : 0;
}

static void sort_holes(struct mem_range *holes, unsigned int num)
{
	struct mem_range tmp;

	for (unsigned int i = 1; i < num; i++)
		for (unsigned int j = i; j > 0 &&
		     holes[j].start < holes[j - 1].start; j--) {
			tmp = holes[j];
			holes[j] = holes[j - 1];
			holes[j - 1] = tmp;
		}
}

int root_cell_init(void)
{
	const struct jailhouse_memory *mem;
	struct mem_range holes[8];
	unsigned int n, num_holes;
	int err;

	root_cell.config = &system_config->root_cell;
	root_cell.id = 0;

	err = arch_cell_create(&root_cell);
	if (err)
		return err;

	holes[0].start = system_config->hypervisor_memory.phys_start;
	holes[0].size = system_config->hypervisor_memory.size;
	num_holes = 1 + arch_trapped_ranges(&holes[1], ARRAY_SIZE(holes) - 1);
	sort_holes(holes, num_holes);

	for_each_mem_region(mem, root_cell.config, n) {
		if (mem->flags & JAILHOUSE_MEM_COMM_REGION)
			continue;
		if (mem->phys_start != mem->virt_start) {
			printk("ERROR: root cell memory must be mapped 1:1\n");
			return -EINVAL;
		}
		err = map_except(&root_cell, mem, holes, num_holes);
		if (err) {
			printk("ERROR: mapping root region %lx failed: %d\n",
			       (unsigned long)mem->phys_start, err);
			return err;
		}
	}

	err = arch_map_hypervisor_placeholder(&root_cell);
	if (err)
		return err;
	return arch_cell_commit(&root_cell);
}
