// SPDX-License-Identifier: GPL-2.0-only
/*
 * JSON writer: commas and nesting tracked per level; strings escaped
 * as RFC 8259 requires.
 */
#include <string.h>

#include "json.h"
#include "utf8.h"

void json_init(struct json *j, FILE *out)
{
	j->out = out;
	j->depth = 0;
	j->first[0] = true;
}

/* Bytes that are no UTF-8 come out as U+FFFD: the output stays valid. */
static void write_string(FILE *out, const char *s)
{
	const unsigned char *p, *end = (const unsigned char *)s + strlen(s);
	size_t len;

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

/* Separator and key of the next member. */
static void member(struct json *j, const char *key)
{
	if (!j->first[j->depth])
		fputc(',', j->out);
	j->first[j->depth] = false;
	if (key) {
		write_string(j->out, key);
		fputc(':', j->out);
	}
}

static void open_level(struct json *j, const char *key, char c)
{
	member(j, key);
	fputc(c, j->out);
	if (j->depth + 1 < JSON_MAX_DEPTH)
		j->depth++;
	j->first[j->depth] = true;
}

static void close_level(struct json *j, char c)
{
	fputc(c, j->out);
	if (j->depth > 0)
		j->depth--;
	if (j->depth == 0)
		fputc('\n', j->out);
}

void json_object_begin(struct json *j, const char *key)
{
	open_level(j, key, '{');
}

void json_object_end(struct json *j)
{
	close_level(j, '}');
}

void json_array_begin(struct json *j, const char *key)
{
	open_level(j, key, '[');
}

void json_array_end(struct json *j)
{
	close_level(j, ']');
}

void json_string(struct json *j, const char *key, const char *val)
{
	member(j, key);
	if (val)
		write_string(j->out, val);
	else
		fputs("null", j->out);
}

void json_int(struct json *j, const char *key, long long val)
{
	member(j, key);
	fprintf(j->out, "%lld", val);
}

void json_uint(struct json *j, const char *key, unsigned long long val)
{
	member(j, key);
	fprintf(j->out, "%llu", val);
}

void json_bool(struct json *j, const char *key, bool val)
{
	member(j, key);
	fputs(val ? "true" : "false", j->out);
}
