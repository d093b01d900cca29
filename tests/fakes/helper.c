// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * jhtest-helper: what the shell tests cannot do in a line of sh.
 *   root DIR [--no-driver|--no-node|--machine]  create a fake root
 *   configs DIR                       write the test configs and images
 *   linux DIR                         write the "cell linux" inputs
 *   json                              validate JSON on stdin
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake-root.h"
#include "json-check.h"
#include "images.h"
#include "configs.h"

static int cmd_json(void)
{
	size_t len = 0, cap = 4096, at;
	char *buf = malloc(cap);
	size_t n;

	if (!buf)
		return 2;
	while ((n = fread(buf + len, 1, cap - len, stdin)) > 0) {
		len += n;
		if (len == cap) {
			cap *= 2;
			buf = realloc(buf, cap);
			if (!buf)
				return 2;
		}
	}
	if (json_check(buf, len, &at)) {
		fprintf(stderr, "invalid JSON at byte %zu: %.40s\n", at,
			buf + (at < len ? at : len));
		free(buf);
		return 1;
	}
	free(buf);
	return 0;
}

int main(int argc, char **argv)
{
	unsigned int flags = 0;

	if (argc == 2 && !strcmp(argv[1], "json"))
		return cmd_json();
	if (argc == 3 && !strcmp(argv[1], "configs"))
		return fx_write_all(argv[2]) ? 1 : 0;
	if (argc == 3 && !strcmp(argv[1], "linux"))
		return fx_write_linux_inputs(argv[2]) ? 1 : 0;
	if ((argc == 3 || argc == 4) && !strcmp(argv[1], "root")) {
		if (argc == 4 && !strcmp(argv[3], "--no-driver"))
			flags = FAKE_ROOT_NO_DRIVER;
		else if (argc == 4 && !strcmp(argv[3], "--no-node"))
			flags = FAKE_ROOT_NO_NODE;
		else if (argc == 4 && strcmp(argv[3], "--machine"))
			goto usage;
		if (fake_root_init(argv[2], flags))
			return 1;
		if (argc == 4 && !strcmp(argv[3], "--machine"))
			return fake_root_machine(argv[2]) ? 1 : 0;
		return 0;
	}
usage:
	fprintf(stderr, "usage: %s root DIR [--no-driver|--no-node|--machine] | configs DIR | linux DIR | json\n",
		argv[0]);
	return 2;
}
