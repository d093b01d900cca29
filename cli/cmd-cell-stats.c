// SPDX-License-Identifier: GPL-2.0-only
/*
 * cell stats: the cell's exit counters, total and per CPU, as a table,
 * JSON, or refreshed every few seconds with rates (--watch).
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "json-writer.h"

static const char stats_usage[] =
	"cell stats { ID | [--name] NAME } [--json] [--watch [SECONDS]]\n"
	"Prints the cell's exit counters, summed and per CPU. --watch redraws\n"
	"them every SECONDS (default 1) with the rate per second, until\n"
	"interrupted.";

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

/* Upstream's names without the common "vmexits_" prefix. */
static const char *short_name(const char *name)
{
	return strncmp(name, "vmexits_", 8) ? name : name + 8;
}

static void print_table(struct jh_cell *cell, const struct jh_stats *st,
			const struct jh_stats *prev, double secs)
{
	unsigned int c, i, ncpus = jh_stats_get_num_cpus(st);

	printf("Statistics for cell %d (%s)\n\n", jh_cell_get_id(cell),
	       jh_cell_get_name(cell));
	printf("%-16s %12s", "COUNTER", "TOTAL");
	if (prev)
		printf(" %10s", "PER SEC");
	for (c = 0; c < ncpus; c++) {
		char head[16];

		snprintf(head, sizeof(head), "CPU%u", jh_stats_get_cpu(st, c));
		printf(" %12s", head);
	}
	putchar('\n');
	for (i = 0; i < jh_stats_get_num_counters(st); i++) {
		uint64_t total = jh_stats_get_total(st, i);

		printf("%-16s %12llu", short_name(jh_stats_get_counter_name(st, i)),
		       (unsigned long long)total);
		if (prev) {
			uint64_t old = jh_stats_get_total(prev, i);

			printf(" %10.0f", total >= old && secs > 0 ?
			       (double)(total - old) / secs : 0.0);
		}
		for (c = 0; c < ncpus; c++)
			printf(" %12llu", (unsigned long long)
			       jh_stats_get_cpu_value(st, c, i));
		putchar('\n');
	}
}

static void print_json(struct jh_cell *cell, const struct jh_stats *st)
{
	unsigned int c, i;
	struct json j;

	json_init(&j, stdout);
	json_object_begin(&j, NULL);
	json_int(&j, "id", jh_cell_get_id(cell));
	json_string(&j, "name", jh_cell_get_name(cell));
	json_array_begin(&j, "counters");
	for (i = 0; i < jh_stats_get_num_counters(st); i++) {
		json_object_begin(&j, NULL);
		json_string(&j, "name", jh_stats_get_counter_name(st, i));
		json_uint(&j, "total", jh_stats_get_total(st, i));
		json_array_begin(&j, "per_cpu");
		for (c = 0; c < jh_stats_get_num_cpus(st); c++) {
			json_object_begin(&j, NULL);
			json_uint(&j, "cpu", jh_stats_get_cpu(st, c));
			json_uint(&j, "value", jh_stats_get_cpu_value(st, c, i));
			json_object_end(&j);
		}
		json_array_end(&j);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_object_end(&j);
}

static int watch(struct jh_ctx *ctx, struct jh_cell *cell, unsigned int secs)
{
	struct jh_stats *st, *prev = NULL;
	bool tty = isatty(STDOUT_FILENO);
	struct timespec pause = { secs, 0 };

	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	while (!stop) {
		if (jh_cell_get_stats(cell, &st)) {
			jh_stats_free(prev);
			return cli_error(ctx);
		}
		/* Like top, but plain text: redraw on a terminal, append otherwise. */
		if (tty)
			fputs("\033[H\033[2J", stdout);
		else if (prev)
			putchar('\n');
		print_table(cell, st, prev, secs);
		fflush(stdout);
		jh_stats_free(prev);
		prev = st;
		if (nanosleep(&pause, NULL) && errno != EINTR)
			break;
	}
	jh_stats_free(prev);
	return EXIT_OK;
}

int cmd_cell_stats(int argc, char **argv)
{
	unsigned int every = 0;
	bool as_json = false;
	struct jh_stats *st;
	struct jh_cell *cell;
	struct jh_ctx *ctx;
	int i = 1, ret;

	if (argc == 2 && cli_is_help(argv[1]))
		return cli_print_help(stats_usage);
	/* the cell is looked up first: its error is JSON too */
	for (i = 1; i < argc; i++)
		if (!strcmp(argv[i], "--json"))
			cli_json = true;
	i = 1;
	ret = cli_ctx(&ctx);
	if (ret)
		return ret;
	ret = cli_cell_arg(ctx, argc, argv, &i, stats_usage, &cell);
	if (ret)
		goto out_ctx;
	for (; i < argc && !ret; i++) {
		uint64_t n = 1;

		if (!strcmp(argv[i], "--json")) {
			as_json = cli_json = true;
		} else if (!strcmp(argv[i], "--watch")) {
			every = 1;
			if (i + 1 < argc && argv[i + 1][0] != '-') {
				if (cli_parse_u64(argv[++i], &n) || !n || n > 3600)
					ret = cli_usage_error(stats_usage,
							      "invalid interval '%s' (1-3600 seconds)",
							      argv[i]);
				every = (unsigned int)n;
			}
		} else {
			ret = cli_usage_error(stats_usage,
					      "unexpected argument '%s'", argv[i]);
		}
	}
	if (!ret && as_json && every)
		ret = cli_usage_error(stats_usage,
				      "--json and --watch do not go together");
	if (ret)
		goto out_cell;

	if (every) {
		ret = watch(ctx, cell, every);
	} else if (jh_cell_get_stats(cell, &st)) {
		ret = cli_error(ctx);
	} else {
		if (as_json)
			print_json(cell, st);
		else
			print_table(cell, st, NULL, 0);
		jh_stats_free(st);
	}
out_cell:
	jh_cell_unref(cell);
out_ctx:
	jh_ctx_unref(ctx);
	return ret;
}
