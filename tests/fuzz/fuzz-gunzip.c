// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Fuzz target: the gzip path. The stream bare: header and trailer, the
 * inflated bytes read in pieces whose size comes from the input, the
 * verdict of that read against a full verify, and a read from the start
 * again; then the same bytes as the kernel (Image header, ISIZE against
 * it), planning-style.
 */
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "internal.h"
#include "fuzz.h"

#define MAX_OUT		(16 << 20)
#define MAX_PIECE	(256 * 97 + 1)

static __u8 piece[MAX_PIECE];

static __u32 get_le32(const uint8_t *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (__u32)p[3] << 24;
}

/* Reads all of it; the read reaching the end must judge like verify. */
static void read_all(struct jhl_gunzip *gz, const uint8_t *data, size_t size)
{
	__u64 isize = jhl_gunzip_size(gz), off = 0;
	size_t step = 1 + data[size / 2] * 97, len, head = 0;
	__u32 crc = crc32(0, NULL, 0);
	__u8 first[64];
	int err;

	if (isize > MAX_OUT)
		__builtin_trap();
	do {
		len = isize - off < step ? isize - off : step;
		err = jhl_gunzip_read(gz, piece, len, off);
		if (err)
			break;
		if (!off) {
			head = len < sizeof(first) ? len : sizeof(first);
			memcpy(first, piece, head);
		}
		crc = crc32(crc, piece, len);
		off += len;
	} while (off < isize);
	if (!err != !jhl_gunzip_verify(gz))
		__builtin_trap();
	if (err)
		return;
	/* what was handed out is what the trailer describes */
	if (off != isize || crc != get_le32(data + size - 8))
		__builtin_trap();
	/* backwards: inflated again from the start, the same bytes */
	if (head && (jhl_gunzip_read(gz, piece, head, 0) ||
		     memcmp(piece, first, head)))
		__builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct jhl_kernel kernel;
	struct jhl_gunzip *gz;
	struct jhl_source src;
	struct jhl_ctx ctx;

	jhl_ctx_init(&ctx, NULL);
	jhl_source_mem(&src, "Image.gz", data, size);
	if (!jhl_gunzip_open(&ctx, &src, MAX_OUT, &gz)) {
		read_all(gz, data, size);
		jhl_gunzip_close(gz);
	}
	if (!jhl_kernel_load(&ctx, &src, MAX_OUT, &kernel)) {
		/* what placement relies on */
		if (kernel.gzip && (kernel.size < 64 ||
				    (kernel.hdr.image_size &&
				     kernel.hdr.image_size < kernel.size)))
			__builtin_trap();
		jhl_kernel_release(&kernel);
	}
	jhl_ctx_release(&ctx);
	return 0;
}
