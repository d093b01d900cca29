// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Opening /dev/jailhouse (loading the driver if needed) and issuing
 * ioctls. Callers translate ioctl errors: the same errno means different
 * things for different requests.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"

#define NODE_WAIT_MS	2000
#define NODE_POLL_MS	10

JH_EXPORT int jh_is_driver_loaded(struct jh_ctx *ctx)
{
	char path[PATH_MAX];
	struct stat st;

	if (jh_path(ctx, path, JH_SYSFS_DIR))
		return 0;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static void sleep_ms(unsigned int ms)
{
	struct timespec ts = {
		.tv_sec = ms / 1000,
		.tv_nsec = (long)(ms % 1000) * 1000000L,
	};

	nanosleep(&ts, NULL);
}

/* After a modprobe, udev or devtmpfs may need a moment for the node. */
static int open_after_load(const char *path, int flags)
{
	unsigned int waited;
	int fd = -1;

	for (waited = 0; waited <= NODE_WAIT_MS; waited += NODE_POLL_MS) {
		fd = open(path, flags);
		if (fd >= 0 || errno != ENOENT)
			break;
		sleep_ms(NODE_POLL_MS);
	}
	return fd;
}

static int open_fail(struct jh_ctx *ctx, const char *path, int err)
{
	if (err == EACCES || err == EPERM)
		return jh_fail(ctx, err, JH_ERR_PERMISSION,
			       "opening %s: %s (root privileges needed)", path,
			       strerror(err));
	if (err == ENOENT && jh_is_driver_loaded(ctx))
		return jh_fail(ctx, err, JH_ERR_SYSTEM,
			       "opening %s: the driver is loaded but the device node is missing (devtmpfs or udev not running?)",
			       path);
	if (err == ENOENT || err == ENODEV || err == ENXIO)
		return jh_fail(ctx, err, JH_ERR_NO_MODULE,
			       "opening %s: the jailhouse driver is not loaded (modprobe jailhouse)",
			       path);
	return jh_fail(ctx, err, JH_ERR_SYSTEM, "opening %s: %s", path,
		       strerror(err));
}

int jh_dev_open(struct jh_ctx *ctx, int flags)
{
	char path[PATH_MAX];
	int fd, err;

	err = jh_path(ctx, path, JH_DEVICE_PATH);
	if (err)
		return err;

	flags |= O_CLOEXEC;
	fd = open(path, flags);
	if (fd >= 0)
		return fd;
	err = errno;

	if (err == ENOENT && jh_ctx_autoload(ctx) && !jh_is_driver_loaded(ctx)) {
		int ret = jh_module_load(ctx);

		if (ret < 0)
			return ret;
		fd = open_after_load(path, flags);
		if (fd >= 0)
			return fd;
		err = errno;
	}
	return open_fail(ctx, path, err);
}

/*
 * Why the command on fd failed, as the driver put it; upstream's driver
 * has no such request (EINVAL) and leaves the contract's message.
 */
void jh_dev_fetch_reason(struct jh_ctx *ctx, int fd)
{
	struct jailhouse_reason r;
	char *out = jh_ctx_reason(ctx);

	if (ioctl(fd, JAILHOUSE_GET_REASON, &r) < 0)
		return;
	r.text[sizeof(r.text) - 1] = '\0';
	memcpy(out, r.text, sizeof(r.text));
}

/*
 * Returns 0 on success, a negative error (recorded) if the device cannot
 * be opened, or the ioctl's errno as a positive number (not recorded; the
 * driver's reason, if it gave one, in jh_ctx_reason()).
 */
int jh_dev_ioctl(struct jh_ctx *ctx, unsigned long request, void *arg)
{
	int fd, ret, err = 0;

	jh_ctx_reason(ctx)[0] = '\0';
	fd = jh_dev_open(ctx, O_RDWR);
	if (fd < 0)
		return fd;
	ret = ioctl(fd, request, arg);
	if (ret < 0) {
		err = errno;
		jh_dev_fetch_reason(ctx, fd);
	}
	close(fd);
	return err;
}
