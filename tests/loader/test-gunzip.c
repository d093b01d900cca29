// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Image.gz: planning reads only the gzip header, the Image header and the
 * trailer; the bytes are inflated in pieces when read, from memory and
 * from a file, in order or not. Every way a gzip file can be broken, and
 * where it is caught: at planning (header, trailer against the Image
 * header, method, flags, size) or when the stream is read to its end
 * (truncation, CRC, length, trailing data), by loading or by a verify.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "internal.h"
#include "tap.h"
#include "testlib.h"

#define RAM	(128 * FX_MIB)
#define PIECE	(256 * 1024)

/* A kernel planned from a source; the context lives as long as it. */
struct gzk {
	struct jhl_ctx ctx;
	struct jhl_source src;
	struct jhl_kernel k;
};

static int plan_gz(struct gzk *g, const void *buf, size_t len, __u64 max)
{
	struct jhl_request req = { .log = tl_log };
	int err;

	tl_log_reset();
	jhl_ctx_init(&g->ctx, &req);
	jhl_source_mem(&g->src, "Image.gz", buf, len);
	err = jhl_kernel_load(&g->ctx, &g->src, max, &g->k);
	if (err)
		jhl_ctx_release(&g->ctx);
	return err;
}

static void gzk_done(struct gzk *g)
{
	jhl_kernel_release(&g->k);
	jhl_ctx_release(&g->ctx);
}

/*
 * Reads the inflated Image in pieces of @piece into @out (NULL: discard)
 * as loading does; *@at is where the failing read began.
 */
static int read_image(struct gzk *g, __u8 *out, size_t piece, __u64 *at)
{
	__u8 *buf = malloc(piece);
	__u64 off, len;
	int err = 0;

	for (off = 0; off < g->k.size && !err; off += len) {
		len = g->k.size - off < piece ? g->k.size - off : piece;
		*at = off;
		err = jhl_gunzip_read(g->k.gz, buf, len, off);
		if (!err && out)
			memcpy(out + off, buf, len);
	}
	free(buf);
	return err;
}

static void says(const char *msg, const char *what)
{
	if (!tap_ok(tl_log_has_level(JHL_LOG_ERR, msg), "%s: says \"%s\"",
		    what, msg))
		tl_log_dump();
}

/* Refused by planning, with @want and @msg. */
static void refused_plan(const void *buf, size_t len, int want,
			 const char *msg, const char *what)
{
	struct gzk g;
	int err = plan_gz(&g, buf, len, RAM);

	if (!err)
		gzk_done(&g);
	tap_eq(err, want, "%s: refused by planning", what);
	says(msg, what);
}

/*
 * Planned, then refused when the stream is read: by the read of the last
 * piece if @at_end (a bad CRC shows only there), and by a verify, both
 * with @msg.
 */
static void refused_stream(const void *buf, size_t len, const char *msg,
			   bool at_end, const char *what)
{
	__u64 at = 0;
	struct gzk g;
	int err;

	if (!tap_ok(!plan_gz(&g, buf, len, RAM), "%s: planning passes", what)) {
		tl_log_dump();
		return;
	}
	err = read_image(&g, NULL, PIECE, &at);
	tap_eq(err, -EBADMSG, "%s: refused while read", what);
	says(msg, what);
	if (at_end)
		tap_eq(at, (g.k.size - 1) / PIECE * PIECE,
		       "%s: only by the read of the last piece", what);
	tl_log_reset();
	tap_eq(jhl_gunzip_verify(g.k.gz), -EBADMSG, "%s: verify refuses it", what);
	says(msg, what);
	gzk_done(&g);
}

static void test_good(void)
{
	size_t size = 3 * FX_MIB + 123, gz_len;
	__u8 *img = fx_image(size, 4 * FX_MIB, 0, 0xa), *gz, *out;
	__u64 at;
	struct gzk g;

	gz = fx_gzip(img, size, &gz_len);
	out = malloc(size);
	tap_eq(plan_gz(&g, gz, gz_len, RAM), 0, "Image.gz from memory plans");
	tap_ok(g.k.gzip && g.k.gz && !g.k.src, "kept as a stream, not inflated");
	tap_eq(g.k.size, size, "size from the trailer");
	tap_eq(g.k.hdr.image_size, 4 * FX_MIB, "header from the inflated start");
	tap_eq(read_image(&g, out, PIECE, &at), 0, "read in 256 KiB pieces");
	tap_ok(!memcmp(out, img, size), "inflated bytes equal the Image");
	memset(out, 0, size);
	tap_eq(read_image(&g, out, 100003, &at), 0, "read again, other pieces");
	tap_ok(!memcmp(out, img, size), "the same bytes the second time");
	tap_eq(jhl_gunzip_verify(g.k.gz), 0, "verify passes");
	tap_eq(jhl_gunzip_read(g.k.gz, out, 10, size - 5), -EINVAL,
	       "no read beyond ISIZE");
	gzk_done(&g);
	free(out);
	free(gz);
	free(img);
}

/*
 * Images a few bytes longer than a whole number of pieces, ending in
 * zeros: a piece can end after zlib took the last input byte but before
 * it gave out the last match and the end code. That is no truncation.
 */
static void test_piece_edges(void)
{
	static const int levels[] = { 1, 5 };
	size_t size, gz_len, k, n, bad;
	unsigned int i, seed;
	struct gzk g;
	__u8 *img, *gz;
	__u64 at;

	for (i = 0; i < 2; i++) {
		bad = 0;
		for (k = 1; k <= 40; k++) {
			size = 4 * PIECE + k;
			img = fx_image(size, 8 * FX_MIB, 0, 0xa);
			/* after the header: a small alphabet, then zeros */
			for (n = 64, seed = 1; n < size / 2; n++) {
				seed = seed * 1103515245 + 12345;
				img[n] = (seed >> 16) % 7;
			}
			memset(img + size / 2, 0, size - size / 2);
			gz = fx_gzip_level(img, size, levels[i], &gz_len);
			if (plan_gz(&g, gz, gz_len, RAM)) {
				bad++;
			} else {
				if (read_image(&g, NULL, PIECE, &at) ||
				    jhl_gunzip_verify(g.k.gz))
					bad++;
				gzk_done(&g);
			}
			free(gz);
			free(img);
		}
		if (!tap_ok(!bad, "level %d, 1 MiB + 1..40 bytes ending in zeros: all read and verify",
			    levels[i]))
			printf("#   %zu of 40 refused\n", bad);
	}
}

/* Backwards and skipping: the stream starts again or inflates on. */
static void test_random_access(void)
{
	size_t size = 2 * FX_MIB + 7, gz_len;
	__u8 *img = fx_image(size, 4 * FX_MIB, 0, 0xa), *gz, buf[4096];
	static const __u64 offs[] = { 1500000, 64, 0, 2 * FX_MIB + 3, 700000 };
	struct gzk g;
	unsigned int i;
	bool ok = true;

	gz = fx_gzip(img, size, &gz_len);
	if (plan_gz(&g, gz, gz_len, RAM))
		abort();
	for (i = 0; i < ARRAY_SIZE(offs); i++) {
		size_t len = size - offs[i] < 4096 ? size - offs[i] : 4096;

		ok &= !jhl_gunzip_read(g.k.gz, buf, len, offs[i]) &&
		      !memcmp(buf, img + offs[i], len);
	}
	tap_ok(ok, "reads at any offset, backwards too");
	gzk_done(&g);
	free(gz);
	free(img);
}

static void test_file(void)
{
	size_t size = 5 * FX_MIB, gz_len;
	__u8 *img = fx_image(size, 6 * FX_MIB, 0, 0xa), *gz, *out;
	struct jhl_request req = { .log = tl_log };
	struct gzk g;
	__u64 at;

	gz = fx_gzip(img, size, &gz_len);
	out = malloc(size);
	jhl_ctx_init(&g.ctx, &req);
	tl_file_source(&g.src, "Image.gz", gz, gz_len, gz_len);
	tap_eq(jhl_kernel_load(&g.ctx, &g.src, RAM, &g.k), 0,
	       "Image.gz in a file plans");
	tap_ok(read_image(&g, out, PIECE, &at) == 0 && !memcmp(out, img, size),
	       "file-streamed bytes equal the Image");
	gzk_done(&g);
	jhl_source_close(&g.src);
	free(out);
	free(gz);
	free(img);
}

static void put_le32(__u8 *p, __u32 v)
{
	p[0] = v;
	p[1] = v >> 8;
	p[2] = v >> 16;
	p[3] = v >> 24;
}

/* A cut file: refused at planning or, at the latest, while read. */
static void refused_cut(const __u8 *gz, size_t len, const char *what)
{
	__u64 at = 0;
	struct gzk g;
	int err;

	err = plan_gz(&g, gz, len, RAM);
	if (!err) {
		err = read_image(&g, NULL, PIECE, &at);
		gzk_done(&g);
	}
	tap_ok(err == -EBADMSG || err == -EFBIG, "%s refused", what);
	says("truncated", what);
}

static void test_truncated(const __u8 *gz, size_t len, size_t size)
{
	__u8 *cut = malloc(len);

	refused_cut(gz, len - 4, "gzip missing 4 bytes");
	refused_cut(gz, len / 2, "gzip cut in half");
	refused_cut(gz, 100, "gzip cut to 100 bytes");
	refused_plan(gz, 17, -EBADMSG, "too short for a gzip file",
		     "17-byte gzip");
	/* a plausible trailer after half the data: only the stream tells */
	memcpy(cut, gz, len / 2);
	memcpy(cut + len / 2, gz + len - 8, 8);
	refused_stream(cut, len / 2 + 8, "gzip data ends early", false,
		       "cut in half, trailer kept");
	(void)size;
	free(cut);
}

static void test_corrupt(const __u8 *gz, size_t len, size_t size)
{
	__u8 *bad = malloc(2 * len + 16);

	memcpy(bad, gz, len);
	bad[len - 8] ^= 0x55;
	refused_stream(bad, len, "CRC-32 mismatch", true, "bad gzip CRC");

	memcpy(bad, gz, len);
	put_le32(bad + len - 4, size - 1);
	refused_stream(bad, len, "more than the", true, "ISIZE one short");
	put_le32(bad + len - 4, size + 1);
	refused_stream(bad, len, "its gzip trailer says", true, "ISIZE one long");

	/* the header's image_size is 1 MiB: the trailer cannot say more */
	put_le32(bad + len - 4, FX_MIB + 4096);
	refused_plan(bad, len, -EBADMSG, "its gzip trailer says " "1052672",
		     "ISIZE beyond image_size");
	put_le32(bad + len - 4, 63);
	refused_plan(bad, len, -EBADMSG, "more than the 63",
		     "ISIZE below the Image header");

	memcpy(bad, gz, len);
	memset(bad + len, 0, 16);
	refused_plan(bad, len + 16, -EBADMSG, "other data",
		     "gzip with 16 bytes appended");
	memcpy(bad + len, gz, len);
	refused_stream(bad, 2 * len, "other data", true,
		       "two gzip members of the Image");

	memcpy(bad, gz, len);
	bad[len / 2] ^= 0xff;
	refused_stream(bad, len, "corrupt", false, "flipped byte in deflate data");

	memcpy(bad, gz, len);
	bad[2] = 7;
	refused_plan(bad, len, -EBADMSG, "compression method 7", "gzip method 7");
	memcpy(bad, gz, len);
	bad[3] = 0x80;
	refused_plan(bad, len, -EBADMSG, "reserved flags", "gzip reserved flag");
	free(bad);
}

/* Header with FNAME and FHCRC, made by hand around a raw deflate body. */
static void test_header_fields(const __u8 *gz, size_t len, size_t size)
{
	static const char name[] = "Image";
	size_t hlen = 10 + sizeof(name) + 2;
	__u8 *out = malloc(len + hlen);
	struct gzk g;
	__u32 crc;

	memcpy(out, gz, 10);
	out[3] = 0x08 | 0x02;			/* FNAME | FHCRC */
	memcpy(out + 10, name, sizeof(name));
	crc = crc32(0, out, 10 + sizeof(name));
	out[10 + sizeof(name)] = crc;
	out[11 + sizeof(name)] = crc >> 8;
	memcpy(out + hlen, gz + 10, len - 10);
	tap_eq(plan_gz(&g, out, len - 10 + hlen, RAM), 0,
	       "gzip with FNAME and a correct FHCRC plans");
	tap_eq(g.k.size, size, "same Image behind the longer header");
	tap_eq(jhl_gunzip_verify(g.k.gz), 0, "and verifies");
	gzk_done(&g);

	out[10 + sizeof(name)] ^= 1;
	refused_plan(out, len - 10 + hlen, -EBADMSG, "header CRC mismatch",
		     "gzip with a wrong FHCRC");
	free(out);
}

static void test_not_image(void)
{
	size_t size = 2 * FX_MIB, gz_len;
	__u8 *data = fx_image(size, 0, 0, 0), *gz;
	struct gzk g;

	data[56] = 'X';
	gz = fx_gzip(data, size, &gz_len);
	refused_plan(gz, gz_len, -ENOEXEC, "(decompressed): not an arm64 Image",
		     "gzip of something else");
	free(gz);

	gz = fx_gzip("hello", 5, &gz_len);
	refused_plan(gz, gz_len, -ENOEXEC, "too short for an arm64 Image",
		     "gzip of 5 bytes");
	free(gz);

	/* a sound stream behind a header that lies: the header is blamed */
	free(data);
	data = fx_image(size, FX_MIB, 0, 0xa);
	gz = fx_gzip(data, size, &gz_len);
	refused_plan(gz, gz_len, -ENOEXEC,
		     "header image_size 1048576 is smaller than the Image itself (2097152 bytes)",
		     "image_size below the inflated size");
	free(gz);

	free(data);
	data = fx_image(size, 64 * FX_MIB, 0, 0);
	gz = fx_gzip(data, size, &gz_len);
	tap_eq(plan_gz(&g, gz, gz_len, FX_MIB), -EFBIG,
	       "Image.gz larger than the cell's RAM refused before inflating");
	tap_ok(tl_log_has("more than the 1 MiB the cell can hold"),
	       "says what it needs and what the cell has");
	free(gz);
	free(data);
}

int main(void)
{
	size_t size = 300000, gz_len;
	__u8 *img = fx_image(size, FX_MIB, 0, 0xa);
	__u8 *gz = fx_gzip(img, size, &gz_len);

	test_good();
	test_piece_edges();
	test_random_access();
	test_file();
	test_truncated(gz, gz_len, size);
	test_corrupt(gz, gz_len, size);
	test_header_fields(gz, gz_len, size);
	test_not_image();
	free(gz);
	free(img);
	tl_log_reset();
	return tap_done();
}
