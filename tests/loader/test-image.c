// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * arm64 Image header checks: what is accepted, what is refused and that
 * the refusal says what the file looks like.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tap.h"
#include "testlib.h"

static int parse(const void *buf, size_t len, struct jhl_image_hdr *hdr)
{
	struct jhl_request req = { .log = tl_log };
	struct jhl_ctx ctx;
	int err;

	tl_log_reset();
	jhl_ctx_init(&ctx, &req);
	err = jhl_image_parse(&ctx, "Image", buf, len, len, hdr);
	jhl_ctx_release(&ctx);
	return err;
}

static void test_valid(void)
{
	struct jhl_image_hdr hdr;
	__u8 *img = fx_image(4096, 0x300000, 0, 0xa);

	tap_eq(parse(img, 4096, &hdr), 0, "valid Image accepted");
	tap_eq(hdr.text_offset, 0, "text_offset read");
	tap_eq(hdr.image_size, 0x300000, "image_size read");
	tap_eq(hdr.flags, 0xa, "flags read");
	tap_eq(hdr.page_size, 4096, "4 KiB page size decoded");
	free(img);

	img = fx_image(4096, 0x300000, 0x80000, 0);
	tap_eq(parse(img, 4096, &hdr), 0, "text_offset 0x80000 accepted");
	tap_eq(hdr.page_size, 0, "page size unspecified");
	free(img);

	img = fx_image(4096, 0x300000, 0, 0x6);
	tap_eq(parse(img, 4096, &hdr), 0, "64 KiB pages accepted");
	tap_ok(tl_log_has_level(JHL_LOG_WARN, "64 KiB pages"),
	       "64 KiB pages warned about");
	free(img);
}

static void test_legacy(void)
{
	struct jhl_image_hdr hdr;
	__u8 *img = fx_image(4096, 0, 0x12345, 0);

	tap_eq(parse(img, 4096, &hdr), 0, "image_size 0 (pre-3.17) accepted");
	tap_eq(hdr.text_offset, 0x80000, "pre-3.17: text_offset taken as 0x80000");
	tap_ok(tl_log_has_level(JHL_LOG_WARN, "older than 3.17"), "pre-3.17 warned about");
	free(img);
}

static void refused(const void *buf, size_t len, const char *msg,
		    const char *what)
{
	struct jhl_image_hdr hdr;
	int err = parse(buf, len, &hdr);

	tap_eq(err, -ENOEXEC, "%s refused", what);
	if (!tap_ok(tl_log_has_level(JHL_LOG_ERR, msg), "%s: message says \"%s\"",
		    what, msg))
		tl_log_dump();
}

static void test_refused(void)
{
	__u8 *img = fx_image(4096, 0x300000, 0, 0);
	__u8 buf[4096];

	refused(img, 63, "too short", "63-byte file");

	memcpy(buf, img, sizeof(buf));
	buf[56] = 0;
	refused(buf, sizeof(buf), "no \"ARM\\x64\" magic", "Image without magic");

	memcpy(buf, "\x7f" "ELF", 4);
	refused(buf, sizeof(buf), "vmlinux", "ELF vmlinux");
	memcpy(buf, "\xfd" "7zXZ\0", 6);
	refused(buf, sizeof(buf), "xz data", "xz file");
	memcpy(buf, "\x28\xb5\x2f\xfd", 4);
	refused(buf, sizeof(buf), "zstd data", "zstd file");
	memcpy(buf, "MZ\0\0zimg", 8);
	refused(buf, sizeof(buf), "EFI zboot", "EFI zboot image");
	memcpy(buf, "070701", 6);
	refused(buf, sizeof(buf), "cpio archive", "cpio archive");

	memcpy(buf, img, sizeof(buf));
	buf[24] = 1;
	refused(buf, sizeof(buf), "big-endian", "big-endian kernel");

	memcpy(buf, img, sizeof(buf));
	buf[8] = 1;
	refused(buf, sizeof(buf), "text_offset 0x1 ", "unaligned text_offset");

	memcpy(buf, img, sizeof(buf));
	buf[10] = 0x20;		/* text_offset 2 MiB */
	refused(buf, sizeof(buf), "below 2 MiB", "text_offset of 2 MiB");
	free(img);

	img = fx_image(8192, 4096, 0, 0);
	refused(img, 8192, "smaller than the Image", "image_size below file size");
	free(img);
	img = fx_image(8192, ~0xfffULL, 0, 0);
	refused(img, 8192, "is absurd", "image_size near 2^64");
	free(img);
}

static void test_kernel_raw(void)
{
	struct jhl_request req = { .log = tl_log };
	__u8 *img = fx_image(100000, 0x200000, 0, 0xa);
	struct jhl_kernel kernel;
	struct jhl_source src;
	struct jhl_ctx ctx;

	jhl_ctx_init(&ctx, &req);
	jhl_source_mem(&src, "Image", img, 100000);
	tap_eq(jhl_kernel_load(&ctx, &src, 1ULL << 30, &kernel), 0,
	       "raw Image loads");
	tap_ok(!kernel.gzip && !kernel.gz && kernel.src == &src,
	       "raw Image stays in its source");
	tap_eq(kernel.size, 100000, "raw Image size");
	jhl_kernel_release(&kernel);

	jhl_source_mem(&src, "empty", img, 0);
	tap_eq(jhl_kernel_load(&ctx, &src, 1ULL << 30, &kernel), -ENOEXEC,
	       "empty kernel file refused");
	jhl_ctx_release(&ctx);
	free(img);
}

int main(void)
{
	test_valid();
	test_legacy();
	test_refused();
	test_kernel_raw();
	tl_log_reset();
	return tap_done();
}
