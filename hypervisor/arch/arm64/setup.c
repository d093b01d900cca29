// SPDX-License-Identifier: GPL-2.0
/*
 * arm64 global and per-CPU setup, and the way back to the Linux stub.
 */
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/paging.h>
#include <jailhouse/printk.h>
#include <asm/irqchip.h>
#include <asm/pmu.h>
#include <asm/setup.h>
#include <asm/stage2.h>
#include <asm/sysregs.h>

/* TACR: ACTLR_EL1 can switch off coherency or reach cluster-wide state */
#define HCR_CELL	(HCR_VM | HCR_SWIO | HCR_IMO | HCR_FMO | HCR_TSC | \
			 HCR_TACR | HCR_RW)
/*
 * TIDCP, for non-root cells only: implementation-defined registers (CRn
 * 11 and 15) hold core and cluster controls (prefetch, coherency, L2)
 * whose reach the architecture does not bound. Root's Linux may need
 * them for errata work-arounds and keeps them.
 */
#define HCR_NONROOT	(HCR_CELL | HCR_TIDCP)

/* The hypervisor's own EL2 tables: image, pool, devices, trampoline. */
static int build_hv_tables(void)
{
	unsigned long text = (unsigned long)__text_start;
	unsigned long text_end = (unsigned long)__text_end;
	unsigned long size = system_config->hypervisor_memory.size;
	unsigned long tramp = paging_hvirt2phys(__trampoline_start);
	int err;

	err = paging_create(&hv_paging, paging_hvirt2phys((void *)JAILHOUSE_BASE),
			    text - JAILHOUSE_BASE, JAILHOUSE_BASE,
			    paging_el2_attrs(false, true, false), 0);
	if (!err)
		err = paging_create(&hv_paging, paging_hvirt2phys(__text_start),
				    text_end - text, text,
				    paging_el2_attrs(false, false, true), 0);
	if (!err)
		err = paging_create(&hv_paging, paging_hvirt2phys(__text_end),
				    JAILHOUSE_BASE + size - text_end, text_end,
				    paging_el2_attrs(false, true, false), 0);
	/* identity, so the MMU can be switched off under our feet */
	if (!err)
		err = paging_create(&hv_paging, tramp, PAGE_SIZE, tramp,
				    paging_el2_attrs(false, false, true), 0);
	return err;
}

void arch_switch_hv_tables(void)
{
	write_sysreg(ttbr0_el2, paging_hvirt2phys(hv_paging.root));
	isb();
	asm volatile("tlbi alle2" : : : "memory");
	dsb(nsh);
	isb();
}

int arch_init_early(void)
{
	int err;

	err = build_hv_tables();
	if (err)
		return err;
	arch_switch_hv_tables();
	stage2_init();
	return 0;
}

void arch_cpu_save_linux(struct per_cpu *cpu_data)
{
	struct linux_el2_regs *r = &cpu_data->arch.linux_el2;

	r->hcr = read_sysreg(hcr_el2);
	r->cptr = read_sysreg(cptr_el2);
	r->mdcr = read_sysreg(mdcr_el2);
	r->hstr = read_sysreg(hstr_el2);
	r->cnthctl = read_sysreg(cnthctl_el2);
	r->cntvoff = read_sysreg(cntvoff_el2);
	r->vpidr = read_sysreg(vpidr_el2);
	r->vmpidr = read_sysreg(vmpidr_el2);
	r->vtcr = read_sysreg(vtcr_el2);
	r->vttbr = read_sysreg(vttbr_el2);
	if (cpu_has_gicv3_sysregs()) {
		r->icc_sre = read_sysreg(ICC_SRE_EL2);
		r->ich_hcr = read_sysreg(ICH_HCR_EL2);
		r->ich_vmcr = read_sysreg(ICH_VMCR_EL2);
	}
}

/* What Linux's EL2 setup did on this CPU, for a CPU fresh from reset. */
static void replay_linux_el2(struct per_cpu *cpu_data)
{
	struct linux_el2_regs *r = &cpu_data->arch.linux_el2;

	write_sysreg(cptr_el2, r->cptr);
	write_sysreg(mdcr_el2, r->mdcr);
	write_sysreg(hstr_el2, r->hstr);
	write_sysreg(cnthctl_el2, r->cnthctl);
	write_sysreg(cntvoff_el2, r->cntvoff);
	write_sysreg(vpidr_el2, r->vpidr);
	write_sysreg(vmpidr_el2, r->vmpidr);
	if (cpu_has_gicv3_sysregs())
		write_sysreg(ICC_SRE_EL2, r->icc_sre);
	isb();
}

int arch_cpu_init(struct per_cpu *cpu_data)
{
	arch_switch_hv_tables();
	cpu_data->arch.mpidr = read_sysreg(mpidr_el1) & MPIDR_AFF_MASK;
	stage2_cpu_init(cpu_data->cell);
	write_sysreg(hcr_el2, HCR_CELL);
	pmu_cpu_init(cpu_data);
	isb();
	return irqchip->cpu_init(cpu_data);
}

void arch_cpu_restore(struct per_cpu *cpu_data)
{
	struct linux_el2_regs *r = &cpu_data->arch.linux_el2;

	/* none if the system config named a GIC without a driver */
	if (irqchip)
		irqchip->cpu_exit(cpu_data);
	write_sysreg(hcr_el2, r->hcr);
	write_sysreg(vttbr_el2, r->vttbr);
	write_sysreg(vtcr_el2, r->vtcr);
	isb();
	/* no stale stage-2 translations once Linux runs without us */
	asm volatile("tlbi alle1" : : : "memory");
	dsb(nsh);
	replay_linux_el2(cpu_data);
	if (cpu_has_gicv3_sysregs()) {
		write_sysreg(ICH_HCR_EL2, r->ich_hcr);
		write_sysreg(ICH_VMCR_EL2, r->ich_vmcr);
	}
	isb();
}

void arch_shutdown_return(struct per_cpu *cpu_data, long ret)
{
	struct registers *frame = cpu_frame(cpu_data);
	void (*tramp)(unsigned long, unsigned long, unsigned long,
		      unsigned long, unsigned long, unsigned long,
		      unsigned long, unsigned long);

	frame->usr[0] = ret;
	arch_dcache_flush(frame, sizeof(*frame));
	tramp = (void *)paging_hvirt2phys(shutdown_trampoline);
	asm volatile("msr daifset, #0xf");
	tramp(paging_hvirt2phys(frame), 0, cpu_data->arch.linux_vbar,
	      cpu_data->arch.linux_sctlr, cpu_data->arch.linux_tcr,
	      cpu_data->arch.linux_mair, 0, cpu_data->arch.linux_tpidr);
	__builtin_unreachable();
}

/* The physical count: no virtual offset applies at EL2. */
u64 arch_counter_read(void)
{
	isb();
	return read_sysreg(cntpct_el0);
}

u64 arch_counter_freq(void)
{
	return read_sysreg(cntfrq_el0) & 0xffffffffUL;
}

/*
 * A CPU that PSCI CPU_ON powered up, now at EL2 with the MMU on: for root
 * Linux, or for a non-root cell (start, or CPU_ON from the cell), which
 * must find nothing of whoever ran here before.
 */
void arch_cpu_on_boot(struct per_cpu *cpu_data)
{
	struct registers *frame = cpu_frame(cpu_data);
	bool root = cpu_data->cell == &root_cell;
	int err;

	cpu_data->con_fault_report = false;
	replay_linux_el2(cpu_data);
	err = arch_cpu_init(cpu_data);
	if (err) {
		printk("CPU %d: init after CPU_ON failed: %d\n",
		       cpu_data->cpu_id, err);
		panic_park("CPU_ON");
	}
	/* stopped while coming up */
	if (cpu_must_stop(cpu_data))
		arch_cpu_power_off(cpu_data);
	if (!root) {
		irqchip->cpu_reset_private(cpu_data);
		write_sysreg(hcr_el2, HCR_NONROOT);
		isb();
	}
	/* root's Linux, too, finds nothing of a cell that had the CPU */
	arch_reset_el1();

	memset(frame, 0, sizeof(*frame));
	frame->usr[0] = cpu_data->arch.psci_context;
	write_sysreg(elr_el2, cpu_data->arch.psci_entry);
	write_sysreg(spsr_el2, SPSR_DAIF | SPSR_EL1H);
	write_sysreg(sctlr_el1, SCTLR_EL1_RESET);

	if (root)
		__atomic_fetch_add(&hypervisor_active_cpus, 1, __ATOMIC_SEQ_CST);
	__atomic_store_n(&cpu_data->state, CPU_RUNNING, __ATOMIC_SEQ_CST);
	/* a request may have come while we were powering up */
	cpu_handle_events(cpu_data);
	arch_vmreturn(frame);
}
