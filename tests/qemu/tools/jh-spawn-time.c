// SPDX-License-Identifier: GPL-2.0
/*
 * jh-spawn-time: what a command costs as a shell pays for it, from the
 * spawn to its exit, output discarded.
 *
 *   jh-spawn-time N COMMAND [ARG...]
 *
 * Runs COMMAND N times one after the other and prints
 * "jh-spawn-time: COMMAND min NS median NS" (CLOCK_MONOTONIC, which
 * under QEMU's -icount counts guest instructions); exits 1 if a run
 * fails. With N = 0 it runs nothing: the cost of starting this program
 * itself (libc only) is the baseline of a command that does nothing.
 */
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

extern char **environ;

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int by_value(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	posix_spawn_file_actions_t quiet;
	long long *ns, start;
	int n, runs, status;
	pid_t pid;

	if (argc < 2 || (runs = atoi(argv[1])) < 0 || (runs && argc < 3)) {
		fprintf(stderr, "usage: jh-spawn-time N COMMAND [ARG...]\n");
		return 2;
	}
	if (!runs)
		return 0;
	ns = calloc(runs, sizeof(*ns));
	if (!ns || posix_spawn_file_actions_init(&quiet) ||
	    posix_spawn_file_actions_addopen(&quiet, 1, "/dev/null", O_WRONLY, 0) ||
	    posix_spawn_file_actions_addopen(&quiet, 2, "/dev/null", O_WRONLY, 0)) {
		perror("jh-spawn-time");
		return 1;
	}
	for (n = 0; n < runs; n++) {
		start = now_ns();
		if (posix_spawnp(&pid, argv[2], &quiet, NULL, argv + 2, environ) ||
		    waitpid(pid, &status, 0) != pid) {
			perror(argv[2]);
			return 1;
		}
		ns[n] = now_ns() - start;
		if (!WIFEXITED(status) || WEXITSTATUS(status)) {
			fprintf(stderr, "jh-spawn-time: %s failed (status 0x%x)\n",
				argv[2], status);
			return 1;
		}
	}
	qsort(ns, runs, sizeof(*ns), by_value);
	printf("jh-spawn-time: %s min %lld median %lld\n", argv[2], ns[0],
	       ns[runs / 2]);
	return 0;
}
