// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Shared by the library's C tests; see expect.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expect.h"

bool th_has(const char *text, const char *part)
{
	bool ok = text && strstr(text, part) != NULL;

	if (!ok)
		printf("#   '%s' lacks '%s'\n", text ? text : "(null)", part);
	return ok;
}

bool th_error_is(struct jh_ctx *ctx, int ret, int err, enum jh_error code,
		 const char *msg)
{
	return ret == err && jh_ctx_last_error_code(ctx) == code &&
	       th_has(jh_ctx_last_error(ctx), msg);
}

void th_show_error(struct jh_ctx *ctx, int ret)
{
	printf("#   got %d (%s): %s\n", ret,
	       jh_error_name(jh_ctx_last_error_code(ctx)),
	       jh_ctx_last_error(ctx));
}

struct jh_config *th_config_take(struct jh_ctx *ctx, void *data, size_t size,
				 const char *label)
{
	struct jh_config *cfg;

	if (jh_config_new_from_buffer(ctx, data, size, label, &cfg))
		exit(99);
	free(data);
	return cfg;
}

struct jh_config *th_system_config(struct jh_ctx *ctx)
{
	struct fx_system s;
	size_t size;
	void *data;

	fx_qemu_system(&s);
	data = fx_build_system(&s, &size);
	return th_config_take(ctx, data, size, "sys.cell");
}

struct jh_config *th_cell_config(struct jh_ctx *ctx, const struct fx_cell *c)
{
	size_t size;
	void *data;

	data = fx_build_cell(c, &size);
	return th_config_take(ctx, data, size, "cell.cell");
}
