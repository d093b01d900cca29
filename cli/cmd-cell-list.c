// SPDX-License-Identifier: GPL-2.0-only
/*
 * cell list: a table in upstream's column layout, or JSON.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "config-show.h"
#include "json-writer.h"

static const char list_usage[] = "cell list [--json]\n"
	"Lists the cells by ID: name, state, assigned and failed CPUs;\n"
	"with --json also each cell's ivshmem links.";

struct cell_row {
	const char *state;
	struct jh_cpuset *assigned, *failed;
};

static int read_row(struct jh_cell *cell, struct cell_row *row)
{
	enum jh_cell_state state;
	int err;

	row->assigned = row->failed = NULL;
	err = jh_cell_get_state(cell, &state);
	if (!err)
		err = jh_cell_get_cpus_assigned(cell, &row->assigned);
	if (!err)
		err = jh_cell_get_cpus_failed(cell, &row->failed);
	row->state = err ? NULL : jh_cell_state_name(state);
	return err;
}

static void free_row(struct cell_row *row)
{
	jh_cpuset_free(row->assigned);
	jh_cpuset_free(row->failed);
}

/* Upstream's widths; trailing blanks dropped. */
static void print_line(const char *id, const char *name, const char *state,
		       const char *assigned, const char *failed)
{
	char line[512];
	size_t len;

	snprintf(line, sizeof(line), "%-8s%-24s%-18s%-24s%s", id, name, state,
		 assigned, failed);
	len = strlen(line);
	while (len && line[len - 1] == ' ')
		line[--len] = '\0';
	puts(line);
}

static void json_cpus(struct json *j, const char *key,
		      const struct jh_cpuset *set)
{
	int cpu;

	json_array_begin(j, key);
	for (cpu = jh_cpuset_next(set, -1); cpu >= 0;
	     cpu = jh_cpuset_next(set, cpu))
		json_int(j, NULL, cpu);
	json_array_end(j);
}

static void json_link(struct json *j, const struct jh_config *cfg,
		      const struct jh_pci_device *dev, unsigned int idx)
{
	struct jh_ivshmem l;
	char bdf[16];

	if (jh_config_get_ivshmem(cfg, idx, &l))
		return;
	snprintf(bdf, sizeof(bdf), "%04x:%02x:%02x.%x", dev->domain,
		 l.bdf >> 8, (l.bdf >> 3) & 0x1f, l.bdf & 7);
	json_object_begin(j, NULL);
	json_string(j, "bdf", bdf);
	json_ivshmem_members(j, &l);
	json_object_end(j);
}

/*
 * The links of the config the cell was made from; an empty list if the
 * driver does not show configs (upstream's), for the tools reading it.
 */
static void json_links(struct json *j, struct jh_cell *cell)
{
	struct jh_pci_device dev;
	struct jh_config *cfg;
	unsigned int n;

	json_array_begin(j, "ivshmem");
	if (!jh_cell_get_config(cell, &cfg)) {
		for (n = 0; n < jh_config_get_num_pci_devices(cfg); n++)
			if (!jh_config_get_pci_device(cfg, n, &dev) &&
			    dev.type == JH_PCI_TYPE_IVSHMEM)
				json_link(j, cfg, &dev, n);
		jh_config_unref(cfg);
	}
	json_array_end(j);
}

static void json_row(struct json *j, struct jh_cell *cell,
		     const struct cell_row *row)
{
	json_object_begin(j, NULL);
	json_int(j, "id", jh_cell_get_id(cell));
	json_string(j, "name", jh_cell_get_name(cell));
	json_string(j, "state", row->state);
	json_cpus(j, "cpus_assigned", row->assigned);
	json_cpus(j, "cpus_failed", row->failed);
	json_links(j, cell);
	json_object_end(j);
}

int cmd_cell_list(int argc, char **argv)
{
	struct jh_cell_list *list;
	struct cell_row row;
	struct jh_ctx *ctx;
	bool as_json = false;
	struct json j;
	unsigned int i;
	int ret;

	if (argc == 2 && cli_is_help(argv[1]))
		return cli_print_help(list_usage);
	if (argc == 2 && !strcmp(argv[1], "--json"))
		as_json = cli_json = true;
	else if (argc != 1)
		return cli_usage_error(list_usage, "unexpected argument '%s'",
				       argv[1]);
	ret = cli_ctx(&ctx);
	if (ret)
		return ret;
	if (jh_cell_list_new(ctx, &list)) {
		ret = cli_error(ctx);
		goto out_ctx;
	}

	if (as_json) {
		json_init(&j, stdout);
		json_object_begin(&j, NULL);
		/* an empty list says why: no driver, or not enabled */
		json_string(&j, "hypervisor",
			    jh_is_enabled(ctx) > 0 ? "enabled" :
			    jh_is_driver_loaded(ctx) > 0 ? "disabled" : "no-driver");
		json_array_begin(&j, "cells");
	} else if (jh_cell_list_get_count(list)) {
		print_line("ID", "Name", "State", "Assigned CPUs", "Failed CPUs");
	}
	for (i = 0; i < jh_cell_list_get_count(list); i++) {
		struct jh_cell *cell = jh_cell_list_get(list, i);
		char id[16];

		/* A cell destroyed meanwhile is simply left out. */
		if (read_row(cell, &row)) {
			free_row(&row);
			continue;
		}
		snprintf(id, sizeof(id), "%d", jh_cell_get_id(cell));
		if (as_json)
			json_row(&j, cell, &row);
		else
			print_line(id, jh_cell_get_name(cell), row.state,
				   jh_cpuset_to_string(row.assigned),
				   jh_cpuset_to_string(row.failed));
		free_row(&row);
	}
	if (as_json) {
		json_array_end(&j);
		json_object_end(&j);
	}
	jh_cell_list_free(list);
out_ctx:
	jh_ctx_unref(ctx);
	return ret;
}
