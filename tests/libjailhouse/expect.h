/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Shared by the library's C tests: checks on its error reporting, and
 * the fixture configs as parsed configs.
 */
#ifndef TESTS_LIBJAILHOUSE_EXPECT_H
#define TESTS_LIBJAILHOUSE_EXPECT_H

#include <stdbool.h>

#include "configs.h"
#include "libjailhouse.h"

/* The test bed's system config, or a cell built from @c, parsed in @ctx
 * (the test ends with 99 if that fails). */
/* @data (malloc()ed, freed here) parsed in @ctx as @label, or exit 99 */
struct jh_config *th_config_take(struct jh_ctx *ctx, void *data, size_t size,
				 const char *label);
struct jh_config *th_system_config(struct jh_ctx *ctx);
struct jh_config *th_cell_config(struct jh_ctx *ctx, const struct fx_cell *c);

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

#endif /* TESTS_LIBJAILHOUSE_EXPECT_H */
