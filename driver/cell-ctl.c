// SPDX-License-Identifier: GPL-2.0
/*
 * JAILHOUSE_CELL_START and JAILHOUSE_CELL_DESTROY, and destroying every
 * cell before the hypervisor is disabled. A destroyed cell's CPUs go
 * back to the root cell, and Linux gets back those it gave away.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cpu.h>
#include <linux/cpumask.h>

#include <jailhouse/hvc.h>

#include "driver.h"

void jhd_cell_return_cpus(struct jhd_cell *cell)
{
	unsigned int cpu;
	int err;

	for_each_cpu(cpu, &cell->cpus_offlined) {
		err = add_cpu(cpu);
		if (err < 0)
			pr_warn("CPU %u did not come back online: %d\n", cpu,
				err);
	}
	cpumask_clear(&cell->cpus_offlined);
}

int jhd_cmd_cell_start(const void __user *arg)
{
	struct jhd_cell *cell;
	long ret;
	int err;

	err = jhd_cell_lookup(arg, &cell);
	if (err)
		return err;

	cpus_read_lock();
	ret = jailhouse_call_arg1(JAILHOUSE_HC_CELL_START, cell->id);
	cpus_read_unlock();
	if (ret) {
		jhd_refuse_hv("start", "the hypervisor refused to start cell \"%s\" (%ld)",
			      cell->name, ret);
		return ret;
	}
	if (cell->loaded_images)
		pr_info("started cell \"%s\" (%u image(s), %llu bytes loaded)\n",
			cell->name, cell->loaded_images, cell->loaded_bytes);
	else
		pr_info("started cell \"%s\"\n", cell->name);
	cell->loaded_images = 0;
	cell->loaded_bytes = 0;
	return 0;
}

int jhd_cell_destroy(struct jhd_cell *cell)
{
	unsigned int cpu;
	long ret;

	cpus_read_lock();
	ret = jailhouse_call_arg1(JAILHOUSE_HC_CELL_DESTROY, cell->id);
	cpus_read_unlock();
	if (ret) {
		jhd_refuse_hv("destroy", "the hypervisor refused to destroy cell \"%s\" (%ld)",
			      cell->name, ret);
		return ret;
	}

	jhd_cell_unregister(cell);
	for_each_cpu(cpu, &cell->cpus_assigned) {
		cpumask_set_cpu(cpu, &jhd_root_cell->cpus_assigned);
		if (jhd_cell_sysfs_cpu_add(jhd_root_cell, cpu))
			pr_warn("destroy: CPU %u statistics missing in sysfs\n",
				cpu);
	}
	jhd_cell_return_cpus(cell);
	pr_info("destroyed cell \"%s\"\n", cell->name);
	jhd_cell_delete(cell);
	return 0;
}

int jhd_cmd_cell_destroy(const void __user *arg)
{
	struct jhd_cell *cell;
	int err;

	err = jhd_cell_lookup(arg, &cell);
	return err ? err : jhd_cell_destroy(cell);
}

/* The first refusal stops it; cells destroyed so far stay destroyed. */
int jhd_cells_destroy_all(void)
{
	struct jhd_cell *cell;
	int err;

	while ((cell = jhd_cell_first_non_root())) {
		err = jhd_cell_destroy(cell);
		if (err)
			return err;
	}
	return 0;
}
