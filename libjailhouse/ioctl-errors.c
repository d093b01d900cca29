// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * What an ioctl's errno means, per request. The tables follow the
 * driver's contract (driver/ERRORS.md) and still read upstream's drivers
 * right, whose codes are a subset.
 */
#include <errno.h>
#include <string.h>

#include "internal.h"

struct errmap {
	int err;
	enum jh_error code;
	const char *text;
};

/* Meanings shared by every request. */
static const struct errmap common_map[] = {
	{ EINTR, JH_ERR_SYSTEM, "interrupted while waiting for the driver" },
	{ ENOTRECOVERABLE, JH_ERR_UNRECOVERABLE,
	  "CPUs disagree about the hypervisor; it may still run on some of them. Reboot" },
	{ EFAULT, JH_ERR_SYSTEM, "the driver could not read the request" },
	{ EACCES, JH_ERR_PERMISSION, "permission denied" },
	{ ETIMEDOUT, JH_ERR_HYPERVISOR,
	  "root's other CPUs did not stop for the change within the hypervisor's bound; nothing was changed (see its console)" },
	{ 0, 0, NULL },
};

static const struct errmap enable_map[] = {
	{ EBUSY, JH_ERR_ALREADY_ENABLED, "the hypervisor is already enabled" },
	{ EINVAL, JH_ERR_HYPERVISOR,
	  "the driver rejected the config (an upstream driver also says this for a hypervisor memory it cannot use; see the kernel log)" },
	{ EPROTO, JH_ERR_REVISION, "the driver expects another config revision" },
	{ EOPNOTSUPP, JH_ERR_ARCH, "the driver expects another architecture" },
	{ E2BIG, JH_ERR_COUNTS, "the config's counts give more than the driver accepts (1 MiB)" },
	{ ENOMEM, JH_ERR_HYPERVISOR,
	  "out of kernel memory, or the hypervisor memory cannot be mapped" },
	{ EADDRNOTAVAIL, JH_ERR_MEMORY,
	  "the hypervisor memory is empty, not page aligned or wraps around" },
	{ EADDRINUSE, JH_ERR_MEMORY,
	  "the hypervisor memory overlaps System RAM: reserve it from Linux (mem=, memmap= or a reserved-memory node)" },
	{ EALREADY, JH_ERR_MEMORY,
	  "the hypervisor memory is claimed by another driver (see /proc/iomem)" },
	{ ENOSPC, JH_ERR_MEMORY,
	  "the firmware, per-CPU data and config do not fit into the hypervisor memory (the kernel log gives the sizes)" },
	{ ENOENT, JH_ERR_FIRMWARE,
	  "the driver cannot load jailhouse.bin (install it in /lib/firmware)" },
	{ ELIBBAD, JH_ERR_FIRMWARE,
	  "jailhouse.bin is not a valid hypervisor image (the kernel log names the field)" },
	{ ENOEXEC, JH_ERR_FIRMWARE,
	  "jailhouse.bin and the driver speak different entry protocols: install both from the same build" },
	{ EDOM, JH_ERR_CPU_MISMATCH, "the root cell's CPU set is empty" },
	{ ECHRNG, JH_ERR_CPU_MISMATCH,
	  "an online CPU is not in the root cell's CPU set (the kernel log names it): take it offline or add it to the config" },
	{ ENXIO, JH_ERR_NO_EL2,
	  "EL2 is not available through Linux's hyp stub (Linux runs at EL2 with VHE, or KVM holds it: boot with kvm-arm.mode=none)" },
	{ EPERM, JH_ERR_PERMISSION, "operation not permitted" },
	{ 0, 0, NULL },
};

static const struct errmap disable_map[] = {
	{ EINVAL, JH_ERR_NOT_ENABLED, "the hypervisor is not enabled" },
	{ EBUSY, JH_ERR_BUSY,
	  "a CPU online now never entered the hypervisor, or the hypervisor reports a root CPU failed and only a reboot recovers it (the kernel log names the CPU)" },
	{ EPERM, JH_ERR_REFUSED, "a cell refused to shut down; the hypervisor stays enabled" },
	{ ENOMEM, JH_ERR_HYPERVISOR, "out of kernel memory" },
	{ 0, 0, NULL },
};

static const struct errmap create_map[] = {
	{ EEXIST, JH_ERR_NAME_TAKEN, "a cell with this name already exists" },
	{ EBUSY, JH_ERR_BUSY,
	  "the cell's CPUs or devices are in use (CPUs must belong to the root cell and be able to go offline; a device page or interrupt a Linux driver holds must be freed first; a root CPU the hypervisor reports failed blocks it; the kernel log says which)" },
	{ EADDRINUSE, JH_ERR_MEMORY,
	  "a memory region of the cell overlaps Linux's System RAM (or another cell's memory, or the hypervisor's): reserve cell memory from Linux (mem=, memmap= or a reserved-memory node); see the kernel log" },
	{ EPERM, JH_ERR_REFUSED,
	  "the hypervisor refused (a cell holds the configuration lock?)" },
	{ E2BIG, JH_ERR_HYPERVISOR, "the config is too large for the hypervisor" },
	{ ENOMEM, JH_ERR_HYPERVISOR, "out of memory in the kernel or the hypervisor pool" },
	{ EINVAL, JH_ERR_HYPERVISOR,
	  "the hypervisor rejected the config (memory regions, interrupts or PCI devices it cannot grant; see its console)" },
	{ ENOSYS, JH_ERR_NOT_SUPPORTED, "the driver does not support non-root cells yet" },
	{ 0, 0, NULL },
};

static const struct errmap cell_map[] = {
	{ ENOENT, JH_ERR_CELL_NOT_FOUND, "the cell no longer exists" },
	{ EPERM, JH_ERR_REFUSED,
	  "the cell refused, or another cell holds the configuration lock" },
	{ EBUSY, JH_ERR_HYPERVISOR, "the driver cannot map the cell's memory" },
	{ EIO, JH_ERR_HYPERVISOR,
	  "a CPU of the cell was given up on and may still run it (see the hypervisor console): the cell keeps its CPUs and memory until reboot" },
	{ ENOSYS, JH_ERR_NOT_SUPPORTED, "the driver does not support non-root cells yet" },
	{ 0, 0, NULL },
};

/* CELL_LOAD with images: the driver's checks of each image. */
static const struct errmap load_map[] = {
	{ EADDRNOTAVAIL, JH_ERR_IMAGE,
	  "an image's address is in none of the cell's memory regions" },
	{ EACCES, JH_ERR_IMAGE,
	  "an image's memory region is not loadable and writable" },
	{ EFBIG, JH_ERR_IMAGE, "an image runs past the end of its memory region" },
	{ EADDRINUSE, JH_ERR_IMAGE,
	  "an image's target is Linux's System RAM; the driver does not write over Linux's memory" },
	{ E2BIG, JH_ERR_IMAGE, "too many images in one load" },
	{ ENOMEM, JH_ERR_HYPERVISOR, "the driver cannot map the cell's memory" },
	{ 0, 0, NULL },
};

static const struct errmap *find(const struct errmap *map, int err)
{
	for (; map->text; map++)
		if (map->err == err)
			return map;
	return NULL;
}

static int fail_with(struct jh_ctx *ctx, const char *what, int err,
		     const struct errmap *map)
{
	const struct errmap *m = find(map, err);

	if (!m)
		m = find(common_map, err);
	if (m)
		return jh_fail(ctx, err, m->code, "%s: %s", what, m->text);
	return jh_fail(ctx, err, JH_ERR_HYPERVISOR, "%s: %s", what,
		       strerror(err));
}

int jh_ioctl_fail_enable(struct jh_ctx *ctx, int err)
{
	/* The hypervisor's own refusal comes back as a plain errno. */
	if ((err == EBUSY && jh_is_enabled(ctx) != 1) ||
	    (!find(enable_map, err) && !find(common_map, err)))
		return jh_fail(ctx, err, JH_ERR_HYPERVISOR,
			       "enable: the hypervisor failed to start: %s (see its console)",
			       strerror(err));
	return fail_with(ctx, "enable", err, enable_map);
}

int jh_ioctl_fail_disable(struct jh_ctx *ctx, int err)
{
	return fail_with(ctx, "disable", err, disable_map);
}

int jh_ioctl_fail_create(struct jh_ctx *ctx, const char *src, int err)
{
	return fail_with(ctx, src, err, create_map);
}

int jh_ioctl_fail_cell(struct jh_ctx *ctx, const char *what, int err)
{
	return fail_with(ctx, what, err, cell_map);
}

int jh_ioctl_fail_load(struct jh_ctx *ctx, const char *what, int err)
{
	if (find(load_map, err))
		return fail_with(ctx, what, err, load_map);
	return fail_with(ctx, what, err, cell_map);
}
