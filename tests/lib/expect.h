/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Checks on libjailhouse's error reporting, shared by the C tests.
 */
#ifndef TESTS_LIB_EXPECT_H
#define TESTS_LIB_EXPECT_H

#include <stdbool.h>

#include "libjailhouse.h"

/* @text contains @part; says what it lacks otherwise. */
bool th_has(const char *text, const char *part);
/*
 * @ret is @err, and @ctx's last error has cause @code and a message
 * containing @msg. (No TAP line: tap.h counts per test program.)
 */
bool th_error_is(struct jh_ctx *ctx, int ret, int err, enum jh_error code,
		 const char *msg);
/* Shows @ret and @ctx's last error under a failed check. */
void th_show_error(struct jh_ctx *ctx, int ret);

#endif /* TESTS_LIB_EXPECT_H */
