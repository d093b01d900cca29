// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Input bytes from memory or from a file. Files are read on demand with
 * pread(), so a large initrd is never held in memory as a whole.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

#define SLURP_MAX	(1ULL << 32)	/* no kernel or initrd is that big */

/* Pipes (-i <(zcat ...)) cannot be pread: keep their bytes. */
static int slurp(struct jhl_source *src, int fd)
{
	size_t cap = 1 << 20, len = 0;
	char *buf = NULL, *bigger;
	ssize_t n;

	for (;;) {
		if (!buf || len == cap) {
			cap = buf ? cap * 2 : cap;
			bigger = cap <= SLURP_MAX ? realloc(buf, cap) : NULL;
			if (!bigger) {
				free(buf);
				return -ENOMEM;
			}
			buf = bigger;
		}
		n = read(fd, buf + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			free(buf);
			return -errno;
		}
		if (!n)
			break;
		len += n;
	}
	src->data = src->own_buf = buf;
	src->size = len;
	return 0;
}

int jhl_source_open(struct jhl_source *src, const char *path)
{
	struct stat st;
	int fd, err;

	memset(src, 0, sizeof(*src));
	src->fd = -1;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	if (fstat(fd, &st) < 0) {
		err = -errno;
		close(fd);
		return err;
	}
	if (S_ISDIR(st.st_mode)) {
		close(fd);
		return -EISDIR;
	}
	src->name = path;
	if (!S_ISREG(st.st_mode)) {
		err = slurp(src, fd);
		close(fd);
		return err;
	}
	src->fd = fd;
	src->size = st.st_size;
	src->own_fd = true;
	return 0;
}

void jhl_source_mem(struct jhl_source *src, const char *name,
		    const void *data, size_t size)
{
	memset(src, 0, sizeof(*src));
	src->name = name;
	src->data = data;
	src->size = size;
	src->fd = -1;
}

void jhl_source_close(struct jhl_source *src)
{
	if (src->own_fd && src->fd >= 0)
		close(src->fd);
	free(src->own_buf);
	src->own_buf = NULL;
	src->fd = -1;
	src->own_fd = false;
}

int jhl_source_read(const struct jhl_source *src, void *buf, size_t len,
		    __u64 off)
{
	size_t done = 0;
	ssize_t n;

	if (off > src->size || len > src->size - off)
		return -EIO;
	if (src->data) {
		memcpy(buf, (const char *)src->data + off, len);
		return 0;
	}
	while (done < len) {
		n = pread(src->fd, (char *)buf + done, len - done, off + done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		if (n == 0)
			return -EIO;	/* the file shrank under us */
		done += n;
	}
	return 0;
}
