// SPDX-License-Identifier: GPL-2.0
/*
 * The cell list and the root cell, built from the system config at
 * enable. Root's memory is mapped IPA == PA, minus what the hypervisor
 * keeps (its region, the registers it emulates) and what other cells own.
 */
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/printk.h>
#include <jailhouse/string.h>
#include <jailhouse/pci.h>

struct cell root_cell;
unsigned int num_cells = 1;

bool cpu_in_system(unsigned int cpu)
{
	const struct jailhouse_cell_desc *root = &system_config->root_cell;

	return cpu < max_cpus && cpu / 8 < root->cpu_set_size &&
	       (jailhouse_cell_cpu_set(root)[cpu / 8] & (1U << (cpu % 8)));
}

unsigned int cell_first_cpu(const struct cell *cell)
{
	unsigned int cpu;

	for_each_cpu_in_cell(cpu, cell)
		return cpu;
	return max_cpus;
}

struct cell *cell_find(unsigned long id)
{
	struct cell *cell;

	for_each_cell(cell)
		if (cell->id == id)
			return cell;
	return NULL;
}

int root_cell_init(void)
{
	const struct jailhouse_memory *mem;
	unsigned int cpu, n;
	int err;

	root_cell.config = &system_config->root_cell;
	root_cell.id = 0;
	for (cpu = 0; cpu < max_cpus; cpu++)
		if (cpu_in_system(cpu))
			cell_set_cpu(&root_cell, cpu);

	for_each_mem_region(mem, root_cell.config, n) {
		if (mem->flags & JAILHOUSE_MEM_COMM_REGION)
			continue;
		if (mem->phys_start != mem->virt_start) {
			printk("ERROR: root cell memory must be mapped 1:1\n");
			return -EINVAL;
		}
	}

	err = pci_config_check(root_cell.config);
	if (err)
		return err;
	err = arch_cell_create(&root_cell);
	if (!err)
		err = root_s2_rebuild();
	if (err) {
		printk("ERROR: mapping the root cell failed: %d\n", err);
		return err;
	}
	err = arch_cell_init_mmio(&root_cell);
	if (!err)
		err = pci_cell_init(&root_cell);
	if (!err)
		err = subpage_cell_init(&root_cell);
	if (err)
		return err;
	pci_cell_link(&root_cell);
	return 0;
}
