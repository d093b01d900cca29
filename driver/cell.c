// SPDX-License-Identifier: GPL-2.0
/*
 * Cell bookkeeping: the list of cells the hypervisor runs, lookup by ID
 * or name, and the root cell created at enable. Everything here runs
 * under jhd_lock.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cpumask.h>
#include <linux/err.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include <jailhouse/ioctl.h>

#include "driver.h"

struct jhd_cell *jhd_root_cell;
static LIST_HEAD(jhd_cells);

/* The root cell gets ID 0 and the config's CPUs that Linux can have. */
struct jhd_cell *jhd_cell_create_root(const struct jailhouse_system *cfg)
{
	const struct jailhouse_cell_desc *desc = &cfg->root_cell;
	const u8 *set = jailhouse_cell_cpu_set(desc);
	struct jhd_cell *cell;
	unsigned int cpu;

	cell = kzalloc(sizeof(*cell), GFP_KERNEL);
	if (!cell)
		return ERR_PTR(-ENOMEM);

	cell->system = kmemdup(cfg, jailhouse_system_config_size(cfg),
			       GFP_KERNEL);
	if (!cell->system) {
		kfree(cell);
		return ERR_PTR(-ENOMEM);
	}
	cell->id = 0;
	strscpy(cell->name, desc->name, sizeof(cell->name));
	for (cpu = 0; cpu < nr_cpu_ids && cpu / 8 < desc->cpu_set_size; cpu++)
		if (set[cpu / 8] & BIT(cpu % 8))
			cpumask_set_cpu(cpu, &cell->cpus_assigned);
	list_add_tail(&cell->entry, &jhd_cells);
	return cell;
}

void jhd_cell_add(struct jhd_cell *cell)
{
	list_add_tail(&cell->entry, &jhd_cells);
}

void jhd_cell_delete(struct jhd_cell *cell)
{
	list_del(&cell->entry);
	jhd_cell_unclaim(cell);
	kfree(cell->config);
	kfree(cell->system);
	kfree(cell);
}

struct jhd_cell *jhd_cell_by_name(const char *name)
{
	struct jhd_cell *cell;

	list_for_each_entry(cell, &jhd_cells, entry)
		if (!strcmp(cell->name, name))
			return cell;
	return NULL;
}

static struct jhd_cell *jhd_cell_by_id(unsigned int id)
{
	struct jhd_cell *cell;

	list_for_each_entry(cell, &jhd_cells, entry)
		if (cell->id == id)
			return cell;
	return NULL;
}

/* The non-root cell that holds a CPU, NULL if none does. */
struct jhd_cell *jhd_cell_by_cpu(unsigned int cpu)
{
	struct jhd_cell *cell;

	list_for_each_entry(cell, &jhd_cells, entry)
		if (cell != jhd_root_cell &&
		    cpumask_test_cpu(cpu, &cell->cpus_assigned))
			return cell;
	return NULL;
}

/* The lowest ID no cell uses, as upstream; 0 is always root's. */
int jhd_cell_free_id(void)
{
	unsigned int id;

	for (id = 1; id <= JAILHOUSE_CELL_ID_MAX; id++)
		if (!jhd_cell_by_id(id))
			return id;
	return -ENOSPC;
}

/*
 * The non-root cell with the lowest ID, for tearing all of them down in
 * a documented order (IDs are reused, so the list's order is not it).
 */
struct jhd_cell *jhd_cell_first_non_root(void)
{
	struct jhd_cell *cell, *first = NULL;

	list_for_each_entry(cell, &jhd_cells, entry)
		if (cell != jhd_root_cell && (!first || cell->id < first->id))
			first = cell;
	return first;
}

/* The common part of LOAD, START and DESTROY: a non-root cell by ID/name. */
int jhd_cell_lookup(const void __user *arg, struct jhd_cell **cell)
{
	struct jailhouse_cell_id id;

	if (jhd_hv.broken)
		return -ENOTRECOVERABLE;
	if (!jhd_hv.enabled)
		return -EINVAL;
	if (copy_from_user(&id, arg, sizeof(id)))
		return -EFAULT;
	id.name[JAILHOUSE_CELL_ID_NAMELEN] = 0;

	*cell = id.id == JAILHOUSE_CELL_ID_UNUSED ? jhd_cell_by_name(id.name) :
		id.id >= 0 ? jhd_cell_by_id(id.id) : NULL;
	if (!*cell)
		return -ENOENT;
	if (*cell == jhd_root_cell)
		return -EINVAL;
	return 0;
}
