// SPDX-License-Identifier: GPL-2.0-only
/*
 * The programs' side of libjailhouse (see lib-client.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

#include "lib-client.h"

#define CONSOLE_TAIL_LINES	10

static void log_to_stderr(void *data, int priority, const char *msg)
{
	fprintf(stderr, "%s%s%s\n", (const char *)data,
		priority <= LOG_WARNING ? "warning: " : "", msg);
}

int lib_client_ctx(const char *prefix, struct jh_ctx **ctx)
{
	const char *root = secure_getenv("JAILHOUSE_TEST_ROOT");
	int err;

	err = jh_ctx_new(root && *root ? root : NULL, ctx);
	if (err) {
		fprintf(stderr, "%scannot initialise libjailhouse: %s\n",
			prefix, strerror(-err));
		return err;
	}
	jh_ctx_set_log_fn(*ctx, log_to_stderr, (void *)prefix);
	/* a user should see warnings, e.g. the checker's, unless told not to */
	if (!secure_getenv("JAILHOUSE_LOG"))
		jh_ctx_set_log_priority(*ctx, LOG_WARNING);
	return 0;
}

bool lib_error_in_config(enum jh_error code)
{
	switch (code) {
	case JH_ERR_SIGNATURE:
	case JH_ERR_REVISION:
	case JH_ERR_ARCH:
	case JH_ERR_TRUNCATED:
	case JH_ERR_COUNTS:
	case JH_ERR_MALFORMED:
	case JH_ERR_CONFIG_KIND:
	case JH_ERR_CONFIG_INVALID:
		return true;
	default:
		return false;
	}
}

/*
 * After the hypervisor refused something, its console usually says why;
 * not again when the message already quotes its last line (the driver
 * passed it up).
 */
void console_tail_print(struct jh_ctx *ctx, const char *who)
{
	enum jh_error code = jh_ctx_last_error_code(ctx);
	char *log, *start, *last;
	int lines = 0;
	size_t len;

	if (code != JH_ERR_HYPERVISOR && code != JH_ERR_BUSY &&
	    code != JH_ERR_REFUSED && code != JH_ERR_CELL_FAILED &&
	    code != JH_ERR_UNRECOVERABLE)
		return;
	if (jh_console_get_log(ctx, &log))
		return;
	len = strlen(log);
	while (len && log[len - 1] == '\n')
		log[--len] = '\0';
	last = strrchr(log, '\n');
	last = last ? last + 1 : log;
	if (*last && strstr(jh_ctx_last_error(ctx), last))
		len = 0;
	for (start = log + len; start > log; start--)
		if (start[-1] == '\n' && ++lines == CONSOLE_TAIL_LINES)
			break;
	if (len)
		fprintf(stderr, "%s: last hypervisor console lines:\n%s\n",
			who, start);
	free(log);
}
