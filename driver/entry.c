// SPDX-License-Identifier: GPL-2.0
/*
 * Running the EL2 transitions on every online CPU at once: probing Linux's
 * hyp stub, entering the hypervisor through it (docs/entry-protocol.md) and
 * leaving it again. The callers hold cpus_read_lock(), so the set of online
 * CPUs cannot change between the calls.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cpu.h>
#include <linux/err.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <asm/cpufeature.h>
#include <asm/sysreg.h>
#include <asm/virt.h>

#include <jailhouse/hvc.h>

#include "driver.h"

struct jhd_cpu_call {
	unsigned long entry;	/* physical address of the entry code */
	unsigned long base;	/* physical base of the hypervisor region */
	long *results;		/* indexed by CPU id */
};

static void jhd_cpu_probe(void *info)
{
	struct jhd_cpu_call *call = info;

	call->results[smp_processor_id()] = jhd_stub_probe();
}

static void jhd_cpu_enter(void *info)
{
	struct jhd_cpu_call *call = info;
	unsigned int cpu = smp_processor_id();

	call->results[cpu] = jhd_stub_soft_restart(call->entry, cpu, call->base);
}

static void jhd_cpu_disable(void *info)
{
	struct jhd_cpu_call *call = info;

	call->results[smp_processor_id()] = jailhouse_call(JAILHOUSE_HC_DISABLE);
}

/*
 * The hypervisor waits for all online CPUs inside its entry, so they must
 * run the call concurrently: on_each_cpu() starts the others by IPI before
 * running the local one.
 */
static long *jhd_on_all_cpus(smp_call_func_t fn, struct jhd_cpu_call *call)
{
	call->results = kcalloc(nr_cpu_ids, sizeof(*call->results), GFP_KERNEL);
	if (!call->results)
		return NULL;
	on_each_cpu(fn, call, 1);
	return call->results;
}

/*
 * Folds the per-CPU results of an EL2 transition into one: the common
 * errno, or -ENOTRECOVERABLE if CPUs disagree or a value is no errno, as
 * then some CPUs may run under the hypervisor and others not.
 */
static int jhd_agree(const char *what, const long *results)
{
	unsigned int cpu, first = cpumask_first(cpu_online_mask);
	long res = results[first];
	bool bad = false;

	for_each_online_cpu(cpu) {
		if (results[cpu] > 0 || results[cpu] < -MAX_ERRNO)
			bad = true;
		if (results[cpu] != res)
			bad = true;
	}
	if (!bad) {
		if (res)
			pr_err("%s: hypervisor returned %ld on all CPUs\n",
			       what, res);
		return res;
	}

	for_each_online_cpu(cpu)
		pr_emerg("%s: CPU %u returned %ld\n", what, cpu, results[cpu]);
	pr_emerg("%s: CPUs disagree, EL2 state unknown; reboot required\n",
		 what);
	return -ENOTRECOVERABLE;
}

/* Refuses kernels that run at EL2 themselves or CPUs without EL2. */
static int jhd_check_el2(void)
{
	u64 pfr0 = read_sysreg_s(SYS_ID_AA64PFR0_EL1);

	if (is_kernel_in_hyp_mode()) {
		jhd_refuse("enable", "Linux runs at EL2 (VHE), the hyp stub is not available\n");
		return -ENXIO;
	}
	if (!cpuid_feature_extract_unsigned_field(pfr0,
						  ID_AA64PFR0_EL1_EL2_SHIFT)) {
		jhd_refuse("enable", "the CPU implements no EL2\n");
		return -ENXIO;
	}
	return 0;
}

/*
 * Makes sure Linux's hyp stub owns EL2 on every CPU (not KVM or another
 * hypervisor): only the stub answers an unknown call with HVC_STUB_ERR.
 */
int jhd_entry_probe_stub(void)
{
	struct jhd_cpu_call call = {};
	unsigned int cpu;
	int err;

	err = jhd_check_el2();
	if (err)
		return err;
	if (!jhd_on_all_cpus(jhd_cpu_probe, &call))
		return -ENOMEM;

	for_each_online_cpu(cpu) {
		if (call.results[cpu] != HVC_STUB_ERR) {
			jhd_refuse("enable", "EL2 of CPU %u is not Linux's hyp stub (answer %#lx); is KVM using it?\n",
				   cpu, call.results[cpu]);
			err = -ENXIO;
			break;
		}
	}
	kfree(call.results);
	return err;
}

int jhd_entry_enter(void)
{
	struct jhd_cpu_call call = {
		.entry = jhd_hv.phys + jhd_hv.header.entry,
		.base = jhd_hv.phys,
	};
	int err;

	if (!jhd_on_all_cpus(jhd_cpu_enter, &call))
		return -ENOMEM;
	err = jhd_agree("enable", call.results);
	kfree(call.results);
	return err;
}

int jhd_entry_disable(void)
{
	struct jhd_cpu_call call = {};
	int err;

	if (!jhd_on_all_cpus(jhd_cpu_disable, &call))
		return -ENOMEM;
	err = jhd_agree("disable", call.results);
	kfree(call.results);
	return err;
}
