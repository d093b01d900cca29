// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Cell objects: an ID and name found in sysfs, and the live attributes
 * read from cells/<id>/.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct jh_cell {
	int refcount;
	struct jh_ctx *ctx;
	int id;
	bool gone;		/* destroyed through this object */
	/*
	 * Found or made by name: commands name it too, as upstream's tool
	 * does, so a cell that went and left its ID to a new one is never
	 * hit by mistake.
	 */
	bool by_name;
	char name[JAILHOUSE_CELL_NAME_MAXLEN + 1];
};

static const char *const state_names[] = {
	[JH_CELL_RUNNING] = "running",
	[JH_CELL_RUNNING_LOCKED] = "running/locked",
	[JH_CELL_SHUT_DOWN] = "shut down",
	[JH_CELL_FAILED] = "failed",
	[JH_CELL_FAILED_COMM_REV] = "Comm ABI mismatch",
	[JH_CELL_INVALID] = "invalid",
};

JH_EXPORT const char *jh_cell_state_name(enum jh_cell_state state)
{
	if ((unsigned int)state >= ARRAY_SIZE(state_names))
		return "invalid";
	return state_names[state];
}

static enum jh_cell_state parse_state(const char *s)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(state_names); i++)
		if (!strcmp(s, state_names[i]))
			return (enum jh_cell_state)i;
	return JH_CELL_INVALID;
}

/* Reports a missing cell, saying so if the hypervisor is the reason. */
static int cell_not_found(struct jh_ctx *ctx, const char *what)
{
	if (jh_is_enabled(ctx) == 0)
		return jh_fail(ctx, ENOENT, JH_ERR_NOT_ENABLED,
			       "no cell %s: the hypervisor is not enabled", what);
	return jh_fail(ctx, ENOENT, JH_ERR_CELL_NOT_FOUND, "no cell %s", what);
}

int jh_cell_new(struct jh_ctx *ctx, int id, struct jh_cell **out)
{
	char rel[64], name[JAILHOUSE_CELL_NAME_MAXLEN + 1], what[32];
	struct jh_cell *cell;
	int len;

	snprintf(rel, sizeof(rel), "cells/%d/name", id);
	len = jh_sysfs_read(ctx, rel, name, sizeof(name));
	if (len == -ENOENT) {
		snprintf(what, sizeof(what), "with ID %d", id);
		return cell_not_found(ctx, what);
	}
	if (len < 0)
		return len;

	cell = calloc(1, sizeof(*cell));
	if (!cell)
		return jh_fail_nomem(ctx);
	cell->refcount = 1;
	cell->ctx = jh_ctx_ref(ctx);
	cell->id = id;
	memcpy(cell->name, name, sizeof(name));
	*out = cell;
	return 0;
}

JH_EXPORT struct jh_cell *jh_cell_ref(struct jh_cell *cell)
{
	cell->refcount++;
	return cell;
}

JH_EXPORT struct jh_cell *jh_cell_unref(struct jh_cell *cell)
{
	if (!cell || --cell->refcount > 0)
		return cell;
	jh_ctx_unref(cell->ctx);
	free(cell);
	return NULL;
}

JH_EXPORT int jh_cell_lookup_by_id(struct jh_ctx *ctx, int id,
				   struct jh_cell **cell)
{
	if (id < 0)
		return jh_fail(ctx, EINVAL, JH_ERR_INVALID_ARGUMENT,
			       "invalid cell ID %d", id);
	return jh_cell_new(ctx, id, cell);
}

JH_EXPORT int jh_cell_lookup_by_name(struct jh_ctx *ctx, const char *name,
				     struct jh_cell **cell)
{
	char what[JAILHOUSE_CELL_NAME_MAXLEN + 16];
	int err, id;

	if (!name || !*name || strlen(name) > JAILHOUSE_CELL_NAME_MAXLEN)
		return jh_fail(ctx, EINVAL, JH_ERR_INVALID_ARGUMENT,
			       "invalid cell name '%s' (1 to %d characters)",
			       name ? name : "", JAILHOUSE_CELL_NAME_MAXLEN);
	err = jh_cell_find_id_by_name(ctx, name, &id);
	if (err < 0)
		return err;
	if (err == 0) {
		snprintf(what, sizeof(what), "named '%s'", name);
		return cell_not_found(ctx, what);
	}
	return jh_cell_new_named(ctx, id, cell);
}

int jh_cell_new_named(struct jh_ctx *ctx, int id, struct jh_cell **cell)
{
	int err = jh_cell_new(ctx, id, cell);

	if (!err)
		(*cell)->by_name = true;
	return err;
}

/* Same rule as upstream's CLI: a whole non-negative number is an ID. */
JH_EXPORT int jh_cell_lookup(struct jh_ctx *ctx, const char *id_or_name,
			     struct jh_cell **cell)
{
	long long id;
	char *end;

	if (!id_or_name)
		return jh_fail(ctx, EINVAL, JH_ERR_INVALID_ARGUMENT,
			       "no cell given");
	errno = 0;
	id = strtoll(id_or_name, &end, 0);
	if (*id_or_name && !*end && !errno && id >= 0 && id <= INT32_MAX)
		return jh_cell_new(ctx, (int)id, cell);
	return jh_cell_lookup_by_name(ctx, id_or_name, cell);
}

JH_EXPORT int jh_cell_get_id(const struct jh_cell *cell)
{
	return cell->id;
}

JH_EXPORT const char *jh_cell_get_name(const struct jh_cell *cell)
{
	return cell->name;
}

struct jh_ctx *jh_cell_get_ctx(const struct jh_cell *cell)
{
	return cell->ctx;
}

void jh_cell_mark_gone(struct jh_cell *cell)
{
	cell->gone = true;
}

/* Fills the ioctl argument; refuses a cell destroyed through this object. */
int jh_cell_id_arg(const struct jh_cell *cell, struct jailhouse_cell_id *arg)
{
	if (cell->gone)
		return jh_fail(cell->ctx, ENOENT, JH_ERR_CELL_NOT_FOUND,
			       "cell %d (%s) was destroyed", cell->id,
			       cell->name);
	memset(arg, 0, sizeof(*arg));
	if (cell->by_name) {
		arg->id = JAILHOUSE_CELL_ID_UNUSED;
		memcpy(arg->name, cell->name, sizeof(cell->name));
	} else {
		arg->id = cell->id;
	}
	return 0;
}

/* Reads cells/<id>/<attr>; a vanished directory means a vanished cell. */
static int read_attr(struct jh_cell *cell, const char *attr, char *buf,
		     size_t size)
{
	char rel[96];
	int len;

	snprintf(rel, sizeof(rel), "cells/%d/%s", cell->id, attr);
	len = jh_sysfs_read(cell->ctx, rel, buf, size);
	if (len == -ENOENT)
		return jh_fail(cell->ctx, ENOENT, JH_ERR_CELL_NOT_FOUND,
			       "cell %d (%s) no longer exists", cell->id,
			       cell->name);
	return len;
}

JH_EXPORT int jh_cell_get_state(struct jh_cell *cell, enum jh_cell_state *state)
{
	char buf[64];
	int len;

	len = read_attr(cell, "state", buf, sizeof(buf));
	if (len < 0)
		return len;
	*state = parse_state(buf);
	return 0;
}

static int read_cpus(struct jh_cell *cell, const char *attr,
		     struct jh_cpuset **cpus)
{
	char buf[4096];
	int len;

	len = read_attr(cell, attr, buf, sizeof(buf));
	if (len < 0)
		return len;
	return jh_cpuset_from_list(cell->ctx, buf, cpus);
}

JH_EXPORT int jh_cell_get_cpus_assigned(struct jh_cell *cell,
					struct jh_cpuset **cpus)
{
	return read_cpus(cell, "cpus_assigned_list", cpus);
}

JH_EXPORT int jh_cell_get_cpus_failed(struct jh_cell *cell,
				      struct jh_cpuset **cpus)
{
	return read_cpus(cell, "cpus_failed_list", cpus);
}

JH_EXPORT int jh_cell_get_config(struct jh_cell *cell, struct jh_config **cfg)
{
	char rel[64], label[64];
	size_t size;
	void *data;
	int err;

	snprintf(rel, sizeof(rel), "cells/%d/config", cell->id);
	err = jh_sysfs_read_bin(cell->ctx, rel, JAILHOUSE_SYSTEM_CONFIG_MAX_SIZE,
				&data, &size);
	if (err == -ENOENT)
		return jh_fail(cell->ctx, ENOENT, JH_ERR_NOT_SUPPORTED,
			       "the driver does not show cell \"%s\"'s config (upstream's driver does not)",
			       cell->name);
	if (err)
		return err;
	snprintf(label, sizeof(label), "cell \"%s\"", cell->name);
	err = jh_config_new_from_buffer(cell->ctx, data, size, label, cfg);
	free(data);
	return err;
}
