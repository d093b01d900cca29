/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * struct jh_sysgen, shared by its setters (sysgen.c) and its run
 * (sysgen-run.c, or sysgen-none.c in a build without libfdt).
 */
#ifndef JH_LIB_SYSGEN_H
#define JH_LIB_SYSGEN_H

#include "confgen.h"

struct jh_sysgen {
	struct jh_ctx *ctx;
	char *dtb_path, *iomem_path;	/* NULL: the running system's */
	bool no_iomem;
	uint64_t linux_mem;		/* mem= instead of iomem, 0: none */
	char dtb_shown[PATH_MAX], iomem_shown[PATH_MAX];
	struct jhg_params params;
	char *name;
	bool done;
	bool want_cell;			/* a cell, not the system config */
	char *cell_name;
	char *cell_devices[JHG_MAX_CELL_DEVICES];
	struct jhg_cell_params cell_params;
	struct jhg_board board;
	struct jhg_system sys;
	struct jhg_cell cell;
};

/* Frees what a run made (sysgen-run.c; nothing in sysgen-none.c). */
void jh_sysgen_release(struct jh_sysgen *gen);

#endif /* !JH_LIB_SYSGEN_H */
