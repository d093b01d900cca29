// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The kernel: a raw arm64 Image stays in its source and is read when
 * loaded. An Image.gz stays compressed: planning inflates just its 64-byte
 * Image header and takes the size from the gzip trailer; the rest is
 * inflated piece by piece as it is loaded (or verified), never whole.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

static bool has_magic(const __u8 *p)
{
	return p[56] == 'A' && p[57] == 'R' && p[58] == 'M' && p[59] == 0x64;
}

static __u64 header_image_size(const __u8 *p)
{
	__u64 val = 0;
	int i;

	for (i = 7; i >= 0; i--)
		val = (val << 8) | p[16 + i];
	return val;
}

/*
 * The trailer's ISIZE must agree with the header: at least the header
 * itself, and within image_size if the kernel states one. If not, the
 * whole stream is read to tell a broken file (truncated, data appended,
 * CRC) from a header that lies; only the latter reaches the header check.
 */
static int check_isize(struct jhl_gunzip *gz, const __u8 *head)
{
	__u64 isize = jhl_gunzip_size(gz), image_size;

	image_size = has_magic(head) ? header_image_size(head) : 0;
	if (isize >= JHL_IMAGE_HDR_SIZE && (!image_size || isize <= image_size))
		return 0;
	return jhl_gunzip_verify(gz);
}

static int load_gzip(struct jhl_ctx *ctx, const struct jhl_source *src,
		     __u64 max_size, struct jhl_kernel *kernel)
{
	__u8 head[JHL_IMAGE_HDR_SIZE];
	char name[256];
	size_t got;
	int err;

	snprintf(name, sizeof(name), "%s (decompressed)", src->name);
	err = jhl_gunzip_open(ctx, src, max_size, &kernel->gz);
	if (err)
		return err;
	kernel->gzip = true;
	kernel->size = jhl_gunzip_size(kernel->gz);
	err = jhl_gunzip_head(kernel->gz, head, sizeof(head), &got);
	if (!err && got == sizeof(head))
		err = check_isize(kernel->gz, head);
	if (err)
		return err;
	/* a short Image passed the stream checks: its size is @got */
	return jhl_image_parse(ctx, name, head, got,
			       got < sizeof(head) ? got : kernel->size,
			       &kernel->hdr);
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
	if (jhl_is_gzip(head, len)) {
		err = load_gzip(ctx, src, max_size, kernel);
		if (err)
			jhl_kernel_release(kernel);
		return err;
	}
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
	jhl_gunzip_close(kernel->gz);
	kernel->gz = NULL;
}
