/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Command line parameters ("key=value key2 ...") that the root side
 * writes at image offset 0x1000, e.g.
 *   jailhouse cell load CELL demo.bin -s "period-ms=50" -a 0x1000
 *
 * The library provides a weak 256-byte buffer (255 characters plus NUL);
 * an inmate that needs more defines its own with CMDLINE_BUFFER(size).
 * Tokens are separated by spaces. A key matches a token only as a whole
 * word: "key" and "key=..." match, "keyx=..." does not. If a key is given
 * more than once, the last one counts.
 */
#ifndef _INMATE_CMDLINE_H
#define _INMATE_CMDLINE_H

#include <inmate/types.h>

#define CMDLINE_DEFAULT_SIZE	256

/* Not const: the compiler must not fold the zeros it was built with. */
#define CMDLINE_BUFFER(size)	char cmdline[size] __section(".cmdline")

extern char cmdline[];

enum cmdline_result {
	CMDLINE_OK,
	CMDLINE_ABSENT,		/* no such key */
	CMDLINE_BAD,		/* the key's value is not of the kind asked */
};

/*
 * Integer value: "0x" + hex digits (all 64 bits, e.g. an address), or
 * decimal with an optional sign that fits a long long. Overflow is BAD.
 */
int cmdline_get_int(const char *key, long long *val);
/* The same, with @def for a missing key or a bad value. */
long long cmdline_parse_int(const char *key, long long def);

/*
 * Boolean: a bare key, "1..."/"true"/"yes"/"on" are true;
 * "0..."/"false"/"no"/"off" are false; anything else gives @def.
 */
bool cmdline_parse_bool(const char *key, bool def);

/*
 * String value copied into @buf (NUL terminated, truncated to @size).
 * Returns @buf, or @def if the key is absent.
 */
const char *cmdline_parse_str(const char *key, char *buf, size_t size,
			      const char *def);

#endif /* !_INMATE_CMDLINE_H */
