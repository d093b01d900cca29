// SPDX-License-Identifier: GPL-2.0-only
/*
 * config: the dispatcher and "config check", the offline checker over a
 * system config and any number of cell configs (see check-report.c).
 */
#include "cli.h"

static const char config_usage[] = "config SUB-COMMAND [ARGS]\n"
	"Sub-commands: check, create, show; others run the extension script\n"
	"jailhouse-config-SUB-COMMAND. Each takes --help.";

static const struct cmd config_commands[] = {
	{ "check", cmd_config_check },
	{ "create", cmd_config_create },
	{ "show", cmd_config_show },
	{ NULL, NULL },
};

int cmd_config(int argc, char **argv)
{
	return cli_dispatch(config_commands, "config", argc, argv, config_usage);
}

static const char check_usage[] =
	"config check SYSCONFIG [CELLCONFIG...] [--json]\n"
	"Checks the configs offline, alone and against each other: memory\n"
	"overlaps (inside a cell, between cells, with the hypervisor and the\n"
	"comm region), CPUs, interrupts, alignment, consoles. Exits 3 when it\n"
	"finds errors, 0 when there are only warnings or nothing.";

int cmd_config_check(int argc, char **argv)
{
	return cli_check(argc, argv, check_usage, false);
}
