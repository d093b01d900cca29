// SPDX-License-Identifier: GPL-2.0
/*
 * Micro-benchmark module for the hypervisor's hot paths, run in root Linux
 * under the hypervisor: a null hypercall round trip, one trapped GIC
 * distributor read, on a GICv3 (module parameter gic=3) one trapped
 * redistributor read, an SGI to another of root's CPUs and the wait for
 * its handler (smp_call_function_single) and, when root has an ivshmem
 * device, one doorbell write to a peer that is not there (the trap and
 * the link lookup). It counts virtual-counter ticks over many iterations;
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
#include <linux/pci.h>
#include <linux/preempt.h>
#include <linux/smp.h>
#include <asm/sysreg.h>

#include <jailhouse/hvc.h>
#include <jailhouse/ivshmem.h>

#define ITERATIONS	20000
#define ROUNDS		5
#define GICD_BASE	0x08000000
#define GICD_TYPER	0x0004
/* the first redistributor of QEMU's virt machine: CPU 0's, root's */
#define GICR_BASE	0x080a0000
#define GICR_TYPER	0x0008
/* an SGI and its handler per iteration: fewer of them */
#define SGI_ITERATIONS	2000

static int gic = 3;
module_param(gic, int, 0444);
MODULE_PARM_DESC(gic, "GIC version of the machine (2 or 3)");

static void __iomem *gicd;
static void __iomem *gicr;
static void __iomem *ivshmem_regs;
static unsigned int iterations = ITERATIONS;
static int sgi_target;

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

static void op_gicr_read(void)
{
	readq_relaxed(gicr + GICR_TYPER);
}

static void sgi_handler(void *unused)
{
}

/* interrupts stay on: smp_call_function_single() needs them */
static void op_sgi(void)
{
	smp_call_function_single(sgi_target, sgi_handler, NULL, 1);
}

static void op_doorbell(void)
{
	/* peer 1 of the demo link: no cell runs while this measures */
	writel_relaxed(IVSHMEM_DOORBELL(1, 0),
		       ivshmem_regs + IVSHMEM_REG_DOORBELL);
}

/*
 * BAR0 of root's first ivshmem device, if a driver (uio_ivshmem) has
 * turned its memory decoding on: only then does the hypervisor answer it.
 */
static void __iomem *map_ivshmem(void)
{
	struct pci_dev *pdev = pci_get_device(IVSHMEM_VENDOR_ID,
					      IVSHMEM_DEVICE_ID, NULL);
	void __iomem *regs = NULL;
	u16 cmd = 0;

	if (pdev)
		pci_read_config_word(pdev, PCI_COMMAND, &cmd);
	if (pdev && (cmd & PCI_COMMAND_MEMORY) && pci_resource_start(pdev, 0))
		regs = ioremap(pci_resource_start(pdev, 0), PAGE_SIZE);
	pci_dev_put(pdev);
	return regs;
}

/*
 * Fewest ticks of ROUNDS runs of @iterations: interrupts can only add,
 * never remove. With @irqs_off, they are masked meanwhile.
 */
static u64 measure_with(void (*op)(void), bool irqs_off)
{
	u64 best = U64_MAX, t0, t1;
	unsigned int r, n;
	unsigned long flags = 0;

	for (r = 0; r < ROUNDS; r++) {
		if (irqs_off)
			local_irq_save(flags);
		t0 = counter();
		for (n = 0; n < iterations; n++)
			op();
		t1 = counter();
		if (irqs_off)
			local_irq_restore(flags);
		best = min(best, t1 - t0);
	}
	return best;
}

static u64 measure(void (*op)(void))
{
	return measure_with(op, true);
}

static void report(const char *name, u64 ticks, u64 base)
{
	u64 ns_per_tick = NSEC_PER_SEC / read_sysreg(cntfrq_el0);

	pr_info("jhbench: %s %llu\n", name,
		(ticks - base) * ns_per_tick / iterations);
}

static int __init jhbench_init(void)
{
	u64 base;

	gicd = ioremap(GICD_BASE, 0x10000);
	if (!gicd)
		return -ENOMEM;
	if (gic == 3) {
		gicr = ioremap(GICR_BASE, 0x10000);
		if (!gicr) {
			iounmap(gicd);
			return -ENOMEM;
		}
	}
	ivshmem_regs = map_ivshmem();

	preempt_disable();
	base = measure(op_empty);
	report("null_hypercall", measure(op_hypercall), base);
	report("gicd_read", measure(op_gicd_read), base);
	if (gicr)
		report("gicr_read", measure(op_gicr_read), base);
	if (ivshmem_regs)
		report("ivshmem_doorbell", measure(op_doorbell), base);

	/* the next online CPU takes the SGIs, with interrupts on here */
	sgi_target = cpumask_next(smp_processor_id(), cpu_online_mask);
	if (sgi_target >= nr_cpu_ids)
		sgi_target = cpumask_first(cpu_online_mask);
	if (sgi_target != smp_processor_id()) {
		iterations = SGI_ITERATIONS;
		base = measure_with(op_empty, false);
		report("sgi_round_trip", measure_with(op_sgi, false), base);
		iterations = ITERATIONS;
	}
	preempt_enable();

	if (gicr)
		iounmap(gicr);
	iounmap(gicd);
	if (ivshmem_regs)
		iounmap(ivshmem_regs);
	return 0;
}

static void __exit jhbench_exit(void)
{
}

module_init(jhbench_init);
module_exit(jhbench_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Instruction counts of hypervisor hot paths");
