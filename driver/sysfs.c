// SPDX-License-Identifier: GPL-2.0
/*
 * Attributes of /sys/devices/jailhouse itself: enabled, the memory pool
 * counters (asked from the hypervisor while it runs) and the console.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/device.h>
#include <linux/sysfs.h>

#include <jailhouse/hvc.h>

#include "driver.h"

static ssize_t enabled_show(struct device *dev, struct device_attribute *attr,
			    char *buf)
{
	return sysfs_emit(buf, "%d\n", READ_ONCE(jhd_hv.enabled));
}
static DEVICE_ATTR_RO(enabled);

/* These attributes live as long as the module, so taking jhd_lock is safe. */
static ssize_t jhd_info_show(char *buf, unsigned long type)
{
	long val = 0;

	if (mutex_lock_interruptible(&jhd_lock))
		return -EINTR;
	if (jhd_hv.enabled)
		val = jailhouse_call_arg1(JAILHOUSE_HC_HYPERVISOR_GET_INFO,
					  type);
	mutex_unlock(&jhd_lock);

	if (val < 0)
		return val;
	return sysfs_emit(buf, "%ld\n", val);
}

#define JHD_INFO_ATTR(_name, _type)					\
static ssize_t _name##_show(struct device *dev,				\
			    struct device_attribute *attr, char *buf)	\
{									\
	return jhd_info_show(buf, _type);				\
}									\
static DEVICE_ATTR_RO(_name)

JHD_INFO_ATTR(mem_pool_size, JAILHOUSE_INFO_MEM_POOL_SIZE);
JHD_INFO_ATTR(mem_pool_used, JAILHOUSE_INFO_MEM_POOL_USED);
JHD_INFO_ATTR(remap_pool_size, JAILHOUSE_INFO_REMAP_POOL_SIZE);
JHD_INFO_ATTR(remap_pool_used, JAILHOUSE_INFO_REMAP_POOL_USED);

static ssize_t console_show(struct device *dev, struct device_attribute *attr,
			    char *buf)
{
	return jhd_console_show_all(buf);
}
static DEVICE_ATTR_RO(console);

static struct attribute *jhd_root_attrs[] = {
	&dev_attr_enabled.attr,
	&dev_attr_mem_pool_size.attr,
	&dev_attr_mem_pool_used.attr,
	&dev_attr_remap_pool_size.attr,
	&dev_attr_remap_pool_used.attr,
	&dev_attr_console.attr,
	NULL,
};

static const struct attribute_group jhd_root_group = {
	.attrs = jhd_root_attrs,
};

int jhd_sysfs_init(void)
{
	return device_add_group(jhd_root_dev, &jhd_root_group);
}

void jhd_sysfs_exit(void)
{
	device_remove_group(jhd_root_dev, &jhd_root_group);
}
