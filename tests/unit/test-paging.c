// SPDX-License-Identifier: GPL-2.0
/*
 * The hypervisor's table code (hypervisor/core/paging.c) built for the
 * host, its region a fixed mapping at the JAILHOUSE_BASE this build
 * gives it. What root's stage 2 relies on when a cell's loadable regions
 * come and go in place:
 *  - unmapping a window from tables built greedily (largest blocks
 *    first) leaves exactly the tables a greedy build without the window
 *    gives: same entries, same tables, none left empty, no page lost;
 *  - mapping the window back into that hole translates every address as
 *    the greedy build of the whole does, and unmapping it again returns
 *    to the same tables, however often;
 *  - a split that finds no page fails with -ENOMEM, an address beyond
 *    the tables' reach with -ERANGE.
 * Random layouts from a fixed seed, over 8 GiB, with attributes and
 * output addresses that differ per run so that a split keeps both.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include <jailhouse/paging.h>

#include "tap.h"

#define HV_PHYS		0x80000000UL
#define HV_SIZE		(16UL << 20)
#define SPACE		(8UL << 30)
#define PAGES		(SPACE / PAGE_SIZE)
#define ROUNDS		200
#define NUM_ATTRS	4

/* what the table code calls outside itself */
void arch_paging_flush(void)
{
}

void arch_paging_flush_hv_page(unsigned long virt)
{
	(void)virt;
}

u64 paging_el2_attrs(bool device, bool writable, bool executable)
{
	return device | writable << 1 | executable << 2;
}

/* attributes and output offset of each kind of run (0: unmapped) */
static const u64 attrs[NUM_ATTRS] = {
	0, PTE_AF | (3UL << 8), PTE_AF | PTE_XN, PTE_AF | (1UL << 6) | (1UL << 7),
};
static const unsigned long offset[NUM_ATTRS] = {
	0, 0, 16UL << 30, 64UL << 30,
};

static unsigned char want[PAGES];
static unsigned long seed = 20261207;

static unsigned long rnd(unsigned long n)
{
	seed = seed * 6364136223846793005UL + 1442695040888963407UL;
	return (seed >> 33) % n;
}

/* an address near a 1 GiB, 2 MiB or 4 KiB boundary: where blocks change */
static unsigned long rnd_page(void)
{
	static const unsigned long grain[] = { 1UL << 30, 2UL << 20, PAGE_SIZE };
	unsigned long g = grain[rnd(3)];
	unsigned long a = rnd(SPACE / g) * g;

	if (rnd(2))
		a += (rnd(5) - 2) * PAGE_SIZE;
	return MIN(a, SPACE - PAGE_SIZE) / PAGE_SIZE;
}

static void fill(unsigned char *state, unsigned long first, unsigned long end,
		 unsigned char kind)
{
	if (end > PAGES)
		end = PAGES;
	if (first < end)
		memset(state + first, kind, end - first);
}

static void random_layout(void)
{
	unsigned int runs = 1 + rnd(6);
	unsigned long first;

	memset(want, 0, sizeof(want));
	while (runs--) {
		first = rnd_page();
		fill(want, first, rnd_page() + rnd(3) * (1UL << 18),
		     1 + rnd(NUM_ATTRS - 1));
		if (rnd(3) == 0)
			fill(want, first, first + 1 + rnd(1024), 0);
	}
}

static void new_tree(struct paging_structures *pg, unsigned int level)
{
	pg->start_level = level;
	pg->root_pages = level ? 2 : 1;	/* level 1: 40-bit IPA, as on A53s */
	pg->root = page_alloc(&mem_pool, pg->root_pages, pg->root_pages);
	if (!pg->root) {
		fprintf(stderr, "test-paging: pool empty\n");
		exit(99);
	}
}

static void free_tree(struct paging_structures *pg)
{
	paging_free_tables(pg);
	page_free(&mem_pool, pg->root, pg->root_pages);
}

/* The greedy build of the pages of @state in [first, end), run by run. */
static int build(const struct paging_structures *pg,
		 const unsigned char *state, unsigned long first,
		 unsigned long end)
{
	unsigned long n, run;
	int err;

	for (n = first; n < end; n = run) {
		for (run = n + 1; run < end && state[run] == state[n]; run++)
			;
		if (!state[n])
			continue;
		err = paging_create(pg, n * PAGE_SIZE + offset[state[n]],
				    (run - n) * PAGE_SIZE, n * PAGE_SIZE,
				    attrs[state[n]], PAGING_HUGE);
		if (err)
			return err;
	}
	return 0;
}

/* Same entries at the same places: 0 if equal, else where they part. */
static unsigned long differ(const u64 *a, const u64 *b, unsigned int level,
			    unsigned int entries, unsigned long base)
{
	unsigned long bsize = 1UL << LEVEL_SHIFT(level), where;

	for (unsigned int n = 0; n < entries; n++) {
		bool table = level < PAGING_LEVELS - 1 && (a[n] & PTE_TABLE);

		if (!(a[n] & PTE_VALID) && !(b[n] & PTE_VALID))
			continue;
		if (!table && a[n] != b[n])
			return base + n * bsize + 1;
		if (table != (level < PAGING_LEVELS - 1 && (b[n] & PTE_TABLE)) ||
		    !(b[n] & PTE_VALID) || !(a[n] & PTE_VALID))
			return base + n * bsize + 1;
		if (!table)
			continue;
		where = differ(paging_phys2hvirt(a[n] & PTE_ADDR_MASK),
			       paging_phys2hvirt(b[n] & PTE_ADDR_MASK),
			       level + 1, PTES_PER_TABLE, base + n * bsize);
		if (where)
			return where;
	}
	return 0;
}

static unsigned long tree_differ(const struct paging_structures *a,
				 const struct paging_structures *b)
{
	return differ(a->root, b->root, a->start_level,
		      PTES_PER_TABLE * a->root_pages, 0);
}

/* The page of @state translated as @pg does it: 0 if so, else page + 1. */
static unsigned long check_page(const struct paging_structures *pg,
				const unsigned char *state, unsigned long n)
{
	unsigned long phys = 0;
	u64 pte = paging_walk(pg, n * PAGE_SIZE, &phys);
	u64 mask = ~(PTE_ADDR_MASK | PTE_TYPE_MASK);

	if (!state[n])
		return pte ? n + 1 : 0;
	if (!pte || (pte & mask) != attrs[state[n]] ||
	    phys != n * PAGE_SIZE + offset[state[n]])
		return n + 1;
	return 0;
}

/* Every page near a change of @state or of the window, and some others. */
static unsigned long translates(const struct paging_structures *pg,
				const unsigned char *state, unsigned long wf,
				unsigned long we)
{
	unsigned long n, k, bad;

	for (n = 0; n < PAGES; n++) {
		if (n && state[n] == state[n - 1] && n != wf && n != we)
			continue;
		for (k = n > 2 ? n - 2 : 0; k < n + 2 && k < PAGES; k++) {
			bad = check_page(pg, state, k);
			if (bad)
				return bad;
		}
	}
	for (k = 0; k < 2048; k++) {
		bad = check_page(pg, state, rnd(PAGES));
		if (bad)
			return bad;
	}
	return 0;
}

static unsigned char hole[PAGES];

static void round_trip(unsigned int level, unsigned int round, int *ok)
{
	struct paging_structures whole, in_place, without;
	unsigned long wf = rnd_page(), we, used, bad;
	int err;

	random_layout();
	we = wf + 1 + rnd(3) * rnd(1UL << 19);	/* MIN() would draw twice */
	we = MIN(we, PAGES);
	memcpy(hole, want, sizeof(hole));
	fill(hole, wf, we, 0);

	new_tree(&whole, level);
	new_tree(&in_place, level);
	new_tree(&without, level);
	err = build(&whole, want, 0, PAGES) ?:
	      build(&in_place, want, 0, PAGES) ?:
	      build(&without, hole, 0, PAGES);
	if (err) {
		*ok = tap_ok(0, "level %u round %u: builds (%d)", level, round,
			     err);
		goto out;
	}
	/* start: the window leaves root */
	err = paging_destroy(&in_place, wf * PAGE_SIZE, (we - wf) * PAGE_SIZE);
	bad = err ? 0 : tree_differ(&in_place, &without);
	if (err || bad) {
		*ok = tap_ok(0, "level %u round %u: window %lx-%lx unmapped as a build without it (err %d, differs at %lx)",
			     level, round, wf * PAGE_SIZE, we * PAGE_SIZE, err,
			     bad ? bad - 1 : 0);
		goto out;
	}
	used = mem_pool.used;
	/* load and start again, twice */
	for (int cycle = 0; cycle < 2; cycle++) {
		err = build(&in_place, want, wf, we);
		bad = err ? 0 : translates(&in_place, want, wf, we);
		if (err || bad) {
			*ok = tap_ok(0, "level %u round %u: window mapped back translates as the whole (err %d, page %lx)",
				     level, round, err,
				     bad ? (bad - 1) * PAGE_SIZE : 0);
			goto out;
		}
		err = paging_destroy(&in_place, wf * PAGE_SIZE,
				     (we - wf) * PAGE_SIZE);
		bad = err ? 0 : tree_differ(&in_place, &without);
		if (err || bad || mem_pool.used != used) {
			*ok = tap_ok(0, "level %u round %u: cycle %d back to the same tables (err %d, differs at %lx, pool %lu, was %lu)",
				     level, round, cycle, err,
				     bad ? bad - 1 : 0, mem_pool.used, used);
			goto out;
		}
	}
	bad = translates(&whole, want, wf, wf);
	if (bad)
		*ok = tap_ok(0, "level %u round %u: the greedy build translates (page %lx)",
			     level, round, (bad - 1) * PAGE_SIZE);
out:
	free_tree(&whole);
	free_tree(&in_place);
	free_tree(&without);
}

static void limits(void)
{
	struct paging_structures pg;
	unsigned long free_pages, reach;
	void **hog;
	unsigned int n = 0;

	new_tree(&pg, 1);
	reach = 2UL * PTES_PER_TABLE << LEVEL_SHIFT(1);
	tap_eq(paging_destroy(&pg, reach - PAGE_SIZE, 2 * PAGE_SIZE), -ERANGE,
	       "a window past the tables' reach: -ERANGE");
	tap_eq(paging_destroy(&pg, 0, reach), 0,
	       "the whole reach of empty tables: nothing to do");

	tap_eq(paging_create(&pg, 0, 1UL << 30, 0, attrs[1], PAGING_HUGE), 0,
	       "one 1 GiB block");
	free_pages = mem_pool.pages - mem_pool.used;
	hog = calloc(free_pages, sizeof(*hog));
	while (hog && n < free_pages && (hog[n] = page_alloc(&mem_pool, 1, 1)))
		n++;
	tap_eq(paging_destroy(&pg, 4 * PAGE_SIZE, PAGE_SIZE), -ENOMEM,
	       "a split with the pool empty: -ENOMEM");
	tap_ok(paging_walk(&pg, 4 * PAGE_SIZE, &reach) != 0,
	       "and the block is still there");
	while (n--)
		page_free(&mem_pool, hog[n], 1);
	free(hog);
	tap_eq(paging_destroy(&pg, 4 * PAGE_SIZE, PAGE_SIZE), 0,
	       "with pages again it splits");
	tap_eq(mem_pool.used - (mem_pool.pages - free_pages), 2,
	       "into a 2 MiB table and a 4 KiB one");
	tap_ok(!paging_walk(&pg, 4 * PAGE_SIZE, &reach) &&
	       paging_walk(&pg, 5 * PAGE_SIZE, &reach) && reach == 5 * PAGE_SIZE,
	       "the page is gone, its neighbour stays");
	free_tree(&pg);
}

int main(void)
{
	void *region = mmap((void *)JAILHOUSE_BASE, HV_SIZE,
			    PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
			    -1, 0);
	int ok[2] = { 1, 1 };

	if (region != (void *)JAILHOUSE_BASE) {
		printf("1..0 # SKIP no mapping at %#lx\n",
		       (unsigned long)JAILHOUSE_BASE);
		return 0;
	}
	if (paging_init(HV_PHYS, HV_SIZE, 0)) {
		fprintf(stderr, "test-paging: paging_init failed\n");
		return 99;
	}
	for (unsigned int level = 0; level < 2; level++) {
		unsigned long used = mem_pool.used;

		for (unsigned int round = 0; round < ROUNDS && ok[level]; round++)
			round_trip(level, round, &ok[level]);
		if (ok[level])
			tap_ok(1, "start level %u: %u random layouts and windows round-trip",
			       level, ROUNDS);
		tap_eq(mem_pool.used, used, "start level %u: no page lost", level);
	}
	limits();
	return tap_done();
}
