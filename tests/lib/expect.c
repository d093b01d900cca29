// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Checks on libjailhouse's error reporting, shared by the C tests.
 */
#include <stdio.h>
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
