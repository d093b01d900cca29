// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Requests to boot Linux in a cell: what the caller gives, kept until
 * jh_linux_plan() reads it. Built with or without the loader.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "linux.h"

struct jh_blob *jh_blob_ref(struct jh_blob *blob)
{
	if (blob)
		blob->refcount++;
	return blob;
}

void jh_blob_unref(struct jh_blob *blob)
{
	if (!blob || --blob->refcount > 0)
		return;
	free(blob->label);
	free(blob);
}

static void input_clear(struct jh_linux_input *in)
{
	free(in->path);
	jh_blob_unref(in->blob);
	in->path = NULL;
	in->blob = NULL;
}

JH_EXPORT int jh_linux_new(struct jh_ctx *ctx, struct jh_config *cell,
			   struct jh_linux **out)
{
	struct jh_linux *req;

	if (jh_config_get_kind(cell) != JH_CONFIG_CELL)
		return jh_fail(ctx, EINVAL, JH_ERR_CONFIG_KIND,
			       "%s is a system config; Linux boots in a cell config's cell",
			       jh_config_get_source(cell));
	req = calloc(1, sizeof(*req));
	if (!req)
		return jh_fail_nomem(ctx);
	req->cell = jh_config_ref(cell);
	req->ctx = jh_ctx_ref(ctx);
	*out = req;
	return 0;
}

JH_EXPORT void jh_linux_free(struct jh_linux *req)
{
	unsigned int i;

	if (!req)
		return;
	for (i = 0; i < JH_LINUX_NUM_INPUTS; i++)
		input_clear(&req->in[i]);
	jh_config_unref(req->cell);
	jh_config_unref(req->sys);
	free(req->cmdline);
	jh_ctx_unref(req->ctx);
	free(req);
}

static int check_input(struct jh_linux *req, enum jh_linux_image image)
{
	if ((unsigned int)image < JH_LINUX_NUM_INPUTS)
		return 0;
	return jh_fail(req->ctx, EINVAL, JH_ERR_INVALID_ARGUMENT,
		       "%s is not an input of a Linux boot",
		       jh_linux_image_name(image));
}

JH_EXPORT int jh_linux_set_file(struct jh_linux *req,
				enum jh_linux_image image, const char *path)
{
	char *copy = NULL;
	int err;

	err = check_input(req, image);
	if (err)
		return err;
	if (path && !*path)
		return jh_fail(req->ctx, EINVAL, JH_ERR_INVALID_ARGUMENT,
			       "empty file name for the %s",
			       jh_linux_image_name(image));
	if (path && !(copy = strdup(path)))
		return jh_fail_nomem(req->ctx);
	input_clear(&req->in[image]);
	req->in[image].path = copy;
	return 0;
}

JH_EXPORT int jh_linux_set_buffer(struct jh_linux *req,
				  enum jh_linux_image image, const void *data,
				  size_t size, const char *label)
{
	struct jh_blob *blob;
	int err;

	err = check_input(req, image);
	if (err)
		return err;
	if (!data && size)
		return jh_fail(req->ctx, EINVAL, JH_ERR_INVALID_ARGUMENT,
			       "no data for the %s", jh_linux_image_name(image));
	blob = malloc(sizeof(*blob) + size);
	if (!blob)
		return jh_fail_nomem(req->ctx);
	blob->refcount = 1;
	blob->size = size;
	blob->label = strdup(label ? label : jh_linux_image_name(image));
	if (!blob->label) {
		free(blob);
		return jh_fail_nomem(req->ctx);
	}
	if (size)
		memcpy(blob->data, data, size);
	input_clear(&req->in[image]);
	req->in[image].blob = blob;
	return 0;
}

JH_EXPORT int jh_linux_set_cmdline(struct jh_linux *req, const char *cmdline)
{
	char *copy = NULL;

	if (cmdline && !(copy = strdup(cmdline)))
		return jh_fail_nomem(req->ctx);
	free(req->cmdline);
	req->cmdline = copy;
	return 0;
}

/*
 * The cell's name in its config is what the driver and the hypervisor
 * see: a new name means a config of its own, renamed (configs do not
 * change once made).
 */
JH_EXPORT int jh_linux_set_name(struct jh_linux *req, const char *name)
{
	size_t size = jh_config_get_size(req->cell);
	struct jailhouse_cell_desc *desc;
	struct jh_config *cfg;
	unsigned char *buf;
	int err;

	if (!name || !*name || strlen(name) > JAILHOUSE_CELL_NAME_MAXLEN)
		return jh_fail(req->ctx, EINVAL, JH_ERR_INVALID_ARGUMENT,
			       "invalid cell name '%s' (1 to %d characters)",
			       name ? name : "", JAILHOUSE_CELL_NAME_MAXLEN);
	buf = malloc(size);
	if (!buf)
		return jh_fail_nomem(req->ctx);
	memcpy(buf, jh_config_data(req->cell), size);
	desc = (struct jailhouse_cell_desc *)buf;
	memset(desc->name, 0, sizeof(desc->name));
	memcpy(desc->name, name, strlen(name));
	err = jh_config_new_from_buffer(req->ctx, buf, size,
					jh_config_get_source(req->cell), &cfg);
	free(buf);
	if (err)
		return err;
	jh_config_unref(req->cell);
	req->cell = cfg;
	return 0;
}

JH_EXPORT const char *jh_linux_get_name(const struct jh_linux *req)
{
	return jh_config_get_name(req->cell);
}

JH_EXPORT int jh_linux_set_system_config(struct jh_linux *req,
					 struct jh_config *sys)
{
	if (sys && jh_config_get_kind(sys) != JH_CONFIG_SYSTEM)
		return jh_fail(req->ctx, EINVAL, JH_ERR_CONFIG_KIND,
			       "%s is a cell config where a system config is needed",
			       jh_config_get_source(sys));
	jh_config_unref(req->sys);
	req->sys = jh_config_ref(sys);
	return 0;
}

JH_EXPORT int jh_linux_set_decomp_factor(struct jh_linux *req,
					 unsigned int factor)
{
	req->factor = factor;
	return 0;
}

JH_EXPORT int jh_linux_set_gic(struct jh_linux *req, uint64_t gicd_base,
			       uint64_t gicr_base)
{
	req->gicd = gicd_base;
	req->gicr = gicr_base;
	return 0;
}

JH_EXPORT int jh_linux_set_uart_irq(struct jh_linux *req, unsigned int intid)
{
	if (intid > 1019)
		return jh_fail(req->ctx, EINVAL, JH_ERR_INVALID_ARGUMENT,
			       "UART interrupt %u is no GIC INTID (0-1019)",
			       intid);
	req->uart_irq = intid;
	return 0;
}

JH_EXPORT int jh_linux_set_strict(struct jh_linux *req, bool strict)
{
	req->strict = strict;
	return 0;
}

JH_EXPORT int jh_linux_set_reboot(struct jh_linux *req, bool reboot)
{
	req->reboot = reboot;
	return 0;
}
