// SPDX-License-Identifier: GPL-2.0
/*
 * What a fatal trap does to the CPU that took it.
 */
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/printk.h>

/*
 * A fatal trap. A non-root cell's CPU is marked failed and powered off;
 * the cell fails when none of its CPUs runs any more. A root CPU stays
 * here for good: Linux loses it, but the others go on.
 */
void panic_park(const char *reason)
{
	struct per_cpu *cpu_data = this_cpu_data();
	struct cell *cell = cpu_data->cell;

	cpu_data->con_fault_report = true;
	console_cpu_flush(cpu_data);
	if (cell && cell != &root_cell) {
		printk("CPU %d of cell \"%s\" failed: %s\n", cpu_data->cpu_id,
		       cell->config->name, reason);
		cpu_data->failed = true;
		cell_cpus_failed_check(cell);
		arch_cpu_power_off(cpu_data);
	}

	printk("CPU %d parked: %s\n", cpu_data->cpu_id, reason);
	/* a disable must not wait for this CPU */
	if (cpu_data->state == CPU_RUNNING)
		__atomic_fetch_sub(&hypervisor_active_cpus, 1, __ATOMIC_SEQ_CST);
	cpu_data->state = CPU_FAILED;
	arch_park_cpu();
}
