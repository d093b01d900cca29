// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * An ioctl's errno as a message, from the contract's rows
 * (ioctl-errnos.c), which follow driver/ERRORS.md and still read
 * upstream's drivers right.
 */
#include <errno.h>
#include <string.h>

#include "internal.h"

/*
 * The refusing layer's own words if the driver passed them up (what the
 * driver checked, or the hypervisor's console line), else the contract's
 * message for err, or the system's if it has none; the contract gives
 * the cause's code either way.
 */
static int fail_with(struct jh_ctx *ctx, const char *what, int err,
		     enum jh_ioctl_req req)
{
	const struct jh_ioctl_errno *row = jh_ioctl_errno_find(req, err);
	const char *reason = jh_ctx_reason(ctx);

	return jh_fail(ctx, err, row ? row->code : JH_ERR_HYPERVISOR, "%s: %s",
		       what, reason[0] ? reason : row ? row->text : strerror(err));
}

int jh_ioctl_fail_enable(struct jh_ctx *ctx, int err)
{
	/* The hypervisor's own refusal comes back as a plain errno. */
	if ((err == EBUSY && jh_is_enabled(ctx) != 1) ||
	    !jh_ioctl_errno_find(JH_REQ_ENABLE, err)) {
		if (jh_ctx_reason(ctx)[0])
			return jh_fail(ctx, err, JH_ERR_HYPERVISOR,
				       "enable: %s", jh_ctx_reason(ctx));
		return jh_fail(ctx, err, JH_ERR_HYPERVISOR,
			       "enable: the hypervisor failed to start: %s (see its console)",
			       strerror(err));
	}
	return fail_with(ctx, "enable", err, JH_REQ_ENABLE);
}

int jh_ioctl_fail_disable(struct jh_ctx *ctx, int err)
{
	return fail_with(ctx, "disable", err, JH_REQ_DISABLE);
}

int jh_ioctl_fail_create(struct jh_ctx *ctx, const char *src, int err)
{
	return fail_with(ctx, src, err, JH_REQ_CREATE);
}

int jh_ioctl_fail_cell(struct jh_ctx *ctx, enum jh_ioctl_req req,
		       const char *what, int err)
{
	return fail_with(ctx, what, err, req);
}
