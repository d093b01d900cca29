// SPDX-License-Identifier: GPL-2.0
/*
 * Exits from EL1: dispatch by exception class, and the fatal paths that
 * dump state to the console before parking the CPU.
 */
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/printk.h>
#include <asm/irqchip.h>
#include <asm/pmu.h>
#include <asm/sysregs.h>
#include <asm/traps.h>

/*
 * In a T32 IT block (AArch32 EL0) the condition state advances past a
 * skipped instruction as the CPU would have advanced it.
 */
static void __attribute__((noinline)) advance_it(u64 spsr)
{
	unsigned int it = (spsr >> 8 & 0xfc) | (spsr >> 25 & 3);

	if (!it)
		return;
	it = (it & 7) == 0 ? 0 : (it & 0xe0) | ((it << 1) & 0x1f);
	spsr &= ~(0xfcUL << 8 | 3UL << 25);
	spsr |= (u64)(it & 0xfc) << 8 | (u64)(it & 3) << 25;
	write_sysreg(spsr_el2, spsr);
}

/* Past the trapped instruction; inline, as every emulated access ends so. */
static inline void skip_instruction(u64 esr)
{
	u64 spsr = read_sysreg(spsr_el2);

	write_sysreg(elr_el2, read_sysreg(elr_el2) + (esr & ESR_IL ? 4 : 2));
	if ((spsr & SPSR_AARCH32) && (spsr & SPSR_T))
		advance_it(spsr);
}

/*
 * An AArch32 instruction may trap although its condition code fails
 * (ESR.CV and COND say which); it must then do nothing.
 */
static bool aarch32_cond_failed(u64 esr)
{
	unsigned int nzcv = read_sysreg(spsr_el2) >> 28 & 0xf;
	unsigned int cond = esr >> 20 & 0xf;
	bool n = nzcv & 8, z = nzcv & 4, c = nzcv & 2, v = nzcv & 1, pass;

	if (!(esr & ESR_CV))
		return false;
	switch (cond >> 1) {
	case 0:
		pass = z;
		break;
	case 1:
		pass = c;
		break;
	case 2:
		pass = n;
		break;
	case 3:
		pass = v;
		break;
	case 4:
		pass = c && !z;
		break;
	case 5:
		pass = n == v;
		break;
	case 6:
		pass = n == v && !z;
		break;
	default:
		return false;	/* always */
	}
	return (cond & 1) ? pass : !pass;
}

/* The start of a fatal trap's report, which is not metered. */
void dump_regs(struct registers *regs, u64 esr)
{
	unsigned int n;

	this_cpu_data()->con_fault_report = true;
	printk("ESR_EL2: %016lx (EC 0x%x)  FAR_EL2: %016lx  HPFAR_EL2: %016lx\n",
	       esr, (unsigned int)ESR_EC(esr), read_sysreg(far_el2),
	       read_sysreg(hpfar_el2));
	printk("ELR_EL2: %016lx  SPSR_EL2: %016lx  CPU %d\n",
	       read_sysreg(elr_el2), read_sysreg(spsr_el2),
	       this_cpu_data()->cpu_id);
	for (n = 0; n < 30; n += 3)
		printk("x%d: %016lx x%d: %016lx x%d: %016lx\n", n,
		       regs->usr[n], n + 1, regs->usr[n + 1], n + 2,
		       regs->usr[n + 2]);
	printk("x30: %016lx\n", regs->usr[30]);
}

static void handle_hvc(struct registers *regs, u64 esr)
{
	if ((esr & 0xffff) != JAILHOUSE_HVC_CODE) {
		/* root: e.g. a hyp-stub call, not ours; fail it softly */
		if (this_cpu_data()->cell == &root_cell) {
			regs->usr[0] = -ENOSYS;
			return;
		}
		dump_regs(regs, esr);
		panic_park("hvc with a foreign immediate");
	}
	regs->usr[0] = hypercall(regs->usr[0], regs->usr[1], regs->usr[2]);
}

/* Op0, Op2, Op1, CRn, CRm as packed in the ISS (Rt and direction clear) */
#define ISS_SYSREG(op0, op1, crn, crm, op2) \
	((u64)(op0) << 20 | (u64)(op2) << 17 | (u64)(op1) << 14 | \
	 (u64)(crn) << 10 | (u64)(crm) << 1)
/* Op0 3 with CRn 11 or 15: implementation defined */
#define ISS_SYSREG_IMPDEF(iss) \
	(((iss) >> 20 & 3) == 3 && \
	 (((iss) >> 10 & 0xf) == 11 || ((iss) >> 10 & 0xf) == 15))

static void handle_sysreg(struct registers *regs, u64 esr)
{
	unsigned int rt = (esr >> 5) & 0x1f;
	bool is_read = esr & 1;
	u64 sysreg = esr & 0x3ffc1e;
	u64 val = rt == 31 ? 0 : regs->usr[rt];

	/*
	 * ACTLR_EL1 (HCR_EL2.TACR): reads as zero, writes ignored; what it
	 * controls is implementation defined and may reach other CPUs.
	 */
	if (sysreg == ISS_SYSREG(3, 0, 1, 0, 1)) {
		if (is_read && rt != 31)
			regs->usr[rt] = 0;
		skip_instruction(esr);
		return;
	}

	/* ICC_SGI1R_EL1: Op0 3, Op1 0, CRn 12, CRm 11, Op2 5 */
	if (sysreg == ISS_SYSREG(3, 0, 12, 11, 5) && !is_read &&
	    irqchip->handle_sgi_write &&
	    irqchip->handle_sgi_write(rt == 31 ? 0 : regs->usr[rt])) {
		skip_instruction(esr);
		return;
	}
	switch (pmu_access(sysreg, is_read, &val)) {
	case PMU_DONE:
		if (is_read && rt != 31)
			regs->usr[rt] = val;
		skip_instruction(esr);
		return;
	case PMU_UNDEFINED:
		inject_undefined(esr);
		return;
	}
	/*
	 * Root gets what hardware without the register would give it, and
	 * so does a cell for the implementation-defined registers it may
	 * not reach (HCR_EL2.TIDCP): an undefined instruction.
	 */
	if (this_cpu_data()->cell == &root_cell || ISS_SYSREG_IMPDEF(sysreg)) {
		printk("CPU %d: system register access %lx at pc %lx not emulated, undefined instruction delivered\n",
		       this_cpu_data()->cpu_id, (unsigned long)(esr & 0x3fffff),
		       read_sysreg(elr_el2));
		inject_undefined(esr);
		return;
	}
	dump_regs(regs, esr);
	panic_park("unhandled system register access");
}

/*
 * An abort the hypervisor cannot resolve. A cell's CPU stops; root Linux
 * gets the abort, so a wrong /dev/mem access or a device given away
 * fails for whoever made it instead of parking the CPU.
 */
static void handle_abort(struct registers *regs, u64 esr)
{
	if (this_cpu_data()->cell == &root_cell) {
		printk("Root cell: CPU %d: %s abort at pc %lx, FAR %lx: external abort delivered\n",
		       this_cpu_data()->cpu_id,
		       ESR_EC(esr) == EC_DABT_LOW ? "data" : "instruction",
		       read_sysreg(elr_el2), read_sysreg(far_el2));
		inject_external_abort(esr);
		return;
	}
	dump_regs(regs, esr);
	panic_park(ESR_EC(esr) == EC_DABT_LOW ? "unhandled data abort" :
		   "unhandled instruction abort");
}

/* exception.S's short way for hypercalls: park_req was seen set */
void arch_hypercall_park_req(struct per_cpu *cpu_data)
{
	if (cpu_stop_wanted(cpu_data))
		arch_cpu_power_off(cpu_data);
}

/*
 * exception.S's short way for data aborts with a syndrome naming x0-x18,
 * x30 or xzr: only those are in the frame. Returns false, having done
 * nothing, when the access is refused; the refusal then gets the whole
 * frame (arch_handle_dabt_refused), as its report shows every register.
 */
bool arch_handle_dabt_short(struct registers *regs, u64 esr)
{
	struct per_cpu *cpu_data = this_cpu_data();

	if (handle_dabt(regs, esr))
		return false;
	cpu_stat_inc(JAILHOUSE_CPU_STAT_VMEXITS_TOTAL);
	skip_instruction(esr);
	if (cpu_must_stop(cpu_data))
		arch_cpu_power_off(cpu_data);
	return true;
}

void arch_handle_dabt_refused(struct registers *regs, u64 esr)
{
	cpu_stat_inc(JAILHOUSE_CPU_STAT_VMEXITS_TOTAL);
	handle_abort(regs, esr);
	if (cpu_must_stop(this_cpu_data()))
		arch_cpu_power_off(this_cpu_data());
}

void arch_handle_trap(struct registers *regs)
{
	u64 esr = read_sysreg(esr_el2);

	cpu_stat_inc(JAILHOUSE_CPU_STAT_VMEXITS_TOTAL);

	switch (ESR_EC(esr)) {
	case EC_HVC64:
		handle_hvc(regs, esr);
		break;
	case EC_SMC64:
		handle_smc(regs);
		skip_instruction(esr);
		break;
	case EC_SYSREG:
		handle_sysreg(regs, esr);
		break;
	case EC_DABT_LOW:
		if (handle_dabt(regs, esr) == 0)
			skip_instruction(esr);
		else
			handle_abort(regs, esr);
		break;
	case EC_IABT_LOW:
		handle_abort(regs, esr);
		break;
	case EC_CP15_32:
	case EC_CP15_64:
		/*
		 * AArch32 EL0 reaching the PMU of an ARMv8.0 cell (pmu.c) or
		 * an implementation-defined register (TIDCP): undefined,
		 * unless the instruction's condition failed.
		 */
		if (aarch32_cond_failed(esr))
			skip_instruction(esr);
		else
			inject_undefined(esr);
		break;
	default:
		dump_regs(regs, esr);
		panic_park("unhandled trap");
	}
	/* being stopped: do not go back to the cell first */
	if (cpu_must_stop(this_cpu_data()))
		arch_cpu_power_off(this_cpu_data());
}

static const char *const fatal_kinds[] = {
	"sync with SP_EL0", "async with SP_EL0", "synchronous", "IRQ", "FIQ",
	"SError", "FIQ from a guest", "SError from a guest", "exit from AArch32 EL1",
};

void arch_handle_fatal(struct registers *regs, unsigned long kind)
{
	printk("\nFATAL: %s exception in the hypervisor\n",
	       kind < ARRAY_SIZE(fatal_kinds) ? fatal_kinds[kind] : "?");
	dump_regs(regs, read_sysreg(esr_el2));
	printk("SP: 0x%016lx\n", (unsigned long)(regs + 1));
	panic_park("hypervisor fault");
}
