// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Messages of one planning run: handed to the caller's callback as they
 * happen; warnings are also kept so the plan can print them (--json).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void jhl_ctx_init(struct jhl_ctx *ctx, const struct jhl_request *req)
{
	memset(ctx, 0, sizeof(*ctx));
	if (!req)
		return;
	ctx->log = req->log;
	ctx->log_data = req->log_data;
	ctx->strict = req->strict;
}

void jhl_ctx_release(struct jhl_ctx *ctx)
{
	unsigned int n;

	for (n = 0; n < ctx->num_warnings; n++)
		free(ctx->warnings[n]);
	free(ctx->warnings);
	ctx->warnings = NULL;
	ctx->num_warnings = 0;
}

static void keep_warning(struct jhl_ctx *ctx, const char *msg)
{
	char **list, *copy;

	copy = strdup(msg);
	if (!copy)
		return;
	list = realloc(ctx->warnings,
		       (ctx->num_warnings + 1) * sizeof(*list));
	if (!list) {
		free(copy);
		return;
	}
	list[ctx->num_warnings++] = copy;
	ctx->warnings = list;
}

void jhl_vlog(struct jhl_ctx *ctx, enum jhl_log_level level,
	      const char *fmt, va_list ap)
{
	char msg[1024];

	vsnprintf(msg, sizeof(msg), fmt, ap);
	if (level == JHL_LOG_WARN)
		keep_warning(ctx, msg);
	if (ctx->log)
		ctx->log(ctx->log_data, level, msg);
}

#define DEFINE_LOG(fn, level)					\
void fn(struct jhl_ctx *ctx, const char *fmt, ...)		\
{								\
	va_list ap;						\
								\
	va_start(ap, fmt);					\
	jhl_vlog(ctx, level, fmt, ap);				\
	va_end(ap);						\
}

DEFINE_LOG(jhl_err, JHL_LOG_ERR)
DEFINE_LOG(jhl_warn, JHL_LOG_WARN)
DEFINE_LOG(jhl_info, JHL_LOG_INFO)

struct jhl_size_str jhl_size(__u64 bytes)
{
	static const char *const unit[] = { "KiB", "MiB", "GiB", "TiB" };
	struct jhl_size_str str;
	unsigned int u = 0;
	double val;

	if (bytes < 1024) {
		snprintf(str.s, sizeof(str.s), "%llu bytes",
			 (unsigned long long)bytes);
		return str;
	}
	val = bytes / 1024.0;
	while (val >= 1024.0 && u < 3) {
		val /= 1024.0;
		u++;
	}
	if (val == (double)(__u64)val)
		snprintf(str.s, sizeof(str.s), "%.0f %s", val, unit[u]);
	else
		snprintf(str.s, sizeof(str.s), "%.1f %s", val, unit[u]);
	return str;
}
