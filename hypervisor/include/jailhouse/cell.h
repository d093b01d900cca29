/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Cells: the root cell, built from the system config at enable, and the
 * non-root cells that CELL_CREATE splits off it. Cells are changed only
 * by management hypercalls, one at a time, while the other root CPUs are
 * suspended (see cpu-control.c), so readers on other CPUs need no lock.
 */
#ifndef _JAILHOUSE_CELL_H
#define _JAILHOUSE_CELL_H

#include <jailhouse/utils.h>
#include <jailhouse/cell-config.h>
#include <jailhouse/config-rules.h>
#include <jailhouse/hypercall.h>
#include <jailhouse/paging.h>
#include <jailhouse/mmio.h>
#include <asm/cell.h>

/* CPU ids the hypervisor can manage; the driver's max_cpus must fit. */
#define HV_MAX_CPUS		256
#define CPU_SET_WORDS		(HV_MAX_CPUS / 64)

struct cell {
	struct cell *next;		/* list from root_cell */
	const struct jailhouse_cell_desc *config;	/* our own copy */
	unsigned int id;
	u64 cpu_set[CPU_SET_WORDS];
	struct paging_structures s2;
	struct mmio_table mmio;
	/* its virtual PCI devices (pci.c), one per config entry */
	struct pci_device *pci_devices;
	unsigned int pci_pages;
	/* its sub-page regions (subpage.c) */
	struct subpage *subpages;
	unsigned int num_subpages, subpage_pages;
	/* non-root only: */
	struct jailhouse_comm_region *comm_page;
	bool loadable;			/* LOADABLE regions mapped in root */
	bool s2_incomplete;		/* a rollback could not rebuild it */
	/* console output it caused: credit in bytes (console.c) */
	u64 con_stamp;
	u32 con_credit;
	u32 con_dropped;		/* lines since the last one shown */
	unsigned int data_pages;	/* this struct plus the config copy */
	struct arch_cell arch;
};

struct mem_range {
	unsigned long start;
	unsigned long size;
};

extern struct cell root_cell;
extern unsigned int num_cells;
extern const struct jailhouse_system *system_config;
extern unsigned int max_cpus;

static inline bool cell_has_cpu(const struct cell *cell, unsigned int cpu)
{
	return cpu < HV_MAX_CPUS &&
	       (cell->cpu_set[cpu / 64] & (1UL << (cpu % 64)));
}

static inline void cell_set_cpu(struct cell *cell, unsigned int cpu)
{
	cell->cpu_set[cpu / 64] |= 1UL << (cpu % 64);
}

static inline void cell_clear_cpu(struct cell *cell, unsigned int cpu)
{
	cell->cpu_set[cpu / 64] &= ~(1UL << (cpu % 64));
}

#define for_each_cpu_in_cell(cpu, cell)					\
	for ((cpu) = 0; (cpu) < max_cpus; (cpu)++)			\
		if (cell_has_cpu((cell), (cpu)))

#define for_each_cell(c)						\
	for ((c) = &root_cell; (c); (c) = (c)->next)

#define for_each_non_root_cell(c)					\
	for ((c) = root_cell.next; (c); (c) = (c)->next)

/*
 * The memory regions of a config that are something: a region of size 0
 * is nothing (upstream's configs carry empty placeholders, e.g. the
 * unused read/write section of an ivshmem-net link), as upstream's
 * hypervisor treats it. @n is the region's index in the config.
 */
#define for_each_mem_region(mem, cfg, n)				\
	for ((n) = 0, (mem) = jailhouse_cell_mem_regions(cfg);		\
	     (n) < (cfg)->num_memory_regions; (n)++, (mem)++)		\
		if (!(mem)->size) {} else

/* Whether a CPU id belongs to the system (root's config at enable). */
bool cpu_in_system(unsigned int cpu);
/* Lowest CPU of the cell, or max_cpus if it has none. */
unsigned int cell_first_cpu(const struct cell *cell);
struct cell *cell_find(unsigned long id);

int root_cell_init(void);

/* cell-check.c: a config against the system and the existing cells */
int cell_config_check_header(const struct jailhouse_cell_desc *cfg);
/*
 * The whole config's size from its checked header, or -E2BIG if it does
 * not fit the pages copied from offset in the first one.
 */
long cell_config_size(const struct jailhouse_cell_desc *hdr,
		      unsigned long offset);
int cell_config_check(const struct jailhouse_cell_desc *cfg);

/* subpage.c: sub-page device regions, trapped and performed */
int subpage_cell_init(struct cell *cell);
void subpage_cell_exit(struct cell *cell);

/* cell-memory.c: stage-2 contents */
int root_s2_rebuild(void);
int root_s2_update_loadable(const struct cell *cell);
int cell_s2_build(struct cell *cell);
void cell_s2_free(struct cell *cell);
/* Zero the memory a stopped cell took from root, before root gets it */
void cell_scrub_memory(const struct cell *cell);
/* the config at a root IPA, copied into dst (at most max bytes) */
int root_copy_from_guest(void *dst, unsigned long ipa, unsigned long size);

/* cell-control.c: the management hypercalls */
long cell_create(unsigned long config_ipa);
long cell_start(unsigned long id);
long cell_set_loadable(unsigned long id);
long cell_destroy(unsigned long id);
long cell_get_state(unsigned long id);

/* comm.c: the communication region and its message protocol */
void comm_init(struct cell *cell);
void comm_set_state(struct cell *cell, u32 state);
u32 comm_get_state(const struct cell *cell);
bool comm_shutdown_ok(struct cell *cell);
void comm_notify_reconfig(const struct cell *except);
/* Some cell other than except holds the "running/locked" state. */
bool comm_cell_locked(const struct cell *except);

/* arch: stage-2 root table and VMID */
int arch_cell_create(struct cell *cell);
void arch_cell_destroy(struct cell *cell);
/* arch: map one region (IPA virt_start -> PA phys_start) into stage 2 */
int arch_map_memory_region(struct cell *cell,
			   const struct jailhouse_memory *mem);
/* arch: root's read-only view of the hypervisor region (console page) */
int arch_map_hypervisor_placeholder(struct cell *cell);
/* What the interrupt controller maps for a cell beside its regions */
int arch_map_irqchip(struct cell *cell);
/* arch: a stage-2 descriptor that maps readable normal memory */
bool arch_s2_readable_ram(u64 pte);
/* arch: the end of the guest (intermediate) physical address space */
unsigned long arch_ipa_limit(void);
/* arch: physical ranges that must trap (GICD, GICR); returns the count */
unsigned int arch_trapped_ranges(struct mem_range *ranges, unsigned int max);
/* arch: register the cell's trapped devices */
int arch_cell_init_mmio(struct cell *cell);
/* arch: drop stale stage-2 TLB entries of the cell on every CPU */
void arch_cell_flush_tlb(struct cell *cell);
/* arch: interrupt lines of a cell config: validate, move, reset */
int arch_cell_irqs_check(const struct jailhouse_cell_desc *cfg);
void arch_cell_irqs_take(struct cell *cell);
void arch_cell_irqs_reset(struct cell *cell);
void arch_cell_irqs_return(struct cell *cell);
/* arch: the config gives the cell interrupt line irq */
bool arch_cell_config_has_irq(const struct jailhouse_cell_desc *cfg,
			      unsigned int irq);
/* arch: an off CPU changes hands: nothing its old owner sent may reach it */
struct per_cpu;
void arch_cpu_new_owner(struct per_cpu *cpu_data);
/* arch: the arch part of the comm region */
void arch_comm_init(struct cell *cell);

#endif /* !_JAILHOUSE_CELL_H */
