// SPDX-License-Identifier: GPL-2.0
/*
 * The arch side of core/cpu-control.c: powering CPUs on and off through
 * the firmware (PSCI), parking one, the event SGI between CPUs, and a CPU
 * changing hands. What the interrupt controller does for it is behind
 * asm/irqchip.h.
 */
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/paging.h>
#include <jailhouse/printk.h>
#include <asm/irqchip.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/smccc.h>

long arch_cpu_power_on(struct per_cpu *caller, struct per_cpu *target,
		       u64 entry, u64 context)
{
	enum cpu_state off = CPU_OFF;
	long ret;

	/* given up on by a stop: nobody gets it back */
	if (READ_ONCE(target->lost))
		return PSCI_DENIED;
	if (!__atomic_compare_exchange_n(&target->state, &off, CPU_ON_PENDING,
					 false, __ATOMIC_SEQ_CST,
					 __ATOMIC_SEQ_CST))
		return off == CPU_ON_PENDING ? PSCI_ON_PENDING :
					       PSCI_ALREADY_ON;
	/*
	 * A cell CPU asking: a stop that began after its first check may
	 * have found the target off already and handed it on. Either the
	 * stop sees ON_PENDING, or we see its request here (both sides are
	 * sequentially consistent): then the target stays off.
	 */
	if (caller && (__atomic_load_n(&caller->park_req, __ATOMIC_SEQ_CST) ||
		       __atomic_load_n(&target->park_req, __ATOMIC_SEQ_CST))) {
		__atomic_store_n(&target->state, CPU_OFF, __ATOMIC_SEQ_CST);
		return PSCI_DENIED;
	}

	target->arch.psci_entry = entry;
	target->arch.psci_context = context;
	dsb(ish);

	ret = smc_call(PSCI_CPU_ON_64, target->arch.mpidr,
		       paging_hvirt2phys(arch_cpu_on_entry), target->cpu_id);
	if (ret != PSCI_SUCCESS)
		__atomic_store_n(&target->state, CPU_OFF, __ATOMIC_SEQ_CST);
	return ret;
}

bool arch_cpu_is_off(struct per_cpu *target)
{
	return smc_call(PSCI_AFFINITY_INFO_64, target->arch.mpidr, 0, 0) == 1;
}

void arch_cpu_power_off(struct per_cpu *cpu_data)
{
	long ret;

	console_cpu_flush(cpu_data);
	irqchip->cpu_drop(cpu_data);
	__atomic_store_n(&cpu_data->state, CPU_OFF, __ATOMIC_SEQ_CST);
	ret = smc_call(PSCI_CPU_OFF, 0, 0, 0);
	printk("CPU %d: PSCI CPU_OFF failed: %ld\n", cpu_data->cpu_id, ret);
	arch_park_cpu();
}

void arch_park_cpu(void)
{
	asm volatile("msr daifset, #0xf");
	for (;;)
		wfi();
}

void arch_send_event(struct per_cpu *target)
{
	irqchip->send_event(target);
}

void arch_cpu_new_owner(struct per_cpu *cpu_data)
{
	irqchip->cpu_new_owner(cpu_data);
}
