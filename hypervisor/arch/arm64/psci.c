// SPDX-License-Identifier: GPL-2.0
/*
 * PSCI as the cells see it. Power operations go to the real firmware
 * through cpu-control.c, whose CPU_ON hands the firmware the
 * hypervisor's own entry point and starts the cell's from there. A cell
 * reaches only its own CPUs; only root may switch the machine off, a
 * cell that tries it stops.
 */
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/printk.h>
#include <asm/irqchip.h>
#include <asm/setup.h>
#include <asm/smccc.h>
#include <asm/sysregs.h>
#include <asm/traps.h>

static struct per_cpu *cpu_by_mpidr(struct cell *cell, u64 mpidr)
{
	unsigned int cpu;

	for_each_cpu_in_cell(cpu, cell)
		if (per_cpu(cpu)->arch.mpidr == (mpidr & MPIDR_AFF_MASK))
			return per_cpu(cpu);
	return NULL;
}

static long psci_cpu_on(struct per_cpu *caller, struct registers *regs)
{
	bool smc32 = !((u32)regs->usr[0] & SMCCC_64);
	u64 mask = smc32 ? 0xffffffffUL : ~0UL;
	struct per_cpu *target;

	target = cpu_by_mpidr(caller->cell, regs->usr[1] & mask);
	if (!target)
		return PSCI_INVALID_PARAMETERS;
	/* being stopped by a management hypercall */
	if (READ_ONCE(target->park_req) || READ_ONCE(caller->park_req))
		return PSCI_DENIED;
	return arch_cpu_power_on(caller, target, regs->usr[2] & mask,
				 regs->usr[3] & mask);
}

static long psci_cpu_off(struct per_cpu *cpu_data)
{
	long ret;

	console_cpu_flush(cpu_data);
	if (cpu_data->cell != &root_cell)
		arch_cpu_power_off(cpu_data);

	cpu_data->state = CPU_OFF;
	irqchip->cpu_exit(cpu_data);
	__atomic_fetch_sub(&hypervisor_active_cpus, 1, __ATOMIC_SEQ_CST);

	ret = smc_call(PSCI_CPU_OFF, 0, 0, 0);

	/* Still here: the firmware refused. */
	printk("CPU %d: PSCI CPU_OFF failed: %ld\n", cpu_data->cpu_id, ret);
	__atomic_fetch_add(&hypervisor_active_cpus, 1, __ATOMIC_SEQ_CST);
	cpu_data->state = CPU_RUNNING;
	irqchip->cpu_init(cpu_data);
	return ret;
}

static long psci_affinity_info(struct per_cpu *caller, struct registers *regs)
{
	bool smc32 = !((u32)regs->usr[0] & SMCCC_64);
	u64 mpidr = regs->usr[1] & (smc32 ? 0xffffffffUL : ~0UL);
	struct per_cpu *target = cpu_by_mpidr(caller->cell, mpidr);

	if (!target || regs->usr[2] != 0)
		return PSCI_INVALID_PARAMETERS;
	/* the firmware knows when a dying CPU is really off */
	return smc_call(PSCI_AFFINITY_INFO_64, target->arch.mpidr, 0, 0);
}

/* CPU_SUSPEND keeps context: wait for an interrupt, then return. */
static long psci_cpu_suspend(void)
{
	dsb(sy);
	wfi();
	return PSCI_SUCCESS;
}

static long psci_features(u32 fid)
{
	switch (fid) {
	case PSCI_VERSION:
	case PSCI_CPU_SUSPEND_32:
	case PSCI_CPU_SUSPEND_64:
	case PSCI_CPU_OFF:
	case PSCI_CPU_ON_32:
	case PSCI_CPU_ON_64:
	case PSCI_AFFINITY_INFO_32:
	case PSCI_AFFINITY_INFO_64:
	case PSCI_MIGRATE_INFO_TYPE:
	case PSCI_SYSTEM_OFF:
	case PSCI_SYSTEM_RESET:
	case PSCI_FEATURES:
	case SMCCC_VERSION:
		return PSCI_SUCCESS;
	default:
		return PSCI_NOT_SUPPORTED;
	}
}

long psci_dispatch(struct registers *regs)
{
	struct per_cpu *cpu_data = this_cpu_data();
	u32 fid = regs->usr[0];

	switch (fid) {
	case PSCI_VERSION:
		return PSCI_VERSION_1_1;
	case PSCI_CPU_SUSPEND_32:
	case PSCI_CPU_SUSPEND_64:
		return psci_cpu_suspend();
	case PSCI_CPU_OFF:
		return psci_cpu_off(cpu_data);
	case PSCI_CPU_ON_32:
	case PSCI_CPU_ON_64:
		return psci_cpu_on(cpu_data, regs);
	case PSCI_AFFINITY_INFO_32:
	case PSCI_AFFINITY_INFO_64:
		return psci_affinity_info(cpu_data, regs);
	case PSCI_MIGRATE_INFO_TYPE:
		return PSCI_MIGRATE_NOT_REQUIRED;
	case PSCI_FEATURES:
		return psci_features(regs->usr[1]);
	case PSCI_SYSTEM_OFF:
	case PSCI_SYSTEM_RESET:
		/* The root cell owns the machine; another one stops itself. */
		if (cpu_data->cell != &root_cell)
			cell_stop_self(cpu_data, fid == PSCI_SYSTEM_OFF ?
				       "PSCI SYSTEM_OFF" : "PSCI SYSTEM_RESET");
		printk("Root cell: PSCI %s\n",
		       fid == PSCI_SYSTEM_OFF ? "SYSTEM_OFF" : "SYSTEM_RESET");
		return smc_call(fid, 0, 0, 0);
	default:
		return PSCI_NOT_SUPPORTED;
	}
}
