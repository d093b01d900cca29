// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * JSON writer: commas and nesting tracked per level; strings through
 * the tools' one string writer (common/json-string.c).
 */
#include "json-writer.h"
#include "json-string.h"

void json_init(struct json *j, FILE *out)
{
	j->out = out;
	j->depth = 0;
	j->first[0] = true;
}

/* Separator and key of the next member. */
static void member(struct json *j, const char *key)
{
	if (!j->first[j->depth])
		fputc(',', j->out);
	j->first[j->depth] = false;
	if (key) {
		json_write_string(j->out, key);
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
	json_write_string(j->out, val);
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
