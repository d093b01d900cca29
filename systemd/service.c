// SPDX-License-Identifier: GPL-2.0-only
/*
 * jailhouse-service: the commands of the units, and what they share.
 * Messages go to stderr, which systemd puts in the journal; each names
 * the file and the field when the cause is there, else the library's
 * words (and the hypervisor's console when it has more to say).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf-file.h"
#include "lib-client.h"
#include "service.h"

const char service_name[] = "jailhouse-service";

static const char usage[] =
	"usage: jailhouse-service enable [FILE]\n"
	"       jailhouse-service disable\n"
	"       jailhouse-service cell NAME [DIR]\n"
	"enable: enables the hypervisor with the system config that FILE\n"
	"  (default " JH_DEFAULTS_FILE ") names in JAILHOUSE_SYSTEM_CONFIG.\n"
	"disable: destroys the cells and disables the hypervisor, if enabled.\n"
	"cell: creates, loads and starts the cell DIR/NAME.conf describes\n"
	"  (default DIR " JH_CELLS_CONF_DIR "), then stays until the cell\n"
	"  fails (exit 1) or stops, or a SIGTERM asks it to destroy the cell.\n"
	"See jailhouse-cell.conf(5).\n";

int service_ctx(struct jh_ctx **ctx)
{
	return lib_client_ctx("", ctx) ? SERVICE_FAILED : SERVICE_OK;
}

int service_error(struct jh_ctx *ctx, const char *what)
{
	if (what)
		fprintf(stderr, "%s: ", what);
	fprintf(stderr, "%s\n", jh_ctx_last_error(ctx));
	console_tail_print(ctx, service_name);
	return SERVICE_FAILED;
}

bool service_file_error(struct jh_ctx *ctx)
{
	enum jh_error code = jh_ctx_last_error_code(ctx);

	return lib_error_in_config(code) || code == JH_ERR_IMAGE;
}

char *service_path(const char *path)
{
	char *full;

	if (path[0] == '/')
		return strdup(path);
	if (asprintf(&full, "%s/%s", JH_CONFIGDIR, path) < 0)
		return NULL;
	return full;
}

static int cmd_enable(const char *file)
{
	static const char *const fields[] = { "JAILHOUSE_SYSTEM_CONFIG", NULL };
	const char *value;
	struct conf_file conf;
	struct jh_config *sys;
	struct jh_ctx *ctx;
	char *path = NULL;
	int ret;

	if (conf_read(file, fields, &conf))
		return SERVICE_NOT_CONFIGURED;
	value = conf_get(&conf, fields[0]);
	if (!value || !*value) {
		conf_error(&conf, fields[0],
			   "no system config: set it to the .cell file to enable, e.g. %s/qemu-arm64.cell",
			   JH_CONFIGDIR);
		ret = SERVICE_NOT_CONFIGURED;
		goto out_conf;
	}
	path = service_path(value);
	if (!path) {
		fprintf(stderr, "out of memory\n");
		ret = SERVICE_FAILED;
		goto out_conf;
	}
	ret = service_ctx(&ctx);
	if (ret)
		goto out_conf;
	if (jh_config_new_from_file(ctx, path, &sys)) {
		conf_error(&conf, fields[0], "%s", jh_ctx_last_error(ctx));
		ret = SERVICE_NOT_CONFIGURED;
		goto out_ctx;
	}
	if (jh_config_get_kind(sys) != JH_CONFIG_SYSTEM) {
		conf_error(&conf, fields[0],
			   "%s is a cell config; the hypervisor needs a system config",
			   path);
		ret = SERVICE_NOT_CONFIGURED;
	} else if (jh_enable(ctx, sys)) {
		if (service_file_error(ctx)) {
			conf_error(&conf, fields[0], "%s",
				   jh_ctx_last_error(ctx));
			ret = SERVICE_NOT_CONFIGURED;
		} else {
			ret = service_error(ctx, NULL);
		}
	} else
		fprintf(stderr, "hypervisor enabled with %s\n", path);
	jh_config_unref(sys);
out_ctx:
	jh_ctx_unref(ctx);
out_conf:
	free(path);
	conf_free(&conf);
	return ret;
}

/* Stopping what is not running is done: the unit's stop must not fail. */
static int cmd_disable(void)
{
	struct jh_ctx *ctx;
	int ret, on;

	ret = service_ctx(&ctx);
	if (ret)
		return ret;
	on = jh_is_enabled(ctx);
	if (on < 0)
		ret = service_error(ctx, "disable");
	else if (!on)
		fprintf(stderr, "hypervisor not enabled: nothing to disable\n");
	else if (jh_disable(ctx))
		ret = service_error(ctx, NULL);
	else
		fprintf(stderr, "hypervisor disabled\n");
	jh_ctx_unref(ctx);
	return ret;
}

int main(int argc, char **argv)
{
	const char *cmd = argc > 1 ? argv[1] : "";

	if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
		fputs(usage, stdout);
		return SERVICE_OK;
	}
	if (!strcmp(cmd, "enable") && argc <= 3)
		return cmd_enable(argc == 3 ? argv[2] : JH_DEFAULTS_FILE);
	if (!strcmp(cmd, "disable") && argc == 2)
		return cmd_disable();
	if (!strcmp(cmd, "cell") && (argc == 3 || argc == 4))
		return cell_unit_run(argc == 4 ? argv[3] : JH_CELLS_CONF_DIR,
				     argv[2]);
	fputs(usage, stderr);
	return SERVICE_USAGE;
}
