// SPDX-License-Identifier: GPL-2.0
/*
 * JAILHOUSE_CELL_CREATE: check the config as far as Linux knows the
 * system, take the cell's CPUs offline, and hand the config to the
 * hypervisor, which checks it against everything else. Each cause has
 * its own errno (driver/ERRORS.md); a failed create leaves nothing.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cpu.h>
#include <linux/cpumask.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include <jailhouse/hvc.h>
#include <jailhouse/ioctl.h>

#include "driver.h"

static int jhd_config_check(const struct jailhouse_cell_desc *cfg, u32 size)
{
	size_t name_len = strnlen(cfg->name, sizeof(cfg->name));
	u64 need;

	switch (jailhouse_cell_header_fault(cfg)) {
	case JAILHOUSE_HEADER_SIGNATURE:
		jhd_refuse("create", "not a cell configuration (no \"%s\" signature)\n",
			   JAILHOUSE_CELL_DESC_SIGNATURE);
		return -EINVAL;
	case JAILHOUSE_HEADER_REVISION:
		jhd_refuse("create", "configuration revision %u, driver supports %u\n",
			   cfg->revision, JAILHOUSE_CONFIG_REVISION);
		return -EPROTO;
	case JAILHOUSE_HEADER_ARCH:
		jhd_refuse("create", "configuration is for architecture %u, not arm64 (%u)\n",
			   cfg->architecture, JAILHOUSE_ARM64);
		return -EOPNOTSUPP;
	case JAILHOUSE_HEADER_OK:
		break;
	}
	need = jailhouse_cell_config_size(cfg);
	if (need > size) {
		jhd_refuse("create", "configuration counts give %llu bytes, only %u passed; truncated?\n",
			   need, size);
		return -ENODATA;
	}
	if (name_len == 0 || name_len == sizeof(cfg->name)) {
		jhd_refuse("create", "cell name is empty or longer than %u characters\n",
			   JAILHOUSE_CELL_NAME_MAXLEN);
		return -EINVAL;
	}
	return 0;
}

static int jhd_config_fetch(const struct jailhouse_cell_create *req,
			   struct jailhouse_cell_desc **out)
{
	struct jailhouse_cell_desc *cfg;
	int err;

	if (req->config_size < sizeof(*cfg)) {
		jhd_refuse("create", "configuration of %u bytes, a cell descriptor alone has %zu\n",
			   req->config_size, sizeof(*cfg));
		return -EINVAL;
	}
	if (req->config_size > JAILHOUSE_CELL_CONFIG_MAX_SIZE) {
		jhd_refuse("create", "configuration of %u bytes, limit %u\n",
			   req->config_size, JAILHOUSE_CELL_CONFIG_MAX_SIZE);
		return -E2BIG;
	}

	/*
	 * Physically contiguous, as the hypervisor reads it by address, and
	 * naturally aligned, so it spans no more pages than it reads.
	 */
	cfg = kmalloc(req->config_size, GFP_KERNEL);
	if (!cfg)
		return -ENOMEM;
	if (copy_from_user(cfg, u64_to_user_ptr(req->config_address),
			   req->config_size)) {
		jhd_refuse("create", "cannot read %u bytes of configuration\n",
			   req->config_size);
		kfree(cfg);
		return -EFAULT;
	}
	err = jhd_config_check(cfg, req->config_size);
	if (err) {
		kfree(cfg);
		return err;
	}
	if (cfg->flags & JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE)
		cfg->flags |= JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED;
	*out = cfg;
	return 0;
}

/*
 * The cell's CPUs: Linux's and still with root. CPU 0 too, as upstream
 * allows: arm64 Linux can give up its boot CPU like any other.
 */
static int jhd_cell_cpus(struct jhd_cell *cell)
{
	const struct jailhouse_cell_desc *cfg = cell->config;
	const u8 *set = jailhouse_cell_cpu_set(cfg);
	const struct jhd_cell *holder;
	unsigned int cpu;

	for (cpu = 0; cpu < cfg->cpu_set_size * 8; cpu++) {
		if (!(set[cpu / 8] & BIT(cpu % 8)))
			continue;
		if (cpu >= nr_cpu_ids || !cpumask_test_cpu(cpu, &jhd_hv.cpus)) {
			jhd_refuse("create", "CPU %u of \"%s\" is not one of the root cell's CPUs %*pbl\n",
				   cpu, cell->name, cpumask_pr_args(&jhd_hv.cpus));
			return -ECHRNG;
		}
		if (!cpumask_test_cpu(cpu, &jhd_root_cell->cpus_assigned)) {
			holder = jhd_cell_by_cpu(cpu);
			jhd_refuse("create", "CPU %u of \"%s\" belongs to cell \"%s\"\n",
				   cpu, cell->name,
				   holder ? holder->name : "?");
			return -EBUSY;
		}
		cpumask_set_cpu(cpu, &cell->cpus_assigned);
	}
	if (cpumask_empty(&cell->cpus_assigned)) {
		jhd_refuse("create", "cell \"%s\" has no CPUs\n", cell->name);
		return -EDOM;
	}
	return 0;
}

static int jhd_cell_take_cpus(struct jhd_cell *cell)
{
	unsigned int cpu;
	int err;

	for_each_cpu(cpu, &cell->cpus_assigned) {
		if (!cpu_online(cpu))
			continue;
		err = remove_cpu(cpu);
		if (err < 0) {
			jhd_refuse("create", "cannot take CPU %u offline for \"%s\": %d\n",
				   cpu, cell->name, err);
			jhd_cell_return_cpus(cell);
			return err;
		}
		/* > 0: it went offline meanwhile */
		if (err == 0)
			cpumask_set_cpu(cpu, &cell->cpus_offlined);
	}
	return 0;
}

static void jhd_cell_free(struct jhd_cell *cell)
{
	jhd_cell_unclaim(cell);
	kfree(cell->config);
	kfree(cell);
}

/* The hypervisor has the cell: show it, with its CPUs moved from root. */
static void jhd_cell_publish(struct jhd_cell *cell)
{
	unsigned int cpu;
	int err;

	jhd_cell_add(cell);
	for_each_cpu(cpu, &cell->cpus_assigned) {
		cpumask_clear_cpu(cpu, &jhd_root_cell->cpus_assigned);
		jhd_cell_sysfs_cpu_del(jhd_root_cell, cpu);
	}
	err = jhd_cell_register(cell);
	if (err)
		pr_warn("create: cell \"%s\" is missing in sysfs: %d\n",
			cell->name, err);
}

int jhd_cmd_cell_create(const void __user *arg)
{
	struct jailhouse_cell_create req;
	struct jhd_cell *cell;
	long ret;
	int err;

	if (jhd_hv.broken)
		return -ENOTRECOVERABLE;
	if (!jhd_hv.enabled)
		return -EINVAL;
	if (copy_from_user(&req, arg, sizeof(req)))
		return -EFAULT;

	cell = kzalloc(sizeof(*cell), GFP_KERNEL);
	if (!cell)
		return -ENOMEM;
	err = jhd_config_fetch(&req, &cell->config);
	if (err) {
		kfree(cell);
		return err;
	}
	strscpy(cell->name, cell->config->name, sizeof(cell->name));

	if (jhd_cell_by_name(cell->name)) {
		jhd_refuse("create", "a cell named \"%s\" exists already\n",
			   cell->name);
		err = -EEXIST;
		goto err_free;
	}
	err = jhd_cell_cpus(cell);
	if (!err)
		err = jhd_cell_claim(cell);
	if (err)
		goto err_free;
	err = jhd_cell_free_id();
	if (err < 0) {
		jhd_refuse("create", "all %u cell IDs are in use\n",
			   JAILHOUSE_CELL_ID_MAX);
		goto err_free;
	}
	cell->id = err;
	cell->config->id = err;

	/* taking a CPU offline stops all online CPUs for a moment */
	err = jhd_check_failed("create", &jhd_root_cell->cpus_assigned, true);
	if (!err)
		err = jhd_cell_take_cpus(cell);
	if (err)
		goto err_free;

	cpus_read_lock();
	ret = jailhouse_call_arg1(JAILHOUSE_HC_CELL_CREATE,
				  __pa(cell->config));
	cpus_read_unlock();
	if (ret) {
		jhd_refuse_hv("create", "the hypervisor refused cell \"%s\" (%ld)",
			      cell->name, ret);
		jhd_cell_return_cpus(cell);
		err = ret;
		goto err_free;
	}

	jhd_cell_publish(cell);
	pr_info("created cell \"%s\" (ID %u) on CPUs %*pbl\n", cell->name,
		cell->id, cpumask_pr_args(&cell->cpus_assigned));
	return 0;

err_free:
	jhd_cell_free(cell);
	return err;
}
