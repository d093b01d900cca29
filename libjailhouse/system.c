// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The hypervisor as a whole: enable, disable, state and memory pools.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "internal.h"

JH_EXPORT int jh_is_enabled(struct jh_ctx *ctx)
{
	uint64_t val;
	int err;

	err = jh_sysfs_read_u64(ctx, "enabled", &val);
	if (err == -ENOENT)
		return 0;
	if (err)
		return err;
	return val != 0;
}

JH_EXPORT int jh_enable(struct jh_ctx *ctx, const struct jh_config *sys)
{
	const char *src = jh_config_get_source(sys);
	int err;

	if (jh_config_get_kind(sys) != JH_CONFIG_SYSTEM)
		return jh_fail(ctx, EINVAL, JH_ERR_CONFIG_KIND,
			       "%s is a cell config; enable needs a system config",
			       src);
	err = jh_check_config_alone(ctx, sys);
	if (err)
		return err;

	jh_dbg(ctx, "enabling with %s (%zu bytes)", src, jh_config_get_size(sys));
	err = jh_dev_ioctl(ctx, JAILHOUSE_ENABLE, (void *)jh_config_data(sys));
	if (err < 0)
		return err;
	if (err > 0)
		return jh_ioctl_fail_enable(ctx, err);
	return 0;
}

JH_EXPORT int jh_disable(struct jh_ctx *ctx)
{
	int err;

	err = jh_dev_ioctl(ctx, JAILHOUSE_DISABLE, NULL);
	if (err <= 0)
		return err;
	return jh_ioctl_fail_disable(ctx, err);
}

JH_EXPORT int jh_get_pool_info(struct jh_ctx *ctx, struct jh_pool_info *info)
{
	static const char *const names[] = {
		"mem_pool_size", "mem_pool_used",
		"remap_pool_size", "remap_pool_used",
	};
	uint64_t val[ARRAY_SIZE(names)];
	unsigned int i;
	int err;

	if (!jh_is_driver_loaded(ctx))
		return jh_fail(ctx, ENOENT, JH_ERR_NO_MODULE,
			       "the jailhouse driver is not loaded");
	for (i = 0; i < ARRAY_SIZE(names); i++) {
		err = jh_sysfs_read_u64(ctx, names[i], &val[i]);
		if (err)
			return err;
	}
	memset(info, 0, sizeof(*info));
	info->mem_pool_size = val[0];
	info->mem_pool_used = val[1];
	info->remap_pool_size = val[2];
	info->remap_pool_used = val[3];
	return 0;
}
