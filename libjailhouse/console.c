// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Readers of the hypervisor console: read() on /dev/jailhouse, each open
 * file with its own position, and the sysfs snapshot of the whole ring.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

#define JH_CONSOLE_LOG_MAX	(1u << 20)

struct jh_console {
	struct jh_ctx *ctx;
	int fd;
};

JH_EXPORT int jh_console_open(struct jh_ctx *ctx, unsigned int flags,
			      struct jh_console **out)
{
	struct jh_console *con;
	int fd;

	if (flags & ~JH_CONSOLE_NONBLOCK)
		return jh_fail(ctx, EINVAL, JH_ERR_INVALID_ARGUMENT,
			       "unknown console flags 0x%x", flags);
	con = calloc(1, sizeof(*con));
	if (!con)
		return jh_fail_nomem(ctx);
	fd = jh_dev_open(ctx, O_RDONLY |
			 ((flags & JH_CONSOLE_NONBLOCK) ? O_NONBLOCK : 0));
	if (fd < 0) {
		free(con);
		return fd;
	}
	con->fd = fd;
	con->ctx = jh_ctx_ref(ctx);
	*out = con;
	return 0;
}

JH_EXPORT void jh_console_close(struct jh_console *con)
{
	if (!con)
		return;
	close(con->fd);
	jh_ctx_unref(con->ctx);
	free(con);
}

JH_EXPORT int jh_console_get_fd(const struct jh_console *con)
{
	return con->fd;
}

static int console_fail(struct jh_ctx *ctx, int err)
{
	switch (err) {
	case EAGAIN:
		return jh_fail(ctx, err, JH_ERR_NO_CONSOLE,
			       "no hypervisor console: the hypervisor was not enabled since the driver was loaded");
	case EPERM:
		return jh_fail(ctx, err, JH_ERR_NO_CONSOLE,
			       "the system config does not let the root cell read the hypervisor console (system flag VIRTUAL_DEBUG_CONSOLE)");
	case EINTR:
		return jh_fail(ctx, err, JH_ERR_SYSTEM,
			       "reading the hypervisor console: interrupted");
	default:
		return jh_fail(ctx, err, JH_ERR_SYSTEM,
			       "reading the hypervisor console: %s",
			       strerror(err));
	}
}

JH_EXPORT ssize_t jh_console_read(struct jh_console *con, void *buf,
				  size_t size)
{
	ssize_t n;

	n = read(con->fd, buf, size);
	if (n < 0)
		return console_fail(con->ctx, errno);
	return n;
}

JH_EXPORT int jh_console_get_log(struct jh_ctx *ctx, char **text)
{
	char path[PATH_MAX];
	size_t size;
	char *data;
	int err;

	err = jh_path(ctx, path, JH_SYSFS_DIR "/console");
	if (err)
		return err;
	if (!jh_is_driver_loaded(ctx))
		return jh_fail(ctx, ENOENT, JH_ERR_NO_MODULE,
			       "no hypervisor console: the jailhouse driver is not loaded");
	err = jh_read_file(ctx, path, JH_CONSOLE_LOG_MAX, (void **)&data, &size);
	if (err == -EPERM)
		return console_fail(ctx, EPERM);
	if (err)
		return err;
	/* jh_read_file leaves one spare byte for this. */
	data[size] = '\0';
	*text = data;
	return 0;
}
