// SPDX-License-Identifier: GPL-2.0-only
/*
 * enable and disable.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char enable_usage[] = "enable [--] SYSCONFIG\n"
	"Checks the system config and enables the hypervisor with it.";
static const char disable_usage[] = "disable\n"
	"Destroys all non-root cells and disables the hypervisor.\n"
	"Arguments are ignored, as upstream ignores them.";

int cmd_enable(int argc, char **argv)
{
	struct jh_config *sys;
	struct jh_ctx *ctx;
	int i = 1, ret;

	if (argc == 2 && cli_is_help(argv[1]))
		return cli_print_help(enable_usage);
	if (argc > 1 && !strcmp(argv[1], "--"))
		i++;
	if (argc - i != 1)
		return cli_usage_error(enable_usage,
				       "enable needs exactly one system config");
	ret = cli_ctx(&ctx);
	if (ret)
		return ret;
	if (jh_config_new_from_file(ctx, argv[i], &sys)) {
		ret = cli_config_error(ctx);
		goto out_ctx;
	}
	if (jh_enable(ctx, sys)) {
		ret = cli_error(ctx);
		cli_console_tail(ctx);
	}
	jh_config_unref(sys);
out_ctx:
	jh_ctx_unref(ctx);
	return ret;
}

int cmd_disable(int argc, char **argv)
{
	struct jh_ctx *ctx;
	int i = 1, ret;

	if (argc == 2 && cli_is_help(argv[1]))
		return cli_print_help(disable_usage);
	/* Upstream ignores arguments; scripts may rely on that. */
	if (argc > 1 && !strcmp(argv[1], "--"))
		i++;
	if (i < argc)
		cli_warn("warning: disable takes no arguments; ignoring '%s'%s",
			 argv[i], argc - i > 1 ? " and the rest" : "");
	ret = cli_ctx(&ctx);
	if (ret)
		return ret;
	if (jh_disable(ctx)) {
		ret = cli_error(ctx);
		cli_console_tail(ctx);
	}
	jh_ctx_unref(ctx);
	return ret;
}
