// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/devices/jailhouse/cells/<id>/: name, state, CPU sets and the
 * per-CPU statistics directories, which move with their CPU.
 *
 * The attributes here issue hypercalls without taking jh_lock: a cell is
 * only visible while the hypervisor runs, and removing it from sysfs waits
 * for its readers, which must therefore never wait for jh_lock.
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

struct jh_cpu_kobj {
	struct kobject kobj;
	unsigned int cpu;
};

/* One registration of a cell in sysfs; a re-registration gets a new one. */
struct jh_cell_sysfs {
	struct kobject kobj;
	struct jh_cell *cell;
	struct kobject *stats;
	struct jh_cpu_kobj *cpu[];	/* nr_cpu_ids entries */
};

struct jh_stat_attr {
	struct kobj_attribute kattr;
	unsigned int index;
	char name[32];
};

static struct kobject *jh_cells_dir;

static const char *const jh_stat_names[] = { JAILHOUSE_CPU_STAT_NAMES };
static_assert(ARRAY_SIZE(jh_stat_names) == JAILHOUSE_NUM_CPU_STATS);

/* Per cell (sums) and per CPU; names are built at init from the list. */
static struct jh_stat_attr jh_cell_stats[JAILHOUSE_NUM_CPU_STATS];
static struct jh_stat_attr jh_cpu_stats[JAILHOUSE_NUM_CPU_STATS];
static struct attribute *jh_cell_stat_attrs[JAILHOUSE_NUM_CPU_STATS + 1];
static struct attribute *jh_cpu_stat_attrs[JAILHOUSE_NUM_CPU_STATS + 1];

static const struct attribute_group jh_cell_stat_group = {
	.attrs = jh_cell_stat_attrs,
};

static const struct attribute_group jh_cpu_stat_group = {
	.attrs = jh_cpu_stat_attrs,
};

static const struct attribute_group *jh_cpu_groups[] = {
	&jh_cpu_stat_group,
	NULL,
};

static struct jh_cell *jh_kobj_cell(struct kobject *kobj)
{
	return container_of(kobj, struct jh_cell_sysfs, kobj)->cell;
}

/* Counter of one CPU; the hypervisor's errors read as 0. */
static unsigned long jh_cpu_stat(unsigned int cpu, unsigned int index)
{
	long val = jailhouse_call_arg2(JAILHOUSE_HC_CPU_GET_INFO, cpu,
				       JAILHOUSE_CPU_INFO_STAT_BASE + index);

	return val > 0 ? val : 0;
}

static ssize_t jh_cpu_stat_show(struct kobject *kobj,
				struct kobj_attribute *attr, char *buf)
{
	struct jh_stat_attr *sa = container_of(attr, struct jh_stat_attr, kattr);
	struct jh_cpu_kobj *ck = container_of(kobj, struct jh_cpu_kobj, kobj);

	return sysfs_emit(buf, "%lu\n", jh_cpu_stat(ck->cpu, sa->index));
}

static ssize_t jh_cell_stat_show(struct kobject *kobj,
				 struct kobj_attribute *attr, char *buf)
{
	struct jh_stat_attr *sa = container_of(attr, struct jh_stat_attr, kattr);
	/* the statistics directory sits in the cell's */
	struct jh_cell *cell = jh_kobj_cell(kobj->parent);
	unsigned long sum = 0;
	unsigned int cpu;

	for_each_cpu(cpu, &cell->cpus_assigned)
		sum += jh_cpu_stat(cpu, sa->index);
	return sysfs_emit(buf, "%lu\n", sum);
}

static void jh_stat_attr_init(struct jh_stat_attr *sa, unsigned int index,
			      ssize_t (*show)(struct kobject *,
					      struct kobj_attribute *, char *))
{
	snprintf(sa->name, sizeof(sa->name), "vmexits_%s",
		 jh_stat_names[index]);
	sysfs_attr_init(&sa->kattr.attr);
	sa->kattr.attr.name = sa->name;
	sa->kattr.attr.mode = 0444;
	sa->kattr.show = show;
	sa->index = index;
}

static void jh_stat_attrs_init(void)
{
	unsigned int i;

	for (i = 0; i < JAILHOUSE_NUM_CPU_STATS; i++) {
		jh_stat_attr_init(&jh_cell_stats[i], i, jh_cell_stat_show);
		jh_cell_stat_attrs[i] = &jh_cell_stats[i].kattr.attr;
		jh_stat_attr_init(&jh_cpu_stats[i], i, jh_cpu_stat_show);
		jh_cpu_stat_attrs[i] = &jh_cpu_stats[i].kattr.attr;
	}
}

static ssize_t name_show(struct kobject *kobj, struct kobj_attribute *attr,
			 char *buf)
{
	return sysfs_emit(buf, "%s\n", jh_kobj_cell(kobj)->name);
}

static const char *jh_state_name(long state)
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
					 jh_kobj_cell(kobj)->id);

	return sysfs_emit(buf, "%s\n", jh_state_name(state));
}

static void jh_cell_failed_cpus(struct jh_cell *cell, struct cpumask *failed)
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
			  cpumask_pr_args(&jh_kobj_cell(kobj)->cpus_assigned));
}

static ssize_t cpus_assigned_list_show(struct kobject *kobj,
				       struct kobj_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%*pbl\n",
			  cpumask_pr_args(&jh_kobj_cell(kobj)->cpus_assigned));
}

static ssize_t cpus_failed_show(struct kobject *kobj,
				struct kobj_attribute *attr, char *buf)
{
	cpumask_var_t failed;
	ssize_t len;

	if (!zalloc_cpumask_var(&failed, GFP_KERNEL))
		return -ENOMEM;
	jh_cell_failed_cpus(jh_kobj_cell(kobj), failed);
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
	jh_cell_failed_cpus(jh_kobj_cell(kobj), failed);
	len = sysfs_emit(buf, "%*pbl\n", cpumask_pr_args(failed));
	free_cpumask_var(failed);
	return len;
}

static struct kobj_attribute jh_attr_name = __ATTR_RO(name);
static struct kobj_attribute jh_attr_state = __ATTR_RO(state);
static struct kobj_attribute jh_attr_cpus_assigned = __ATTR_RO(cpus_assigned);
static struct kobj_attribute jh_attr_cpus_assigned_list =
	__ATTR_RO(cpus_assigned_list);
static struct kobj_attribute jh_attr_cpus_failed = __ATTR_RO(cpus_failed);
static struct kobj_attribute jh_attr_cpus_failed_list =
	__ATTR_RO(cpus_failed_list);

static struct attribute *jh_cell_attrs[] = {
	&jh_attr_name.attr,
	&jh_attr_state.attr,
	&jh_attr_cpus_assigned.attr,
	&jh_attr_cpus_assigned_list.attr,
	&jh_attr_cpus_failed.attr,
	&jh_attr_cpus_failed_list.attr,
	NULL,
};
ATTRIBUTE_GROUPS(jh_cell);

static void jh_cell_sysfs_release(struct kobject *kobj)
{
	kfree(container_of(kobj, struct jh_cell_sysfs, kobj));
}

static struct kobj_type jh_cell_ktype = {
	.release = jh_cell_sysfs_release,
	.sysfs_ops = &kobj_sysfs_ops,
	.default_groups = jh_cell_groups,
};

static void jh_cpu_kobj_release(struct kobject *kobj)
{
	kfree(container_of(kobj, struct jh_cpu_kobj, kobj));
}

static struct kobj_type jh_cpu_ktype = {
	.release = jh_cpu_kobj_release,
	.sysfs_ops = &kobj_sysfs_ops,
	.default_groups = jh_cpu_groups,
};

static int jh_cpu_kobj_add(struct jh_cell_sysfs *s, unsigned int cpu)
{
	struct jh_cpu_kobj *ck;
	int err;

	ck = kzalloc(sizeof(*ck), GFP_KERNEL);
	if (!ck)
		return -ENOMEM;
	ck->cpu = cpu;
	err = kobject_init_and_add(&ck->kobj, &jh_cpu_ktype, s->stats,
				   "cpu%u", cpu);
	if (err) {
		kobject_put(&ck->kobj);
		return err;
	}
	s->cpu[cpu] = ck;
	return 0;
}

static int jh_cell_sysfs_fill(struct jh_cell_sysfs *s)
{
	unsigned int cpu;
	int err;

	s->stats = kobject_create_and_add("statistics", &s->kobj);
	if (!s->stats)
		return -ENOMEM;
	err = sysfs_create_group(s->stats, &jh_cell_stat_group);
	if (err)
		return err;
	for_each_cpu(cpu, &s->cell->cpus_assigned) {
		err = jh_cpu_kobj_add(s, cpu);
		if (err)
			return err;
	}
	return 0;
}

/* kobject_del() is synchronous, a release may come much later */
static void jh_cpu_kobj_del(struct jh_cell_sysfs *s, unsigned int cpu)
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
void jh_cell_sysfs_cpu_del(struct jh_cell *cell, unsigned int cpu)
{
	if (cell->sysfs)
		jh_cpu_kobj_del(cell->sysfs, cpu);
}

int jh_cell_sysfs_cpu_add(struct jh_cell *cell, unsigned int cpu)
{
	return cell->sysfs ? jh_cpu_kobj_add(cell->sysfs, cpu) : 0;
}

/* Removes the cell from sysfs; returns once no attribute is being read. */
void jh_cell_unregister(struct jh_cell *cell)
{
	struct jh_cell_sysfs *s = cell ? cell->sysfs : NULL;
	unsigned int cpu;

	if (!s)
		return;
	kobject_uevent(&s->kobj, KOBJ_REMOVE);
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		jh_cpu_kobj_del(s, cpu);
	if (s->stats) {
		kobject_del(s->stats);
		kobject_put(s->stats);
	}
	kobject_del(&s->kobj);
	kobject_put(&s->kobj);
	cell->sysfs = NULL;
}

int jh_cell_register(struct jh_cell *cell)
{
	struct jh_cell_sysfs *s;
	int err;

	s = kzalloc(struct_size(s, cpu, nr_cpu_ids), GFP_KERNEL);
	if (!s)
		return -ENOMEM;
	s->cell = cell;
	err = kobject_init_and_add(&s->kobj, &jh_cell_ktype, jh_cells_dir,
				   "%u", cell->id);
	if (err) {
		kobject_put(&s->kobj);
		return err;
	}
	cell->sysfs = s;

	err = jh_cell_sysfs_fill(s);
	if (err) {
		jh_cell_unregister(cell);
		return err;
	}
	kobject_uevent(&s->kobj, KOBJ_ADD);
	return 0;
}

int jh_cells_init(void)
{
	jh_stat_attrs_init();
	jh_cells_dir = kobject_create_and_add("cells", &jh_root_dev->kobj);
	return jh_cells_dir ? 0 : -ENOMEM;
}

void jh_cells_exit(void)
{
	kobject_put(jh_cells_dir);
}
