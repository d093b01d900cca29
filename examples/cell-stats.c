// SPDX-License-Identifier: BSD-2-Clause
/*
 * libjailhouse example: a cell's exit counters, summed over its CPUs
 * and per CPU, as "jailhouse cell stats" shows them.
 *
 *   cell-stats NAME
 *   cc cell-stats.c $(pkg-config --cflags --libs libjailhouse)
 */
#include <stdio.h>
#include <stdlib.h>

#include <libjailhouse.h>

static void print_stats(const struct jh_stats *stats)
{
	unsigned int c, i;

	printf("%-28s %12s", "counter", "total");
	for (i = 0; i < jh_stats_get_num_cpus(stats); i++)
		printf(" %8s%-3u", "CPU", jh_stats_get_cpu(stats, i));
	putchar('\n');
	for (c = 0; c < jh_stats_get_num_counters(stats); c++) {
		printf("%-28s %12llu", jh_stats_get_counter_name(stats, c),
		       (unsigned long long)jh_stats_get_total(stats, c));
		for (i = 0; i < jh_stats_get_num_cpus(stats); i++)
			printf(" %11llu", (unsigned long long)
			       jh_stats_get_cpu_value(stats, i, c));
		putchar('\n');
	}
}

int main(int argc, char **argv)
{
	struct jh_cell *cell = NULL;
	struct jh_stats *stats;
	struct jh_ctx *ctx;
	int ret = 1;

	if (argc != 2) {
		fprintf(stderr, "usage: %s NAME\n", argv[0]);
		return 2;
	}
	if (jh_ctx_new(getenv("JAILHOUSE_TEST_ROOT"), &ctx))
		return 1;
	if (jh_cell_lookup_by_name(ctx, argv[1], &cell) ||
	    jh_cell_get_stats(cell, &stats)) {
		fprintf(stderr, "cell-stats: %s\n", jh_ctx_last_error(ctx));
	} else {
		print_stats(stats);
		jh_stats_free(stats);
		ret = 0;
	}
	jh_cell_unref(cell);
	jh_ctx_unref(ctx);
	return ret;
}
