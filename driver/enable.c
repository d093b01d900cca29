// SPDX-License-Identifier: GPL-2.0
/*
 * JAILHOUSE_ENABLE: fetch and check the system config, load the image
 * into the reserved region and enter the hypervisor on every online CPU.
 * Each failure has its own errno; driver/ERRORS.md is the table.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cpu.h>
#include <linux/firmware.h>
#include <linux/module.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "driver.h"

static int jhd_config_check_header(const struct jailhouse_system *hdr)
{
	switch (jailhouse_system_header_fault(hdr)) {
	case JAILHOUSE_HEADER_SIGNATURE:
		jhd_refuse("enable", "not a system configuration (no \"%s\" signature)\n",
			   JAILHOUSE_SYSTEM_SIGNATURE);
		return -EINVAL;
	case JAILHOUSE_HEADER_REVISION:
		jhd_refuse("enable", "configuration revision %u, driver supports %u\n",
			   hdr->revision, JAILHOUSE_CONFIG_REVISION);
		return -EPROTO;
	case JAILHOUSE_HEADER_ARCH:
		jhd_refuse("enable", "configuration is for architecture %u, not arm64 (%u)\n",
			   hdr->architecture, JAILHOUSE_ARM64);
		return -EOPNOTSUPP;
	case JAILHOUSE_HEADER_OK:
		break;
	}
	return 0;
}

/*
 * The ioctl passes the config without its length, so the length comes
 * from the counts in the header. Only the checked header copy is used.
 */
static int jhd_config_fetch(const void __user *arg,
			   struct jailhouse_system **cfg, size_t *size)
{
	struct jailhouse_system hdr;
	u64 len;
	int err;

	if (copy_from_user(&hdr, arg, sizeof(hdr))) {
		jhd_refuse("enable", "cannot read the configuration header\n");
		return -EFAULT;
	}
	err = jhd_config_check_header(&hdr);
	if (err)
		return err;

	len = jailhouse_system_config_size(&hdr);
	if (len > JAILHOUSE_SYSTEM_CONFIG_MAX_SIZE) {
		jhd_refuse("enable", "configuration counts give %llu bytes, limit %u\n",
			   len, JAILHOUSE_SYSTEM_CONFIG_MAX_SIZE);
		return -E2BIG;
	}

	*cfg = kvmalloc(len, GFP_KERNEL);
	if (!*cfg)
		return -ENOMEM;
	if (copy_from_user(*cfg, arg, len)) {
		jhd_refuse("enable", "cannot read %llu bytes of configuration; truncated?\n",
			   len);
		kvfree(*cfg);
		return -EFAULT;
	}
	memcpy(*cfg, &hdr, sizeof(hdr));
	*size = len;
	return 0;
}

static bool jhd_cpu_in_set(const u8 *set, u32 set_size, unsigned int cpu)
{
	return cpu / 8 < set_size && (set[cpu / 8] & BIT(cpu % 8));
}

/*
 * Every online CPU enters the hypervisor, so the root cell must own all of
 * them. max_cpus sizes the per-CPU area: highest CPU in the set plus one.
 */
static int jhd_config_root_cpus(const struct jailhouse_system *cfg,
			       unsigned int *max_cpus)
{
	const struct jailhouse_cell_desc *root = &cfg->root_cell;
	const u8 *set = jailhouse_cell_cpu_set(root);
	u32 set_size = root->cpu_set_size;
	unsigned int cpu;
	int byte;

	for (byte = set_size - 1; byte >= 0 && !set[byte]; byte--)
		;
	if (byte < 0) {
		jhd_refuse("enable", "root cell has no CPUs\n");
		return -EDOM;
	}
	*max_cpus = byte * 8 + fls(set[byte]);

	for_each_online_cpu(cpu) {
		if (!jhd_cpu_in_set(set, set_size, cpu)) {
			jhd_refuse("enable", "online CPU %u is not in the root cell\n",
				   cpu);
			return -ECHRNG;
		}
	}
	return 0;
}

/* After entry the hypervisor owns the region; keep the module pinned. */
static void jhd_mark_broken(void)
{
	jhd_hv.broken = true;
	__module_get(THIS_MODULE);
	pr_emerg("hypervisor state unknown: memory stays claimed, module pinned\n");
}

static int jhd_enter(const struct firmware *fw, unsigned int max_cpus,
		    const struct jailhouse_system *cfg, size_t cfg_size)
{
	int err;

	err = jhd_hvmem_claim(cfg);
	if (err)
		return err;

	err = jhd_entry_probe_stub();
	if (err)
		goto err_release;

	jhd_hvmem_load(fw, max_cpus, cfg, cfg_size);
	jhd_console_new_ring();

	err = jhd_entry_enter();
	if (!err) {
		cpumask_copy(&jhd_hv.cpus, cpu_online_mask);
		return 0;
	}
	if (err == -ENOTRECOVERABLE) {
		jhd_mark_broken();
		return err;
	}
	/* keep what the hypervisor said before it gave up */
	jhd_console_snapshot();
	jhd_refuse_hv("enable", "the hypervisor failed to start (%d)", err);

err_release:
	jhd_hvmem_release();
	return err;
}

static int jhd_enable(const struct jailhouse_system *cfg, size_t cfg_size,
		     struct jhd_cell *root)
{
	const struct firmware *fw;
	unsigned int max_cpus;
	int err;

	err = jhd_hvmem_check(cfg);
	if (err)
		return err;
	err = jhd_firmware_get(&fw);
	if (err)
		return err;

	cpus_read_lock();
	err = jhd_config_root_cpus(cfg, &max_cpus);
	if (!err)
		err = jhd_hvmem_check_fit((const void *)fw->data, max_cpus,
					 cfg_size,
					 cfg->hypervisor_memory.size);
	if (!err)
		err = jhd_enter(fw, max_cpus, cfg, cfg_size);
	cpus_read_unlock();

	release_firmware(fw);
	return err;
}

int jhd_cmd_enable(const void __user *arg)
{
	struct jailhouse_system *cfg;
	struct jhd_cell *root;
	size_t cfg_size;
	int err;

	if (jhd_hv.broken)
		return -ENOTRECOVERABLE;
	if (jhd_hv.enabled) {
		jhd_refuse("enable", "hypervisor is already enabled\n");
		return -EBUSY;
	}

	err = jhd_config_fetch(arg, &cfg, &cfg_size);
	if (err)
		return err;

	root = jhd_cell_create_root(cfg);
	if (IS_ERR(root)) {
		err = PTR_ERR(root);
		goto out;
	}

	err = jhd_enable(cfg, cfg_size, root);
	if (err) {
		jhd_cell_delete(root);
		goto out;
	}

	jhd_hv.enabled = true;
	jhd_console_start(SYS_FLAGS_VIRTUAL_DEBUG_CONSOLE(cfg->flags));
	jhd_root_cell = root;
	__module_get(THIS_MODULE);

	err = jhd_cell_register(root);
	if (err) {
		jhd_refuse("enable", "cannot create the root cell in sysfs, disabling\n");
		if (jhd_disable_locked() && !jhd_hv.broken) {
			/*
			 * Still enabled, but without the root cell the
			 * driver cannot be driven: no command works any
			 * more, as ENOTRECOVERABLE promises.
			 */
			jhd_hv.enabled = false;
			jhd_hv.broken = true;
			jhd_console_stop();
			pr_emerg("enable: hypervisor stays active and cannot be disabled: reboot\n");
		}
		if (jhd_hv.broken)
			err = -ENOTRECOVERABLE;
		goto out;
	}
	pr_info("hypervisor enabled on CPUs %*pbl, root cell \"%s\"\n",
		cpumask_pr_args(&jhd_hv.cpus), root->name);
	jhd_vpci_add(cfg);

out:
	kvfree(cfg);
	return err;
}
