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

int cli_run_extension(const char *cmd, int argc, char **argv)
{
	char *name;
	int err;

	(void)argc;
	if (asprintf(&name, "jailhouse-%s-%s", cmd, argv[0]) < 0) {
		cli_warn("out of memory");
		return EXIT_FAILED;
	}
	if (set_search_path()) {
		cli_warn("cannot set up PATH for %s", name);
		free(name);
		return EXIT_FAILED;
	}
	execvp(name, argv);
	err = errno;
	if (err == ENOENT) {
		fprintf(stderr,
			"%s: unknown command '%s %s' (no %s in the program's directory, %s or PATH)\n"
			"Try '%s --help'.\n",
			cli_name, cmd, argv[0], name, JH_LIBEXECDIR, cli_name);
		free(name);
		return EXIT_USAGE;
	}
	cli_warn("running %s: %s", name, strerror(err));
	free(name);
	return EXIT_FAILED;
}
