/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A cell: its configuration, CPUs and stage-2 tables. Only the root cell
 * exists so far.
 */
#ifndef _JAILHOUSE_CELL_H
#define _JAILHOUSE_CELL_H

#include <jailhouse/utils.h>
#include <jailhouse/cell-config.h>
#include <jailhouse/paging.h>
#include <jailhouse/mmio.h>
#include <asm/cell.h>

struct cell {
	const struct jailhouse_cell_desc *config;
	unsigned int id;
	struct paging_structures s2;
	struct mmio_table mmio;
	struct arch_cell arch;
};

struct mem_range {
	unsigned long start;
	unsigned long size;
};

extern struct cell root_cell;
extern const struct jailhouse_system *system_config;

bool cell_has_cpu(const struct cell *cell, unsigned int cpu);

#define for_each_cpu_in_cell(cpu, cell)					\
	for ((cpu) = 0; (cpu) < max_cpus; (cpu)++)			\
		if (cell_has_cpu((cell), (cpu)))

#define for_each_mem_region(mem, cfg, n)				\
	for ((n) = 0, (mem) = jailhouse_cell_mem_regions(cfg);		\
	     (n) < (cfg)->num_memory_regions; (n)++, (mem)++)

extern unsigned int max_cpus;

int root_cell_init(void);

/* arch: stage-2 root table and VMID */
int arch_cell_create(struct cell *cell);
/* arch: map one region (IPA virt_start -> PA phys_start) into stage 2 */
int arch_map_memory_region(struct cell *cell,
			   const struct jailhouse_memory *mem);
/* arch: root's read-only view of the hypervisor region (console page) */
int arch_map_hypervisor_placeholder(struct cell *cell);
/* arch: physical ranges that must trap (GICD, GICR); returns the count */
unsigned int arch_trapped_ranges(struct mem_range *ranges, unsigned int max);
/* arch: publish the cell's tables and emulation (TLB flush, MMIO) */
int arch_cell_commit(struct cell *cell);

#endif /* !_JAILHOUSE_CELL_H */
