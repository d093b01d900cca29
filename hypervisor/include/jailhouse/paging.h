/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Page pools and the table walker shared by EL2 stage 1 and stage 2.
 */
#ifndef _JAILHOUSE_PAGING_H
#define _JAILHOUSE_PAGING_H

#include <jailhouse/utils.h>
#include <asm/spinlock.h>
#include <asm/paging.h>

struct page_pool {
	unsigned long base;	/* address of page 0 (VA or device VA) */
	unsigned long first_pfn; /* frame number of page 0: what aligns */
	unsigned long pages;
	unsigned long used;
	unsigned long *bitmap;
	spinlock_t lock;
};

/* Physical pages of the hypervisor region, for tables and data. */
extern struct page_pool mem_pool;
/* Virtual range for device mappings; its pages have no backing. */
extern struct page_pool remap_pool;

/* One translation table tree. */
struct paging_structures {
	u64 *root;			/* hypervisor VA of the root table */
	unsigned int start_level;
	unsigned int root_pages;	/* concatenated root tables */
};

#define PAGING_HUGE		1	/* 1 GiB / 2 MiB blocks allowed */
#define PAGING_REPEAT		2	/* every page maps the same page at phys */

extern struct paging_structures hv_paging;
/* A zeroed page, never written: placeholder behind read-only mappings. */
extern void *zero_page;


int paging_init(unsigned long hv_phys, unsigned long hv_size,
		unsigned long pool_offset);
void *page_alloc(struct page_pool *pool, unsigned int num,
		 unsigned int align);
void page_free(struct page_pool *pool, void *addr, unsigned int num);

unsigned long paging_hvirt2phys(const void *virt);
void *paging_phys2hvirt(unsigned long phys);

int paging_create(const struct paging_structures *pg, unsigned long phys,
		  unsigned long size, unsigned long virt, u64 attrs,
		  unsigned int flags);
/* Map device registers into the remap range; returns NULL on failure. */
void *paging_map_device(unsigned long phys, unsigned long size);
/*
 * Map RAM the cells share (normal memory, cached as they cache it) into
 * the remap range; paging_unmap_ram() takes it or a device mapping away
 * again (its tables stay).
 */
void *paging_map_ram(unsigned long phys, unsigned long size);
void paging_unmap_ram(void *virt, unsigned long size);

/*
 * Unmaps [virt, virt + size): a block across an edge is split first, a
 * table left empty is freed. -ENOMEM if a split found no page; what was
 * done until then stays. The caller flushes the TLB.
 */
int paging_destroy(const struct paging_structures *pg, unsigned long virt,
		   unsigned long size);
/* Frees every table below the root and clears the root. */
void paging_free_tables(const struct paging_structures *pg);
/* The leaf descriptor mapping virt (0 if none) and the address it gives. */
u64 paging_walk(const struct paging_structures *pg, unsigned long virt,
		unsigned long *phys);
/* The leaf entry of virt in a 4 KiB mapping, or NULL. */
u64 *paging_leaf_pte(const struct paging_structures *pg, unsigned long virt);

/*
 * A one-page EL2 window onto guest memory (temp.c), for one management
 * hypercall at a time. Its tables exist from init on, so
 * using it never allocates.
 */
int temp_window_init(void);
const void *temp_map(unsigned long phys);
void *temp_map_writable(unsigned long phys);
void temp_unmap(void);

/* Arch: descriptor attributes and table-walk publishing. */
u64 paging_el2_attrs(bool device, bool writable, bool executable);
void arch_paging_flush(void);
/* Arch: clean and invalidate data caches to the PoC */
void arch_dcache_flush(const void *start, unsigned long size);
/* Arch: drop the EL2 TLB entries of one page on every CPU */
void arch_paging_flush_hv_page(unsigned long virt);
/* Arch: the same on the calling CPU only */
void arch_paging_flush_hv_page_local(unsigned long virt);

#endif /* !_JAILHOUSE_PAGING_H */
