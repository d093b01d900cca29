// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * JSON strings from C strings of any bytes (json-string.h).
 */
#include <string.h>

#include "json-string.h"
#include "utf8.h"

void json_write_string(FILE *out, const char *s)
{
	const unsigned char *p, *end;
	size_t len;

	if (!s) {
		fputs("null", out);
		return;
	}
	end = (const unsigned char *)s + strlen(s);
	fputc('"', out);
	for (p = (const unsigned char *)s; *p; p++) {
		if (*p >= 0x80) {
			len = utf8_valid_len(p, (size_t)(end - p));
			if (!len) {
				fputs("\\ufffd", out);
				continue;
			}
			fwrite(p, 1, len, out);
			p += len - 1;
			continue;
		}
		switch (*p) {
		case '"':
			fputs("\\\"", out);
			break;
		case '\\':
			fputs("\\\\", out);
			break;
		case '\n':
			fputs("\\n", out);
			break;
		case '\t':
			fputs("\\t", out);
			break;
		case '\r':
			fputs("\\r", out);
			break;
		default:
			if (*p < 0x20)
				fprintf(out, "\\u%04x", *p);
			else
				fputc(*p, out);
		}
	}
	fputc('"', out);
}
