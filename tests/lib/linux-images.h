/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Inputs for the "cell linux" tests against the fake driver: synthetic
 * arm64 Images, gzip, initrds and a stand-in linux-loader.bin, each a
 * byte pattern that the tests compare with what the fake driver stored.
 */
#ifndef TESTS_LIB_LINUX_IMAGES_H
#define TESTS_LIB_LINUX_IMAGES_H

#include <stddef.h>
#include <stdint.h>

#define LI_MIB		0x100000UL

/* Byte @i of the payload with pattern @seed. */
uint8_t li_pattern(size_t i, unsigned int seed);
/* @size bytes of pattern @seed; malloc()ed. */
void *li_bytes(size_t size, unsigned int seed);
/* An arm64 Image: header (text_offset 0, @image_size) plus pattern 1. */
void *li_image(size_t size, uint64_t image_size);
/* gzip of @data; malloc()ed. */
void *li_gzip(const void *data, size_t len, size_t *out_len);

/*
 * Writes into @dir: Image (3 MiB, image_size 4 MiB), Image.gz, initrd
 * (300 KiB), initrd-big (9 MiB + 5 bytes), linux-loader.bin (6 KiB) and
 * not-an-image (3 MiB of pattern).
 */
int li_write_fixtures(const char *dir);

#endif /* TESTS_LIB_LINUX_IMAGES_H */
