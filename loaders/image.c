// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The arm64 Image header (Linux Documentation/arm64/booting.rst): 64
 * bytes, little-endian, magic "ARM\x64" at offset 56. Anything else is
 * refused with a hint at what the file looks like instead.
 */
#include <errno.h>
#include <string.h>

#include "internal.h"

#define FLAG_BE			0x1ULL
#define FLAG_PAGE_SHIFT		1
#define FLAG_PAGE_MASK		0x3ULL
#define LEGACY_TEXT_OFFSET	0x80000ULL	/* kernels before 3.17 */

static __u64 get_le(const __u8 *p, unsigned int bytes)
{
	__u64 val = 0;

	while (bytes--)
		val = (val << 8) | p[bytes];
	return val;
}

struct magic {
	unsigned int off, len;
	const char *bytes;
	const char *what;
};

static const struct magic magics[] = {
	{ 0, 2, "\x1f\x8b", "gzip data" },
	{ 0, 6, "\xfd" "7zXZ\0", "xz data (only raw or gzip Images are supported)" },
	{ 0, 4, "\x28\xb5\x2f\xfd", "zstd data (only raw or gzip Images are supported)" },
	{ 0, 4, "\x02\x21\x4c\x18", "lz4 data (only raw or gzip Images are supported)" },
	{ 0, 4, "\x04\x22\x4d\x18", "lz4 data (only raw or gzip Images are supported)" },
	{ 0, 3, "BZh", "bzip2 data (only raw or gzip Images are supported)" },
	{ 0, 4, "\x89LZO", "lzo data (only raw or gzip Images are supported)" },
	{ 0, 4, "\x7f" "ELF", "an ELF file (vmlinux?); use arch/arm64/boot/Image" },
	{ 4, 4, "zimg", "an EFI zboot image (vmlinuz.efi); use arch/arm64/boot/Image" },
	{ 0, 4, "\x27\x05\x19\x56", "a U-Boot uImage; use the plain Image" },
	{ 0, 4, "\xd0\x0d\xfe\xed", "a device tree blob" },
	{ 0, 6, "070701", "a cpio archive (an initramfs?)" },
	{ 0, 5, "JHCLL", "a Jailhouse cell config" },
	{ 0, 5, "JHSYS", "a Jailhouse system config" },
};

const char *jhl_sniff_format(const void *buf, size_t len)
{
	unsigned int n;

	for (n = 0; n < ARRAY_SIZE(magics); n++) {
		const struct magic *m = &magics[n];

		if (len >= m->off + m->len &&
		    !memcmp((const char *)buf + m->off, m->bytes, m->len))
			return m->what;
	}
	return NULL;
}

static int check_magic(struct jhl_ctx *ctx, const char *name, const __u8 *p,
		       size_t len, __u64 file_size)
{
	const char *what;

	if (len < JHL_IMAGE_HDR_SIZE || file_size < JHL_IMAGE_HDR_SIZE) {
		jhl_err(ctx, "%s: %llu bytes, too short for an arm64 Image (64-byte header)",
			name, (unsigned long long)file_size);
		return -ENOEXEC;
	}
	if (get_le(p + 56, 4) == JHL_IMAGE_MAGIC)
		return 0;
	what = jhl_sniff_format(p, len);
	if (what)
		jhl_err(ctx, "%s: not an arm64 Image: %s", name, what);
	else
		jhl_err(ctx, "%s: not an arm64 Image (no \"ARM\\x64\" magic at offset 56)",
			name);
	return -ENOEXEC;
}

static int check_flags(struct jhl_ctx *ctx, const char *name,
		       struct jhl_image_hdr *hdr)
{
	unsigned int page = (hdr->flags >> FLAG_PAGE_SHIFT) & FLAG_PAGE_MASK;

	if (hdr->flags & FLAG_BE) {
		jhl_err(ctx, "%s: big-endian kernel; cells boot little-endian kernels only",
			name);
		return -ENOEXEC;
	}
	hdr->page_size = page ? 0x400U << (2 * page) : 0;
	if (hdr->page_size > 0x1000)
		jhl_warn(ctx, "%s: kernel built for %u KiB pages; the cell's CPUs must support that granule",
			 name, hdr->page_size / 1024);
	return 0;
}

static int check_sizes(struct jhl_ctx *ctx, const char *name,
		       struct jhl_image_hdr *hdr, __u64 file_size)
{
	if (!hdr->image_size) {
		/* booting.rst: before 3.17 image_size is 0, text_offset 0x80000 */
		hdr->text_offset = LEGACY_TEXT_OFFSET;
		jhl_warn(ctx, "%s: kernel older than 3.17 (image_size 0): assuming text_offset 0x80000 and reserving twice the Image size",
			 name);
		return 0;
	}
	if (hdr->text_offset % JHL_PAGE_SIZE ||
	    hdr->text_offset >= JHL_KERNEL_ALIGN) {
		jhl_err(ctx, "%s: text_offset 0x%llx is not a multiple of 4 KiB below 2 MiB",
			name, (unsigned long long)hdr->text_offset);
		return -ENOEXEC;
	}
	if (hdr->image_size > JHL_SIZE_MAX) {
		jhl_err(ctx, "%s: header image_size 0x%llx is absurd: corrupt header",
			name, (unsigned long long)hdr->image_size);
		return -ENOEXEC;
	}
	if (hdr->image_size < file_size) {
		jhl_err(ctx, "%s: header image_size %llu is smaller than the Image itself (%llu bytes): corrupt header",
			name, (unsigned long long)hdr->image_size,
			(unsigned long long)file_size);
		return -ENOEXEC;
	}
	return 0;
}

int jhl_image_parse(struct jhl_ctx *ctx, const char *name, const void *buf,
		    size_t len, __u64 file_size, struct jhl_image_hdr *hdr)
{
	const __u8 *p = buf;
	int err;

	memset(hdr, 0, sizeof(*hdr));
	err = check_magic(ctx, name, p, len, file_size);
	if (err)
		return err;
	hdr->text_offset = get_le(p + 8, 8);
	hdr->image_size = get_le(p + 16, 8);
	hdr->flags = get_le(p + 24, 8);
	err = check_flags(ctx, name, hdr);
	if (err)
		return err;
	return check_sizes(ctx, name, hdr, file_size);
}
