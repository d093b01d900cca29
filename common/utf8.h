/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * UTF-8 validity (RFC 3629), for the JSON writer, which must never emit
 * invalid text (cell names and paths are bytes), and for the tests'
 * JSON checker, which holds it to that.
 */
#ifndef JH_COMMON_UTF8_H
#define JH_COMMON_UTF8_H

#include <stddef.h>

/*
 * Length of the valid sequence at @p, of at most @left bytes, or 0 if it
 * is none: no overlong forms, no surrogates, nothing past U+10FFFF.
 */
static inline size_t utf8_valid_len(const unsigned char *p, size_t left)
{
	unsigned long cp, min;
	size_t len, n;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		len = 2, cp = p[0] & 0x1f, min = 0x80;
	} else if ((p[0] & 0xf0) == 0xe0) {
		len = 3, cp = p[0] & 0x0f, min = 0x800;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		len = 4, cp = p[0] & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (left < len)
		return 0;
	for (n = 1; n < len; n++) {
		if ((p[n] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (p[n] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

#endif /* !JH_COMMON_UTF8_H */
