// SPDX-License-Identifier: GPL-2.0
/*
 * The hypercalls: root's DISABLE, the information calls, the debug
 * console; the cell management calls are in cell-control.c.
 */
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/hypercall.h>
#include <jailhouse/printk.h>

static unsigned int disabling_cpus;

/*
 * Every root CPU under the hypervisor calls DISABLE; they wait for each
 * other, then each one restores the stub's EL2 state and returns 0.
 */
static __noinline long hypervisor_disable(struct per_cpu *cpu_data)
{
	unsigned int arrived;

	if (cpu_data->cell != &root_cell)
		return -EPERM;
	/* the driver destroys the cells first; every CPU sees the same */
	if (num_cells > 1)
		return -EBUSY;

	arrived = __atomic_add_fetch(&disabling_cpus, 1, __ATOMIC_SEQ_CST);
	if (arrived == 1)
		printk("hypervisor disabling, returning EL2 to Linux\n");
	while (__atomic_load_n(&disabling_cpus, __ATOMIC_ACQUIRE) !=
	       (unsigned int)READ_ONCE(hypervisor_active_cpus))
		cpu_relax();

	console_cpu_flush(cpu_data);
	arch_cpu_restore(cpu_data);
	arch_shutdown_return(cpu_data, 0);
}

static long hypervisor_get_info(unsigned long type)
{
	switch (type) {
	case JAILHOUSE_INFO_MEM_POOL_SIZE:
		return mem_pool.pages;
	case JAILHOUSE_INFO_MEM_POOL_USED:
		return mem_pool.used;
	case JAILHOUSE_INFO_REMAP_POOL_SIZE:
		return remap_pool.pages;
	case JAILHOUSE_INFO_REMAP_POOL_USED:
		return remap_pool.used;
	case JAILHOUSE_INFO_NUM_CELLS:
		return num_cells;
	default:
		return -EINVAL;
	}
}

static __noinline long cpu_get_info(struct per_cpu *caller, unsigned long cpu,
			 unsigned long type)
{
	struct per_cpu *target;

	/* checked whole: cpu_in_system() takes an unsigned int */
	if (cpu >= max_cpus || !cpu_in_system(cpu))
		return -EINVAL;
	if (caller->cell != &root_cell && !cell_has_cpu(caller->cell, cpu))
		return -EPERM;
	target = per_cpu(cpu);

	if (type == JAILHOUSE_CPU_INFO_STATE) {
		/* root's CPUs are stopped by nobody: no race with a stop */
		if (target->cell == &root_cell)
			cpu_reclaim(target);
		return target->failed || target->state == CPU_FAILED ?
			JAILHOUSE_CPU_FAILED : JAILHOUSE_CPU_RUNNING;
	}
	if (type >= JAILHOUSE_CPU_INFO_STAT_BASE &&
	    type - JAILHOUSE_CPU_INFO_STAT_BASE < JAILHOUSE_NUM_CPU_STATS)
		return target->stats[type - JAILHOUSE_CPU_INFO_STAT_BASE] &
			JAILHOUSE_CPU_STAT_MASK;
	return -EINVAL;
}

static __noinline long debug_console_putc(struct per_cpu *cpu_data, unsigned long c)
{
	u32 flags = cpu_data->cell->config->flags;

	/* "active" implies "permitted" for non-root cells, as upstream */
	if (!(flags & JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED) &&
	    (cpu_data->cell == &root_cell ||
	     !(flags & JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE)))
		return -EPERM;
	console_cpu_putc(cpu_data, (char)c);
	return 0;
}

/*
 * Every case a tail call or a few loads, so that this dispatcher needs no
 * stack frame: the handlers that call on are kept out of line.
 */
long hypercall(unsigned long code, unsigned long arg1, unsigned long arg2)
{
	cpu_stat_inc(JAILHOUSE_CPU_STAT_VMEXITS_HYPERCALL);

	switch (code) {
	case JAILHOUSE_HC_DISABLE:
		return hypervisor_disable(this_cpu_data());
	case JAILHOUSE_HC_CELL_CREATE:
		return cell_create(arg1);
	case JAILHOUSE_HC_CELL_START:
		return cell_start(arg1);
	case JAILHOUSE_HC_CELL_SET_LOADABLE:
		return cell_set_loadable(arg1);
	case JAILHOUSE_HC_CELL_DESTROY:
		return cell_destroy(arg1);
	case JAILHOUSE_HC_HYPERVISOR_GET_INFO:
		return hypervisor_get_info(arg1);
	case JAILHOUSE_HC_CELL_GET_STATE:
		return cell_get_state(arg1);
	case JAILHOUSE_HC_CPU_GET_INFO:
		return cpu_get_info(this_cpu_data(), arg1, arg2);
	case JAILHOUSE_HC_DEBUG_CONSOLE_PUTC:
		return debug_console_putc(this_cpu_data(), arg1);
	default:
		return -ENOSYS;
	}
}
