// SPDX-License-Identifier: GPL-2.0
/*
 * JAILHOUSE_DISABLE, also used by the reboot notifier, module exit and a
 * failed enable: destroy the non-root cells, leave the hypervisor on
 * every CPU and give the region back.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cpu.h>
#include <linux/module.h>

#include <jailhouse/hvc.h>
#include <jailhouse/hypercall.h>

#include "driver.h"

/*
 * The disable hypercall must reach exactly the root CPUs that still run
 * under the hypervisor, and on_each_cpu() reaches the online ones. A CPU
 * that was online at enable and is offline now is no obstacle: the
 * hypervisor turned it off through the firmware at its PSCI CPU_OFF and
 * stopped counting it, so it holds no EL2 state and boots into Linux's
 * hyp stub when it comes back. A CPU online now that was offline at
 * enable never entered: the hypercall would land in Linux's stub, where
 * x0 = 0 means "set VBAR_EL2".
 */
static int jhd_check_cpus(void)
{
	unsigned int cpu;

	for_each_online_cpu(cpu) {
		if (!cpumask_test_cpu(cpu, &jhd_hv.cpus)) {
			jhd_refuse("disable", "CPU %u was offline at enable, take it offline first\n",
				   cpu);
			return -EBUSY;
		}
	}
	return 0;
}

/*
 * A root CPU the hypervisor parked after a fatal trap spins in EL2 with
 * interrupts masked for good, while Linux still counts it online. What
 * waits for every online CPU then waits for ever: on_each_cpu() in
 * disable, stop_machine() when create takes a CPU offline. A CPU the
 * hypervisor gave up on when it stopped a cell (offline for Linux) may
 * be stuck in EL2 too. Giving the region back would pull the code such a
 * CPU runs from under it, so the machine keeps the hypervisor until it
 * reboots. Checks @cpus, only the online ones if @online_only.
 */
int jhd_check_failed(const char *cmd, const struct cpumask *cpus,
		    bool online_only)
{
	cpumask_var_t failed;
	unsigned int cpu;
	long state;
	int err = 0;

	if (!zalloc_cpumask_var(&failed, GFP_KERNEL))
		return -ENOMEM;
	for_each_cpu(cpu, cpus) {
		if (online_only && !cpu_online(cpu))
			continue;
		state = jailhouse_call_arg2(JAILHOUSE_HC_CPU_GET_INFO, cpu,
					    JAILHOUSE_CPU_INFO_STATE);
		if (state < 0) {
			jhd_refuse(cmd, "hypervisor cannot tell the state of CPU %u: %ld\n",
				   cpu, state);
			err = state;
			goto out;
		}
		if (state == JAILHOUSE_CPU_FAILED)
			cpumask_set_cpu(cpu, failed);
	}
	if (!cpumask_empty(failed)) {
		jhd_refuse(cmd, "the hypervisor reports root CPU(s) %*pbl failed (parked after a fatal trap, or lost stopping a cell; its console says why): waiting for them would hang, only a reboot recovers\n",
			   cpumask_pr_args(failed));
		err = -EBUSY;
	}
out:
	free_cpumask_var(failed);
	return err;
}

static void jhd_disabled(void)
{
	jhd_hv.enabled = false;
	jhd_console_snapshot();
	jhd_hvmem_release();
	cpumask_clear(&jhd_hv.cpus);
	jhd_cell_delete(jhd_root_cell);
	jhd_root_cell = NULL;
	/* taken by the successful enable */
	module_put(THIS_MODULE);
	pr_info("hypervisor disabled\n");
}

static void jhd_note_offline(void)
{
	unsigned int cpu;

	for_each_cpu(cpu, &jhd_hv.cpus)
		if (!cpu_online(cpu))
			pr_info("disable: CPU %u is offline, it comes back without the hypervisor\n",
				cpu);
}

int jhd_disable_locked(void)
{
	int err;

	/*
	 * Before the cells: their CPUs return through hotplug, which may
	 * wait for every online CPU as well.
	 */
	err = jhd_check_failed("disable", &jhd_root_cell->cpus_assigned, false);
	if (err)
		return err;
	/* onlines their CPUs again, so before the hotplug lock */
	err = jhd_cells_destroy_all();
	if (err) {
		jhd_refuse("disable", "a cell could not be destroyed: %d\n", err);
		return err;
	}

	cpus_read_lock();
	err = jhd_check_cpus();
	/* again: the cells' CPUs are root's now */
	if (!err)
		err = jhd_check_failed("disable", &jhd_hv.cpus, false);
	if (err)
		goto out;
	jhd_note_offline();

	/* its config space and BARs are the hypervisor's: gone with it */
	err = jhd_vpci_remove();
	if (err)
		goto out;
	/* Cell attributes issue hypercalls: drain their readers first. */
	jhd_cell_unregister(jhd_root_cell);

	err = jhd_entry_disable();
	if (!err) {
		jhd_vpci_forget();
		jhd_disabled();
	} else if (err == -ENOTRECOVERABLE) {
		/* No more hypercalls; region and module reference stay. */
		jhd_hv.enabled = false;
		jhd_hv.broken = true;
		jhd_console_stop();
	} else {
		jhd_vpci_restore();
		if (jhd_cell_register(jhd_root_cell))
			pr_warn("disable: root cell missing from sysfs\n");
	}
out:
	cpus_read_unlock();
	return err;
}

int jhd_cmd_disable(void)
{
	if (jhd_hv.broken)
		return -ENOTRECOVERABLE;
	if (!jhd_hv.enabled) {
		jhd_refuse("disable", "hypervisor is not enabled\n");
		return -EINVAL;
	}
	return jhd_disable_locked();
}
