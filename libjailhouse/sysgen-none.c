// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * jh_sysgen in a build without libfdt: the calls exist and say so.
 */
#include <errno.h>

#include "internal.h"
#include "sysgen.h"

void jh_sysgen_release(struct jh_sysgen *gen)
{
	(void)gen;
}

static int none(struct jh_sysgen *gen)
{
	return jh_fail(gen->ctx, ENOSYS, JH_ERR_NOT_SUPPORTED,
		       "this libjailhouse was built without libfdt: it cannot read device trees");
}

JH_EXPORT int jh_sysgen_run(struct jh_sysgen *gen)
{
	return none(gen);
}

JH_EXPORT int jh_sysgen_write(struct jh_sysgen *gen,
			      enum jh_sysgen_format format, FILE *out)
{
	(void)format;
	(void)out;
	return none(gen);
}

JH_EXPORT int jh_sysgen_get_cell_config(struct jh_sysgen *gen,
					struct jh_config **cfg)
{
	(void)cfg;
	return none(gen);
}

JH_EXPORT int jh_sysgen_get_config(struct jh_sysgen *gen,
				   struct jh_config **cfg)
{
	(void)cfg;
	return none(gen);
}
