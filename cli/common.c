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

#include "cli.h"
#include "lib-client.h"
#include "json-writer.h"

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

int cli_ctx(struct jh_ctx **ctx)
{
	static char prefix[32];
	int err;

	snprintf(prefix, sizeof(prefix), "%s: ", cli_name);
	err = lib_client_ctx(prefix, ctx);
	if (err)
		return json_error("system", strerror(-err), EXIT_FAILED);
	return EXIT_OK;
}

/* The exit code of a library error */
static int error_exit(enum jh_error code)
{
	return lib_error_in_config(code) ? EXIT_CONFIG : EXIT_FAILED;
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

void cli_console_tail(struct jh_ctx *ctx)
{
	console_tail_print(ctx, cli_name);
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
