// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The library context: root directory, logging and the last error.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

struct jh_ctx {
	int refcount;
	char *root;		/* "" for the live system: paths start with "/" */
	bool autoload;
	jh_log_fn log_fn;
	void *log_data;
	int log_priority;
	enum jh_error last_code;
	char last_msg[JH_ERRMSG_MAX];
	/* the driver's reason for the last failed ioctl, "" if none */
	char reason[JAILHOUSE_REASON_SIZE];
};

static void log_stderr(void *data, int priority, const char *msg)
{
	(void)data;
	(void)priority;
	fprintf(stderr, "libjailhouse: %s\n", msg);
}

static int parse_priority(const char *s)
{
	static const struct {
		const char *name;
		int prio;
	} names[] = {
		{ "err", LOG_ERR }, { "error", LOG_ERR },
		{ "warning", LOG_WARNING }, { "notice", LOG_NOTICE },
		{ "info", LOG_INFO }, { "debug", LOG_DEBUG },
	};
	char *end;
	long val;
	size_t i;

	val = strtol(s, &end, 10);
	if (end != s && *end == '\0' && val >= 0 && val <= LOG_DEBUG)
		return (int)val;
	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (!strcasecmp(s, names[i].name))
			return names[i].prio;
	return LOG_ERR;
}

/* Drops trailing slashes so that root + "/sys/..." never doubles them. */
static char *normalize_root(const char *root)
{
	size_t len;
	char *copy;

	if (!root)
		root = "/";
	len = strlen(root);
	while (len > 0 && root[len - 1] == '/')
		len--;
	copy = strndup(root, len);
	return copy;
}

JH_EXPORT const char *jh_version(void)
{
	return PACKAGE_VERSION;
}

JH_EXPORT int jh_ctx_new(const char *root, struct jh_ctx **out)
{
	struct jh_ctx *ctx;
	const char *env;

	if (!out || (root && root[0] != '/'))
		return -EINVAL;

	ctx = calloc(1, sizeof(*ctx));
	if (!ctx)
		return -ENOMEM;

	ctx->root = normalize_root(root);
	if (!ctx->root) {
		free(ctx);
		return -ENOMEM;
	}
	ctx->refcount = 1;
	ctx->autoload = ctx->root[0] == '\0';
	ctx->log_fn = log_stderr;
	ctx->log_priority = LOG_ERR;
	env = secure_getenv("JAILHOUSE_LOG");
	if (env)
		ctx->log_priority = parse_priority(env);

	jh_dbg(ctx, "context %p created, root '%s'", (void *)ctx,
	       jh_ctx_get_root(ctx));
	*out = ctx;
	return 0;
}

JH_EXPORT struct jh_ctx *jh_ctx_ref(struct jh_ctx *ctx)
{
	ctx->refcount++;
	return ctx;
}

JH_EXPORT struct jh_ctx *jh_ctx_unref(struct jh_ctx *ctx)
{
	if (!ctx || --ctx->refcount > 0)
		return ctx;
	free(ctx->root);
	free(ctx);
	return NULL;
}

JH_EXPORT const char *jh_ctx_get_root(const struct jh_ctx *ctx)
{
	return ctx->root[0] ? ctx->root : "/";
}

bool jh_ctx_is_live(const struct jh_ctx *ctx)
{
	return ctx->root[0] == '\0';
}

bool jh_ctx_autoload(const struct jh_ctx *ctx)
{
	return ctx->autoload;
}

JH_EXPORT void jh_ctx_set_log_fn(struct jh_ctx *ctx, jh_log_fn fn, void *data)
{
	ctx->log_fn = fn ? fn : log_stderr;
	ctx->log_data = fn ? data : NULL;
}

JH_EXPORT void jh_ctx_set_log_priority(struct jh_ctx *ctx, int priority)
{
	ctx->log_priority = priority;
}

JH_EXPORT int jh_ctx_get_log_priority(const struct jh_ctx *ctx)
{
	return ctx->log_priority;
}

JH_EXPORT int jh_ctx_set_module_autoload(struct jh_ctx *ctx, bool enable)
{
	/* A fake root has no modules of its own to load. */
	if (enable && !jh_ctx_is_live(ctx))
		return jh_fail(ctx, EINVAL, JH_ERR_INVALID_ARGUMENT,
			       "module autoload needs the live system, not root %s",
			       ctx->root);
	ctx->autoload = enable;
	return 0;
}

JH_EXPORT const char *jh_ctx_last_error(const struct jh_ctx *ctx)
{
	return ctx->last_msg;
}

JH_EXPORT enum jh_error jh_ctx_last_error_code(const struct jh_ctx *ctx)
{
	return ctx->last_code;
}

char *jh_ctx_reason(struct jh_ctx *ctx)
{
	return ctx->reason;
}

void jh_log(struct jh_ctx *ctx, int priority, const char *fmt, ...)
{
	char msg[JH_ERRMSG_MAX];
	va_list ap;

	if (priority > ctx->log_priority)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	ctx->log_fn(ctx->log_data, priority, msg);
}

int jh_fail(struct jh_ctx *ctx, int errnum, enum jh_error code,
	    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ctx->last_msg, sizeof(ctx->last_msg), fmt, ap);
	va_end(ap);
	ctx->last_code = code;
	jh_dbg(ctx, "error (%s): %s", jh_error_name(code), ctx->last_msg);
	return -errnum;
}

int jh_fail_nomem(struct jh_ctx *ctx)
{
	return jh_fail(ctx, ENOMEM, JH_ERR_NO_MEMORY, "out of memory");
}

void jh_error_prefix(struct jh_ctx *ctx, const char *fmt, ...)
{
	char msg[JH_ERRMSG_MAX];
	size_t len, old;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	len = strlen(msg);
	if (len + 3 < sizeof(msg)) {
		memcpy(msg + len, ": ", 2);
		len += 2;
		old = strlen(ctx->last_msg);
		if (old > sizeof(msg) - 1 - len)
			old = sizeof(msg) - 1 - len;
		memcpy(msg + len, ctx->last_msg, old);
		msg[len + old] = '\0';
	}
	memcpy(ctx->last_msg, msg, sizeof(msg));
}
