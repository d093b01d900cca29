// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Test harness: preloading the fake driver and fake roots in a temp dir.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fake-fs.h"
#include "fake-root.h"
#include "harness.h"
#include "configs.h"

static char base[PATH_MAX];
static char root[PATH_MAX];
static unsigned int roots;

void th_init(int argc, char **argv)
{
	const char *old = getenv("LD_PRELOAD");
	char preload[PATH_MAX * 2];

	(void)argc;
	if (getenv("JH_FAKE_PRELOADED"))
		return;
	snprintf(preload, sizeof(preload), "%s%s%s", old ? old : "",
		 old ? ":" : "", FAKE_DEVICE_SO);
	setenv("LD_PRELOAD", preload, 1);
	setenv("JH_FAKE_PRELOADED", "1", 1);
	/* Scripted failures must come from the test, not the caller. */
	unsetenv("JH_FAKE_IOCTL_ERR");
	unsetenv("JH_FAKE_OPEN_ERR");
	unsetenv("JH_FAKE_READ_ERR");
	execv("/proc/self/exe", argv);
	perror("re-executing with the fake driver");
	exit(99);
}

const char *th_root(unsigned int flags)
{
	const char *tmp = getenv("TMPDIR");

	if (!base[0]) {
		snprintf(base, sizeof(base), "%s/jhtest-XXXXXX",
			 tmp ? tmp : "/tmp");
		if (!mkdtemp(base)) {
			perror("mkdtemp");
			exit(99);
		}
	}
	if (snprintf(root, sizeof(root), "%s/root%u", base, roots++) >=
	    (int)sizeof(root) ||
	    fake_root_init(root, flags) || fake_mkdir(root, "scratch")) {
		perror("creating a fake root");
		exit(99);
	}
	setenv("JH_FAKE_ROOT", root, 1);
	return root;
}

void th_cleanup(void)
{
	if (base[0])
		fake_rm_rf("/", base + 1);
}

const char *th_file(const char *name)
{
	static char path[PATH_MAX];

	if (snprintf(path, sizeof(path), "%s/scratch/%s", root, name) >=
	    (int)sizeof(path))
		abort();
	return path;
}

const char *th_write(const char *name, const void *data, size_t size)
{
	const char *path = th_file(name);

	if (fx_write_file(path, data, size)) {
		perror(path);
		exit(99);
	}
	return path;
}
