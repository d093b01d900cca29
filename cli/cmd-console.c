// SPDX-License-Identifier: GPL-2.0-only
/*
 * console: print the hypervisor console; -f keeps following it.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char console_usage[] = "console [-f | --follow]\n"
	"Prints the hypervisor console. With --follow, waits for new output\n"
	"until interrupted.";

static int write_all(const char *buf, size_t len)
{
	ssize_t n;

	while (len) {
		n = write(STDOUT_FILENO, buf, len);
		if (n < 0)
			return -1;
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

int cmd_console(int argc, char **argv)
{
	struct jh_console *con;
	struct jh_ctx *ctx;
	bool follow = false;
	char buf[256];
	ssize_t n;
	int ret;

	if (argc == 2 && cli_is_help(argv[1]))
		return cli_print_help(console_usage);
	if (argc == 2 && (!strcmp(argv[1], "-f") ||
			  !strcmp(argv[1], "--follow")))
		follow = true;
	else if (argc != 1)
		return cli_usage_error(console_usage, "unexpected argument '%s'",
				       argv[1]);

	ret = cli_ctx(&ctx);
	if (ret)
		return ret;
	if (jh_console_open(ctx, follow ? 0 : JH_CONSOLE_NONBLOCK, &con)) {
		ret = cli_error(ctx);
		goto out_ctx;
	}
	while ((n = jh_console_read(con, buf, sizeof(buf))) > 0) {
		if (write_all(buf, (size_t)n)) {
			cli_warn("writing the console text: %s",
				 strerror(errno));
			ret = EXIT_FAILED;
			break;
		}
	}
	if (n < 0)
		ret = cli_error(ctx);
	jh_console_close(con);
out_ctx:
	jh_ctx_unref(ctx);
	return ret;
}
