/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * A plan to boot Linux in a cell: the loader's plan plus everything it
 * borrows (open files, bytes, the cell config), shared by the planner
 * glue (linux-plan.c) and the code that executes it (linux-boot.c).
 */
#ifndef _LIBJAILHOUSE_LINUX_PLAN_H
#define _LIBJAILHOUSE_LINUX_PLAN_H

#include "jhloader.h"
#include "linux.h"

struct jh_linux_plan {
	struct jh_ctx *ctx;
	struct jh_config *cell;		/* what the cell is created from */
	struct jh_config *sys;		/* NULL: none; both referenced */
	/* The sources the loader's plan reads from while loading. */
	struct jhl_source src[JH_LINUX_NUM_INPUTS];
	bool open[JH_LINUX_NUM_INPUTS];
	char *path[JH_LINUX_NUM_INPUTS];
	struct jh_blob *blob[JH_LINUX_NUM_INPUTS];
	struct jhl_plan *plan;
	char last_err[1024];		/* the loader's error message */
	const volatile sig_atomic_t *cancel;	/* NULL: none */
	bool reboot;			/* as the request said */
};

/*
 * Fails with the loader's error @err (negative errno): its logged message
 * (last_err; clear it before the call that may fail), else strerror.
 */
int jh_linux_planner_fail(struct jh_linux_plan *plan, int err);

#endif /* !_LIBJAILHOUSE_LINUX_PLAN_H */
