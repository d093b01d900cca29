// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Cell life cycle: create, load, start, shutdown, destroy, and waiting
 * for a state. Each driver errno is translated with what the library
 * knows about the request, so callers see a cause, not "Invalid argument".
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"

#define WAIT_POLL_MS	20

/* Driver loaded (or loadable) and hypervisor enabled, before any ioctl. */
static int need_enabled(struct jh_ctx *ctx)
{
	int ret;

	if (!jh_is_driver_loaded(ctx)) {
		/* Opening loads the driver or says why it cannot. */
		ret = jh_dev_open(ctx, 0);
		if (ret < 0)
			return ret;
		close(ret);
	}
	ret = jh_is_enabled(ctx);
	if (ret < 0)
		return ret;
	if (!ret)
		return jh_fail(ctx, EINVAL, JH_ERR_NOT_ENABLED,
			       "the hypervisor is not enabled");
	return 0;
}

/*
 * The cell exists but cannot be handed out: a failed create must leave
 * none behind, so it goes again (by name, the only handle there is).
 */
static void undo_create(struct jh_ctx *ctx, const char *name)
{
	struct jailhouse_cell_id arg;

	memset(&arg, 0, sizeof(arg));
	arg.id = JAILHOUSE_CELL_ID_UNUSED;
	snprintf(arg.name, sizeof(arg.name), "%s", name);
	if (jh_dev_ioctl(ctx, JAILHOUSE_CELL_DESTROY, &arg))
		jh_warn(ctx, "cell '%s' was created but could not be destroyed again: destroy it",
			name);
}

JH_EXPORT int jh_cell_create(struct jh_ctx *ctx, const struct jh_config *cfg,
			     struct jh_cell **out)
{
	struct jailhouse_cell_create arg;
	const char *name = jh_config_get_name(cfg);
	int err, id;

	if (jh_config_get_kind(cfg) != JH_CONFIG_CELL)
		return jh_fail(ctx, EINVAL, JH_ERR_CONFIG_KIND,
			       "%s is a system config; cell create needs a cell config",
			       jh_config_get_source(cfg));
	err = jh_check_config_alone(ctx, cfg);
	if (err)
		return err;
	err = need_enabled(ctx);
	if (err)
		return err;

	err = jh_cell_find_id_by_name(ctx, name, &id);
	if (err < 0)
		return err;
	if (err > 0)
		return jh_fail(ctx, EEXIST, JH_ERR_NAME_TAKEN,
			       "%s: a cell named '%s' already exists (ID %d)",
			       jh_config_get_source(cfg), name, id);

	memset(&arg, 0, sizeof(arg));
	arg.config_address = (uintptr_t)jh_config_data(cfg);
	arg.config_size = (__u32)jh_config_get_size(cfg);
	err = jh_dev_ioctl(ctx, JAILHOUSE_CELL_CREATE, &arg);
	if (err < 0)
		return err;
	if (err > 0)
		return jh_ioctl_fail_create(ctx, jh_config_get_source(cfg), err);

	/* The driver does not return the ID; and it once "succeeded" silently. */
	err = jh_cell_find_id_by_name(ctx, name, &id);
	if (err == 0)
		return jh_fail(ctx, EPROTO, JH_ERR_HYPERVISOR,
			       "%s: the driver reported success but no cell named '%s' exists",
			       jh_config_get_source(cfg), name);
	if (err > 0) {
		jh_info(ctx, "created cell %d (%s)", id, name);
		if (!out)
			return 0;
		err = jh_cell_new_named(ctx, id, out);
	}
	if (err < 0)
		undo_create(ctx, name);
	return err;
}

/* Translates the errno of a load/start/destroy ioctl on an existing cell. */
static int op_fail(struct jh_cell *cell, enum jh_ioctl_req req,
		   const char *op, int err)
{
	struct jh_ctx *ctx = jh_cell_get_ctx(cell);
	char what[96];

	snprintf(what, sizeof(what), "%s cell %d (%s)", op,
		 jh_cell_get_id(cell), jh_cell_get_name(cell));
	/* EINVAL: not enabled (anymore), or the root cell (refused earlier). */
	if (err == EINVAL && jh_is_enabled(ctx) == 0)
		return jh_fail(ctx, err, JH_ERR_NOT_ENABLED,
			       "%s: the hypervisor is not enabled", what);
	return jh_ioctl_fail_cell(ctx, req, what, err);
}

static int need_non_root(struct jh_cell *cell, const char *op)
{
	if (jh_cell_get_id(cell) != 0)
		return 0;
	return jh_fail(jh_cell_get_ctx(cell), EINVAL, JH_ERR_ROOT_CELL,
		       "cannot %s the root cell", op);
}

/*
 * CELL_LOAD of @n images (0: stop only) came back with @err: 0, a
 * negative error already recorded, or an errno, turned here into the
 * library's error (the driver's reason, if it gave one, in the context).
 */
static int load_result(struct jh_cell *cell, int err, unsigned int n,
		       const char *op)
{
	struct jh_ctx *ctx = jh_cell_get_ctx(cell);

	/* upstream's driver says EINVAL, and nothing more, for these */
	if (err == EINVAL && n && !jh_ctx_reason(ctx)[0] &&
	    jh_is_enabled(ctx) == 1)
		return jh_fail(ctx, err, JH_ERR_IMAGE,
			       "loading cell %d (%s): an image does not fit into one loadable, writable memory region of the cell",
			       jh_cell_get_id(cell), jh_cell_get_name(cell));
	if (err > 0)
		return op_fail(cell, JH_REQ_LOAD, op, err);
	return err;
}

/* Issues CELL_LOAD with the @n images already in @arg (0: stop only). */
static int load_ioctl(struct jh_cell *cell, struct jailhouse_cell_load *arg,
		      unsigned int n, const char *op)
{
	struct jh_ctx *ctx = jh_cell_get_ctx(cell);
	int err;

	err = jh_cell_id_arg(cell, &arg->cell_id);
	if (err)
		return err;
	arg->num_preload_images = n;
	return load_result(cell, jh_dev_ioctl(ctx, JAILHOUSE_CELL_LOAD, arg),
			   n, op);
}

int jh_cell_load_result(struct jh_cell *cell, int err)
{
	return load_result(cell, err, 1, "load");
}

/*
 * The file of the image a refusal names: our driver's reasons about one
 * image start with "image <index> " (driver/cell-load.c).
 */
static const char *image_of_reason(struct jh_ctx *ctx,
				   const struct jh_image_set *images)
{
	unsigned int idx;

	if (sscanf(jh_ctx_reason(ctx), "image %u ", &idx) != 1)
		return NULL;
	return jh_image_set_get_name(images, idx);
}

static int do_load(struct jh_cell *cell, const struct jh_image_set *images,
		   const char *op)
{
	struct jh_ctx *ctx = jh_cell_get_ctx(cell);
	struct jailhouse_cell_load *arg;
	const char *name;
	unsigned int n;
	int err;

	err = need_non_root(cell, op);
	if (err)
		return err;
	n = images ? jh_image_set_get_count(images) : 0;
	arg = calloc(1, sizeof(*arg) + n * sizeof(arg->image[0]));
	if (!arg)
		return jh_fail_nomem(jh_cell_get_ctx(cell));
	if (n)
		jh_image_set_fill(images, arg->image);
	err = load_ioctl(cell, arg, n, op);
	free(arg);
	/* the driver names an image by its index: name its file too */
	name = err && n ? image_of_reason(ctx, images) : NULL;
	if (name)
		jh_error_prefix(ctx, "%s", name);
	return err;
}

int jh_cell_load_arg_new(struct jh_cell *cell,
			 struct jailhouse_cell_load **out)
{
	struct jailhouse_cell_load *arg;
	int err;

	arg = calloc(1, sizeof(*arg) + sizeof(arg->image[0]));
	if (!arg)
		return jh_fail_nomem(jh_cell_get_ctx(cell));
	err = jh_cell_id_arg(cell, &arg->cell_id);
	if (err) {
		free(arg);
		return err;
	}
	arg->num_preload_images = 1;
	*out = arg;
	return 0;
}

void jh_cell_load_arg_set(struct jailhouse_cell_load *arg, const void *data,
			  size_t size, uint64_t addr)
{
	arg->image[0].source_address = (uintptr_t)data;
	arg->image[0].size = size;
	arg->image[0].target_address = addr;
}

/* One image straight from the caller's memory: no copy of large images. */
int jh_cell_load_image(struct jh_cell *cell, const void *data, size_t size,
		       uint64_t addr)
{
	struct jailhouse_cell_load *arg;
	int err;

	err = need_non_root(cell, "load");
	if (!err)
		err = jh_cell_load_arg_new(cell, &arg);
	if (err)
		return err;
	jh_cell_load_arg_set(arg, data, size, addr);
	err = jh_cell_load_result(cell, jh_dev_ioctl(jh_cell_get_ctx(cell),
						     JAILHOUSE_CELL_LOAD, arg));
	free(arg);
	return err;
}

JH_EXPORT int jh_cell_load(struct jh_cell *cell, const struct jh_image_set *images)
{
	if (!images || !jh_image_set_get_count(images))
		return jh_fail(jh_cell_get_ctx(cell), EINVAL,
			       JH_ERR_INVALID_ARGUMENT,
			       "loading cell %d (%s): no images given",
			       jh_cell_get_id(cell), jh_cell_get_name(cell));
	return do_load(cell, images, "load");
}

JH_EXPORT int jh_cell_shutdown(struct jh_cell *cell)
{
	return do_load(cell, NULL, "shut down");
}

static int id_op(struct jh_cell *cell, unsigned long request, const char *op)
{
	struct jailhouse_cell_id arg;
	int err;

	err = need_non_root(cell, op);
	if (err)
		return err;
	err = jh_cell_id_arg(cell, &arg);
	if (err)
		return err;
	err = jh_dev_ioctl(jh_cell_get_ctx(cell), request, &arg);
	if (err > 0)
		return op_fail(cell, request == JAILHOUSE_CELL_START ?
			       JH_REQ_START : JH_REQ_DESTROY, op, err);
	return err;
}

JH_EXPORT int jh_cell_start(struct jh_cell *cell)
{
	return id_op(cell, JAILHOUSE_CELL_START, "start");
}

JH_EXPORT int jh_cell_destroy(struct jh_cell *cell)
{
	int err = id_op(cell, JAILHOUSE_CELL_DESTROY, "destroy");

	if (!err)
		jh_cell_mark_gone(cell);
	return err;
}

JH_EXPORT int jh_cell_boot(struct jh_ctx *ctx, const struct jh_config *cfg,
			   const struct jh_image_set *images,
			   struct jh_cell **out)
{
	char msg[JH_ERRMSG_MAX], undo[JH_ERRMSG_MAX];
	enum jh_error code;
	struct jh_cell *cell;
	int err;

	if (out)
		*out = NULL;
	err = jh_cell_create(ctx, cfg, &cell);
	if (err)
		return err;
	err = jh_cell_load(cell, images);
	if (!err)
		err = jh_cell_start(cell);
	if (!err) {
		if (out)
			*out = cell;
		else
			jh_cell_unref(cell);
		return 0;
	}

	/* the cause stays what the caller sees, the undo's result is added */
	snprintf(msg, sizeof(msg), "%s", jh_ctx_last_error(ctx));
	code = jh_ctx_last_error_code(ctx);
	if (jh_cell_destroy(cell)) {
		snprintf(undo, sizeof(undo), "%s", jh_ctx_last_error(ctx));
		jh_fail(ctx, -err, code, "%s; and destroying the cell again failed: %s",
			msg, undo);
	} else {
		jh_fail(ctx, -err, code, "%s (the cell was destroyed again)",
			msg);
	}
	jh_cell_unref(cell);
	return err;
}

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static bool is_failed(enum jh_cell_state s)
{
	return s == JH_CELL_FAILED || s == JH_CELL_FAILED_COMM_REV;
}

JH_EXPORT int jh_cell_wait_state(struct jh_cell *cell, enum jh_cell_state want,
				 int timeout_ms)
{
	struct jh_ctx *ctx = jh_cell_get_ctx(cell);
	struct timespec pause = { 0, WAIT_POLL_MS * 1000000L };
	int64_t deadline = now_ms() + timeout_ms;
	enum jh_cell_state state;
	int err;

	for (;;) {
		err = jh_cell_get_state(cell, &state);
		if (err)
			return err;
		if (state == want)
			return 0;
		if (is_failed(state) && !is_failed(want))
			return jh_fail(ctx, EIO, JH_ERR_CELL_FAILED,
				       "cell %d (%s) is in state '%s' while waiting for '%s'",
				       jh_cell_get_id(cell),
				       jh_cell_get_name(cell),
				       jh_cell_state_name(state),
				       jh_cell_state_name(want));
		if (timeout_ms >= 0 && now_ms() >= deadline)
			return jh_fail(ctx, ETIMEDOUT, JH_ERR_TIMEOUT,
				       "cell %d (%s) still '%s' after %d ms waiting for '%s'",
				       jh_cell_get_id(cell),
				       jh_cell_get_name(cell),
				       jh_cell_state_name(state), timeout_ms,
				       jh_cell_state_name(want));
		nanosleep(&pause, NULL);
	}
}
