// SPDX-License-Identifier: GPL-2.0
/*
 * jailhouse.ko: module life cycle, the /dev/jailhouse misc device and the
 * ioctl dispatcher. Every command runs under the one global mutex.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/device.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/notifier.h>
#include <linux/reboot.h>

#include <jailhouse/ioctl.h>

#include "driver.h"

/* serialises commands, and guards jh_hv and the console snapshot */
DEFINE_MUTEX(jh_lock);
struct jh_hypervisor jh_hv;
struct device *jh_root_dev;

static long jh_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	const void __user *uarg = (const void __user *)arg;
	long err;

	/* nothing done yet: restart after SA_RESTART handlers and ^Z */
	if (mutex_lock_interruptible(&jh_lock))
		return -ERESTARTSYS;

	switch (cmd) {
	case JAILHOUSE_ENABLE:
		err = jh_cmd_enable(uarg);
		break;
	case JAILHOUSE_DISABLE:
		err = jh_cmd_disable();
		break;
	case JAILHOUSE_CELL_CREATE:
		err = jh_cmd_cell_create(uarg);
		break;
	case JAILHOUSE_CELL_LOAD:
		err = jh_cmd_cell_load(uarg);
		break;
	case JAILHOUSE_CELL_START:
		err = jh_cmd_cell_start(uarg);
		break;
	case JAILHOUSE_CELL_DESTROY:
		err = jh_cmd_cell_destroy(uarg);
		break;
	default:
		/* upstream answers unknown commands with EINVAL, not ENOTTY */
		err = -EINVAL;
		break;
	}

	mutex_unlock(&jh_lock);
	return err;
}

static const struct file_operations jh_fops = {
	.owner = THIS_MODULE,
	.open = jh_console_open,
	.release = jh_console_release,
	.read = jh_console_read,
	.poll = jh_console_poll,
	.unlocked_ioctl = jh_ioctl,
	.compat_ioctl = compat_ptr_ioctl,
	.llseek = noop_llseek,
};

static struct miscdevice jh_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = JAILHOUSE_DEVICE_NAME,
	.fops = &jh_fops,
};

/* A reboot with the hypervisor still running would hand it the next kernel. */
static int jh_reboot(struct notifier_block *nb, unsigned long code, void *u)
{
	int err;

	mutex_lock(&jh_lock);
	if (jh_hv.enabled) {
		err = jh_disable_locked();
		if (err)
			pr_emerg("failed to disable hypervisor before reboot: %d\n",
				 err);
	}
	mutex_unlock(&jh_lock);
	return NOTIFY_DONE;
}

static struct notifier_block jh_reboot_nb = {
	.notifier_call = jh_reboot,
};

static int __init jh_init(void)
{
	int err;

	jh_root_dev = root_device_register(JAILHOUSE_DEVICE_NAME);
	if (IS_ERR(jh_root_dev))
		return PTR_ERR(jh_root_dev);

	err = jh_console_init();
	if (err)
		goto err_root;
	err = jh_sysfs_init();
	if (err)
		goto err_console;
	err = jh_cells_init();
	if (err)
		goto err_sysfs;
	err = register_reboot_notifier(&jh_reboot_nb);
	if (err)
		goto err_cells;
	/* last: userspace may issue commands as soon as the node exists */
	err = misc_register(&jh_misc);
	if (err)
		goto err_reboot;
	return 0;

err_reboot:
	unregister_reboot_notifier(&jh_reboot_nb);
err_cells:
	jh_cells_exit();
err_sysfs:
	jh_sysfs_exit();
err_console:
	jh_console_exit();
err_root:
	root_device_unregister(jh_root_dev);
	return err;
}

static void __exit jh_exit(void)
{
	misc_deregister(&jh_misc);
	unregister_reboot_notifier(&jh_reboot_nb);

	/*
	 * An enabled hypervisor holds a module reference, so this only runs
	 * enabled after a forced unload; try to leave EL2 clean anyway.
	 */
	mutex_lock(&jh_lock);
	if (jh_hv.enabled && jh_disable_locked())
		pr_emerg("unloading while the hypervisor is still enabled\n");
	mutex_unlock(&jh_lock);

	jh_cells_exit();
	jh_sysfs_exit();
	jh_console_exit();
	root_device_unregister(jh_root_dev);
}

module_init(jh_init);
module_exit(jh_exit);

MODULE_DESCRIPTION("Loader and control interface of the Jailhouse partitioning hypervisor");
MODULE_LICENSE("GPL");
MODULE_FIRMWARE(JAILHOUSE_FIRMWARE_NAME);
