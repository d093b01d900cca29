// SPDX-License-Identifier: GPL-2.0-only
/*
 * jailhouse: manage the Jailhouse partitioning hypervisor. Entry point
 * and top-level command table.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

const char *cli_argv0 = "jailhouse";
const char cli_name[] = "jailhouse";

static const char usage[] =
	"COMMAND [ARGS]\n"
	"\n"
	"Commands:\n"
	"  enable SYSCONFIG                   check SYSCONFIG, start the hypervisor\n"
	"  disable                            destroy all cells, stop the hypervisor\n"
	"  console [-f | --follow]            print the hypervisor console\n"
	"  cell create CELLCONFIG             create a cell (shut down)\n"
	"  cell list [--json]                 list the cells\n"
	"  cell load CELL IMAGE [-a ADDR] [--raw] [-s STRING -a ADDR]...\n"
	"                                     load images into a stopped cell\n"
	"  cell start CELL                    start a cell\n"
	"  cell shutdown CELL                 stop a cell, keep it\n"
	"  cell destroy CELL                  destroy a cell\n"
	"  cell stats CELL [--json] [--watch [SECONDS]]\n"
	"                                     show a cell's exit statistics\n"
	"  cell linux CELLCONFIG KERNEL [-d DTB] [-i INITRD] [-c CMDLINE] ...\n"
	"                                     boot Linux in a cell\n"
	"  config check SYSCONFIG [CELLCONFIG...] [--json]\n"
	"                                     check configs offline\n"
	"  config show CONFIG                 print a config readably\n"
	"  doctor [SYSCONFIG [CELLCONFIG...]] [--json]\n"
	"                                     check this machine can run them\n"
	"\n"
	"CELL is a numeric ID or a name; --name NAME forces a name.\n"
	"Other \"CMD SUB\" pairs run the extension script jailhouse-CMD-SUB\n"
	"from " JH_LIBEXECDIR " or PATH.\n"
	"Each command takes --help.\n"
	"\n"
	"Exit status: 0 success, 1 the operation failed, 2 usage error,\n"
	"3 a config file is unreadable or invalid.\n"
	"Environment: JAILHOUSE_LOG=err|warning|info|debug sets libjailhouse's\n"
	"log level (default: warning).";

static const struct cmd commands[] = {
	{ "enable", cmd_enable },
	{ "disable", cmd_disable },
	{ "console", cmd_console },
	{ "cell", cmd_cell },
	{ "config", cmd_config },
	{ "doctor", cmd_doctor },
	{ NULL, NULL },
};

int main(int argc, char **argv)
{
	const struct cmd *c;

	if (argc > 0 && argv[0] && argv[0][0])
		cli_argv0 = argv[0];
	if (argc < 2)
		return cli_usage_error(usage, "missing command");
	if (cli_is_help(argv[1]))
		return cli_print_help(usage);
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
		printf("Jailhouse management tool %s (libjailhouse %s)\n",
		       PACKAGE_VERSION, jh_version());
		return EXIT_OK;
	}
	for (c = commands; c->name; c++)
		if (!strcmp(c->name, argv[1]))
			return c->run(argc - 1, argv + 1);
	if (argv[1][0] == '-')
		return cli_usage_error(usage, "unknown option '%s'", argv[1]);
	if (argc >= 3 && argv[2][0] != '-')
		return cli_run_extension(argv[1], argc - 2, argv + 2);
	return cli_usage_error(usage, "unknown command '%s'", argv[1]);
}
