// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Reading the driver's sysfs attributes and whole files.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

static ssize_t read_all(int fd, char *buf, size_t size)
{
	size_t done = 0;
	ssize_t n;

	while (done < size) {
		n = read(fd, buf + done, size - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		if (n == 0)
			break;
		done += (size_t)n;
	}
	return (ssize_t)done;
}

static int sysfs_errno_fail(struct jh_ctx *ctx, const char *path, int err)
{
	if (err == EACCES || err == EPERM)
		return jh_fail(ctx, err, JH_ERR_PERMISSION, "reading %s: %s",
			       path, strerror(err));
	return jh_fail(ctx, err, JH_ERR_SYSTEM, "reading %s: %s", path,
		       strerror(err));
}

/*
 * Opens "<root>/sys/devices/jailhouse/<rel>" (its path left in @path for
 * messages): the descriptor, or a negative errno, reported unless it is
 * -ENOENT and @enoent_quiet.
 */
static int sysfs_open(struct jh_ctx *ctx, const char *rel, char *path,
		      bool enoent_quiet)
{
	int fd, err;

	err = jh_path(ctx, path, JH_SYSFS_DIR "/%s", rel);
	if (err)
		return err;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0)
		return fd;
	if (errno == ENOENT && enoent_quiet)
		return -ENOENT;
	return sysfs_errno_fail(ctx, path, errno);
}

/*
 * Reads a text attribute from @fd into @buf, NUL-terminated, with one
 * trailing newline removed, and closes @fd. A text attribute comes whole
 * from the first read (sysfs renders it at once; the fake driver's files
 * are regular files), so there is no second read to see the end.
 */
static int read_text(struct jh_ctx *ctx, int fd, const char *path,
		     char *buf, size_t size)
{
	ssize_t len;

	do
		len = read(fd, buf, size - 1);
	while (len < 0 && errno == EINTR);
	if (len < 0)
		len = -errno;
	close(fd);
	if (len < 0)
		return sysfs_errno_fail(ctx, path, (int)-len);

	if (len > 0 && buf[len - 1] == '\n')
		len--;
	buf[len] = '\0';
	return (int)len;
}

/*
 * Reads "<root>/sys/devices/jailhouse/<rel>" into @buf, NUL-terminated,
 * with one trailing newline removed. Returns the length.
 */
int jh_sysfs_read(struct jh_ctx *ctx, const char *rel, char *buf,
		  size_t size)
{
	char path[PATH_MAX];
	int fd;

	fd = sysfs_open(ctx, rel, path, false);
	if (fd < 0)
		return fd;
	return read_text(ctx, fd, path, buf, size);
}

static int parse_u64(struct jh_ctx *ctx, const char *path, const char *buf,
		     int len, uint64_t *val)
{
	unsigned long long v;
	char *end;

	errno = 0;
	v = strtoull(buf, &end, 10);
	if (len == 0 || *end != '\0' || errno || buf[0] == '-')
		return jh_fail(ctx, EPROTO, JH_ERR_HYPERVISOR,
			       "%s: '%s' is not a number", path, buf);
	*val = v;
	return 0;
}

int jh_sysfs_read_u64(struct jh_ctx *ctx, const char *rel, uint64_t *val)
{
	char path[PATH_MAX], buf[32];
	int fd, len;

	fd = sysfs_open(ctx, rel, path, false);
	if (fd < 0)
		return fd;
	len = read_text(ctx, fd, path, buf, sizeof(buf));
	if (len < 0)
		return len;
	return parse_u64(ctx, path, buf, len, val);
}

/*
 * Reads the number in @name below the directory @dirfd, whose path @dir
 * names it in messages: a walk of one or two path components instead of
 * the whole path, for callers that read many files of one directory.
 * -ENOENT is returned unreported.
 */
int jh_sysfs_read_u64_at(struct jh_ctx *ctx, int dirfd, const char *dir,
			 const char *name, uint64_t *val)
{
	char path[PATH_MAX], buf[32];
	int fd, len;

	fd = openat(dirfd, name, O_RDONLY | O_CLOEXEC);
	if (fd < 0 && errno == ENOENT)
		return -ENOENT;
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (fd < 0)
		return sysfs_errno_fail(ctx, path, errno);
	len = read_text(ctx, fd, path, buf, sizeof(buf));
	if (len < 0)
		return len;
	return parse_u64(ctx, path, buf, len, val);
}

/*
 * Reads @fd to its end, at most @max bytes, into a new buffer with room
 * for a NUL after the data; closes @fd. The buffer grows as the data
 * comes, from 64 KiB: most files read so are far below their @max.
 */
static int read_to_end(struct jh_ctx *ctx, int fd, const char *path,
		       size_t max, void **data, size_t *size)
{
	size_t cap = max < 65536 ? max + 1 : 65536, len = 0;
	char *buf = NULL, *more;
	ssize_t n;

	/* one more than allowed tells a file that is too long */
	for (;;) {
		more = realloc(buf, cap);
		if (!more) {
			free(buf);
			close(fd);
			return jh_fail_nomem(ctx);
		}
		buf = more;
		n = read_all(fd, buf + len, cap - len);
		if (n < 0)
			break;
		len += (size_t)n;
		if (len < cap || cap == max + 1)
			break;
		cap = cap > (max + 1) / 2 ? max + 1 : cap * 2;
	}
	close(fd);
	if (n < 0 || len > max) {
		free(buf);
		if (n < 0)
			return sysfs_errno_fail(ctx, path, (int)-n);
		return jh_fail(ctx, EFBIG, JH_ERR_HYPERVISOR,
			       "%s: more than %zu bytes", path, max);
	}
	*data = buf;
	*size = len;
	return 0;
}

/*
 * Reads a binary attribute below the driver's sysfs directory into a new
 * buffer: sysfs gives binary attributes no size, so it reads to the end,
 * at most @max bytes.
 */
int jh_sysfs_read_bin(struct jh_ctx *ctx, const char *rel, size_t max,
		      void **data, size_t *size)
{
	char path[PATH_MAX];
	int fd;

	fd = sysfs_open(ctx, rel, path, true);
	if (fd < 0)
		return fd;
	return read_to_end(ctx, fd, path, max, data, size);
}

/*
 * Reads a file whose size stat() does not tell (/proc, sysfs) to its end,
 * at most @max bytes; the buffer has room for a NUL after the data.
 */
int jh_read_pseudo_file(struct jh_ctx *ctx, const char *path, size_t max,
			void **data, size_t *size)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return sysfs_errno_fail(ctx, path, errno);
	return read_to_end(ctx, fd, path, max, data, size);
}

/* Reads a whole regular file of at most @max bytes into a new buffer. */
int jh_read_file(struct jh_ctx *ctx, const char *path, size_t max,
		 void **data, size_t *size)
{
	struct stat st;
	ssize_t len;
	char *buf;
	int fd, err;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		goto err_errno;
	if (fstat(fd, &st) < 0)
		goto err_errno_close;
	if (!S_ISREG(st.st_mode)) {
		err = jh_fail(ctx, EINVAL, JH_ERR_INVALID_ARGUMENT,
			      "%s: not a regular file", path);
		goto err_close;
	}
	if ((uintmax_t)st.st_size > max) {
		err = jh_fail(ctx, EFBIG, JH_ERR_INVALID_ARGUMENT,
			      "%s: %jd bytes, more than the %zu allowed", path,
			      (intmax_t)st.st_size, max);
		goto err_close;
	}

	/* One spare byte keeps an empty file from being malloc(0). */
	buf = malloc((size_t)st.st_size + 1);
	if (!buf) {
		err = jh_fail_nomem(ctx);
		goto err_close;
	}
	len = read_all(fd, buf, (size_t)st.st_size);
	if (len < 0) {
		err = jh_fail(ctx, (int)-len, JH_ERR_SYSTEM, "reading %s: %s",
			      path, strerror((int)-len));
		goto err_free;
	}
	close(fd);
	*data = buf;
	*size = (size_t)len;
	return 0;

err_errno_close:
	err = errno;
	close(fd);
	errno = err;
err_errno:
	err = errno;
	return jh_fail(ctx, err,
		       err == EACCES ? JH_ERR_PERMISSION : JH_ERR_SYSTEM,
		       "opening %s: %s", path, strerror(err));
err_free:
	free(buf);
err_close:
	close(fd);
	return err;
}
