// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Streamed inflate of a single-member gzip file (RFC 1952) with zlib. The
 * header and trailer are parsed here, not by zlib, so that each failure
 * gets its own message: the output buffer is sized from the trailer's
 * ISIZE up front, the data must end exactly at the trailer, and CRC-32
 * and length are compared against it.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "internal.h"

#define GZ_CHUNK	(256 * 1024)	/* compressed bytes read at once */
#define GZ_OUT_SLICE	(1024 * 1024)	/* so a bad header is seen early */
#define GZ_MAX_RATIO	1032		/* deflate's best case */
#define GZ_MAX_OUT	0x7fffffffULL
#define GZ_MIN_SIZE	18		/* header 10, empty block 0, trailer 8 */

#define FTEXT		0x01
#define FHCRC		0x02
#define FEXTRA		0x04
#define FNAME		0x08
#define FCOMMENT	0x10
#define FRESERVED	0xe0

struct gz {
	struct jhl_ctx *ctx;
	const struct jhl_source *src;
	const char *name;
	z_stream zs;
	__u8 *chunk;		/* read buffer for file sources */
	__u64 in_pos;		/* next source byte to feed */
	__u64 in_end;		/* start of the trailer */
	__u32 crc, want_crc;
	__u64 isize;
	__u8 *out;
	__u64 out_len;
	bool checked;
	jhl_gunzip_check_fn check;
	void *check_arg;
};

bool jhl_is_gzip(const void *buf, size_t len)
{
	const __u8 *p = buf;

	return len >= 2 && p[0] == 0x1f && p[1] == 0x8b;
}

static __u32 get_le32(const __u8 *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (__u32)p[3] << 24;
}

static int skip_zstring(const __u8 *p, size_t len, size_t *pos)
{
	const __u8 *nul;

	if (*pos >= len)
		return -1;
	nul = memchr(p + *pos, 0, len - *pos);
	if (!nul)
		return -1;
	*pos = nul - p + 1;
	return 0;
}

/* Parse the member header in @p (the first bytes of the file). */
static int parse_header(struct gz *gz, const __u8 *p, size_t len,
			size_t *hdr_len)
{
	size_t pos = 10;
	__u8 flg;

	if (!jhl_is_gzip(p, len)) {
		jhl_err(gz->ctx, "%s: not gzip data", gz->name);
		return -EINVAL;
	}
	if (p[2] != 8) {
		jhl_err(gz->ctx, "%s: gzip compression method %u, only deflate (8) exists",
			gz->name, p[2]);
		return -EBADMSG;
	}
	flg = p[3];
	if (flg & FRESERVED) {
		jhl_err(gz->ctx, "%s: gzip header has reserved flags 0x%02x set",
			gz->name, flg & FRESERVED);
		return -EBADMSG;
	}
	if (flg & FEXTRA)
		pos = len < pos + 2 ? len + 1 : pos + 2 + (p[pos] | p[pos + 1] << 8);
	if ((flg & FNAME) && skip_zstring(p, len, &pos))
		pos = len + 1;
	if ((flg & FCOMMENT) && skip_zstring(p, len, &pos))
		pos = len + 1;
	if (flg & FHCRC) {
		if (pos + 2 <= len &&
		    (crc32(0, p, pos) & 0xffff) != (__u32)(p[pos] | p[pos + 1] << 8)) {
			jhl_err(gz->ctx, "%s: gzip header CRC mismatch", gz->name);
			return -EBADMSG;
		}
		pos += 2;
	}
	if (pos > len) {
		jhl_err(gz->ctx, "%s: gzip header truncated (or longer than %d KiB)",
			gz->name, GZ_CHUNK / 1024);
		return -EBADMSG;
	}
	*hdr_len = pos;
	return 0;
}

static int read_trailer(struct gz *gz, __u64 max_size)
{
	__u64 size = gz->src->size;
	__u8 t[8];
	int err;

	err = jhl_source_read(gz->src, t, sizeof(t), size - 8);
	if (err) {
		jhl_err(gz->ctx, "%s: cannot read: %s", gz->name, strerror(-err));
		return err;
	}
	gz->want_crc = get_le32(t);
	gz->isize = get_le32(t + 4);
	if (gz->isize > (size - GZ_MIN_SIZE) * GZ_MAX_RATIO + 1024) {
		jhl_err(gz->ctx, "%s: gzip trailer says %llu bytes, impossible for %llu compressed bytes: truncated or corrupt file",
			gz->name, (unsigned long long)gz->isize,
			(unsigned long long)size);
		return -EBADMSG;
	}
	if (gz->isize > max_size || gz->isize > GZ_MAX_OUT) {
		struct jhl_size_str want = jhl_size(gz->isize);

		jhl_err(gz->ctx, "%s: gzip trailer says %s decompressed, more than the %s the cell can hold (or the file is truncated)",
			gz->name, want.s, jhl_size(max_size).s);
		return -EFBIG;
	}
	return 0;
}

/* Hand the next compressed bytes to zlib; false if there are none. */
static int feed(struct gz *gz)
{
	size_t len = gz->in_end - gz->in_pos;
	int err;

	if (!len)
		return 0;
	if (gz->src->data) {
		if (len > 0x40000000)
			len = 0x40000000;
		gz->zs.next_in = (Bytef *)gz->src->data + gz->in_pos;
	} else {
		if (len > GZ_CHUNK)
			len = GZ_CHUNK;
		err = jhl_source_read(gz->src, gz->chunk, len, gz->in_pos);
		if (err) {
			jhl_err(gz->ctx, "%s: cannot read: %s", gz->name,
				strerror(-err));
			return err;
		}
		gz->zs.next_in = gz->chunk;
	}
	gz->zs.avail_in = len;
	gz->in_pos += len;
	return 1;
}

static int run_check(struct gz *gz)
{
	gz->checked = true;
	if (!gz->check)
		return 0;
	return gz->check(gz->check_arg, gz->out, gz->out_len, gz->isize);
}

static int inflate_error(struct gz *gz, int ret)
{
	__u64 at = gz->in_pos - gz->zs.avail_in;

	if (ret == Z_MEM_ERROR) {
		jhl_err(gz->ctx, "%s: out of memory while inflating", gz->name);
		return -ENOMEM;
	}
	jhl_err(gz->ctx, "%s: corrupt gzip data near byte %llu (%s)", gz->name,
		(unsigned long long)at, gz->zs.msg ? gz->zs.msg : "no detail");
	return -EBADMSG;
}

static int trailing_data(struct gz *gz)
{
	__u64 end = gz->in_pos - gz->zs.avail_in;

	jhl_err(gz->ctx, "%s: %llu bytes of other data between the deflate stream and the gzip trailer (concatenated or padded file?)",
		gz->name, (unsigned long long)(gz->in_end - end));
	return -EBADMSG;
}

/*
 * More output than ISIZE: the last 8 bytes are not this stream's trailer.
 * Inflate on into scratch to tell a file with something appended (the
 * stream ends early) from a truncated one.
 */
static int overrun(struct gz *gz)
{
	__u8 scratch[4096];
	int ret = Z_OK;

	while (ret == Z_OK || (ret == Z_BUF_ERROR && feed(gz) > 0)) {
		gz->zs.next_out = scratch;
		gz->zs.avail_out = sizeof(scratch);
		ret = inflate(&gz->zs, Z_NO_FLUSH);
	}
	if (ret == Z_STREAM_END && gz->in_pos - gz->zs.avail_in < gz->in_end)
		return trailing_data(gz);
	jhl_err(gz->ctx, "%s: decompresses to more than the %llu bytes its gzip trailer states: truncated or corrupt file",
		gz->name, (unsigned long long)gz->isize);
	return -EBADMSG;
}

/* One inflate call into the next slice of the output buffer. */
static int step(struct gz *gz)
{
	__u64 room = gz->isize + 1 - gz->out_len;	/* +1 catches overruns */
	__u8 *start = gz->out + gz->out_len;
	int ret, err;

	gz->zs.next_out = start;
	gz->zs.avail_out = room < GZ_OUT_SLICE ? room : GZ_OUT_SLICE;
	ret = inflate(&gz->zs, Z_NO_FLUSH);
	gz->out_len += gz->zs.next_out - start;
	gz->crc = crc32(gz->crc, start, gz->zs.next_out - start);
	if (gz->out_len > gz->isize)
		return overrun(gz);
	if (!gz->checked && gz->out_len >= JHL_IMAGE_HDR_SIZE) {
		err = run_check(gz);
		if (err)
			return err;
	}
	if (ret == Z_STREAM_END)
		return 1;
	if (ret == Z_BUF_ERROR && !gz->zs.avail_in) {
		err = feed(gz);
		if (err < 0)
			return err;
		if (!err) {
			jhl_err(gz->ctx, "%s: gzip data ends early: truncated file",
				gz->name);
			return -EBADMSG;
		}
		return 0;
	}
	if (ret != Z_OK && ret != Z_BUF_ERROR)
		return inflate_error(gz, ret);
	return 0;
}

static int finish(struct gz *gz)
{
	if (gz->in_pos - gz->zs.avail_in != gz->in_end)
		return trailing_data(gz);
	if (gz->out_len != gz->isize) {
		jhl_err(gz->ctx, "%s: decompressed to %llu bytes, its gzip trailer says %llu: corrupt file",
			gz->name, (unsigned long long)gz->out_len,
			(unsigned long long)gz->isize);
		return -EBADMSG;
	}
	if (gz->crc != gz->want_crc) {
		jhl_err(gz->ctx, "%s: CRC-32 mismatch (data 0x%08x, trailer 0x%08x): corrupt file",
			gz->name, gz->crc, gz->want_crc);
		return -EBADMSG;
	}
	return gz->checked ? 0 : run_check(gz);
}

static int start(struct gz *gz)
{
	size_t first = gz->src->size - 8 < GZ_CHUNK ? gz->src->size - 8 : GZ_CHUNK;
	const __u8 *head;
	size_t hdr_len;
	int err;

	if (gz->src->data) {
		head = gz->src->data;
	} else {
		err = jhl_source_read(gz->src, gz->chunk, first, 0);
		if (err) {
			jhl_err(gz->ctx, "%s: cannot read: %s", gz->name,
				strerror(-err));
			return err;
		}
		head = gz->chunk;
	}
	err = parse_header(gz, head, first, &hdr_len);
	if (err)
		return err;
	gz->in_pos = hdr_len;
	gz->in_end = gz->src->size - 8;
	if (inflateInit2(&gz->zs, -MAX_WBITS) != Z_OK) {
		jhl_err(gz->ctx, "%s: cannot set up zlib", gz->name);
		return -ENOMEM;
	}
	gz->crc = crc32(0, NULL, 0);
	err = feed(gz);
	return err < 0 ? err : 0;
}

static int run(struct gz *gz, __u64 max_size)
{
	int err;

	if (gz->src->size < GZ_MIN_SIZE) {
		jhl_err(gz->ctx, "%s: %llu bytes, too short for a gzip file: truncated",
			gz->name, (unsigned long long)gz->src->size);
		return -EBADMSG;
	}
	if (!gz->src->data) {
		gz->chunk = malloc(GZ_CHUNK);
		if (!gz->chunk)
			return -ENOMEM;
	}
	err = read_trailer(gz, max_size);
	if (err)
		return err;
	gz->out = malloc(gz->isize + 1);
	if (!gz->out)
		return -ENOMEM;
	err = start(gz);
	while (!err)
		err = step(gz);
	return err < 0 ? err : finish(gz);
}

int jhl_gunzip(struct jhl_ctx *ctx, const struct jhl_source *src,
	       __u64 max_size, jhl_gunzip_check_fn check, void *check_arg,
	       void **out, __u64 *out_size)
{
	struct gz gz = {
		.ctx = ctx,
		.src = src,
		.name = src->name ? src->name : "kernel",
		.check = check,
		.check_arg = check_arg,
	};
	int err;

	err = run(&gz, max_size);
	if (gz.zs.state)
		inflateEnd(&gz.zs);
	free(gz.chunk);
	if (err) {
		free(gz.out);
		return err;
	}
	*out = gz.out;
	*out_size = gz.out_len;
	return 0;
}
