/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * zlib, opened when a command first inflates something (a gzip kernel,
 * /proc/config.gz) instead of linked: loading and relocating it cost every
 * run of every command about 115 µs on the test bed, a tenth of a
 * command's start-up, and most commands never inflate. The prototypes
 * come from <zlib.h>, so the calls are type-checked as linked calls are.
 * Compiled into the library that needs it, not an API of its own.
 */
#ifndef JH_COMMON_ZLIB_DL_H
#define JH_COMMON_ZLIB_DL_H

#include <stddef.h>

#include <zlib.h>

struct jh_zlib {
	__typeof__(&inflateInit2_) inflate_init2_;
	__typeof__(&inflateReset) inflate_reset;
	__typeof__(&inflate) inflate;
	__typeof__(&inflateEnd) inflate_end;
	__typeof__(&crc32) crc32;
	__typeof__(&gzopen) gzopen;
	__typeof__(&gzgets) gzgets;
	__typeof__(&gzclose) gzclose;
};

/* zlib's inflateInit2() macro, through the opened library */
#define jh_zlib_inflate_init2(z, strm, bits) \
	((z)->inflate_init2_((strm), (bits), ZLIB_VERSION, \
			     (int)sizeof(z_stream)))

/*
 * Fills @z with zlib's functions: 0, or -1 with the reason in @why. zlib
 * stays loaded once opened; opening it again is cheap.
 */
int jh_zlib_open(struct jh_zlib *z, char *why, size_t size);

#endif /* !JH_COMMON_ZLIB_DL_H */
