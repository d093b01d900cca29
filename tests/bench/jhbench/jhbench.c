// SPDX-License-Identifier: GPL-2.0
/*
 * Micro-benchmark module for the hypervisor's hot paths, run in root Linux
 * under the hypervisor: a null hypercall round trip and one trapped GIC
 * distributor read. It counts virtual-counter ticks over many iterations;
 * under QEMU's "-icount shift=0" one guest instruction is one nanosecond, so
 * ticks convert to executed instructions (EL1 and EL2 together), which is
 * deterministic and independent of the host's speed.
 *
 * Results go to the kernel log as "jhbench: <name> <instructions per op>",
 * the loop overhead measured in the same run already subtracted. It
 * measures once, at load; unload it afterwards.
 */
#include <linux/io.h>
#include <linux/irqflags.h>
#include <linux/module.h>
#include <linux/preempt.h>
#include <asm/sysreg.h>

#include <jailhouse/hvc.h>

#define ITERATIONS	20000
#define ROUNDS		5
#define GICD_BASE	0x08000000
#define GICD_TYPER	0x0004

static void __iomem *gicd;

static u64 counter(void)
{
	isb();
	return read_sysreg(cntvct_el0);
}

static void op_empty(void)
{
	barrier();
}

static void op_hypercall(void)
{
	jailhouse_call_arg1(JAILHOUSE_HC_HYPERVISOR_GET_INFO,
			    JAILHOUSE_INFO_NUM_CELLS);
}

static void op_gicd_read(void)
{
	readl_relaxed(gicd + GICD_TYPER);
}

/* Fewest ticks of ROUNDS runs: interrupts can only add, never remove. */
static u64 measure(void (*op)(void))
{
	u64 best = U64_MAX, t0, t1;
	unsigned int r, n;
	unsigned long flags;

	for (r = 0; r < ROUNDS; r++) {
		local_irq_save(flags);
		t0 = counter();
		for (n = 0; n < ITERATIONS; n++)
			op();
		t1 = counter();
		local_irq_restore(flags);
		best = min(best, t1 - t0);
	}
	return best;
}

static void report(const char *name, u64 ticks, u64 base)
{
	u64 ns_per_tick = NSEC_PER_SEC / read_sysreg(cntfrq_el0);

	pr_info("jhbench: %s %llu\n", name,
		(ticks - base) * ns_per_tick / ITERATIONS);
}

static int __init jhbench_init(void)
{
	u64 base;

	gicd = ioremap(GICD_BASE, 0x10000);
	if (!gicd)
		return -ENOMEM;

	preempt_disable();
	base = measure(op_empty);
	report("null_hypercall", measure(op_hypercall), base);
	report("gicd_read", measure(op_gicd_read), base);
	preempt_enable();

	iounmap(gicd);
	return 0;
}

static void __exit jhbench_exit(void)
{
}

module_init(jhbench_init);
module_exit(jhbench_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Instruction counts of hypervisor hot paths");
