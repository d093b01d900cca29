// SPDX-License-Identifier: GPL-2.0-only
/*
 * cell: the dispatcher and the simple life-cycle commands.
 */
#include <stdio.h>

#include "cli.h"

static const char cell_usage[] = "cell SUB-COMMAND [ARGS]\n"
	"Sub-commands: create, list, load, start, shutdown, destroy, stats,\n"
	"linux; others run the extension script jailhouse-cell-SUB-COMMAND.\n"
	"Each takes --help.";

static const struct cmd cell_commands[] = {
	{ "create", cmd_cell_create },
	{ "list", cmd_cell_list },
	{ "load", cmd_cell_load },
	{ "start", cmd_cell_start },
	{ "shutdown", cmd_cell_shutdown },
	{ "destroy", cmd_cell_destroy },
	{ "stats", cmd_cell_stats },
	{ "linux", cmd_cell_linux },
	{ NULL, NULL },
};

int cmd_cell(int argc, char **argv)
{
	return cli_dispatch(cell_commands, "cell", argc, argv, cell_usage);
}

static const char create_usage[] = "cell create CELLCONFIG\n"
	"Checks the cell config and creates the cell, shut down.";

int cmd_cell_create(int argc, char **argv)
{
	struct jh_config *cfg;
	struct jh_cell *cell;
	struct jh_ctx *ctx;
	int ret;

	if (argc == 2 && cli_is_help(argv[1]))
		return cli_print_help(create_usage);
	if (argc != 2)
		return cli_usage_error(create_usage,
				       "cell create needs exactly one cell config");
	ret = cli_ctx(&ctx);
	if (ret)
		return ret;
	if (jh_config_new_from_file(ctx, argv[1], &cfg)) {
		ret = cli_config_error(ctx);
		goto out_ctx;
	}
	if (jh_cell_create(ctx, cfg, &cell)) {
		ret = cli_error(ctx);
		cli_console_tail(ctx);
	} else {
		jh_cell_unref(cell);
	}
	jh_config_unref(cfg);
out_ctx:
	jh_ctx_unref(ctx);
	return ret;
}

/* start, shutdown and destroy: one cell argument, one call. */
static int simple_op(int argc, char **argv, const char *usage,
		     int (*op)(struct jh_cell *cell))
{
	struct jh_cell *cell;
	struct jh_ctx *ctx;
	int i = 1, ret;

	if (argc == 2 && cli_is_help(argv[1]))
		return cli_print_help(usage);
	ret = cli_ctx(&ctx);
	if (ret)
		return ret;
	ret = cli_cell_arg(ctx, argc, argv, &i, usage, &cell);
	if (ret)
		goto out_ctx;
	if (i < argc) {
		ret = cli_usage_error(usage, "unexpected argument '%s'", argv[i]);
	} else if (op(cell)) {
		ret = cli_error(ctx);
		cli_console_tail(ctx);
	}
	jh_cell_unref(cell);
out_ctx:
	jh_ctx_unref(ctx);
	return ret;
}

int cmd_cell_start(int argc, char **argv)
{
	return simple_op(argc, argv, "cell start { ID | [--name] NAME }\n"
			 "Starts the cell at its reset address.", jh_cell_start);
}

int cmd_cell_shutdown(int argc, char **argv)
{
	return simple_op(argc, argv, "cell shutdown { ID | [--name] NAME }\n"
			 "Stops the cell and keeps it for loading and starting.",
			 jh_cell_shutdown);
}

int cmd_cell_destroy(int argc, char **argv)
{
	return simple_op(argc, argv, "cell destroy { ID | [--name] NAME }\n"
			 "Destroys the cell and gives its resources back to the root cell.",
			 jh_cell_destroy);
}
