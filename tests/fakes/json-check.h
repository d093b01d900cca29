/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* A strict JSON (RFC 8259) validator, so tests need no Python. */
#ifndef TESTS_LIB_JSON_CHECK_H
#define TESTS_LIB_JSON_CHECK_H

#include <stddef.h>

/* 0 if @text is exactly one JSON value; else -1 and the byte offset. */
int json_check(const char *text, size_t len, size_t *error_at);

#endif /* TESTS_LIB_JSON_CHECK_H */
