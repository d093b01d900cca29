// SPDX-License-Identifier: BSD-2-Clause
/*
 * libjailhouse example: list the cells with their state and CPUs, as
 * "jailhouse cell list" does.
 *
 *   cc list-cells.c $(pkg-config --cflags --libs libjailhouse)
 */
#include <stdio.h>
#include <stdlib.h>

#include <libjailhouse.h>

int main(void)
{
	struct jh_cell_list *list;
	struct jh_cpuset *cpus;
	enum jh_cell_state state;
	struct jh_cell *cell;
	struct jh_ctx *ctx;
	unsigned int i;

	/* the live system; the test suite points it at a fake one */
	if (jh_ctx_new(getenv("JAILHOUSE_TEST_ROOT"), &ctx))
		return 1;
	if (jh_cell_list_new(ctx, &list)) {
		fprintf(stderr, "list-cells: %s\n", jh_ctx_last_error(ctx));
		jh_ctx_unref(ctx);
		return 1;
	}
	for (i = 0; i < jh_cell_list_get_count(list); i++) {
		cell = jh_cell_list_get(list, i);
		if (jh_cell_get_state(cell, &state) ||
		    jh_cell_get_cpus_assigned(cell, &cpus))
			continue;	/* destroyed meanwhile */
		printf("%d %s %s %s\n", jh_cell_get_id(cell),
		       jh_cell_get_name(cell), jh_cell_state_name(state),
		       jh_cpuset_to_string(cpus));
		jh_cpuset_free(cpus);
	}
	jh_cell_list_free(list);
	jh_ctx_unref(ctx);
	return 0;
}
