// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Paths below the context's root directory: the one place where the test
 * seam (a fake root) meets the real file names.
 */
#include <errno.h>
#include <stdio.h>

#include "internal.h"

int jh_path(struct jh_ctx *ctx, char *buf, const char *fmt, ...)
{
	const char *root = jh_ctx_get_root(ctx);
	size_t used = 0;
	va_list ap;
	int len;

	if (!jh_ctx_is_live(ctx)) {
		len = snprintf(buf, PATH_MAX, "%s", root);
		if (len < 0 || len >= PATH_MAX)
			goto err_long;
		used = (size_t)len;
	}
	va_start(ap, fmt);
	len = vsnprintf(buf + used, PATH_MAX - used, fmt, ap);
	va_end(ap);
	if (len < 0 || (size_t)len >= PATH_MAX - used)
		goto err_long;
	return 0;

err_long:
	return jh_fail(ctx, ENAMETOOLONG, JH_ERR_INVALID_ARGUMENT,
		       "path below root %s is too long", root);
}
