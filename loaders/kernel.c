// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The kernel: a raw arm64 Image stays in its source and is read when
 * loaded; an Image.gz is inflated into memory, its header checked as soon
 * as the first bytes are out.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct inflated_check {
	struct jhl_ctx *ctx;
	char name[256];
	struct jhl_image_hdr *hdr;
};

static int check_inflated(void *arg, const void *buf, size_t len,
			  __u64 total)
{
	struct inflated_check *c = arg;

	return jhl_image_parse(c->ctx, c->name, buf, len, total, c->hdr);
}

static int load_gzip(struct jhl_ctx *ctx, const struct jhl_source *src,
		     __u64 max_size, struct jhl_kernel *kernel)
{
	struct inflated_check c = { .ctx = ctx, .hdr = &kernel->hdr };
	void *buf;
	int err;

	snprintf(c.name, sizeof(c.name), "%s (decompressed)", src->name);
	err = jhl_gunzip(ctx, src, max_size, check_inflated, &c, &buf,
			 &kernel->size);
	if (err)
		return err;
	kernel->buf = buf;
	kernel->gzip = true;
	return 0;
}

int jhl_kernel_load(struct jhl_ctx *ctx, const struct jhl_source *src,
		    __u64 max_size, struct jhl_kernel *kernel)
{
	__u8 head[JHL_IMAGE_HDR_SIZE];
	size_t len;
	int err;

	memset(kernel, 0, sizeof(*kernel));
	len = src->size < sizeof(head) ? src->size : sizeof(head);
	err = jhl_source_read(src, head, len, 0);
	if (err) {
		jhl_err(ctx, "%s: cannot read: %s", src->name, strerror(-err));
		return err;
	}
	if (jhl_is_gzip(head, len))
		return load_gzip(ctx, src, max_size, kernel);

	err = jhl_image_parse(ctx, src->name, head, len, src->size,
			      &kernel->hdr);
	if (err)
		return err;
	kernel->src = src;
	kernel->size = src->size;
	return 0;
}

void jhl_kernel_release(struct jhl_kernel *kernel)
{
	free(kernel->buf);
	kernel->buf = NULL;
}
