// SPDX-License-Identifier: GPL-2.0-only
/*
 * Extension scripts: "jailhouse CMD SUB ARGS" runs jailhouse-CMD-SUB with
 * argv "SUB ARGS", searched in the directory of this program, then
 * LIBEXECDIR/jailhouse, then PATH (upstream's order and argv).
 */
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static int set_search_path(void)
{
	const char *old = getenv("PATH");
	char *self, *dir, *path;
	int ret;

	self = strdup(cli_argv0);
	if (!self)
		return -ENOMEM;
	dir = strchr(self, '/') ? dirname(self) : NULL;
	ret = asprintf(&path, "%s%s%s%s%s", dir ? dir : "", dir ? ":" : "",
		       JH_LIBEXECDIR, old ? ":" : "", old ? old : "");
	free(self);
	if (ret < 0)
		return -ENOMEM;
	ret = setenv("PATH", path, 1);
	free(path);
	return ret ? -errno : 0;
}

int cli_exec_extension(const char *cmd, char **argv)
{
	char *name;
	int err;

	if (asprintf(&name, "jailhouse-%s-%s", cmd, argv[0]) < 0)
		return ENOMEM;
	err = set_search_path();
	if (!err) {
		execvp(name, argv);
		err = errno;
	}
	free(name);
	return err < 0 ? -err : err;
}

int cli_run_extension(const char *cmd, int argc, char **argv)
{
	int err;

	(void)argc;
	err = cli_exec_extension(cmd, argv);
	if (err == ENOENT) {
		fprintf(stderr,
			"%s: unknown command '%s %s' (no jailhouse-%s-%s in the program's directory, %s or PATH)\n"
			"Try '%s --help'.\n",
			cli_name, cmd, argv[0], cmd, argv[0], JH_LIBEXECDIR,
			cli_name);
		return EXIT_USAGE;
	}
	cli_warn("running jailhouse-%s-%s: %s", cmd, argv[0], strerror(err));
	return EXIT_FAILED;
}
