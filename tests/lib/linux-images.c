// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Fixtures of the "cell linux" tests; see linux-images.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "linux-images.h"
#include "test-configs.h"

uint8_t li_pattern(size_t i, unsigned int seed)
{
	uint32_t x = (uint32_t)(i + seed * 7919) * 2654435761U;

	return (uint8_t)((x >> 13) ^ (i >> 9) ^ seed);
}

void *li_bytes(size_t size, unsigned int seed)
{
	uint8_t *buf = malloc(size ? size : 1);
	size_t i;

	if (!buf)
		abort();
	for (i = 0; i < size; i++)
		buf[i] = li_pattern(i, seed);
	return buf;
}

static void put_le(uint8_t *p, uint64_t val, int bytes)
{
	while (bytes--) {
		*p++ = (uint8_t)val;
		val >>= 8;
	}
}

void *li_image(size_t size, uint64_t image_size)
{
	uint8_t *img = li_bytes(size, 1);

	memset(img, 0, 64);
	put_le(img, 0x14000010, 4);		/* b +0x40 */
	put_le(img + 16, image_size, 8);
	put_le(img + 24, 0xa, 8);		/* LE, 4 KiB pages, anywhere */
	put_le(img + 56, 0x644d5241, 4);	/* "ARM\x64" */
	return img;
}

void *li_gzip(const void *data, size_t len, size_t *out_len)
{
	z_stream zs;
	size_t cap = compressBound(len) + 64;
	uint8_t *out = malloc(cap);

	memset(&zs, 0, sizeof(zs));
	if (!out || deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8,
				 Z_DEFAULT_STRATEGY) != Z_OK)
		abort();
	zs.next_in = (Bytef *)data;
	zs.avail_in = len;
	zs.next_out = out;
	zs.avail_out = cap;
	if (deflate(&zs, Z_FINISH) != Z_STREAM_END)
		abort();
	*out_len = zs.total_out;
	deflateEnd(&zs);
	return out;
}

static int put(const char *dir, const char *name, void *data, size_t size)
{
	char path[4096];
	int err;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	err = tc_write_file(path, data, size);
	free(data);
	return err;
}

int li_write_fixtures(const char *dir)
{
	size_t img_size = 3 * LI_MIB, gz_size;
	void *img = li_image(img_size, 4 * LI_MIB), *gz;
	int err = 0;

	gz = li_gzip(img, img_size, &gz_size);
	err |= put(dir, "Image.gz", gz, gz_size);
	err |= put(dir, "Image", img, img_size);
	err |= put(dir, "initrd", li_bytes(300 * 1024, 2), 300 * 1024);
	err |= put(dir, "initrd-big", li_bytes(9 * LI_MIB + 5, 3),
		   9 * LI_MIB + 5);
	err |= put(dir, "linux-loader.bin", li_bytes(0x1800, 4), 0x1800);
	err |= put(dir, "not-an-image", li_bytes(img_size, 5), img_size);
	return err ? -1 : 0;
}
