// SPDX-License-Identifier: GPL-2.0
/*
 * Starting the cell's other CPUs (see smp.h). entry.S takes a started CPU
 * at secondary_entry with x0 pointing at its boot block below.
 */
#include <inmate/inmate.h>

struct smp_boot {
	unsigned long stack_top;	/* read by entry.S first */
	void (*fn)(unsigned long arg);
	unsigned long arg;
};

void secondary_entry(void);
void __noreturn smp_secondary_start(struct smp_boot *boot);

static u8 stacks[SMP_MAX_CPUS][SMP_STACK_SIZE] __aligned(16);
static struct smp_boot boot_blocks[SMP_MAX_CPUS];

long smp_cpu_on(u64 mpidr, void (*fn)(unsigned long arg), unsigned long arg)
{
	unsigned int slot = (mpidr & 0xff) % SMP_MAX_CPUS;
	struct smp_boot *boot = &boot_blocks[slot];

	boot->stack_top = (unsigned long)stacks[slot] + SMP_STACK_SIZE;
	boot->fn = fn;
	boot->arg = arg;
	/*
	 * The new CPU starts with its MMU off: its block must be in memory,
	 * and no line of its stack may linger in a cache to be written back
	 * over what it stores there uncached.
	 */
	dcache_flush(boot, sizeof(*boot));
	dcache_flush(stacks[slot], SMP_STACK_SIZE);
	return smc_call(PSCI_CPU_ON, mpidr, (unsigned long)secondary_entry,
			(unsigned long)boot);
}

/* Called by entry.S on the new CPU's stack. */
void __noreturn smp_secondary_start(struct smp_boot *boot)
{
	inmate_cpu_setup();
	boot->fn(boot->arg);
	halt();
}
