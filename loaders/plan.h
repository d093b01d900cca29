/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The plan object, shared by its builder, segment list and printers.
 */
#ifndef JH_LOADERS_PLAN_H
#define JH_LOADERS_PLAN_H

#include "internal.h"

struct jhl_plan {
	struct jhl_plan_info info;
	struct jhl_ctx ctx;		/* keeps the warnings */
	struct jhl_segment *segs;
	unsigned int num_segs;

	/* Copied from the cell config, which the caller may free. */
	char cell_name[JAILHOUSE_CELL_NAME_MAXLEN + 1];
	char cpus[128];
	struct jailhouse_memory *mem;
	unsigned int num_mem;

	const struct jhl_source *kernel_src, *dtb_src, *initrd_src, *loader_src;
	struct jhl_kernel kernel;
	void *loader;
	__u64 loader_size;
	__u64 loader_reserved;		/* image, parameters, stack */
	void *dtb;
	size_t dtb_size;
	char params[JHL_PARAMS_MAX];
};

int jhl_plan_build_segments(struct jhl_plan *plan, const struct jhl_cell *cell);

#endif /* !JH_LOADERS_PLAN_H */
