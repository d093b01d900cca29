// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * jh_sysgen: a system config made from a board's device tree (the running
 * system's /sys/firmware/fdt, or a DTB file) and /proc/iomem (the running
 * system's, a copy, or none). The work is confgen/'s; this is the public
 * face: inputs, one run, and the result as C, a .cell or JSON.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "sysgen.h"

JH_EXPORT int jh_sysgen_new(struct jh_ctx *ctx, struct jh_sysgen **out)
{
	struct jh_sysgen *gen = calloc(1, sizeof(*gen));

	if (!gen)
		return jh_fail_nomem(ctx);
	gen->ctx = jh_ctx_ref(ctx);
	gen->params.hv_start = JH_SYSGEN_ANY;
	*out = gen;
	return 0;
}

JH_EXPORT void jh_sysgen_free(struct jh_sysgen *gen)
{
	if (!gen)
		return;
	free(gen->dtb_path);
	free(gen->iomem_path);
	free(gen->name);
	jh_ctx_unref(gen->ctx);
	free(gen);
}

static int set_string(struct jh_sysgen *gen, char **dst, const char *src)
{
	char *copy = NULL;

	if (src) {
		copy = strdup(src);
		if (!copy)
			return jh_fail_nomem(gen->ctx);
	}
	free(*dst);
	*dst = copy;
	return 0;
}

JH_EXPORT int jh_sysgen_set_dtb_file(struct jh_sysgen *gen, const char *path)
{
	return set_string(gen, &gen->dtb_path, path);
}

JH_EXPORT int jh_sysgen_set_iomem_file(struct jh_sysgen *gen,
				       const char *path)
{
	gen->no_iomem = path && !path[0];
	return set_string(gen, &gen->iomem_path,
			  path && path[0] ? path : NULL);
}

JH_EXPORT int jh_sysgen_set_linux_mem(struct jh_sysgen *gen, uint64_t bytes)
{
	gen->linux_mem = bytes;
	return 0;
}

JH_EXPORT int jh_sysgen_set_name(struct jh_sysgen *gen, const char *name)
{
	if (name && (!name[0] || strlen(name) > JAILHOUSE_CELL_NAME_MAXLEN))
		return jh_fail(gen->ctx, EINVAL, JH_ERR_INVALID_ARGUMENT,
			       "cell name '%s': 1 to %d characters",
			       name, JAILHOUSE_CELL_NAME_MAXLEN);
	return set_string(gen, &gen->name, name);
}

JH_EXPORT int jh_sysgen_set_hypervisor_memory(struct jh_sysgen *gen,
					      uint64_t start, uint64_t size)
{
	gen->params.hv_start = start;
	gen->params.hv_size = size;
	return 0;
}

JH_EXPORT int jh_sysgen_set_vpci(struct jh_sysgen *gen, bool on)
{
	gen->params.vpci = on;
	return 0;
}

