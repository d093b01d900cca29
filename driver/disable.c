// SPDX-License-Identifier: GPL-2.0
/*
 * JAILHOUSE_DISABLE, also used by the reboot notifier, module exit and a
 * failed enable: destroy the non-root cells, leave the hypervisor on
 * every CPU and give the region back.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cpu.h>
#include <linux/module.h>

#include "driver.h"

/*
 * The disable hypercall must reach exactly the CPUs that entered: one left
 * out stays under the hypervisor, and on a CPU that never entered it would
 * land in Linux's stub, where x0 = 0 means "set VBAR_EL2".
 */
static int jh_check_cpus(void)
{
	unsigned int cpu;

	for_each_cpu(cpu, &jh_hv.cpus) {
		if (!cpu_online(cpu)) {
			pr_err("disable: CPU %u is offline, bring it online first\n",
			       cpu);
			return -EBUSY;
		}
	}
	for_each_online_cpu(cpu) {
		if (!cpumask_test_cpu(cpu, &jh_hv.cpus)) {
			pr_err("disable: CPU %u was offline at enable, take it offline first\n",
			       cpu);
			return -EBUSY;
		}
	}
	return 0;
}

static void jh_disabled(void)
{
	jh_hv.enabled = false;
	jh_console_snapshot();
	jh_hvmem_release();
	cpumask_clear(&jh_hv.cpus);
	jh_cell_delete(jh_root_cell);
	jh_root_cell = NULL;
	/* taken by the successful enable */
	module_put(THIS_MODULE);
	pr_info("hypervisor disabled\n");
}

int jh_disable_locked(void)
{
	int err;

	/* onlines their CPUs again, so before the hotplug lock */
	err = jh_cells_destroy_all();
	if (err) {
		pr_err("disable: a cell could not be destroyed: %d\n", err);
		return err;
	}

	cpus_read_lock();
	err = jh_check_cpus();
	if (err)
		goto out;

	/* Cell attributes issue hypercalls: drain their readers first. */
	jh_cell_unregister(jh_root_cell);

	err = jh_entry_disable();
	if (!err) {
		jh_disabled();
	} else if (err == -ENOTRECOVERABLE) {
		/* No more hypercalls; region and module reference stay. */
		jh_hv.enabled = false;
		jh_hv.broken = true;
	} else if (jh_cell_register(jh_root_cell)) {
		pr_warn("disable: root cell missing from sysfs\n");
	}
out:
	cpus_read_unlock();
	return err;
}

int jh_cmd_disable(void)
{
	if (jh_hv.broken)
		return -ENOTRECOVERABLE;
	if (!jh_hv.enabled) {
		pr_err("disable: hypervisor is not enabled\n");
		return -EINVAL;
	}
	return jh_disable_locked();
}
