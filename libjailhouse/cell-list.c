// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Listing cells: the directories below cells/, ordered by number (the
 * upstream tool sorted them as strings: 0, 1, 10, 2).
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct jh_cell_list {
	unsigned int count;
	struct jh_cell **cells;
};

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

static bool parse_id(const char *s, int *id)
{
	char *end;
	long v;

	if (*s < '0' || *s > '9')
		return false;
	errno = 0;
	v = strtol(s, &end, 10);
	if (*end || errno || v > INT32_MAX)
		return false;
	*id = (int)v;
	return true;
}

/*
 * The IDs of all cells, sorted. A missing cells/ directory (no driver)
 * gives an empty list.
 */
static int scan_ids(struct jh_ctx *ctx, int **ids_out, unsigned int *count)
{
	unsigned int n = 0, cap = 0;
	char path[PATH_MAX];
	struct dirent *de;
	int *ids = NULL;
	DIR *dir;
	int err;

	err = jh_path(ctx, path, JH_SYSFS_DIR "/cells");
	if (err)
		return err;
	dir = opendir(path);
	if (!dir) {
		err = errno;
		if (err == ENOENT) {
			*ids_out = NULL;
			*count = 0;
			return 0;
		}
		return jh_fail(ctx, err, err == EACCES ? JH_ERR_PERMISSION :
			       JH_ERR_SYSTEM, "reading %s: %s", path,
			       strerror(err));
	}
	while ((de = readdir(dir))) {
		int id;

		if (!parse_id(de->d_name, &id))
			continue;
		if (n == cap) {
			int *more;

			cap = cap ? cap * 2 : 8;
			more = realloc(ids, cap * sizeof(*ids));
			if (!more) {
				err = jh_fail_nomem(ctx);
				goto err_free;
			}
			ids = more;
		}
		ids[n++] = id;
	}
	closedir(dir);
	if (n)
		qsort(ids, n, sizeof(*ids), cmp_int);
	*ids_out = ids;
	*count = n;
	return 0;

err_free:
	free(ids);
	closedir(dir);
	return err;
}

/* Returns 1 and the ID if a cell has this name, 0 if none, <0 on error. */
int jh_cell_find_id_by_name(struct jh_ctx *ctx, const char *name, int *id)
{
	unsigned int n, i;
	char rel[64], buf[64];
	int *ids, ret = 0;

	ret = scan_ids(ctx, &ids, &n);
	if (ret)
		return ret;
	for (i = 0; i < n; i++) {
		snprintf(rel, sizeof(rel), "cells/%d/name", ids[i]);
		/* A cell destroyed meanwhile simply does not match. */
		if (jh_sysfs_read(ctx, rel, buf, sizeof(buf)) < 0)
			continue;
		if (!strcmp(buf, name)) {
			*id = ids[i];
			ret = 1;
			break;
		}
	}
	free(ids);
	return ret;
}

JH_EXPORT int jh_cell_list_new(struct jh_ctx *ctx, struct jh_cell_list **out)
{
	struct jh_cell_list *list;
	unsigned int n, i;
	int *ids, err;

	err = scan_ids(ctx, &ids, &n);
	if (err)
		return err;
	list = calloc(1, sizeof(*list));
	if (!list)
		goto err_nomem;
	list->cells = calloc(n ? n : 1, sizeof(*list->cells));
	if (!list->cells)
		goto err_nomem;

	for (i = 0; i < n; i++) {
		err = jh_cell_new(ctx, ids[i], &list->cells[list->count]);
		/* Destroyed between readdir and now: not part of the snapshot. */
		if (err == -ENOENT)
			continue;
		if (err)
			goto err_free_list;
		list->count++;
	}
	free(ids);
	*out = list;
	return 0;

err_nomem:
	err = jh_fail_nomem(ctx);
err_free_list:
	jh_cell_list_free(list);
	free(ids);
	return err;
}

JH_EXPORT void jh_cell_list_free(struct jh_cell_list *list)
{
	unsigned int i;

	if (!list)
		return;
	for (i = 0; i < list->count; i++)
		jh_cell_unref(list->cells[i]);
	free(list->cells);
	free(list);
}

JH_EXPORT unsigned int jh_cell_list_get_count(const struct jh_cell_list *list)
{
	return list->count;
}

JH_EXPORT struct jh_cell *jh_cell_list_get(const struct jh_cell_list *list,
					   unsigned int idx)
{
	return idx < list->count ? list->cells[idx] : NULL;
}
