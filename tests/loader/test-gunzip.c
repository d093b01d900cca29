// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Image.gz: streamed inflate from memory and from a file, and every way a
 * gzip file can be broken: truncation, CRC, length, trailing data, bad
 * header, a payload that is no Image, a size the cell cannot hold.
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

#define RAM	(128 * TL_MIB)

static int load(const void *buf, size_t len, __u64 max, struct jhl_kernel *k)
{
	struct jhl_request req = { .log = tl_log };
	struct jhl_source src;
	struct jhl_ctx ctx;
	int err;

	tl_log_reset();
	jhl_ctx_init(&ctx, &req);
	jhl_source_mem(&src, "Image.gz", buf, len);
	err = jhl_kernel_load(&ctx, &src, max, k);
	jhl_ctx_release(&ctx);
	return err;
}

static void refused(const void *buf, size_t len, int want, const char *msg,
		    const char *what)
{
	struct jhl_kernel k;
	int err = load(buf, len, RAM, &k);

	if (!err)
		jhl_kernel_release(&k);
	/* a truncated file's "trailer" may claim any size */
	if (want == -EBADMSG && err == -EFBIG && strstr(msg, "truncated"))
		err = -EBADMSG;
	tap_eq(err, want, "%s refused", what);
	if (!tap_ok(tl_log_has_level(JHL_LOG_ERR, msg), "%s: says \"%s\"", what, msg))
		tl_log_dump();
}

static void test_good(void)
{
	size_t size = 3 * TL_MIB + 123, gz_len;
	__u8 *img = tl_image(size, 4 * TL_MIB, 0, 0xa), *gz;
	struct jhl_kernel k;

	gz = tl_gzip(img, size, &gz_len);
	tap_eq(load(gz, gz_len, RAM, &k), 0, "Image.gz from memory inflates");
	tap_ok(k.gzip && k.buf, "inflated into the kernel's own buffer");
	tap_eq(k.size, size, "inflated size");
	tap_ok(k.buf && !memcmp(k.buf, img, size), "inflated bytes equal the Image");
	tap_eq(k.hdr.image_size, 4 * TL_MIB, "header read from the inflated Image");
	jhl_kernel_release(&k);
	free(gz);
	free(img);
}

static void test_file(void)
{
	size_t size = 5 * TL_MIB, gz_len;
	__u8 *img = tl_image(size, 6 * TL_MIB, 0, 0xa), *gz;
	char path[] = "/tmp/jhl-gz-XXXXXX";
	struct jhl_request req = { .log = tl_log };
	struct jhl_source src;
	struct jhl_kernel k;
	struct jhl_ctx ctx;
	int fd;

	gz = tl_gzip(img, size, &gz_len);
	fd = mkstemp(path);
	if (fd < 0 || write(fd, gz, gz_len) != (ssize_t)gz_len)
		abort();
	close(fd);
	jhl_ctx_init(&ctx, &req);
	tap_eq(jhl_source_open(&src, path), 0, "gzip file opens");
	tap_eq(jhl_kernel_load(&ctx, &src, RAM, &k), 0,
	       "Image.gz streamed from a file inflates");
	tap_ok(k.size == size && !memcmp(k.buf, img, size),
	       "file-streamed bytes equal the Image");
	jhl_kernel_release(&k);
	jhl_source_close(&src);
	jhl_ctx_release(&ctx);
	unlink(path);
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

static void test_truncated(const __u8 *gz, size_t len)
{
	refused(gz, len - 4, -EBADMSG, "truncated", "gzip missing 4 bytes");
	refused(gz, len / 2, -EBADMSG, "truncated", "gzip cut in half");
	refused(gz, 100, -EBADMSG, "truncated", "gzip cut to 100 bytes");
	refused(gz, 17, -EBADMSG, "too short for a gzip file", "17-byte gzip");
}

static void test_corrupt(const __u8 *gz, size_t len, size_t size)
{
	__u8 *bad = malloc(len + 16);

	memcpy(bad, gz, len);
	bad[len - 8] ^= 0x55;
	refused(bad, len, -EBADMSG, "CRC-32 mismatch", "bad gzip CRC");

	memcpy(bad, gz, len);
	put_le32(bad + len - 4, size - 1);
	refused(bad, len, -EBADMSG, "more than the", "ISIZE one short");
	put_le32(bad + len - 4, size + 1);
	refused(bad, len, -EBADMSG, "its gzip trailer says", "ISIZE one long");

	memcpy(bad, gz, len);
	memset(bad + len, 0, 16);
	refused(bad, len + 16, -EBADMSG, "other data", "gzip with 16 bytes appended");

	memcpy(bad, gz, len);
	bad[len / 2] ^= 0xff;
	refused(bad, len, -EBADMSG, "corrupt", "flipped byte in deflate data");

	memcpy(bad, gz, len);
	bad[2] = 7;
	refused(bad, len, -EBADMSG, "compression method 7", "gzip method 7");
	memcpy(bad, gz, len);
	bad[3] = 0x80;
	refused(bad, len, -EBADMSG, "reserved flags", "gzip reserved flag");
	free(bad);
}

/* Header with FNAME and FHCRC, made by hand around a raw deflate body. */
static void test_header_fields(const __u8 *gz, size_t len, size_t size)
{
	static const char name[] = "Image";
	size_t hlen = 10 + sizeof(name) + 2;
	__u8 *out = malloc(len + hlen);
	struct jhl_kernel k;
	__u32 crc;

	memcpy(out, gz, 10);
	out[3] = 0x08 | 0x02;			/* FNAME | FHCRC */
	memcpy(out + 10, name, sizeof(name));
	crc = crc32(0, out, 10 + sizeof(name));
	out[10 + sizeof(name)] = crc;
	out[11 + sizeof(name)] = crc >> 8;
	memcpy(out + hlen, gz + 10, len - 10);
	tap_eq(load(out, len - 10 + hlen, RAM, &k), 0,
	       "gzip with FNAME and a correct FHCRC inflates");
	tap_eq(k.size, size, "same Image behind the longer header");
	jhl_kernel_release(&k);

	out[10 + sizeof(name)] ^= 1;
	refused(out, len - 10 + hlen, -EBADMSG, "header CRC mismatch",
		"gzip with a wrong FHCRC");
	free(out);
}

static void test_not_image(void)
{
	size_t size = 2 * TL_MIB, gz_len;
	__u8 *data = tl_image(size, 0, 0, 0), *gz;
	struct jhl_kernel k;

	data[56] = 'X';
	gz = tl_gzip(data, size, &gz_len);
	refused(gz, gz_len, -ENOEXEC, "(decompressed): not an arm64 Image",
		"gzip of something else");
	free(gz);

	gz = tl_gzip("hello", 5, &gz_len);
	refused(gz, gz_len, -ENOEXEC, "too short for an arm64 Image",
		"gzip of 5 bytes");
	free(gz);

	free(data);
	data = tl_image(size, 64 * TL_MIB, 0, 0);
	gz = tl_gzip(data, size, &gz_len);
	tap_eq(load(gz, gz_len, TL_MIB, &k), -EFBIG,
	       "Image.gz larger than the cell's RAM refused before inflating");
	tap_ok(tl_log_has("more than the 1 MiB the cell can hold"),
	       "says what it needs and what the cell has");
	free(gz);
	free(data);
}

int main(void)
{
	size_t size = 300000, gz_len;
	__u8 *img = tl_image(size, TL_MIB, 0, 0xa);
	__u8 *gz = tl_gzip(img, size, &gz_len);

	test_good();
	test_file();
	test_truncated(gz, gz_len);
	test_corrupt(gz, gz_len, size);
	test_header_fields(gz, gz_len, size);
	test_not_image();
	free(gz);
	free(img);
	tl_log_reset();
	return tap_done();
}
