// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Statistics snapshots of a cell: the counters under
 * cells/<id>/statistics/, summed and per CPU, names kept as the driver
 * spells them so new counters need no library update.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define STAT_PREFIX	"vmexits_"
#define STAT_FIRST	"vmexits_total"

struct jh_stats {
	unsigned int num_counters;
	char **names;
	uint64_t *total;
	unsigned int num_cpus;
	unsigned int *cpus;
	uint64_t *values;	/* [cpu index][counter] */
};

JH_EXPORT void jh_stats_free(struct jh_stats *stats)
{
	unsigned int i;

	if (!stats)
		return;
	for (i = 0; i < stats->num_counters; i++)
		free(stats->names[i]);
	free(stats->names);
	free(stats->total);
	free(stats->cpus);
	free(stats->values);
	free(stats);
}

static int cmp_names(const void *a, const void *b)
{
	const char *x = *(char *const *)a, *y = *(char *const *)b;

	if (!strcmp(x, STAT_FIRST))
		return -1;
	if (!strcmp(y, STAT_FIRST))
		return 1;
	return strcmp(x, y);
}

static int cmp_uint(const void *a, const void *b)
{
	unsigned int x = *(const unsigned int *)a, y = *(const unsigned int *)b;

	return (x > y) - (x < y);
}

static int grow(void **array, unsigned int *cap, unsigned int count,
		size_t elem)
{
	unsigned int n;
	void *more;

	if (count < *cap)
		return 0;
	n = *cap ? *cap * 2 : 8;
	more = realloc(*array, n * elem);
	if (!more)
		return -ENOMEM;
	*array = more;
	*cap = n;
	return 0;
}

/* Collects counter names and CPU numbers from the statistics directory. */
static int scan_dir(struct jh_stats *stats, DIR *dir)
{
	unsigned int names_cap = 0, cpus_cap = 0;
	struct dirent *de;
	unsigned int cpu;
	char *name;

	while ((de = readdir(dir))) {
		if (!strncmp(de->d_name, STAT_PREFIX, strlen(STAT_PREFIX))) {
			if (grow((void **)&stats->names, &names_cap,
				 stats->num_counters, sizeof(*stats->names)))
				return -ENOMEM;
			name = strdup(de->d_name);
			if (!name)
				return -ENOMEM;
			stats->names[stats->num_counters++] = name;
		} else if (sscanf(de->d_name, "cpu%u", &cpu) == 1) {
			if (grow((void **)&stats->cpus, &cpus_cap,
				 stats->num_cpus, sizeof(*stats->cpus)))
				return -ENOMEM;
			stats->cpus[stats->num_cpus++] = cpu;
		}
	}
	if (stats->num_counters)
		qsort(stats->names, stats->num_counters, sizeof(char *),
		      cmp_names);
	if (stats->num_cpus)
		qsort(stats->cpus, stats->num_cpus, sizeof(unsigned int),
		      cmp_uint);
	return 0;
}

/* Reads every counter relative to the statistics directory @dirfd, @dir. */
static int read_values(struct jh_ctx *ctx, int dirfd, const char *dir,
		       struct jh_stats *stats)
{
	unsigned int c, i;
	char rel[128];
	int err;

	stats->total = calloc(stats->num_counters + 1, sizeof(uint64_t));
	stats->values = calloc((size_t)stats->num_counters * stats->num_cpus + 1,
			       sizeof(uint64_t));
	if (!stats->total || !stats->values)
		return jh_fail_nomem(ctx);

	for (i = 0; i < stats->num_counters; i++) {
		err = jh_sysfs_read_u64_at(ctx, dirfd, dir, stats->names[i],
					   &stats->total[i]);
		if (err == -ENOENT)
			return jh_fail(ctx, ENOENT, JH_ERR_SYSTEM,
				       "reading %s/%s: %s", dir,
				       stats->names[i], strerror(ENOENT));
		if (err)
			return err;
		for (c = 0; c < stats->num_cpus; c++) {
			snprintf(rel, sizeof(rel), "cpu%u/%s", stats->cpus[c],
				 stats->names[i]);
			err = jh_sysfs_read_u64_at(ctx, dirfd, dir, rel,
				&stats->values[c * stats->num_counters + i]);
			/* Older drivers may lack a per-CPU counter. */
			if (err == -ENOENT)
				continue;
			if (err)
				return err;
		}
	}
	return 0;
}

JH_EXPORT int jh_cell_get_stats(struct jh_cell *cell, struct jh_stats **out)
{
	struct jh_ctx *ctx = jh_cell_get_ctx(cell);
	int id = jh_cell_get_id(cell);
	struct jh_stats *stats;
	char path[PATH_MAX];
	DIR *dir;
	int err;

	err = jh_path(ctx, path, JH_SYSFS_DIR "/cells/%d/statistics", id);
	if (err)
		return err;
	dir = opendir(path);
	if (!dir) {
		enum jh_cell_state state;

		err = errno;
		/* Tell a vanished cell from a driver without statistics. */
		if (err == ENOENT && jh_cell_get_state(cell, &state))
			return -ENOENT;
		return jh_fail(ctx, err, err == ENOENT ? JH_ERR_NOT_SUPPORTED :
			       JH_ERR_SYSTEM, "reading %s: %s", path,
			       strerror(err));
	}

	stats = calloc(1, sizeof(*stats));
	if (!stats) {
		err = jh_fail_nomem(ctx);
		goto err_close;
	}
	if (scan_dir(stats, dir)) {
		err = jh_fail_nomem(ctx);
		goto err_free;
	}
	err = read_values(ctx, dirfd(dir), path, stats);
	if (err)
		goto err_free;
	closedir(dir);
	*out = stats;
	return 0;

err_free:
	jh_stats_free(stats);
err_close:
	closedir(dir);
	return err;
}

JH_EXPORT unsigned int jh_stats_get_num_counters(const struct jh_stats *stats)
{
	return stats->num_counters;
}

JH_EXPORT const char *jh_stats_get_counter_name(const struct jh_stats *stats,
						unsigned int counter)
{
	return counter < stats->num_counters ? stats->names[counter] : NULL;
}

JH_EXPORT uint64_t jh_stats_get_total(const struct jh_stats *stats,
				      unsigned int counter)
{
	return counter < stats->num_counters ? stats->total[counter] : 0;
}

JH_EXPORT unsigned int jh_stats_get_num_cpus(const struct jh_stats *stats)
{
	return stats->num_cpus;
}

JH_EXPORT unsigned int jh_stats_get_cpu(const struct jh_stats *stats,
					unsigned int idx)
{
	return idx < stats->num_cpus ? stats->cpus[idx] : 0;
}

JH_EXPORT uint64_t jh_stats_get_cpu_value(const struct jh_stats *stats,
					  unsigned int idx,
					  unsigned int counter)
{
	if (idx >= stats->num_cpus || counter >= stats->num_counters)
		return 0;
	return stats->values[idx * stats->num_counters + counter];
}
