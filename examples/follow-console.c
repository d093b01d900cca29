// SPDX-License-Identifier: BSD-2-Clause
/*
 * libjailhouse example: print the hypervisor's console and follow it, as
 * "jailhouse console -f" does, waiting in poll() between new lines.
 *
 *   follow-console [SECONDS]   stop after SECONDS without new text
 *   cc follow-console.c $(pkg-config --cflags --libs libjailhouse)
 */
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <libjailhouse.h>

int main(int argc, char **argv)
{
	int quiet_ms = argc > 1 ? atoi(argv[1]) * 1000 : -1, idle_ms = 0;
	struct jh_console *con;
	struct jh_ctx *ctx;
	struct pollfd pfd;
	char buf[512];
	bool got;
	ssize_t n;

	if (jh_ctx_new(getenv("JAILHOUSE_TEST_ROOT"), &ctx))
		return 1;
	if (jh_console_open(ctx, JH_CONSOLE_NONBLOCK, &con)) {
		fprintf(stderr, "follow-console: %s\n", jh_ctx_last_error(ctx));
		jh_ctx_unref(ctx);
		return 1;
	}
	pfd.fd = jh_console_get_fd(con);
	pfd.events = POLLIN;
	for (;;) {
		/* all there is now */
		got = false;
		while ((n = jh_console_read(con, buf, sizeof(buf))) > 0) {
			fwrite(buf, 1, n, stdout);
			got = true;
		}
		fflush(stdout);
		if (n < 0) {
			fprintf(stderr, "follow-console: %s\n",
				jh_ctx_last_error(ctx));
			break;
		}
		if (got)
			idle_ms = 0;
		else if (quiet_ms >= 0 && (idle_ms += 100) > quiet_ms)
			break;
		/* then wait; a driver without poll() looks always readable */
		if (poll(&pfd, 1, 100) > 0 && !got)
			usleep(100000);
	}
	jh_console_close(con);
	jh_ctx_unref(ctx);
	return n < 0 ? 1 : 0;
}
