/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * "config create": a system config made from a board's device tree and
 * Linux's view of its RAM (/proc/iomem). Internal API of the generator,
 * which libjailhouse links (public face: jh_sysgen_* in libjailhouse.h).
 *
 * probe.c reads the facts (struct jhg_board), each with where it came
 * from; layout.c turns them into the config's regions (struct jhg_system);
 * the writers print that as C, as a .cell or as JSON.
 */
#ifndef JH_CONFGEN_H
#define JH_CONFGEN_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

#include "internal.h"	/* struct jh_range, jh_iomem_ram() */

struct jh_ctx;

#define JHG_MAX_CPUS		64
#define JHG_MAX_RANGES		32
#define JHG_MAX_DEVICES		1024
#define JHG_MAX_DEV_IRQS	8
#define JHG_MAX_REGIONS		(JHG_MAX_RANGES + JHG_MAX_DEVICES)
#define JHG_PATH_MAX		128

/* The CPU sets of the configs made: bit N of a uint64_t array, CPU N. */
static inline bool jhg_cpu_in(const uint64_t *bits, unsigned int cpu)
{
	return bits[cpu / 64] & (1ULL << (cpu % 64));
}

static inline void jhg_cpu_add(uint64_t *bits, unsigned int cpu)
{
	bits[cpu / 64] |= 1ULL << (cpu % 64);
}

/*
 * An MMIO window of a device node: one root Linux uses, or one disabled
 * in its tree (status "disabled", its bus enabled), left to cells. Root's
 * config has both: cells take only what root has.
 */
struct jhg_device {
	char path[JHG_PATH_MAX];
	char compatible[64];
	bool disabled;
	uint32_t con_type, con_flags;		/* a UART the hypervisor knows */
	uint64_t start, size;
	unsigned int num_spis;
	unsigned int spis[JHG_MAX_DEV_IRQS];	/* INTIDs */
};

struct jhg_gic {
	char path[JHG_PATH_MAX];
	unsigned int version;			/* 2 or 3 */
	uint64_t gicd, gicd_size;
	uint64_t gicr, gicr_size;		/* GICv3: all redistributors */
	uint64_t gicc, gicc_size, gich, gich_size, gicv, gicv_size;
	unsigned int maintenance_irq;		/* INTID, 0 if not given */
};

struct jhg_console {
	char path[JHG_PATH_MAX];		/* "" when none was found */
	char compatible[64];
	uint64_t address, size;
	uint32_t type, flags;			/* JAILHOUSE_CON_* */
};

/* What the board has, as read. */
struct jhg_board {
	char model[64];
	unsigned int num_cpus;
	uint64_t mpidr[JHG_MAX_CPUS];		/* in the tree's order */
	unsigned int num_ram;
	struct jh_range ram[JHG_MAX_RANGES];	/* /memory nodes */
	unsigned int num_reserved;
	struct jh_range reserved[JHG_MAX_RANGES];	/* reserved-memory */
	char reserved_name[JHG_MAX_RANGES][48];
	bool have_iomem;
	unsigned int num_linux_ram;
	struct jh_range linux_ram[JHG_MAX_RANGES];	/* System RAM */
	struct jhg_gic gic;
	struct jhg_console console;
	unsigned int num_devices, cap_devices;
	struct jhg_device *devices;		/* grown as found */
	const char *dtb_source, *iomem_source;	/* shown in the output */
};

/* Where the hypervisor's memory comes from. */
enum jhg_hv_origin {
	JHG_HV_GIVEN,		/* --hv-mem */
	JHG_HV_RESERVED,	/* a reserved-memory node for it */
	JHG_HV_UNUSED_RAM,	/* RAM Linux does not use (mem=): guessed */
};

/*
 * An ivshmem link on the virtual PCI host, link k at BDF 00:k.0 and in
 * the k-th MiB below the hypervisor's memory; root is its peer 0. A
 * device's INTx is vpci_irq_base + (slot & 3) (jailhouse_ivshmem_pin()),
 * so four links keep a line each.
 */
#define JHG_MAX_LINKS		4
#define JHG_MAX_PEERS		8
#define JHG_LINK_REGIONS	(2 + JHG_MAX_PEERS)

struct jhg_link_spec {
	unsigned int peers;
	bool net;			/* ivshmem-net: 2 peers, virtual Ethernet */
};

struct jhg_params {
	const char *name;		/* root cell's; default from the model */
	uint64_t hv_start, hv_size;	/* hv_start ~0: find a place */
	bool vpci;			/* a virtual PCI host for ivshmem */
	unsigned int num_links;
	struct jhg_link_spec links[JHG_MAX_LINKS];
};

struct jhg_region {
	struct jailhouse_memory mem;
	char comment[96];
};

/* The system config to write, with a comment per region. */
struct jhg_system {
	char name[JAILHOUSE_CELL_NAME_MAXLEN + 1];
	struct jailhouse_system header;		/* root_cell counts unset */
	enum jhg_hv_origin hv_origin;
	char hv_comment[96];
	unsigned int num_cpus;
	uint64_t cpu_bits[(JHG_MAX_CPUS + 63) / 64];
	unsigned int num_regions, cap_regions;
	struct jhg_region *regions;		/* grown as made */
	unsigned int num_irqchips;
	struct jailhouse_irqchip irqchips[4];
	unsigned int vpci_irq_base;
	unsigned int num_links;
	struct jhg_link_spec links[JHG_MAX_LINKS];
	uint64_t link_start[JHG_MAX_LINKS];
	struct jailhouse_pci_device pci[JHG_MAX_LINKS];
};

/*
 * layout.c: the regions of link @k (@spec at @start) as peer @peer sees
 * them, into @out (JHG_LINK_REGIONS at most); their number.
 */
unsigned int jhg_link_regions(const struct jhg_link_spec *spec,
			      unsigned int k, uint64_t start,
			      unsigned int peer, bool cell,
			      struct jhg_region *out);
void jhg_link_device(const struct jhg_link_spec *spec, unsigned int k,
		     unsigned int peer, unsigned int first_region,
		     struct jailhouse_pci_device *dev);

/* Free what a board or system holds, leaving it empty. */
void jhg_board_release(struct jhg_board *board);
void jhg_system_release(struct jhg_system *sys);

/*
 * Room for one more element in @*array of @*cap, growing it (doubling,
 * at most @max): 0, or -1 when @max is reached or memory is short.
 */
int jhg_grow(void **array, unsigned int *cap, unsigned int count,
	     unsigned int max, size_t elem);

/* A cell carved out of the system config (cell.c). */
enum jhg_cell_kind {
	JHG_CELL_INMATE,	/* RAM at 0, where the inmate starts */
	JHG_CELL_LINUX,		/* linux-loader.bin's 64 KiB at 0, RAM 1:1 */
};

#define JHG_MAX_CELL_DEVICES	16
#define JHG_MAX_CELL_REGIONS	(8 + JHG_MAX_CELL_DEVICES * 4 + \
				 JHG_MAX_LINKS * JHG_LINK_REGIONS)

struct jhg_cell_params {
	const char *name;
	enum jhg_cell_kind kind;
	uint64_t cpu_bits[(JHG_MAX_CPUS + 63) / 64];
	uint64_t mem_start, mem_size;	/* mem_start ~0: find a place */
	unsigned int num_devices;
	const char *devices[JHG_MAX_CELL_DEVICES];	/* node paths */
	unsigned int num_peers;		/* links the cell is a peer of */
	unsigned int peer_link[JHG_MAX_LINKS], peer_id[JHG_MAX_LINKS];
};

struct jhg_cell {
	struct jailhouse_cell_desc desc;	/* counts unset */
	bool mem_guessed;
	unsigned int num_cpus;			/* highest + 1 */
	uint64_t cpu_bits[(JHG_MAX_CPUS + 63) / 64];
	unsigned int num_regions;
	struct jhg_region regions[JHG_MAX_CELL_REGIONS];
	unsigned int num_irqchips;
	struct jailhouse_irqchip irqchips[4];
	unsigned int num_pci;
	struct jailhouse_pci_device pci[JHG_MAX_LINKS];
};

/* cell.c */
int jhg_cell_layout(struct jh_ctx *ctx, const struct jhg_board *board,
		    const struct jhg_system *sys,
		    const struct jhg_cell_params *params, struct jhg_cell *cell);
int jhg_write_cell_c(const struct jhg_board *board,
		     const struct jhg_cell *cell, FILE *out);
int jhg_build_cell_desc(struct jh_ctx *ctx, const struct jhg_cell *cell,
			void **data, size_t *size);
int jhg_write_cell_json(const struct jhg_board *board,
			const struct jhg_cell *cell, FILE *out);

/*
 * probe.c: the board from a DTB, with Linux's RAM from /proc/iomem text
 * or, without it (NULL), the first @linux_mem bytes of RAM as mem= keeps
 * them (0: unknown)
 */
int jhg_probe(struct jh_ctx *ctx, const void *fdt, size_t fdt_size,
	      const char *iomem, uint64_t linux_mem, struct jhg_board *board);
/* layout.c */
/* no device uses INTIDs @first to @first + @count - 1 */
bool jhg_spis_free(const struct jhg_board *board, unsigned int first,
		   unsigned int count);
uint64_t jhg_free_ram(const struct jhg_board *board, uint64_t size,
		      const struct jh_range *avoid);
int jhg_layout(struct jh_ctx *ctx, const struct jhg_board *board,
	       const struct jhg_params *params, struct jhg_system *sys);
/* writers */
int jhg_write_c(const struct jhg_board *board, const struct jhg_system *sys,
		FILE *out);
int jhg_build_cell(struct jh_ctx *ctx, const struct jhg_system *sys,
		   void **data, size_t *size);
int jhg_write_json(const struct jhg_board *board,
		   const struct jhg_system *sys, FILE *out);

#endif /* !JH_CONFGEN_H */
