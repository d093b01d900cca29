// SPDX-License-Identifier: GPL-2.0-only
/*
 * Running the checker for "config check" (offline) and "doctor" (also
 * against the live system), and printing its findings as text or JSON.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "json-writer.h"

struct loaded {
	const char *file;
	struct jh_config *cfg;
	enum jh_error code;	/* why loading failed */
	char *message;
};

static const char *severity_name(enum jh_severity sev)
{
	switch (sev) {
	case JH_SEVERITY_ERROR:
		return "error";
	case JH_SEVERITY_WARNING:
		return "warning";
	default:
		return "ok";
	}
}

static const char *kind_name(const struct jh_config *cfg)
{
	return jh_config_get_kind(cfg) == JH_CONFIG_SYSTEM ? "system" : "cell";
}

void cli_print_findings(FILE *out, const struct jh_check *chk)
{
	const struct jh_finding *f;
	unsigned int i;

	for (i = 0; i < jh_check_get_num_findings(chk); i++) {
		f = jh_check_get_finding(chk, i);
		fprintf(out, "%s: %s [%s]\n",
			severity_name(jh_finding_get_severity(f)),
			jh_finding_get_message(f), jh_finding_get_rule(f));
		if (jh_finding_get_hint(f))
			fprintf(out, "  fix: %s\n", jh_finding_get_hint(f));
	}
}

static void print_text(const struct loaded *files, int n,
		       const struct jh_check *chk, unsigned int errors)
{
	int k;

	for (k = 0; k < n; k++)
		if (!files[k].cfg)
			printf("error: %s [%s]\n", files[k].message,
			       jh_error_name(files[k].code));
	if (chk)
		cli_print_findings(stdout, chk);
	printf("%u error%s, %u warning%s\n", errors, errors == 1 ? "" : "s",
	       chk ? jh_check_get_num_warnings(chk) : 0,
	       chk && jh_check_get_num_warnings(chk) == 1 ? "" : "s");
}

static void json_finding(struct json *j, const struct jh_finding *f)
{
	json_object_begin(j, NULL);
	json_string(j, "severity", severity_name(jh_finding_get_severity(f)));
	json_string(j, "rule", jh_finding_get_rule(f));
	json_string(j, "file", jh_finding_get_source(f));
	json_int(j, "index", jh_finding_get_index(f));
	json_string(j, "other_file", jh_finding_get_other_source(f));
	json_int(j, "other_index", jh_finding_get_other_index(f));
	json_string(j, "message", jh_finding_get_message(f));
	json_string(j, "hint", jh_finding_get_hint(f));
	json_object_end(j);
}

static void print_json(const struct loaded *files, int n,
		       const struct jh_check *chk, unsigned int errors)
{
	unsigned int i;
	struct json j;
	int k;

	json_init(&j, stdout);
	json_object_begin(&j, NULL);
	json_array_begin(&j, "files");
	for (k = 0; k < n; k++) {
		json_object_begin(&j, NULL);
		json_string(&j, "file", files[k].file);
		json_bool(&j, "loaded", files[k].cfg != NULL);
		if (files[k].cfg) {
			json_string(&j, "kind", kind_name(files[k].cfg));
			json_string(&j, "name", jh_config_get_name(files[k].cfg));
		} else {
			json_string(&j, "error", jh_error_name(files[k].code));
			json_string(&j, "message", files[k].message);
		}
		json_object_end(&j);
	}
	json_array_end(&j);
	json_array_begin(&j, "findings");
	for (i = 0; chk && i < jh_check_get_num_findings(chk); i++)
		json_finding(&j, jh_check_get_finding(chk, i));
	json_array_end(&j);
	json_uint(&j, "errors", errors);
	json_uint(&j, "warnings", chk ? jh_check_get_num_warnings(chk) : 0);
	json_object_end(&j);
}

/* Loads every file, remembering why the broken ones failed. */
static unsigned int load_all(struct jh_ctx *ctx, struct loaded *files, int n)
{
	unsigned int failed = 0;
	int k;

	for (k = 0; k < n; k++) {
		if (!jh_config_new_from_file(ctx, files[k].file, &files[k].cfg))
			continue;
		files[k].code = jh_ctx_last_error_code(ctx);
		files[k].message = strdup(jh_ctx_last_error(ctx));
		failed++;
	}
	return failed;
}

static int add_all(struct jh_ctx *ctx, struct jh_check *chk,
		   struct loaded *files, int n, const char *usage)
{
	const struct jh_config *sys = NULL;
	int k, err;

	for (k = 0; k < n; k++) {
		if (!files[k].cfg)
			continue;
		if (jh_config_get_kind(files[k].cfg) == JH_CONFIG_SYSTEM) {
			if (sys)
				return cli_usage_error(usage,
						       "more than one system config: %s and %s",
						       jh_config_get_source(sys),
						       files[k].file);
			sys = files[k].cfg;
			err = jh_check_set_system(chk, sys);
		} else {
			err = jh_check_add_cell(chk, files[k].cfg);
		}
		if (err)
			return cli_error(ctx);
	}
	return EXIT_OK;
}

/* Config errors mean exit 3; with only live-system errors, exit 1. */
static int exit_code(const struct jh_check *chk, unsigned int load_errors)
{
	const struct jh_finding *f;
	unsigned int i;
	bool live = false;

	if (load_errors)
		return EXIT_CONFIG;
	for (i = 0; i < jh_check_get_num_findings(chk); i++) {
		f = jh_check_get_finding(chk, i);
		if (jh_finding_get_severity(f) != JH_SEVERITY_ERROR)
			continue;
		if (strncmp(jh_finding_get_rule(f), "live-", 5))
			return EXIT_CONFIG;
		live = true;
	}
	return live ? EXIT_FAILED : EXIT_OK;
}

/* Splits the arguments into files and --json; -1 after a usage error. */
static int parse_args(int argc, char **argv, const char *usage,
		      struct loaded *files, bool *as_json, bool need_file)
{
	int i, n = 0;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--json"))
			*as_json = cli_json = true;
		else if (argv[i][0] != '-' || !argv[i][1])
			files[n++].file = argv[i];
		else
			break;
	}
	if (i < argc) {
		cli_usage_error(usage, "unknown option '%s'", argv[i]);
		return -1;
	}
	if (!n && need_file) {
		cli_usage_error(usage, "no config given");
		return -1;
	}
	return n;
}

int cli_check(int argc, char **argv, const char *usage, bool live)
{
	unsigned int load_errors;
	struct jh_check *chk = NULL;
	struct loaded *files;
	bool as_json = false;
	struct jh_ctx *ctx;
	int i, n, ret;

	if (argc == 2 && cli_is_help(argv[1]))
		return cli_print_help(usage);
	files = calloc((size_t)argc, sizeof(*files));
	if (!files)
		return EXIT_FAILED;
	n = parse_args(argc, argv, usage, files, &as_json, !live);
	if (n < 0) {
		free(files);
		return EXIT_USAGE;
	}

	ret = cli_ctx(&ctx);
	if (ret)
		goto out_files;
	load_errors = load_all(ctx, files, n);
	if (jh_check_new(ctx, &chk)) {
		ret = cli_error(ctx);
		goto out_ctx;
	}
	ret = add_all(ctx, chk, files, n, usage);
	if (ret)
		goto out_check;
	if (live)
		jh_check_add_live_system(chk);
	/* Errors are findings here, not a failure of the command. */
	if (jh_check_run(chk) && jh_ctx_last_error_code(ctx) != JH_ERR_CONFIG_INVALID) {
		ret = cli_error(ctx);
		goto out_check;
	}
	if (as_json)
		print_json(files, n, chk, load_errors + jh_check_get_num_errors(chk));
	else
		print_text(files, n, chk, load_errors + jh_check_get_num_errors(chk));
	ret = exit_code(chk, load_errors);
out_check:
	jh_check_free(chk);
out_ctx:
	jh_ctx_unref(ctx);
out_files:
	for (i = 0; i < n; i++) {
		jh_config_unref(files[i].cfg);
		free(files[i].message);
	}
	free(files);
	return ret;
}
