// SPDX-License-Identifier: GPL-2.0-only
/*
 * jailhouse-cell@NAME.service: the cell of /etc/jailhouse/cells/NAME.conf.
 * The whole file is checked before anything is done, each problem named
 * by file, line and field; then the cell is created, loaded and started
 * in one step that leaves no cell behind when it fails. The process then
 * stays with the cell: it exits 1 when the cell fails (systemd shows a
 * failed unit) and destroys the cell when systemd stops the unit.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "conf-file.h"
#include "service.h"

/* The inmate command line of the inmate library lives at 0x1000. */
#define PARAMETERS_DEFAULT_ADDRESS	0x1000

static const char *const cell_fields[] = {
	"CONFIG",
	/* an inmate */
	"IMAGE", "ADDRESS", "PARAMETERS", "PARAMETERS_ADDRESS",
	/* or Linux */
	"KERNEL", "INITRD", "DTB", "CMDLINE",
	NULL
};

static const char *const inmate_only[] = {
	"ADDRESS", "PARAMETERS", "PARAMETERS_ADDRESS", NULL
};
static const char *const linux_only[] = { "INITRD", "DTB", "CMDLINE", NULL };
static const char *const path_fields[] = {
	"CONFIG", "IMAGE", "KERNEL", "INITRD", "DTB", NULL
};

/* What the file asks for, with every path made absolute. */
struct cell_request {
	struct conf_file conf;
	char *paths[5];		/* as path_fields */
	bool is_linux;
	bool has_address;
	uint64_t address, params_address;
};

static const char *req_path(const struct cell_request *r, const char *key)
{
	unsigned int i;

	for (i = 0; path_fields[i]; i++)
		if (!strcmp(path_fields[i], key))
			return r->paths[i];
	return NULL;
}

/* A field of the other kind of cell is a mistake, not something to skip. */
static int check_kind(struct cell_request *r)
{
	const struct conf_file *c = &r->conf;
	const char *const *wrong;
	bool image = conf_get(c, "IMAGE"), kernel = conf_get(c, "KERNEL");

	if (!conf_get(c, "CONFIG")) {
		conf_error(c, "CONFIG", "missing: the cell's config (.cell)");
		return -1;
	}
	if (image == kernel) {
		conf_error(c, image ? "KERNEL" : "IMAGE",
			   image ? "a cell runs an inmate (IMAGE) or Linux (KERNEL), not both" :
				   "missing: an inmate to load (IMAGE), or KERNEL for Linux");
		return -1;
	}
	r->is_linux = kernel;
	for (wrong = kernel ? inmate_only : linux_only; *wrong; wrong++)
		if (conf_get(c, *wrong)) {
			conf_error(c, *wrong, "is for %s; this cell runs %s",
				   kernel ? "an inmate (IMAGE)" : "Linux (KERNEL)",
				   kernel ? "Linux" : "an inmate");
			return -1;
		}
	return 0;
}

static int check_paths(struct cell_request *r)
{
	const char *value;
	unsigned int i;

	for (i = 0; path_fields[i]; i++) {
		value = conf_get(&r->conf, path_fields[i]);
		if (!value)
			continue;
		if (!*value) {
			conf_error(&r->conf, path_fields[i], "empty");
			return -1;
		}
		r->paths[i] = service_path(value);
		if (!r->paths[i]) {
			fprintf(stderr, "out of memory\n");
			return -1;
		}
		if (access(r->paths[i], R_OK)) {
			conf_error(&r->conf, path_fields[i], "%s: %s",
				   r->paths[i], strerror(errno));
			return -1;
		}
	}
	return 0;
}

static void request_free(struct cell_request *r)
{
	unsigned int i;

	for (i = 0; i < sizeof(r->paths) / sizeof(r->paths[0]); i++)
		free(r->paths[i]);
	conf_free(&r->conf);
}

static int request_read(const char *dir, const char *name,
			struct cell_request *r)
{
	char *file;
	int ret;

	memset(r, 0, sizeof(*r));
	if (!*name || strchr(name, '/')) {
		fprintf(stderr, "cell unit name '%s': not a file name in %s\n",
			name, dir);
		return -1;
	}
	if (asprintf(&file, "%s/%s.conf", dir, name) < 0)
		return -1;
	ret = conf_read(file, cell_fields, &r->conf);
	if (ret) {
		free(file);
		return ret;
	}
	r->params_address = PARAMETERS_DEFAULT_ADDRESS;
	r->has_address = conf_get(&r->conf, "ADDRESS");
	if (check_kind(r) || check_paths(r) ||
	    conf_get_u64(&r->conf, "ADDRESS", &r->address) ||
	    conf_get_u64(&r->conf, "PARAMETERS_ADDRESS", &r->params_address))
		ret = -1;
	/* conf_file keeps the path for its messages */
	if (ret) {
		request_free(r);
		free(file);
	}
	return ret;
}

/*
 * A boot refused for a file's sake names the field that gave the file:
 * the one whose path the message quotes (the longest, should one path
 * contain another), else the image. Anything else is the system's.
 */
static int boot_failed(struct jh_ctx *ctx, struct cell_request *r,
		       const char *cell)
{
	const char *msg = jh_ctx_last_error(ctx), *field = NULL;
	size_t best = 0, len;
	unsigned int i;

	if (!service_file_error(ctx))
		return service_error(ctx, cell);
	for (i = 0; path_fields[i]; i++) {
		if (!r->paths[i] || !strstr(msg, r->paths[i]))
			continue;
		len = strlen(r->paths[i]);
		if (len > best) {
			best = len;
			field = path_fields[i];
		}
	}
	if (!field)
		field = r->is_linux ? "KERNEL" : "IMAGE";
	conf_error(&r->conf, field, "%s", msg);
	return SERVICE_NOT_CONFIGURED;
}

static int boot_inmate(struct jh_ctx *ctx, struct cell_request *r,
		       struct jh_config *cfg, struct jh_cell **cell)
{
	const char *image = req_path(r, "IMAGE");
	const char *params = conf_get(&r->conf, "PARAMETERS");
	int elf, ret = SERVICE_NOT_CONFIGURED;
	struct jh_image_set *set;

	if (jh_image_set_new(ctx, &set))
		return service_error(ctx, "images");
	elf = jh_image_is_elf_file(ctx, image);
	if (elf < 0) {
		conf_error(&r->conf, "IMAGE", "%s", jh_ctx_last_error(ctx));
		goto out;
	}
	if (elf && r->has_address) {
		conf_error(&r->conf, "ADDRESS",
			   "%s is an ELF file, placed by its program headers; drop ADDRESS",
			   image);
		goto out;
	}
	if (elf ? jh_image_set_add_elf_file(set, image) :
		  jh_image_set_add_raw_file(set, image, r->address)) {
		conf_error(&r->conf, "IMAGE", "%s", jh_ctx_last_error(ctx));
		goto out;
	}
	if (params && jh_image_set_add_string(set, params, r->params_address)) {
		conf_error(&r->conf, "PARAMETERS", "%s", jh_ctx_last_error(ctx));
		goto out;
	}
	ret = SERVICE_OK;
	if (jh_cell_boot(ctx, cfg, set, cell))
		ret = boot_failed(ctx, r, jh_config_get_name(cfg));
out:
	jh_image_set_free(set);
	return ret;
}

static int boot_linux(struct jh_ctx *ctx, struct cell_request *r,
		      struct jh_config *cfg, struct jh_cell **cell)
{
	static const struct {
		const char *key;
		enum jh_linux_image image;
	} files[] = {
		{ "KERNEL", JH_LINUX_KERNEL },
		{ "INITRD", JH_LINUX_INITRD },
		{ "DTB", JH_LINUX_DTB },
	};
	const char *cmdline = conf_get(&r->conf, "CMDLINE");
	int ret = SERVICE_NOT_CONFIGURED;
	struct jh_linux *req;
	const char *path;
	unsigned int i;

	if (jh_linux_new(ctx, cfg, &req))
		return service_error(ctx, jh_config_get_name(cfg));
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		path = req_path(r, files[i].key);
		if (path && jh_linux_set_file(req, files[i].image, path)) {
			conf_error(&r->conf, files[i].key, "%s",
				   jh_ctx_last_error(ctx));
			goto out;
		}
	}
	if (cmdline && jh_linux_set_cmdline(req, cmdline)) {
		conf_error(&r->conf, "CMDLINE", "%s", jh_ctx_last_error(ctx));
		goto out;
	}
	ret = SERVICE_OK;
	if (jh_linux_boot(req, cell))
		ret = boot_failed(ctx, r, jh_config_get_name(cfg));
out:
	jh_linux_free(req);
	return ret;
}

/* Destroys the cell when systemd asks (SIGTERM), or when it fails. */
static int destroy(struct jh_ctx *ctx, struct jh_cell *cell, const char *why)
{
	if (jh_cell_destroy(cell))
		return service_error(ctx, jh_cell_get_name(cell));
	fprintf(stderr, "cell '%s' destroyed (%s)\n", jh_cell_get_name(cell),
		why);
	return SERVICE_OK;
}

/*
 * Stays with the running cell. The stop signals were blocked before the
 * boot, so one that came during it is taken here, after the boot.
 */
static int watch(struct jh_ctx *ctx, struct jh_cell *cell,
		 const sigset_t *stop)
{
	const struct timespec tick = { .tv_sec = 1 };
	enum jh_cell_state state;
	int sig;

	for (;;) {
		sig = sigtimedwait(stop, NULL, &tick);
		if (sig > 0)
			return destroy(ctx, cell, "unit stopped");
		if (jh_cell_get_state(cell, &state)) {
			fprintf(stderr, "cell '%s' is gone: %s\n",
				jh_cell_get_name(cell), jh_ctx_last_error(ctx));
			return SERVICE_FAILED;
		}
		if (state == JH_CELL_FAILED || state == JH_CELL_FAILED_COMM_REV) {
			fprintf(stderr, "cell '%s' failed (state: %s)\n",
				jh_cell_get_name(cell),
				jh_cell_state_name(state));
			destroy(ctx, cell, "it failed");
			return SERVICE_FAILED;
		}
		if (state == JH_CELL_SHUT_DOWN)
			return destroy(ctx, cell, "it shut down");
	}
}

int cell_unit_run(const char *conf_dir, const char *name)
{
	struct jh_cell *cell = NULL, *taken;
	struct cell_request r;
	struct jh_config *cfg;
	struct jh_ctx *ctx;
	char status[128];
	sigset_t stop;
	int ret;

	if (request_read(conf_dir, name, &r))
		return SERVICE_NOT_CONFIGURED;
	ret = service_ctx(&ctx);
	if (ret)
		goto out_req;
	if (jh_config_new_from_file(ctx, req_path(&r, "CONFIG"), &cfg)) {
		conf_error(&r.conf, "CONFIG", "%s", jh_ctx_last_error(ctx));
		ret = SERVICE_NOT_CONFIGURED;
		goto out_ctx;
	}
	if (jh_config_get_kind(cfg) != JH_CONFIG_CELL) {
		conf_error(&r.conf, "CONFIG",
			   "%s is a system config; a cell needs a cell config",
			   req_path(&r, "CONFIG"));
		ret = SERVICE_NOT_CONFIGURED;
		goto out_cfg;
	}
	/* somebody else's cell of that name is not this unit's to take over */
	if (!jh_cell_lookup_by_name(ctx, jh_config_get_name(cfg), &taken)) {
		fprintf(stderr,
			"a cell named '%s' exists already, not started by this unit: destroy it first\n",
			jh_cell_get_name(taken));
		jh_cell_unref(taken);
		ret = SERVICE_FAILED;
		goto out_cfg;
	}
	sigemptyset(&stop);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGHUP);
	sigprocmask(SIG_BLOCK, &stop, NULL);
	ret = r.is_linux ? boot_linux(ctx, &r, cfg, &cell) :
			   boot_inmate(ctx, &r, cfg, &cell);
	if (ret)
		goto out_cfg;
	fprintf(stderr, "cell '%s' (ID %d) running %s\n",
		jh_cell_get_name(cell), jh_cell_get_id(cell),
		req_path(&r, r.is_linux ? "KERNEL" : "IMAGE"));
	snprintf(status, sizeof(status), "READY=1\nSTATUS=cell '%s' (ID %d) running",
		 jh_cell_get_name(cell), jh_cell_get_id(cell));
	notify_systemd(status);
	ret = watch(ctx, cell, &stop);
	jh_cell_unref(cell);
out_cfg:
	jh_config_unref(cfg);
out_ctx:
	jh_ctx_unref(ctx);
out_req:
	free((char *)r.conf.path);
	request_free(&r);
	return ret;
}
