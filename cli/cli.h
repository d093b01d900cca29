/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Shared declarations of the jailhouse command. It uses libjailhouse's
 * public API only.
 */
#ifndef CLI_CLI_H
#define CLI_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include <libjailhouse.h>

/* Exit codes, documented in --help and the man page. */
#define EXIT_OK		0
#define EXIT_FAILED	1	/* the operation failed */
#define EXIT_USAGE	2	/* wrong command line */
#define EXIT_CONFIG	3	/* a config file is unreadable or invalid */

struct cmd {
	const char *name;
	int (*run)(int argc, char **argv);
};

/* main.c: argv[0] (for finding extensions) and the name in messages */
extern const char *cli_argv0;
extern const char cli_name[];

/* common.c */
/*
 * Set by a command given --json: its errors then also go to stdout, as
 * {"error":{"code":…,"message":…,"exit":…}}, for the scripts reading it.
 */
extern bool cli_json;
int cli_ctx(struct jh_ctx **ctx);
int cli_error(struct jh_ctx *ctx);
/* The same after a config file failed to load: EXIT_CONFIG, whatever the cause */
int cli_config_error(struct jh_ctx *ctx);
int cli_usage_error(const char *usage, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void cli_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
bool cli_is_help(const char *arg);
int cli_print_help(const char *usage);
void cli_console_tail(struct jh_ctx *ctx);
int cli_parse_u64(const char *s, uint64_t *val);
/* Parses "{ ID | [--name] NAME }" at argv[*i] and looks the cell up. */
int cli_cell_arg(struct jh_ctx *ctx, int argc, char **argv, int *i,
		 const char *usage, struct jh_cell **cell);
int cli_dispatch(const struct cmd *cmds, const char *group, int argc,
		 char **argv, const char *usage);

/* check-report.c: config check (offline) and doctor (@live) */
int cli_check(int argc, char **argv, const char *usage, bool live);
/* "error: MESSAGE [rule]" and "  fix: HINT" lines of every finding */
void cli_print_findings(FILE *out, const struct jh_check *chk);

/*
 * extension.c: run jailhouse-<cmd>-<argv[0]>; they return only on failure.
 * cli_exec_extension() prints nothing and returns the errno (ENOENT: there
 * is none), cli_run_extension() says what failed and returns the exit code.
 */
int cli_exec_extension(const char *cmd, char **argv);
int cli_run_extension(const char *cmd, int argc, char **argv);

/* commands */
int cmd_enable(int argc, char **argv);
int cmd_disable(int argc, char **argv);
int cmd_console(int argc, char **argv);
int cmd_cell(int argc, char **argv);
int cmd_cell_create(int argc, char **argv);
int cmd_cell_load(int argc, char **argv);
int cmd_cell_start(int argc, char **argv);
int cmd_cell_shutdown(int argc, char **argv);
int cmd_cell_destroy(int argc, char **argv);
int cmd_cell_list(int argc, char **argv);
int cmd_cell_stats(int argc, char **argv);
int cmd_cell_linux(int argc, char **argv);
int cmd_config(int argc, char **argv);
int cmd_config_check(int argc, char **argv);
int cmd_config_show(int argc, char **argv);
int cmd_config_create(int argc, char **argv);
int cmd_doctor(int argc, char **argv);

#endif /* CLI_CLI_H */
