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
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include <jailhouse/ioctl.h>

#include "driver.h"

/* serialises commands, and guards jhd_hv and the console snapshot */
DEFINE_MUTEX(jhd_lock);
struct jhd_hypervisor jhd_hv;
struct device *jhd_root_dev;

/* The running command's first refusal; under jhd_lock. */
static char jhd_reason[JAILHOUSE_REASON_SIZE];

void jhd_reason_set(const char *fmt, ...)
{
	va_list ap;
	size_t len;

	if (jhd_reason[0])
		return;
	va_start(ap, fmt);
	len = vscnprintf(jhd_reason, sizeof(jhd_reason), fmt, ap);
	va_end(ap);
	if (len && jhd_reason[len - 1] == '\n')
		jhd_reason[len - 1] = '\0';
}

static void jhd_file_set_reason(struct jhd_file *f, const char *reason)
{
	spin_lock(&f->reason_lock);
	strscpy(f->reason, reason, sizeof(f->reason));
	spin_unlock(&f->reason_lock);
}

static long jhd_get_reason(struct jhd_file *f, void __user *arg)
{
	struct jailhouse_reason *r;
	long err = 0;

	r = kzalloc(sizeof(*r), GFP_KERNEL);
	if (!r)
		return -ENOMEM;
	spin_lock(&f->reason_lock);
	strscpy(r->text, f->reason, sizeof(r->text));
	spin_unlock(&f->reason_lock);
	if (copy_to_user(arg, r, sizeof(*r)))
		err = -EFAULT;
	kfree(r);
	return err;
}

static long jhd_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	const void __user *uarg = (const void __user *)arg;
	long err;

	/* answered without waiting for a command that holds the driver */
	if (cmd == JAILHOUSE_GET_REASON)
		return jhd_get_reason(file->private_data, (void __user *)arg);

	/* nothing done yet: restart after SA_RESTART handlers and ^Z */
	if (mutex_lock_interruptible(&jhd_lock))
		return -ERESTARTSYS;
	jhd_reason[0] = '\0';
	jhd_console_mark();

	switch (cmd) {
	case JAILHOUSE_ENABLE:
		err = jhd_cmd_enable(uarg);
		break;
	case JAILHOUSE_DISABLE:
		err = jhd_cmd_disable();
		break;
	case JAILHOUSE_CELL_CREATE:
		err = jhd_cmd_cell_create(uarg);
		break;
	case JAILHOUSE_CELL_LOAD:
		err = jhd_cmd_cell_load(uarg);
		break;
	case JAILHOUSE_CELL_START:
		err = jhd_cmd_cell_start(uarg);
		break;
	case JAILHOUSE_CELL_DESTROY:
		err = jhd_cmd_cell_destroy(uarg);
		break;
	default:
		/* upstream answers unknown commands with EINVAL, not ENOTTY */
		err = -EINVAL;
		break;
	}

	jhd_file_set_reason(file->private_data, err ? jhd_reason : "");
	mutex_unlock(&jhd_lock);
	return err;
}

static int jhd_open(struct inode *inode, struct file *file)
{
	struct jhd_file *f;

	f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f)
		return -ENOMEM;
	mutex_init(&f->lock);
	spin_lock_init(&f->reason_lock);
	file->private_data = f;
	return 0;
}

static int jhd_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

static const struct file_operations jhd_fops = {
	.owner = THIS_MODULE,
	.open = jhd_open,
	.release = jhd_release,
	.read = jhd_console_read,
	.poll = jhd_console_poll,
	.unlocked_ioctl = jhd_ioctl,
	.compat_ioctl = compat_ptr_ioctl,
	.llseek = noop_llseek,
};

static struct miscdevice jhd_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = JAILHOUSE_DEVICE_NAME,
	.fops = &jhd_fops,
};

/* A reboot with the hypervisor still running would hand it the next kernel. */
static int jhd_reboot(struct notifier_block *nb, unsigned long code, void *u)
{
	int err;

	mutex_lock(&jhd_lock);
	if (jhd_hv.enabled) {
		err = jhd_disable_locked();
		if (err)
			pr_emerg("failed to disable hypervisor before reboot: %d\n",
				 err);
	}
	mutex_unlock(&jhd_lock);
	return NOTIFY_DONE;
}

static struct notifier_block jhd_reboot_nb = {
	.notifier_call = jhd_reboot,
};

static int __init jhd_init(void)
{
	int err;

	jhd_root_dev = root_device_register(JAILHOUSE_DEVICE_NAME);
	if (IS_ERR(jhd_root_dev))
		return PTR_ERR(jhd_root_dev);

	err = jhd_console_init();
	if (err)
		goto err_root;
	err = jhd_sysfs_init();
	if (err)
		goto err_console;
	err = jhd_cells_init();
	if (err)
		goto err_sysfs;
	err = register_reboot_notifier(&jhd_reboot_nb);
	if (err)
		goto err_cells;
	/* last: userspace may issue commands as soon as the node exists */
	err = misc_register(&jhd_misc);
	if (err)
		goto err_reboot;
	return 0;

err_reboot:
	unregister_reboot_notifier(&jhd_reboot_nb);
err_cells:
	jhd_cells_exit();
err_sysfs:
	jhd_sysfs_exit();
err_console:
	jhd_console_exit();
err_root:
	root_device_unregister(jhd_root_dev);
	return err;
}

static void __exit jhd_exit(void)
{
	misc_deregister(&jhd_misc);
	unregister_reboot_notifier(&jhd_reboot_nb);

	/*
	 * An enabled hypervisor holds a module reference, so this only runs
	 * enabled after a forced unload; try to leave EL2 clean anyway.
	 */
	mutex_lock(&jhd_lock);
	if (jhd_hv.enabled && jhd_disable_locked())
		pr_emerg("unloading while the hypervisor is still enabled\n");
	mutex_unlock(&jhd_lock);

	jhd_cells_exit();
	jhd_sysfs_exit();
	jhd_console_exit();
	root_device_unregister(jhd_root_dev);
}

module_init(jhd_init);
module_exit(jhd_exit);

MODULE_DESCRIPTION("Loader and control interface of the Jailhouse partitioning hypervisor");
MODULE_LICENSE("GPL");
MODULE_FIRMWARE(JAILHOUSE_FIRMWARE_NAME);
