// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Streamed inflate of a single-member gzip file (RFC 1952) with zlib. The
 * header and trailer are parsed here, not by zlib, so that each failure
 * gets its own message. Opening reads only the header and the trailer
 * (CRC-32 and ISIZE); the inflated bytes are handed out piece by piece,
 * in one pass when read in order, and never held whole. The stream is
 * checked when its last byte is read: the deflate data must end there,
 * exactly at the trailer, with CRC-32 and length as the trailer says.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "zlib-dl.h"

#include "internal.h"

#define GZ_CHUNK	(256 * 1024)	/* compressed bytes read at once */
#define GZ_SCRATCH	(64 * 1024)	/* output skipped or checked */
#define GZ_MAX_RATIO	1032		/* deflate's best case */
#define GZ_MIN_SIZE	18		/* header 10, empty block 0, trailer 8 */
#define GZ_MAX_STEP	(1U << 30)	/* zlib counts in uInt */

#define FTEXT		0x01
#define FHCRC		0x02
#define FEXTRA		0x04
#define FNAME		0x08
#define FCOMMENT	0x10
#define FRESERVED	0xe0

struct jhl_gunzip {
	struct jhl_ctx *ctx;
	const struct jhl_source *src;
	const char *name;
	struct jh_zlib z;
	z_stream zs;
	bool zs_ready;
	__u8 *chunk;		/* read buffer for file sources */
	__u8 *scratch;		/* GZ_SCRATCH bytes, allocated when needed */
	__u64 data_start;	/* first byte of the deflate data */
	__u64 in_pos;		/* next source byte to feed */
	__u64 in_end;		/* start of the trailer */
	__u32 crc, want_crc;
	__u64 isize;
	__u64 out_pos;		/* inflated bytes handed out or skipped */
	bool ended;		/* zlib saw the end of the deflate stream */
	bool broken;		/* a failure: start again before reading */
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

static int read_fail(struct jhl_gunzip *gz, int err)
{
	jhl_err(gz->ctx, "%s: cannot read: %s", gz->name, strerror(-err));
	return err;
}

/* Parse the member header in @p (the first bytes of the file). */
static int parse_header(struct jhl_gunzip *gz, const __u8 *p, size_t len,
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
		    (gz->z.crc32(0, p, pos) & 0xffff) != (__u32)(p[pos] | p[pos + 1] << 8)) {
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

static int read_header(struct jhl_gunzip *gz)
{
	size_t first = gz->src->size - 8 < GZ_CHUNK ? gz->src->size - 8 : GZ_CHUNK;
	const __u8 *head;
	size_t hdr_len;
	int err;

	if (gz->src->data) {
		head = gz->src->data;
	} else {
		err = jhl_source_read(gz->src, gz->chunk, first, 0);
		if (err)
			return read_fail(gz, err);
		head = gz->chunk;
	}
	err = parse_header(gz, head, first, &hdr_len);
	if (err)
		return err;
	gz->data_start = hdr_len;
	gz->in_end = gz->src->size - 8;
	return 0;
}

/*
 * ISIZE is the length modulo 2^32: a 4 GiB Image or larger cannot be told
 * from its trailer, and fails the length check at the end.
 */
static int read_trailer(struct jhl_gunzip *gz, __u64 max_size)
{
	__u64 size = gz->src->size;
	__u8 t[8];
	int err;

	err = jhl_source_read(gz->src, t, sizeof(t), size - 8);
	if (err)
		return read_fail(gz, err);
	gz->want_crc = get_le32(t);
	gz->isize = get_le32(t + 4);
	if (gz->isize > (size - GZ_MIN_SIZE) * GZ_MAX_RATIO + 1024) {
		jhl_err(gz->ctx, "%s: gzip trailer says %llu bytes, impossible for %llu compressed bytes: truncated or corrupt file",
			gz->name, (unsigned long long)gz->isize,
			(unsigned long long)size);
		return -EBADMSG;
	}
	if (gz->isize > max_size) {
		struct jhl_size_str want = jhl_size(gz->isize);

		jhl_err(gz->ctx, "%s: gzip trailer says %s decompressed, more than the %s the cell can hold (or the file is truncated)",
			gz->name, want.s, jhl_size(max_size).s);
		return -EFBIG;
	}
	return 0;
}

/* Back to the first byte of the deflate data. */
static int restart(struct jhl_gunzip *gz)
{
	if (gz->zs_ready) {
		gz->z.inflate_reset(&gz->zs);
	} else {
		if (jh_zlib_inflate_init2(&gz->z, &gz->zs, -MAX_WBITS) != Z_OK) {
			jhl_err(gz->ctx, "%s: cannot set up zlib", gz->name);
			return -ENOMEM;
		}
		gz->zs_ready = true;
	}
	gz->zs.avail_in = 0;
	gz->in_pos = gz->data_start;
	gz->out_pos = 0;
	gz->crc = gz->z.crc32(0, NULL, 0);
	gz->ended = false;
	gz->broken = false;
	return 0;
}

/* Hand the next compressed bytes to zlib; 0 if there are none. */
static int feed(struct jhl_gunzip *gz)
{
	__u64 len = gz->in_end - gz->in_pos;
	int err;

	if (!len)
		return 0;
	if (gz->src->data) {
		if (len > GZ_MAX_STEP)
			len = GZ_MAX_STEP;
		gz->zs.next_in = (Bytef *)gz->src->data + gz->in_pos;
	} else {
		if (len > GZ_CHUNK)
			len = GZ_CHUNK;
		err = jhl_source_read(gz->src, gz->chunk, len, gz->in_pos);
		if (err)
			return read_fail(gz, err);
		gz->zs.next_in = gz->chunk;
	}
	gz->zs.avail_in = len;
	gz->in_pos += len;
	return 1;
}

static __u64 consumed(const struct jhl_gunzip *gz)
{
	return gz->in_pos - gz->zs.avail_in;
}

static int truncated(struct jhl_gunzip *gz)
{
	jhl_err(gz->ctx, "%s: gzip data ends early, after %llu decompressed bytes of %llu: truncated file",
		gz->name, (unsigned long long)gz->out_pos,
		(unsigned long long)gz->isize);
	return -EBADMSG;
}

static int inflate_error(struct jhl_gunzip *gz, int ret)
{
	if (ret == Z_MEM_ERROR) {
		jhl_err(gz->ctx, "%s: out of memory while inflating", gz->name);
		return -ENOMEM;
	}
	jhl_err(gz->ctx, "%s: corrupt gzip data near byte %llu (%s)", gz->name,
		(unsigned long long)consumed(gz),
		gz->zs.msg ? gz->zs.msg : "no detail");
	return -EBADMSG;
}

/*
 * Inflate up to @len bytes into @buf (all of them unless the deflate
 * stream ends first); *@got says how many came out.
 */
static int pull(struct jhl_gunzip *gz, __u8 *buf, size_t len, size_t *got)
{
	size_t done = 0, n;
	int ret, err;

	while (done < len && !gz->ended) {
		if (!gz->zs.avail_in) {
			err = feed(gz);
			if (err < 0)
				return err;
			/*
			 * Even with all input taken, zlib may still hold
			 * output (the tail of a match, the end code): only
			 * an inflate that cannot go on means truncation.
			 */
		}
		n = len - done < GZ_MAX_STEP ? len - done : GZ_MAX_STEP;
		gz->zs.next_out = buf + done;
		gz->zs.avail_out = n;
		ret = gz->z.inflate(&gz->zs, Z_NO_FLUSH);
		n -= gz->zs.avail_out;
		gz->crc = gz->z.crc32(gz->crc, buf + done, n);
		gz->out_pos += n;
		done += n;
		if (ret == Z_STREAM_END)
			gz->ended = true;
		else if (ret == Z_BUF_ERROR && !gz->zs.avail_in &&
			 gz->in_pos == gz->in_end)
			return truncated(gz);
		else if (ret != Z_OK && (ret != Z_BUF_ERROR || gz->zs.avail_in))
			return inflate_error(gz, ret);
	}
	*got = done;
	return 0;
}

static int get_scratch(struct jhl_gunzip *gz)
{
	if (!gz->scratch)
		gz->scratch = malloc(GZ_SCRATCH);
	if (gz->scratch)
		return 0;
	jhl_err(gz->ctx, "%s: no memory for a %d KiB inflate buffer", gz->name,
		GZ_SCRATCH / 1024);
	return -ENOMEM;
}

/* Inflate and discard until the output reaches @pos or the stream ends. */
static int skip_to(struct jhl_gunzip *gz, __u64 pos)
{
	size_t len, got;
	int err;

	err = get_scratch(gz);
	while (!err && gz->out_pos < pos && !gz->ended) {
		len = pos - gz->out_pos < GZ_SCRATCH ? pos - gz->out_pos : GZ_SCRATCH;
		err = pull(gz, gz->scratch, len, &got);
	}
	return err;
}

/*
 * The stream's end: inflate what is left (there should be nothing), then
 * the deflate data must end exactly at the trailer, and length and CRC-32
 * must be what it says. The length compared is the real one, not mod 2^32.
 */
static int finish(struct jhl_gunzip *gz)
{
	int err = skip_to(gz, ~0ULL);

	if (err)
		return err;
	if (consumed(gz) != gz->in_end) {
		jhl_err(gz->ctx, "%s: %llu bytes of other data between the deflate stream and the gzip trailer (concatenated or padded file?)",
			gz->name, (unsigned long long)(gz->in_end - consumed(gz)));
		return -EBADMSG;
	}
	if (gz->out_pos > gz->isize) {
		jhl_err(gz->ctx, "%s: decompresses to %llu bytes, more than the %llu its gzip trailer states: corrupt file",
			gz->name, (unsigned long long)gz->out_pos,
			(unsigned long long)gz->isize);
		return -EBADMSG;
	}
	if (gz->out_pos < gz->isize) {
		jhl_err(gz->ctx, "%s: decompresses to %llu bytes, its gzip trailer says %llu: corrupt file",
			gz->name, (unsigned long long)gz->out_pos,
			(unsigned long long)gz->isize);
		return -EBADMSG;
	}
	if (gz->crc != gz->want_crc) {
		jhl_err(gz->ctx, "%s: CRC-32 mismatch (data 0x%08x, trailer 0x%08x): corrupt file",
			gz->name, gz->crc, gz->want_crc);
		return -EBADMSG;
	}
	return 0;
}

/* A failure leaves the stream to be started again by the next read. */
static int fail(struct jhl_gunzip *gz, int err)
{
	if (err)
		gz->broken = true;
	return err;
}

int jhl_gunzip_read(struct jhl_gunzip *gz, void *buf, size_t len, __u64 off)
{
	size_t got;
	int err;

	if (off > gz->isize || len > gz->isize - off)
		return -EINVAL;
	if (gz->broken || off < gz->out_pos) {
		err = restart(gz);
		if (err)
			return err;
	}
	err = skip_to(gz, off);
	if (!err && gz->out_pos == off)
		err = pull(gz, buf, len, &got);
	/* the stream ended before @off + @len, or ends in the last bytes */
	if (!err && (gz->out_pos != off + len || gz->out_pos == gz->isize))
		err = finish(gz);
	return fail(gz, err);
}

int jhl_gunzip_head(struct jhl_gunzip *gz, void *buf, size_t len,
		    size_t *got)
{
	int err = restart(gz);

	if (!err)
		err = pull(gz, buf, len, got);
	if (!err && *got < len)
		err = finish(gz);
	return fail(gz, err);
}

int jhl_gunzip_verify(struct jhl_gunzip *gz)
{
	int err = restart(gz);

	if (!err)
		err = finish(gz);
	return fail(gz, err);
}

__u64 jhl_gunzip_size(const struct jhl_gunzip *gz)
{
	return gz->isize;
}

int jhl_gunzip_open(struct jhl_ctx *ctx, const struct jhl_source *src,
		    __u64 max_size, struct jhl_gunzip **out)
{
	struct jhl_gunzip *gz;
	char why[160];
	int err;

	gz = calloc(1, sizeof(*gz));
	if (!gz)
		return -ENOMEM;
	gz->ctx = ctx;
	gz->src = src;
	gz->name = src->name ? src->name : "kernel";
	if (src->size < GZ_MIN_SIZE) {
		jhl_err(ctx, "%s: %llu bytes, too short for a gzip file: truncated",
			gz->name, (unsigned long long)src->size);
		err = -EBADMSG;
		goto err_free;
	}
	if (jh_zlib_open(&gz->z, why, sizeof(why))) {
		jhl_err(ctx, "%s: inflating it needs zlib: %s", gz->name, why);
		err = -ENOSYS;
		goto err_free;
	}
	if (!src->data) {
		gz->chunk = malloc(GZ_CHUNK);
		if (!gz->chunk) {
			jhl_err(ctx, "%s: no memory for a %d KiB read buffer",
				gz->name, GZ_CHUNK / 1024);
			err = -ENOMEM;
			goto err_free;
		}
	}
	err = read_header(gz);
	if (!err)
		err = read_trailer(gz, max_size);
	if (!err)
		err = restart(gz);
	if (err)
		goto err_free;
	*out = gz;
	return 0;

err_free:
	jhl_gunzip_close(gz);
	return err;
}

void jhl_gunzip_close(struct jhl_gunzip *gz)
{
	if (!gz)
		return;
	if (gz->zs_ready)
		gz->z.inflate_end(&gz->zs);
	free(gz->chunk);
	free(gz->scratch);
	free(gz);
}
