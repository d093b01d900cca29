// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Planning a Linux boot with the native loader (loaders/): opens the
 * request's inputs, hands them to the planner and wraps its plan. Nothing
 * here touches the driver.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "linux-plan.h"

/*
 * Where linux-loader.bin is unless the request or, for tests, the
 * environment says otherwise; below the context's root like every path.
 */
#ifndef JH_LINUX_LOADER_BIN
#define JH_LINUX_LOADER_BIN	"/usr/libexec/jailhouse/linux-loader.bin"
#endif

#define LOADER_ENV		"JAILHOUSE_LINUX_LOADER"

static void planner_log(void *data, enum jhl_log_level level, const char *msg)
{
	struct jh_linux_plan *plan = data;

	switch (level) {
	case JHL_LOG_ERR:
		/* The planner logs exactly one error, the one that stops it. */
		snprintf(plan->last_err, sizeof(plan->last_err), "%s", msg);
		jh_dbg(plan->ctx, "linux loader: %s", msg);
		break;
	case JHL_LOG_WARN:
		/* kept for jh_linux_plan_get_warning(): callers show them */
		jh_info(plan->ctx, "linux loader: warning: %s", msg);
		break;
	default:
		jh_info(plan->ctx, "linux loader: %s", msg);
		break;
	}
}

/* The loader's file when the request names none. */
static int default_loader(struct jh_linux_plan *plan, char **path)
{
	const char *env = secure_getenv(LOADER_ENV);
	char buf[PATH_MAX];
	int err;

	if (env && *env) {
		*path = strdup(env);
	} else {
		err = jh_path(plan->ctx, buf, "%s", JH_LINUX_LOADER_BIN);
		if (err)
			return err;
		*path = strdup(buf);
	}
	return *path ? 0 : jh_fail_nomem(plan->ctx);
}

static int open_file(struct jh_linux_plan *plan, unsigned int i,
		     bool defaulted)
{
	int err = jhl_source_open(&plan->src[i], plan->path[i]);

	if (!err) {
		plan->open[i] = true;
		return 0;
	}
	if (i == JH_LINUX_LOADER && defaulted)
		return jh_fail(plan->ctx, -err, JH_ERR_SYSTEM,
			       "reading linux-loader.bin at %s: %s (install it, or name it with %s)",
			       plan->path[i], strerror(-err), LOADER_ENV);
	return jh_fail(plan->ctx, -err, JH_ERR_SYSTEM, "reading the %s %s: %s",
		       jh_linux_image_name(i), plan->path[i], strerror(-err));
}

/* Takes the request's inputs over into sources the plan owns. */
static int open_inputs(struct jh_linux_plan *plan, const struct jh_linux *req)
{
	const struct jh_linux_input *in;
	bool defaulted;
	unsigned int i;
	int err;

	for (i = 0; i < JH_LINUX_NUM_INPUTS; i++) {
		in = &req->in[i];
		defaulted = false;
		if (in->blob) {
			plan->blob[i] = jh_blob_ref(in->blob);
			jhl_source_mem(&plan->src[i], in->blob->label,
				       in->blob->data, in->blob->size);
			plan->open[i] = true;
			continue;
		}
		if (in->path) {
			plan->path[i] = strdup(in->path);
			if (!plan->path[i])
				return jh_fail_nomem(plan->ctx);
		} else if (i == JH_LINUX_LOADER) {
			err = default_loader(plan, &plan->path[i]);
			if (err)
				return err;
			defaulted = true;
		} else if (i == JH_LINUX_KERNEL) {
			return jh_fail(plan->ctx, EINVAL,
				       JH_ERR_INVALID_ARGUMENT,
				       "no kernel given");
		} else {
			continue;
		}
		err = open_file(plan, i, defaulted);
		if (err)
			return err;
	}
	return 0;
}

static const struct jhl_source *source(struct jh_linux_plan *plan,
				       unsigned int i)
{
	return plan->open[i] ? &plan->src[i] : NULL;
}

/* The loader's errno as a cause, with its message (see linux-plan.h). */
int jh_linux_planner_fail(struct jh_linux_plan *plan, int err)
{
	enum jh_error code;

	switch (err) {
	case -ENOMEM:
		code = JH_ERR_NO_MEMORY;
		break;
	case -EIO:
		code = JH_ERR_SYSTEM;
		break;
	default:
		code = JH_ERR_IMAGE;
		break;
	}
	if (!plan->last_err[0])
		snprintf(plan->last_err, sizeof(plan->last_err),
			 "planning the Linux boot failed: %s", strerror(-err));
	return jh_fail(plan->ctx, -err, code, "%s", plan->last_err);
}

static int make_plan(struct jh_linux_plan *plan, const struct jh_linux *req)
{
	struct jhl_request r = {
		.cell = jh_config_desc(plan->cell),
		.kernel = source(plan, JH_LINUX_KERNEL),
		.loader = source(plan, JH_LINUX_LOADER),
		.dtb = source(plan, JH_LINUX_DTB),
		.initrd = source(plan, JH_LINUX_INITRD),
		.cmdline = req->cmdline,
		.decomp_factor = req->factor,
		.gicd_base = req->gicd,
		.gicr_base = req->gicr,
		.uart_irq = req->uart_irq,
		.strict = req->strict,
		.log = planner_log,
		.log_data = plan,
	};
	int err;

	if (plan->sys)
		r.system = jh_config_system(plan->sys);
	err = jhl_plan_new(&r, &plan->plan);
	return err ? jh_linux_planner_fail(plan, err) : 0;
}

/*
 * Without a system config given, the running system's: a DTB made for
 * another board's GIC or virtual PCI host does not boot. None (not
 * enabled, or a driver that does not keep it) leaves QEMU virt's.
 */
static struct jh_config *running_system(struct jh_ctx *ctx)
{
	struct jh_config *sys = NULL;
	struct jh_cell *root;

	if (jh_is_enabled(ctx) != 1 || jh_cell_lookup_by_id(ctx, 0, &root))
		return NULL;
	if (jh_cell_get_config(root, &sys))
		sys = NULL;
	jh_cell_unref(root);
	return sys;
}

JH_EXPORT int jh_linux_plan(struct jh_linux *req, struct jh_linux_plan **out)
{
	struct jh_linux_plan *plan;
	int err;

	plan = calloc(1, sizeof(*plan));
	if (!plan)
		return jh_fail_nomem(req->ctx);
	plan->ctx = jh_ctx_ref(req->ctx);
	plan->reboot = req->reboot;
	plan->cell = jh_config_ref(req->cell);
	plan->sys = req->sys ? jh_config_ref(req->sys) :
			       running_system(req->ctx);
	err = open_inputs(plan, req);
	if (!err)
		err = make_plan(plan, req);
	if (err) {
		jh_linux_plan_free(plan);
		return err;
	}
	*out = plan;
	return 0;
}

JH_EXPORT void jh_linux_plan_free(struct jh_linux_plan *plan)
{
	unsigned int i;

	if (!plan)
		return;
	/* The plan reads from the sources: free it first. */
	jhl_plan_free(plan->plan);
	for (i = 0; i < JH_LINUX_NUM_INPUTS; i++) {
		if (plan->open[i])
			jhl_source_close(&plan->src[i]);
		jh_blob_unref(plan->blob[i]);
		free(plan->path[i]);
	}
	jh_config_unref(plan->cell);
	jh_config_unref(plan->sys);
	jh_ctx_unref(plan->ctx);
	free(plan);
}

JH_EXPORT int jh_linux_plan_verify(struct jh_linux_plan *plan)
{
	int err;

	plan->last_err[0] = '\0';
	err = jhl_plan_verify(plan->plan);
	return err ? jh_linux_planner_fail(plan, err) : 0;
}

JH_EXPORT void jh_linux_plan_set_cancel(struct jh_linux_plan *plan,
					const volatile sig_atomic_t *flag)
{
	plan->cancel = flag;
}

JH_EXPORT unsigned int
jh_linux_plan_get_num_segments(const struct jh_linux_plan *plan)
{
	return jhl_plan_num_segments(plan->plan);
}

JH_EXPORT int jh_linux_plan_get_segment(const struct jh_linux_plan *plan,
					unsigned int idx,
					struct jh_linux_segment *seg)
{
	const struct jhl_segment *s = jhl_plan_segment(plan->plan, idx);

	if (!s)
		return -ERANGE;
	memset(seg, 0, sizeof(*seg));
	seg->image = s->kind;
	seg->region = s->region;
	seg->guest_addr = s->guest_addr;
	seg->size = s->size;
	seg->reserved = s->reserved;
	seg->offset = s->offset;
	return 0;
}

JH_EXPORT void jh_linux_plan_get_info(const struct jh_linux_plan *plan,
				      struct jh_linux_info *info)
{
	const struct jhl_plan_info *i = jhl_plan_info(plan->plan);

	memset(info, 0, sizeof(*info));
	info->reset_addr = i->reset_addr;
	info->params_addr = i->params_addr;
	info->kernel_addr = i->kernel_addr;
	info->kernel_size = i->kernel_size;
	info->kernel_reserved = i->kernel_image_size;
	info->dtb_addr = i->dtb_addr;
	info->dtb_size = i->dtb_size;
	info->initrd_addr = i->initrd_addr;
	info->initrd_size = i->initrd_size;
	info->kernel_gzip = i->kernel_gzip;
	info->dtb_generated = i->dtb_generated;
	info->upstream_layout = i->upstream_layout;
}

JH_EXPORT const char *jh_linux_plan_get_name(const struct jh_linux_plan *plan)
{
	return jh_config_get_name(plan->cell);
}

JH_EXPORT const char *jh_linux_plan_get_params(const struct jh_linux_plan *plan)
{
	return jhl_plan_params(plan->plan);
}

JH_EXPORT const void *jh_linux_plan_get_dtb(const struct jh_linux_plan *plan,
					    size_t *size)
{
	return jhl_plan_dtb(plan->plan, size);
}

JH_EXPORT unsigned int
jh_linux_plan_get_num_warnings(const struct jh_linux_plan *plan)
{
	return jhl_plan_num_warnings(plan->plan);
}

JH_EXPORT const char *
jh_linux_plan_get_warning(const struct jh_linux_plan *plan, unsigned int idx)
{
	return jhl_plan_warning(plan->plan, idx);
}

JH_EXPORT int jh_linux_plan_print(const struct jh_linux_plan *plan, FILE *out,
				  unsigned int flags)
{
	int err;

	if (flags & JH_LINUX_PRINT_JSON)
		err = jhl_plan_print_json(plan->plan, out);
	else
		err = jhl_plan_print_text(plan->plan, out);
	if (err)
		return jh_fail(plan->ctx, -err, JH_ERR_SYSTEM,
			       "printing the plan: %s", strerror(-err));
	return 0;
}

JH_EXPORT int jh_linux_plan_write_dtb(const struct jh_linux_plan *plan,
				      const char *path)
{
	int err = jhl_plan_write_dtb(plan->plan, path);

	if (err)
		return jh_fail(plan->ctx, -err, JH_ERR_SYSTEM,
			       "writing the DTB to %s: %s", path,
			       strerror(-err));
	return 0;
}

JH_EXPORT int jh_linux_plan_print_commands(const struct jh_linux_plan *plan,
					   FILE *out, const char *cell_path,
					   const char *dtb_path)
{
	int err = jhl_plan_print_commands(plan->plan, out, cell_path,
					  dtb_path);

	if (err)
		return jh_fail(plan->ctx, -err, JH_ERR_SYSTEM,
			       "printing the commands: %s", strerror(-err));
	return 0;
}
