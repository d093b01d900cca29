// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Runs a fuzz target's entry point on every file of its seed corpus (or
 * on the files given), as a TAP test: the corpus stays a regression test
 * in builds without libFuzzer.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static int count;

static void run_file(const char *path)
{
	unsigned char *buf = NULL;
	size_t len = 0, cap = 0, n;
	FILE *f = fopen(path, "rb");

	if (!f) {
		printf("not ok %d - %s: cannot open\n", ++count, path);
		return;
	}
	do {
		if (len == cap) {
			cap = cap ? 2 * cap : 65536;
			buf = realloc(buf, cap);
			if (!buf)
				abort();
		}
		n = fread(buf + len, 1, cap - len, f);
		len += n;
	} while (n);
	fclose(f);
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	printf("ok %d - %s\n", ++count, path);
}

static void run_dir(const char *dir)
{
	struct dirent **names;
	char path[4096 + sizeof(names[0]->d_name) + 1];
	int n, num;

	num = scandir(dir, &names, NULL, alphasort);
	if (num < 0) {
		printf("not ok %d - %s: no corpus\n", ++count, dir);
		return;
	}
	for (n = 0; n < num; n++) {
		if (names[n]->d_name[0] != '.') {
			snprintf(path, sizeof(path), "%s/%s", dir,
				 names[n]->d_name);
			run_file(path);
		}
		free(names[n]);
	}
	free(names);
}

int main(int argc, char **argv)
{
	const char *srcdir = getenv("srcdir");
	char dir[4096];
	int n;

	if (argc > 1) {
		for (n = 1; n < argc; n++)
			run_file(argv[n]);
	} else {
		snprintf(dir, sizeof(dir), "%s/tests/fuzz/corpus/%s",
			 srcdir ? srcdir : ".", FUZZ_TARGET);
		run_dir(dir);
	}
	printf("1..%d\n", count);
	return 0;
}
