// SPDX-License-Identifier: GPL-2.0
/*
 * Page pools (first-fit bitmaps) and the generic table builder.
 *
 * The hypervisor region is mapped linearly at JAILHOUSE_BASE, so pool
 * pages convert between hypervisor VA and PA by a fixed offset.
 */
#include <jailhouse/paging.h>
#include <jailhouse/printk.h>
#include <jailhouse/string.h>
#include <jailhouse/errno.h>

#define BITS_PER_LONG	64

struct page_pool mem_pool;
struct page_pool remap_pool;
struct paging_structures hv_paging;
void *zero_page;

static unsigned long remap_bitmap[REMAP_SIZE / PAGE_SIZE / BITS_PER_LONG];
static unsigned long hv_phys_start;

unsigned long paging_hvirt2phys(const void *virt)
{
	return (unsigned long)virt - JAILHOUSE_BASE + hv_phys_start;
}

void *paging_phys2hvirt(unsigned long phys)
{
	return (void *)(phys - hv_phys_start + JAILHOUSE_BASE);
}

static bool page_used(struct page_pool *pool, unsigned long n)
{
	return pool->bitmap[n / BITS_PER_LONG] & BIT(n % BITS_PER_LONG);
}

static void mark_pages(struct page_pool *pool, unsigned long first,
		       unsigned long num, bool used)
{
	for (unsigned long n = first; n < first + num; n++) {
		if (used)
			pool->bitmap[n / BITS_PER_LONG] |= BIT(n % BITS_PER_LONG);
		else
			pool->bitmap[n / BITS_PER_LONG] &= ~BIT(n % BITS_PER_LONG);
	}
	pool->used = used ? pool->used + num : pool->used - num;
}

/* align: in pages, a power of two (1 = any page) */
void *page_alloc(struct page_pool *pool, unsigned int num, unsigned int align)
{
	unsigned long start, n;
	void *ret = NULL;

	spin_lock(&pool->lock);
	/* aligned in frame numbers, as the hardware sees them */
	start = (align - (pool->first_pfn & (align - 1))) & (align - 1);
	for (; start + num <= pool->pages; start += align) {
		for (n = 0; n < num; n++)
			if (page_used(pool, start + n))
				break;
		if (n == num) {
			mark_pages(pool, start, num, true);
			ret = (void *)(pool->base + start * PAGE_SIZE);
			break;
		}
	}
	spin_unlock(&pool->lock);

	if (ret && pool == &mem_pool)
		memset(ret, 0, num * PAGE_SIZE);
	return ret;
}

void page_free(struct page_pool *pool, void *addr, unsigned int num)
{
	if (!addr)
		return;
	spin_lock(&pool->lock);
	mark_pages(pool, ((unsigned long)addr - pool->base) / PAGE_SIZE, num,
		   false);
	spin_unlock(&pool->lock);
}

/*
 * The pool covers the region from pool_offset to its end; its bitmap
 * takes the first pages of the pool itself.
 */
int paging_init(unsigned long hv_phys, unsigned long hv_size,
		unsigned long pool_offset)
{
	unsigned long bitmap_pages;

	hv_phys_start = hv_phys;
	if (pool_offset >= hv_size)
		return -ENOMEM;

	mem_pool.base = JAILHOUSE_BASE + pool_offset;
	mem_pool.first_pfn = (hv_phys + pool_offset) / PAGE_SIZE;
	mem_pool.pages = (hv_size - pool_offset) / PAGE_SIZE;
	mem_pool.bitmap = (unsigned long *)mem_pool.base;
	bitmap_pages = DIV_ROUND_UP(mem_pool.pages, PAGE_SIZE * 8);
	if (bitmap_pages >= mem_pool.pages)
		return -ENOMEM;
	memset(mem_pool.bitmap, 0, bitmap_pages * PAGE_SIZE);
	mark_pages(&mem_pool, 0, bitmap_pages, true);

	remap_pool.base = REMAP_BASE;
	remap_pool.first_pfn = REMAP_BASE / PAGE_SIZE;
	remap_pool.pages = REMAP_SIZE / PAGE_SIZE;
	remap_pool.bitmap = remap_bitmap;

	hv_paging.root = page_alloc(&mem_pool, 1, 1);
	hv_paging.start_level = 0;
	hv_paging.root_pages = 1;
	zero_page = page_alloc(&mem_pool, 1, 1);
	return hv_paging.root && zero_page ? 0 : -ENOMEM;
}

static unsigned long level_size(unsigned int level)
{
	return 1UL << LEVEL_SHIFT(level);
}

static unsigned int pte_index(const struct paging_structures *pg,
			      unsigned int level, unsigned long virt)
{
	unsigned long entries = PTES_PER_TABLE;

	if (level == pg->start_level)
		entries *= pg->root_pages;
	return (virt >> LEVEL_SHIFT(level)) & (entries - 1);
}

/*
 * Fills the entries from @pte on, each @bsize of virtual space and @step
 * of @phys on, as far as @size and the table reach: one walk per table
 * instead of one per entry. Returns the bytes mapped, or -EBUSY if the
 * first entry is in use.
 */
static long fill_entries(u64 *pte, unsigned int left, unsigned long phys,
			 unsigned long step, unsigned long size,
			 unsigned long bsize, u64 desc)
{
	unsigned int n, count = MIN(left, size / bsize);

	for (n = 0; n < count; n++) {
		if (pte[n] & PTE_VALID)
			break;
		pte[n] = (phys + n * step) | desc;
	}
	return n ? (long)(n * bsize) : -EBUSY;
}

/*
 * Maps pages or blocks at virt, as many as one table holds; returns the
 * size mapped or a negative errno.
 */
static long map_one(const struct paging_structures *pg, unsigned long phys,
		    unsigned long size, unsigned long virt, u64 attrs,
		    unsigned int flags)
{
	unsigned int level = pg->start_level, index, entries;
	u64 *table = pg->root;
	unsigned long bsize;
	u64 *pte, *next;

	for (;; level++) {
		index = pte_index(pg, level, virt);
		entries = level == pg->start_level ?
			PTES_PER_TABLE * pg->root_pages : PTES_PER_TABLE;
		pte = &table[index];
		bsize = level_size(level);

		if (level == PAGING_LEVELS - 1)
			return fill_entries(pte, entries - index, phys,
					    flags & PAGING_REPEAT ? 0 : PAGE_SIZE,
					    size, PAGE_SIZE,
					    attrs | PTE_PAGE | PTE_VALID);
		if (level > 0 && (flags & PAGING_HUGE) && size >= bsize &&
		    IS_ALIGNED(phys | virt, bsize))
			return fill_entries(pte, entries - index, phys, bsize,
					    size, bsize, attrs | PTE_VALID);
		if (!(*pte & PTE_VALID)) {
			next = page_alloc(&mem_pool, 1, 1);
			if (!next)
				return -ENOMEM;
			*pte = paging_hvirt2phys(next) | PTE_TABLE | PTE_VALID;
		} else if (!(*pte & PTE_TABLE)) {
			return -EBUSY;	/* already covered by a block */
		}
		table = paging_phys2hvirt(*pte & PTE_ADDR_MASK);
	}
}

int paging_create(const struct paging_structures *pg, unsigned long phys,
		  unsigned long size, unsigned long virt, u64 attrs,
		  unsigned int flags)
{
	long done;

	phys = ALIGN_DOWN(phys, PAGE_SIZE);
	virt = ALIGN_DOWN(virt, PAGE_SIZE);
	size = ALIGN_UP(size, PAGE_SIZE);

	while (size) {
		done = map_one(pg, phys, size, virt, attrs,
			       flags & PAGING_REPEAT ? flags & ~PAGING_HUGE : flags);
		if (done < 0)
			return done;
		if (!(flags & PAGING_REPEAT))
			phys += done;
		virt += done;
		size -= done;
	}
	arch_paging_flush();
	return 0;
}

static void *remap(unsigned long phys, unsigned long size, bool device)
{
	unsigned int pages = DIV_ROUND_UP((phys & (PAGE_SIZE - 1)) + size,
					  PAGE_SIZE);
	void *virt = page_alloc(&remap_pool, pages, 1);

	if (!virt)
		return NULL;
	if (paging_create(&hv_paging, phys, pages * PAGE_SIZE,
			  (unsigned long)virt,
			  paging_el2_attrs(device, true, false), 0)) {
		page_free(&remap_pool, virt, pages);
		return NULL;
	}
	return (u8 *)virt + (phys & (PAGE_SIZE - 1));
}

void *paging_map_device(unsigned long phys, unsigned long size)
{
	return remap(phys, size, true);
}

void *paging_map_ram(unsigned long phys, unsigned long size)
{
	return remap(phys, size, false);
}

void paging_unmap_ram(void *virt, unsigned long size)
{
	unsigned long va = ALIGN_DOWN((unsigned long)virt, PAGE_SIZE);
	unsigned int pages = DIV_ROUND_UP((unsigned long)virt - va + size,
					  PAGE_SIZE);
	u64 *pte;

	for (unsigned int n = 0; n < pages; n++) {
		pte = paging_leaf_pte(&hv_paging, va + n * PAGE_SIZE);
		if (pte) {
			WRITE_ONCE(*pte, 0);
			arch_paging_flush_hv_page(va + n * PAGE_SIZE);
		}
	}
	page_free(&remap_pool, (void *)va, pages);
}

static void free_table(u64 *table, unsigned int level, unsigned int entries)
{
	u64 pte;
	u64 *sub;

	for (unsigned int n = 0; n < entries; n++) {
		pte = table[n];
		if (level == PAGING_LEVELS - 1 || !(pte & PTE_VALID) ||
		    !(pte & PTE_TABLE))
			continue;
		sub = paging_phys2hvirt(pte & PTE_ADDR_MASK);
		free_table(sub, level + 1, PTES_PER_TABLE);
		page_free(&mem_pool, sub, 1);
	}
}

void paging_free_tables(const struct paging_structures *pg)
{
	unsigned int entries = PTES_PER_TABLE * pg->root_pages;

	free_table(pg->root, pg->start_level, entries);
	memset(pg->root, 0, entries * sizeof(u64));
}

static bool table_empty(const u64 *table)
{
	for (unsigned int n = 0; n < PTES_PER_TABLE; n++)
		if (table[n] & PTE_VALID)
			return false;
	return true;
}

/*
 * A block becomes a table of the next level that maps the same: what a
 * greedy mapping of the part outside an unmapped range would have built.
 */
static u64 *split_block(u64 *pte, unsigned int level)
{
	unsigned long step = level_size(level + 1);
	u64 attrs = *pte & ~(PTE_ADDR_MASK | PTE_TYPE_MASK);
	unsigned long phys = *pte & PTE_ADDR_MASK;
	u64 *table = page_alloc(&mem_pool, 1, 1);

	if (!table)
		return NULL;
	attrs |= PTE_VALID | (level + 1 == PAGING_LEVELS - 1 ? PTE_PAGE : 0);
	for (unsigned int n = 0; n < PTES_PER_TABLE; n++)
		table[n] = (phys + n * step) | attrs;
	*pte = paging_hvirt2phys(table) | PTE_TABLE | PTE_VALID;
	return table;
}

/* The part of [virt, end) that lies in @table, a table at @level. */
static int unmap_in(const struct paging_structures *pg, u64 *table,
		    unsigned int level, unsigned long virt, unsigned long end)
{
	unsigned long bsize = level_size(level), first, next;
	unsigned int index = pte_index(pg, level, virt);
	u64 *pte, *sub;
	int err;

	for (; virt < end; virt = next, index++) {
		first = ALIGN_DOWN(virt, bsize);
		next = MIN(first + bsize, end);
		pte = &table[index];
		if (!(*pte & PTE_VALID))
			continue;
		if (level < PAGING_LEVELS - 1 && (*pte & PTE_TABLE))
			sub = paging_phys2hvirt(*pte & PTE_ADDR_MASK);
		else
			sub = NULL;
		if (virt == first && next == first + bsize) {
			/* wholly inside: the entry and what hangs below it */
			if (sub) {
				free_table(sub, level + 1, PTES_PER_TABLE);
				page_free(&mem_pool, sub, 1);
			}
			*pte = 0;
			continue;
		}
		if (!sub) {
			sub = split_block(pte, level);
			if (!sub)
				return -ENOMEM;
		}
		err = unmap_in(pg, sub, level + 1, virt, next);
		if (err)
			return err;
		if (table_empty(sub)) {
			*pte = 0;
			page_free(&mem_pool, sub, 1);
		}
	}
	return 0;
}

int paging_destroy(const struct paging_structures *pg, unsigned long virt,
		   unsigned long size)
{
	unsigned long end = ALIGN_UP(virt + size, PAGE_SIZE);
	unsigned long limit = (unsigned long)PTES_PER_TABLE * pg->root_pages *
			      level_size(pg->start_level);

	virt = ALIGN_DOWN(virt, PAGE_SIZE);
	if (end > limit || end < virt)
		return -ERANGE;
	return unmap_in(pg, pg->root, pg->start_level, virt, end);
}

static u64 *walk(const struct paging_structures *pg, unsigned long virt,
		 unsigned int *level_out)
{
	unsigned int level = pg->start_level;
	u64 *table = pg->root;
	u64 *pte;

	/* beyond any input range: would alias through the index masks */
	if (virt >> 48)
		return NULL;
	for (;; level++) {
		pte = &table[pte_index(pg, level, virt)];
		if (!(*pte & PTE_VALID))
			return NULL;
		if (level == PAGING_LEVELS - 1 || !(*pte & PTE_TABLE)) {
			*level_out = level;
			return pte;
		}
		table = paging_phys2hvirt(*pte & PTE_ADDR_MASK);
	}
}

u64 paging_walk(const struct paging_structures *pg, unsigned long virt,
		unsigned long *phys)
{
	unsigned int level;
	u64 *pte = walk(pg, virt, &level);
	unsigned long bsize;

	if (!pte)
		return 0;
	bsize = level_size(level);
	*phys = (*pte & PTE_ADDR_MASK & ~(bsize - 1)) | (virt & (bsize - 1));
	return *pte;
}

u64 *paging_leaf_pte(const struct paging_structures *pg, unsigned long virt)
{
	unsigned int level;
	u64 *pte = walk(pg, virt, &level);

	return pte && level == PAGING_LEVELS - 1 ? pte : NULL;
}
