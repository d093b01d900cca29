/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * A small streaming JSON writer for the --json outputs: the
 * command's, and the library's where it writes JSON itself.
 */
#ifndef JH_COMMON_JSON_WRITER_H
#define JH_COMMON_JSON_WRITER_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define JSON_MAX_DEPTH	16

struct json {
	FILE *out;
	int depth;
	bool first[JSON_MAX_DEPTH];
};

void json_init(struct json *j, FILE *out);
/* @key is the member name inside an object, NULL inside an array. */
void json_object_begin(struct json *j, const char *key);
void json_object_end(struct json *j);
void json_array_begin(struct json *j, const char *key);
void json_array_end(struct json *j);
/* A NULL @val writes null. */
void json_string(struct json *j, const char *key, const char *val);
void json_int(struct json *j, const char *key, long long val);
void json_uint(struct json *j, const char *key, unsigned long long val);
void json_bool(struct json *j, const char *key, bool val);

#endif /* JH_COMMON_JSON_WRITER_H */
