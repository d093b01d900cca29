// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The Linux boot API of a library built without the native loader (no
 * zlib or libfdt at build time): the same symbols, and every attempt to
 * plan or boot says why it cannot. No plan can exist, so the accessors
 * are never reached with one.
 */
#include <errno.h>

#include "linux.h"

static int not_built(struct jh_ctx *ctx)
{
	return jh_fail(ctx, ENOTSUP, JH_ERR_NOT_SUPPORTED,
		       "this libjailhouse was built without the Linux loader (rebuild it with zlib and libfdt)");
}

JH_EXPORT int jh_linux_plan(struct jh_linux *req, struct jh_linux_plan **plan)
{
	(void)plan;
	return not_built(req->ctx);
}

JH_EXPORT int jh_linux_boot(struct jh_linux *req, struct jh_cell **cell)
{
	(void)cell;
	return not_built(req->ctx);
}

JH_EXPORT void jh_linux_plan_free(struct jh_linux_plan *plan)
{
	(void)plan;
}

JH_EXPORT int jh_linux_plan_verify(struct jh_linux_plan *plan)
{
	(void)plan;
	return -ENOTSUP;
}

JH_EXPORT unsigned int
jh_linux_plan_get_num_segments(const struct jh_linux_plan *plan)
{
	(void)plan;
	return 0;
}

JH_EXPORT int jh_linux_plan_get_segment(const struct jh_linux_plan *plan,
					unsigned int idx,
					struct jh_linux_segment *seg)
{
	(void)plan;
	(void)idx;
	(void)seg;
	return -ERANGE;
}

JH_EXPORT void jh_linux_plan_get_info(const struct jh_linux_plan *plan,
				      struct jh_linux_info *info)
{
	(void)plan;
	(void)info;
}

JH_EXPORT const char *jh_linux_plan_get_name(const struct jh_linux_plan *plan)
{
	(void)plan;
	return "";
}

JH_EXPORT const char *jh_linux_plan_get_params(const struct jh_linux_plan *plan)
{
	(void)plan;
	return "";
}

JH_EXPORT const void *jh_linux_plan_get_dtb(const struct jh_linux_plan *plan,
					    size_t *size)
{
	(void)plan;
	*size = 0;
	return NULL;
}

JH_EXPORT unsigned int
jh_linux_plan_get_num_warnings(const struct jh_linux_plan *plan)
{
	(void)plan;
	return 0;
}

JH_EXPORT const char *
jh_linux_plan_get_warning(const struct jh_linux_plan *plan, unsigned int idx)
{
	(void)plan;
	(void)idx;
	return NULL;
}

JH_EXPORT int jh_linux_plan_print(const struct jh_linux_plan *plan, FILE *out,
				  unsigned int flags)
{
	(void)plan;
	(void)out;
	(void)flags;
	return -ENOTSUP;
}

JH_EXPORT int jh_linux_plan_write_dtb(const struct jh_linux_plan *plan,
				      const char *path)
{
	(void)plan;
	(void)path;
	return -ENOTSUP;
}

JH_EXPORT int jh_linux_plan_print_commands(const struct jh_linux_plan *plan,
					   FILE *out, const char *cell_path,
					   const char *dtb_path)
{
	(void)plan;
	(void)out;
	(void)cell_path;
	(void)dtb_path;
	return -ENOTSUP;
}

JH_EXPORT int jh_linux_plan_boot(struct jh_linux_plan *plan,
				 struct jh_cell **cell)
{
	(void)plan;
	(void)cell;
	return -ENOTSUP;
}

JH_EXPORT void jh_linux_plan_set_cancel(struct jh_linux_plan *plan,
					const volatile sig_atomic_t *flag)
{
	(void)plan;
	(void)flag;
}
