// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * CPU rules: bitmap shape, CPUs the system does not have, CPU 0 taken
 * from root Linux (a warning), and CPUs given to two cells.
 */
#include "check.h"

static bool check_set(struct jh_check *chk, const struct jh_check_cell *cell)
{
	const struct jailhouse_cell_desc *d = cell->desc;
	unsigned int cpu;

	if (!d->cpu_set_size) {
		jh_check_report(chk, JH_SEVERITY_ERROR, "cpu-set", cell, -1,
				NULL, -1, "the CPU bitmap is empty (cpu_set_size 0)");
		return false;
	}
	if (d->cpu_set_size > JAILHOUSE_CPU_SET_MAX_SIZE)
		jh_check_report(chk, JH_SEVERITY_ERROR, "cpu-set", cell, -1,
				NULL, -1,
				"cpu_set_size %u is larger than the hypervisor's limit of %u",
				d->cpu_set_size, JAILHOUSE_CPU_SET_MAX_SIZE);
	/* The driver copies whole words: a partial one adds phantom CPUs. */
	if (d->cpu_set_size % 8)
		jh_check_report(chk, JH_SEVERITY_ERROR, "cpu-set", cell, -1,
				NULL, -1,
				"cpu_set_size %u is not a multiple of 8 (use a __u64 array)",
				d->cpu_set_size);
	for (cpu = 0; cpu < d->cpu_set_size * 8; cpu++)
		if (jh_cell_has_cpu(d, cpu))
			return true;
	jh_check_report(chk, JH_SEVERITY_ERROR, "cpu-set", cell, -1, NULL, -1,
			"the cell has no CPU");
	return false;
}

static void check_against_root(struct jh_check *chk,
			       const struct jh_check_cell *root,
			       const struct jh_check_cell *cell)
{
	unsigned int cpu;

	for (cpu = 0; cpu < cell->desc->cpu_set_size * 8; cpu++)
		if (jh_cell_has_cpu(cell->desc, cpu) &&
		    !jh_cell_has_cpu(root->desc, cpu))
			jh_check_report(chk, JH_SEVERITY_ERROR,
					"cpu-not-in-system", cell, -1, root, -1,
					"CPU %u is not in the CPU set of %s",
					cpu, root->src);
}

static void check_pair(struct jh_check *chk, const struct jh_check_cell *a,
		       const struct jh_check_cell *b)
{
	unsigned int cpu;

	for (cpu = 0; cpu < b->desc->cpu_set_size * 8; cpu++)
		if (jh_cell_has_cpu(b->desc, cpu) && jh_cell_has_cpu(a->desc, cpu))
			jh_check_report(chk, JH_SEVERITY_ERROR, "cpu-twice", b,
					-1, a, -1, "CPU %u is also assigned to %s",
					cpu, a->src);
}

/* Root Linux must keep at least one CPU. */
static void check_root_left(struct jh_check *chk,
			    const struct jh_check_cell *cells, unsigned int n)
{
	const struct jailhouse_cell_desc *root = cells[0].desc;
	unsigned int cpu, i;

	for (cpu = 0; cpu < root->cpu_set_size * 8; cpu++) {
		if (!jh_cell_has_cpu(root, cpu))
			continue;
		for (i = 1; i < n; i++)
			if (jh_cell_has_cpu(cells[i].desc, cpu))
				break;
		if (i == n)
			return;
	}
	jh_check_report(chk, JH_SEVERITY_ERROR, "root-cpus", &cells[0], -1,
			NULL, -1, "the cells together take every CPU of the root cell");
}

void jh_check_cpus(struct jh_check *chk)
{
	const struct jh_check_cell *cells;
	bool have_root, root_ok = false;
	unsigned int i, j, n;

	n = jh_check_cells(chk, &cells);
	have_root = n && cells[0].root;
	for (i = 0; i < n; i++) {
		bool ok = check_set(chk, &cells[i]);

		if (cells[i].root) {
			root_ok = ok;
			continue;
		}
		if (!ok)
			continue;
		if (jh_cell_has_cpu(cells[i].desc, 0))
			jh_check_report(chk, JH_SEVERITY_WARNING, "cpu0",
					&cells[i], -1, NULL, -1,
					"the cell takes CPU 0, Linux's boot CPU: root Linux gives it up (allowed, as upstream), and whatever is bound to it must be able to move");
		if (have_root && root_ok)
			check_against_root(chk, &cells[0], &cells[i]);
		for (j = 0; j < i; j++)
			if (!cells[j].root)
				check_pair(chk, &cells[j], &cells[i]);
	}
	if (have_root && root_ok && n > 1)
		check_root_left(chk, cells, n);
}
