// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/devices/jailhouse/cells/<id>/: name, state, CPU sets and the
 * per-CPU statistics directories, which move with their CPU.
 *
 * The attributes here issue hypercalls without taking jhd_lock: a cell is
 * only visible while the hypervisor runs, and removing it from sysfs waits
 * for its readers, which must therefore never wait for jhd_lock.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cpumask.h>
#include <linux/device.h>
#include <linux/kobject.h>
#include <linux/overflow.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>

#include <jailhouse/hvc.h>

#include "driver.h"

struct jhd_cpu_kobj {
	struct kobject kobj;
	unsigned int cpu;
};

/* One registration of a cell in sysfs; a re-registration gets a new one. */
struct jhd_cell_sysfs {
	struct kobject kobj;
	struct jhd_cell *cell;
	struct kobject *stats;
	struct jhd_cpu_kobj *cpu[];	/* nr_cpu_ids entries */
};

struct jhd_stat_attr {
	struct kobj_attribute kattr;
	unsigned int index;
	char name[32];
};

static struct kobject *jhd_cells_dir;

static const char *const jhd_stat_names[] = { JAILHOUSE_CPU_STAT_NAMES };
static_assert(ARRAY_SIZE(jhd_stat_names) == JAILHOUSE_NUM_CPU_STATS);

/* Per cell (sums) and per CPU; names are built at init from the list. */
static struct jhd_stat_attr jhd_cell_stats[JAILHOUSE_NUM_CPU_STATS];
static struct jhd_stat_attr jhd_cpu_stats[JAILHOUSE_NUM_CPU_STATS];
static struct attribute *jhd_cell_stat_attrs[JAILHOUSE_NUM_CPU_STATS + 1];
static struct attribute *jhd_cpu_stat_attrs[JAILHOUSE_NUM_CPU_STATS + 1];

static const struct attribute_group jhd_cell_stat_group = {
	.attrs = jhd_cell_stat_attrs,
};

static const struct attribute_group jhd_cpu_stat_group = {
	.attrs = jhd_cpu_stat_attrs,
};

static const struct attribute_group *jhd_cpu_groups[] = {
	&jhd_cpu_stat_group,
	NULL,
};

static struct jhd_cell *jhd_kobj_cell(struct kobject *kobj)
{
	return container_of(kobj, struct jhd_cell_sysfs, kobj)->cell;
}

/* Counter of one CPU; the hypervisor's errors read as 0. */
static unsigned long jhd_cpu_stat(unsigned int cpu, unsigned int index)
{
	long val = jailhouse_call_arg2(JAILHOUSE_HC_CPU_GET_INFO, cpu,
				       JAILHOUSE_CPU_INFO_STAT_BASE + index);

	return val > 0 ? val : 0;
}

static ssize_t jhd_cpu_stat_show(struct kobject *kobj,
				struct kobj_attribute *attr, char *buf)
{
	struct jhd_stat_attr *sa = container_of(attr, struct jhd_stat_attr, kattr);
	struct jhd_cpu_kobj *ck = container_of(kobj, struct jhd_cpu_kobj, kobj);

	return sysfs_emit(buf, "%lu\n", jhd_cpu_stat(ck->cpu, sa->index));
}

static ssize_t jhd_cell_stat_show(struct kobject *kobj,
				 struct kobj_attribute *attr, char *buf)
{
	struct jhd_stat_attr *sa = container_of(attr, struct jhd_stat_attr, kattr);
	/* the statistics directory sits in the cell's */
	struct jhd_cell *cell = jhd_kobj_cell(kobj->parent);
	unsigned long sum = 0;
	unsigned int cpu;

	for_each_cpu(cpu, &cell->cpus_assigned)
		sum += jhd_cpu_stat(cpu, sa->index);
	return sysfs_emit(buf, "%lu\n", sum);
}

static void jhd_stat_attr_init(struct jhd_stat_attr *sa, unsigned int index,
			      ssize_t (*show)(struct kobject *,
					      struct kobj_attribute *, char *))
{
	snprintf(sa->name, sizeof(sa->name), "vmexits_%s",
		 jhd_stat_names[index]);
	sysfs_attr_init(&sa->kattr.attr);
	sa->kattr.attr.name = sa->name;
	sa->kattr.attr.mode = 0444;
	sa->kattr.show = show;
	sa->index = index;
}

static void jhd_stat_attrs_init(void)
{
	unsigned int i;

	for (i = 0; i < JAILHOUSE_NUM_CPU_STATS; i++) {
		jhd_stat_attr_init(&jhd_cell_stats[i], i, jhd_cell_stat_show);
		jhd_cell_stat_attrs[i] = &jhd_cell_stats[i].kattr.attr;
		jhd_stat_attr_init(&jhd_cpu_stats[i], i, jhd_cpu_stat_show);
		jhd_cpu_stat_attrs[i] = &jhd_cpu_stats[i].kattr.attr;
	}
}

static ssize_t name_show(struct kobject *kobj, struct kobj_attribute *attr,
			 char *buf)
{
	return sysfs_emit(buf, "%s\n", jhd_kobj_cell(kobj)->name);
}

static const char *jhd_state_name(long state)
{
	switch (state) {
	case JAILHOUSE_CELL_RUNNING:
		return "running";
	case JAILHOUSE_CELL_RUNNING_LOCKED:
		return "running/locked";
	case JAILHOUSE_CELL_SHUT_DOWN:
		return "shut down";
	case JAILHOUSE_CELL_FAILED:
		return "failed";
	case JAILHOUSE_CELL_FAILED_COMM_REV:
		return "Comm ABI mismatch";
	default:
		return "invalid";
	}
}

static ssize_t state_show(struct kobject *kobj, struct kobj_attribute *attr,
			  char *buf)
{
	long state = jailhouse_call_arg1(JAILHOUSE_HC_CELL_GET_STATE,
					 jhd_kobj_cell(kobj)->id);

	return sysfs_emit(buf, "%s\n", jhd_state_name(state));
}

static void jhd_cell_failed_cpus(struct jhd_cell *cell, struct cpumask *failed)
{
	unsigned int cpu;

	cpumask_clear(failed);
	for_each_cpu(cpu, &cell->cpus_assigned)
		if (jailhouse_call_arg2(JAILHOUSE_HC_CPU_GET_INFO, cpu,
					JAILHOUSE_CPU_INFO_STATE) ==
		    JAILHOUSE_CPU_FAILED)
			cpumask_set_cpu(cpu, failed);
}

static ssize_t cpus_assigned_show(struct kobject *kobj,
				  struct kobj_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%*pb\n",
			  cpumask_pr_args(&jhd_kobj_cell(kobj)->cpus_assigned));
}

static ssize_t cpus_assigned_list_show(struct kobject *kobj,
				       struct kobj_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%*pbl\n",
			  cpumask_pr_args(&jhd_kobj_cell(kobj)->cpus_assigned));
}

static ssize_t cpus_failed_show(struct kobject *kobj,
				struct kobj_attribute *attr, char *buf)
{
	cpumask_var_t failed;
	ssize_t len;

	if (!zalloc_cpumask_var(&failed, GFP_KERNEL))
		return -ENOMEM;
	jhd_cell_failed_cpus(jhd_kobj_cell(kobj), failed);
	len = sysfs_emit(buf, "%*pb\n", cpumask_pr_args(failed));
	free_cpumask_var(failed);
	return len;
}

static ssize_t cpus_failed_list_show(struct kobject *kobj,
				     struct kobj_attribute *attr, char *buf)
{
	cpumask_var_t failed;
	ssize_t len;

	if (!zalloc_cpumask_var(&failed, GFP_KERNEL))
		return -ENOMEM;
	jhd_cell_failed_cpus(jhd_kobj_cell(kobj), failed);
	len = sysfs_emit(buf, "%*pbl\n", cpumask_pr_args(failed));
	free_cpumask_var(failed);
	return len;
}

static struct kobj_attribute jhd_attr_name = __ATTR_RO(name);
static struct kobj_attribute jhd_attr_state = __ATTR_RO(state);
static struct kobj_attribute jhd_attr_cpus_assigned = __ATTR_RO(cpus_assigned);
static struct kobj_attribute jhd_attr_cpus_assigned_list =
	__ATTR_RO(cpus_assigned_list);
static struct kobj_attribute jhd_attr_cpus_failed = __ATTR_RO(cpus_failed);
static struct kobj_attribute jhd_attr_cpus_failed_list =
	__ATTR_RO(cpus_failed_list);

/*
 * The config the cell was made from: its .cell, or root's system config.
 * Ours, not upstream's: tools show what a running cell has (its ivshmem
 * links) without the file it came from. Fixed while the cell is visible.
 */
static ssize_t config_read(struct file *file, struct kobject *kobj,
			   struct bin_attribute *attr, char *buf, loff_t off,
			   size_t count)
{
	struct jhd_cell *cell = jhd_kobj_cell(kobj);

	if (cell->config)
		return memory_read_from_buffer(buf, count, &off, cell->config,
				jailhouse_cell_config_size(cell->config));
	if (cell->system)
		return memory_read_from_buffer(buf, count, &off, cell->system,
				jailhouse_system_config_size(cell->system));
	return 0;
}

static BIN_ATTR(config, 0400, config_read, NULL, 0);

static struct attribute *jhd_cell_attrs[] = {
	&jhd_attr_name.attr,
	&jhd_attr_state.attr,
	&jhd_attr_cpus_assigned.attr,
	&jhd_attr_cpus_assigned_list.attr,
	&jhd_attr_cpus_failed.attr,
	&jhd_attr_cpus_failed_list.attr,
	NULL,
};

static struct bin_attribute *jhd_cell_bin_attrs[] = {
	&bin_attr_config,
	NULL,
};

static const struct attribute_group jhd_cell_group = {
	.attrs = jhd_cell_attrs,
	.bin_attrs = jhd_cell_bin_attrs,
};

static const struct attribute_group *jhd_cell_groups[] = {
	&jhd_cell_group,
	NULL,
};

static void jhd_cell_sysfs_release(struct kobject *kobj)
{
	kfree(container_of(kobj, struct jhd_cell_sysfs, kobj));
}

static struct kobj_type jhd_cell_ktype = {
	.release = jhd_cell_sysfs_release,
	.sysfs_ops = &kobj_sysfs_ops,
	.default_groups = jhd_cell_groups,
};

static void jhd_cpu_kobj_release(struct kobject *kobj)
{
	kfree(container_of(kobj, struct jhd_cpu_kobj, kobj));
}

static struct kobj_type jhd_cpu_ktype = {
	.release = jhd_cpu_kobj_release,
	.sysfs_ops = &kobj_sysfs_ops,
	.default_groups = jhd_cpu_groups,
};

static int jhd_cpu_kobj_add(struct jhd_cell_sysfs *s, unsigned int cpu)
{
	struct jhd_cpu_kobj *ck;
	int err;

	ck = kzalloc(sizeof(*ck), GFP_KERNEL);
	if (!ck)
		return -ENOMEM;
	ck->cpu = cpu;
	err = kobject_init_and_add(&ck->kobj, &jhd_cpu_ktype, s->stats,
				   "cpu%u", cpu);
	if (err) {
		kobject_put(&ck->kobj);
		return err;
	}
	s->cpu[cpu] = ck;
	return 0;
}

static int jhd_cell_sysfs_fill(struct jhd_cell_sysfs *s)
{
	unsigned int cpu;
	int err;

	s->stats = kobject_create_and_add("statistics", &s->kobj);
	if (!s->stats)
		return -ENOMEM;
	err = sysfs_create_group(s->stats, &jhd_cell_stat_group);
	if (err)
		return err;
	for_each_cpu(cpu, &s->cell->cpus_assigned) {
		err = jhd_cpu_kobj_add(s, cpu);
		if (err)
			return err;
	}
	return 0;
}

/* kobject_del() is synchronous, a release may come much later */
static void jhd_cpu_kobj_del(struct jhd_cell_sysfs *s, unsigned int cpu)
{
	if (!s->cpu[cpu])
		return;
	kobject_del(&s->cpu[cpu]->kobj);
	kobject_put(&s->cpu[cpu]->kobj);
	s->cpu[cpu] = NULL;
}

/*
 * A CPU's statistics directory follows the CPU from cell to cell; its
 * counters start again at 0 (the hypervisor resets them on the move).
 */
void jhd_cell_sysfs_cpu_del(struct jhd_cell *cell, unsigned int cpu)
{
	if (cell->sysfs)
		jhd_cpu_kobj_del(cell->sysfs, cpu);
}

int jhd_cell_sysfs_cpu_add(struct jhd_cell *cell, unsigned int cpu)
{
	return cell->sysfs ? jhd_cpu_kobj_add(cell->sysfs, cpu) : 0;
}

/* Removes the cell from sysfs; returns once no attribute is being read. */
void jhd_cell_unregister(struct jhd_cell *cell)
{
	struct jhd_cell_sysfs *s = cell ? cell->sysfs : NULL;
	unsigned int cpu;

	if (!s)
		return;
	kobject_uevent(&s->kobj, KOBJ_REMOVE);
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		jhd_cpu_kobj_del(s, cpu);
	if (s->stats) {
		kobject_del(s->stats);
		kobject_put(s->stats);
	}
	kobject_del(&s->kobj);
	kobject_put(&s->kobj);
	cell->sysfs = NULL;
}

int jhd_cell_register(struct jhd_cell *cell)
{
	struct jhd_cell_sysfs *s;
	int err;

	s = kzalloc(struct_size(s, cpu, nr_cpu_ids), GFP_KERNEL);
	if (!s)
		return -ENOMEM;
	s->cell = cell;
	err = kobject_init_and_add(&s->kobj, &jhd_cell_ktype, jhd_cells_dir,
				   "%u", cell->id);
	if (err) {
		kobject_put(&s->kobj);
		return err;
	}
	cell->sysfs = s;

	err = jhd_cell_sysfs_fill(s);
	if (err) {
		jhd_cell_unregister(cell);
		return err;
	}
	kobject_uevent(&s->kobj, KOBJ_ADD);
	return 0;
}

int jhd_cells_init(void)
{
	jhd_stat_attrs_init();
	jhd_cells_dir = kobject_create_and_add("cells", &jhd_root_dev->kobj);
	return jhd_cells_dir ? 0 : -ENOMEM;
}

void jhd_cells_exit(void)
{
	kobject_put(jhd_cells_dir);
}
