// SPDX-License-Identifier: GPL-2.0-only
/*
 * Helpers shared by the commands: the library context, error and usage
 * reporting, argument parsing and sub-command dispatch.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

#include "cli.h"
#include "json-writer.h"

#define CONSOLE_TAIL_LINES	10

bool cli_json;

/* With --json, an error is a JSON document on stdout too. */
static int json_error(const char *code, const char *message, int exit_code)
{
	struct json j;

	if (!cli_json)
		return exit_code;
	fflush(stdout);
	json_init(&j, stdout);
	json_object_begin(&j, NULL);
	json_object_begin(&j, "error");
	json_string(&j, "code", code);
	json_string(&j, "message", message);
	json_int(&j, "exit", exit_code);
	json_object_end(&j);
	json_object_end(&j);
	return exit_code;
}

/*
 * JAILHOUSE_TEST_ROOT points the command at a fake system tree; it is a
 * test hook and ignored in privileged (setuid) runs.
 */
/* The library's messages, in the command's own voice. */
static void cli_log(void *data, int priority, const char *msg)
{
	(void)data;
	fprintf(stderr, "%s: %s%s\n", cli_name,
		priority <= LOG_WARNING ? "warning: " : "", msg);
}

int cli_ctx(struct jh_ctx **ctx)
{
	const char *root = secure_getenv("JAILHOUSE_TEST_ROOT");
	int err;

	err = jh_ctx_new(root && *root ? root : NULL, ctx);
	if (err) {
		fprintf(stderr, "%s: cannot initialise libjailhouse: %s\n",
			cli_name, strerror(-err));
		return json_error("system", strerror(-err), EXIT_FAILED);
	}
	jh_ctx_set_log_fn(*ctx, cli_log, NULL);
	/* a user should see warnings, e.g. the checker's, unless told not to */
	if (!secure_getenv("JAILHOUSE_LOG"))
		jh_ctx_set_log_priority(*ctx, LOG_WARNING);
	return EXIT_OK;
}

/* The exit code of a library error */
static int error_exit(enum jh_error code)
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
		return EXIT_CONFIG;
	default:
		return EXIT_FAILED;
	}
}

/* The library's last error, on stderr and with --json on stdout */
static int report_last_error(struct jh_ctx *ctx, int exit_code)
{
	const char *msg = jh_ctx_last_error(ctx);

	fprintf(stderr, "%s: %s\n", cli_name, msg);
	return json_error(jh_error_name(jh_ctx_last_error_code(ctx)), msg,
			  exit_code);
}

/* Prints the library's last error; returns the matching exit code. */
int cli_error(struct jh_ctx *ctx)
{
	return report_last_error(ctx,
				 error_exit(jh_ctx_last_error_code(ctx)));
}

/* Unreadable (missing, no permission) or invalid: the config is the cause. */
int cli_config_error(struct jh_ctx *ctx)
{
	return report_last_error(ctx, jh_ctx_last_error_code(ctx) ==
				      JH_ERR_NO_MEMORY ? EXIT_FAILED :
							 EXIT_CONFIG);
}

void cli_warn(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", cli_name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int cli_usage_error(const char *usage, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	fprintf(stderr, "%s: %s\nusage: %s %s\n", cli_name, msg, cli_name,
		usage);
	return json_error("usage", msg, EXIT_USAGE);
}

bool cli_is_help(const char *arg)
{
	return !strcmp(arg, "--help") || !strcmp(arg, "-h");
}

int cli_print_help(const char *usage)
{
	printf("usage: %s %s\n", cli_name, usage);
	return EXIT_OK;
}

/*
 * After the hypervisor refused something, its console usually says why;
 * not again when the message already quotes its last line (the driver
 * passed it up).
 */
void cli_console_tail(struct jh_ctx *ctx)
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
			cli_name, start);
	free(log);
}

/* Numbers as upstream takes them: decimal, 0x hex or 0 octal, whole. */
int cli_parse_u64(const char *s, uint64_t *val)
{
	unsigned long long v;
	char *end;

	if (!*s || *s == '-')
		return -EINVAL;
	errno = 0;
	v = strtoull(s, &end, 0);
	if (*end || errno)
		return -EINVAL;
	*val = v;
	return 0;
}

int cli_cell_arg(struct jh_ctx *ctx, int argc, char **argv, int *i,
		 const char *usage, struct jh_cell **cell)
{
	bool opts_done = false;
	int err;

	/* "--" ends options: the next word is the cell, even "--name" */
	if (*i < argc && !strcmp(argv[*i], "--")) {
		opts_done = true;
		(*i)++;
	}
	if (*i >= argc)
		return cli_usage_error(usage, "no cell given");
	if (!opts_done && !strcmp(argv[*i], "--name")) {
		if (++*i >= argc)
			return cli_usage_error(usage, "--name needs a cell name");
		err = jh_cell_lookup_by_name(ctx, argv[(*i)++], cell);
	} else {
		err = jh_cell_lookup(ctx, argv[(*i)++], cell);
	}
	return err ? cli_error(ctx) : EXIT_OK;
}

/*
 * Runs argv[1] from @cmds; unknown words go to an extension script
 * "jailhouse-<group>-<word>" as upstream does.
 */
int cli_dispatch(const struct cmd *cmds, const char *group, int argc,
		 char **argv, const char *usage)
{
	const struct cmd *c;

	if (argc < 2)
		return cli_usage_error(usage, "missing sub-command");
	if (cli_is_help(argv[1]))
		return cli_print_help(usage);
	for (c = cmds; c->name; c++)
		if (!strcmp(c->name, argv[1]))
			return c->run(argc - 1, argv + 1);
	if (argv[1][0] == '-')
		return cli_usage_error(usage, "unknown option '%s'", argv[1]);
	return cli_run_extension(group, argc - 1, argv + 1);
}
