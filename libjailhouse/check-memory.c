// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Memory region rules: size and alignment, overlaps inside a cell (guest
 * addresses), with the comm region, with the hypervisor, between cells
 * (host addresses), and memory the root cell does not own.
 */
#include <stdlib.h>

#include <jailhouse/gic.h>

#include "check.h"

#define ULL(x)	((unsigned long long)(x))

static bool is_comm(const struct jailhouse_memory *m)
{
	return m->flags & JAILHOUSE_MEM_COMM_REGION;
}

/* Regions with a host range: not empty and not the comm region. */
static bool has_phys(const struct jailhouse_memory *m)
{
	return m->size && !is_comm(m);
}

/*
 * A sub-page region: device registers the hypervisor accesses for the
 * cell (the rule is the ABI header's, as in the hypervisor).
 */
static void check_subpage(struct jh_check *chk,
			  const struct jh_check_cell *cell, unsigned int i,
			  const struct jailhouse_memory *m)
{
	enum jailhouse_subpage_fault fault = jailhouse_subpage_fault(m);
	const uint64_t widths = JAILHOUSE_MEM_IO_8 | JAILHOUSE_MEM_IO_16 |
				JAILHOUSE_MEM_IO_32 | JAILHOUSE_MEM_IO_64;

	if (fault != JAILHOUSE_SUBPAGE_OK)
		jh_check_report(chk, JH_SEVERITY_ERROR, "mem-alignment", cell,
				(int)i, NULL, -1,
				"memory region %u (phys 0x%llx, virt 0x%llx, size 0x%llx) is smaller than a page or not page aligned, and %s",
				i, ULL(m->phys_start), ULL(m->virt_start),
				ULL(m->size), jailhouse_subpage_fault_text(fault));
	else if (!(m->flags & widths))
		jh_check_report(chk, JH_SEVERITY_WARNING, "subpage-width", cell,
				(int)i, NULL, -1,
				"memory region %u (0x%llx size 0x%llx) is a sub-page region without access widths (JAILHOUSE_MEM_IO_8..64): every access to it stops the cell",
				i, ULL(m->virt_start), ULL(m->size));
}

static void check_region(struct jh_check *chk, const struct jh_check_cell *cell,
			 unsigned int i, const struct jailhouse_memory *m)
{
	uint64_t align = m->virt_start | m->size;

	if (!m->size) {
		if (m->flags)
			jh_check_report(chk, JH_SEVERITY_WARNING, "mem-empty",
					cell, (int)i, NULL, -1,
					"memory region %u has size 0 but flags 0x%llx",
					i, ULL(m->flags));
		return;
	}
	if (jh_range_last(m->virt_start, m->size) < m->virt_start ||
	    (!is_comm(m) && jh_range_last(m->phys_start, m->size) < m->phys_start))
		jh_check_report(chk, JH_SEVERITY_ERROR, "mem-wrap", cell,
				(int)i, NULL, -1,
				"memory region %u (phys 0x%llx, virt 0x%llx, size 0x%llx) wraps around the address space",
				i, ULL(m->phys_start), ULL(m->virt_start),
				ULL(m->size));
	else if (!cell->root &&
		 jh_range_last(m->virt_start, m->size) >> JH_IPA_MAX_BITS)
		jh_check_report(chk, JH_SEVERITY_ERROR, "mem-ipa", cell,
				(int)i, NULL, -1,
				"memory region %u (virt 0x%llx, size 0x%llx) ends beyond the %u-bit guest address space of arm64 (the hypervisor gives what the CPU's PARange allows, at most that)",
				i, ULL(m->virt_start), ULL(m->size),
				JH_IPA_MAX_BITS);
	if (!is_comm(m))
		align |= m->phys_start;
	if (!is_comm(m) && jailhouse_mem_is_subpage(m))
		check_subpage(chk, cell, i, m);
	else if (align & (JH_PAGE_SIZE - 1))
		jh_check_report(chk, JH_SEVERITY_ERROR, "mem-alignment", cell,
				(int)i, NULL, -1,
				"memory region %u (phys 0x%llx, virt 0x%llx, size 0x%llx) is not page aligned",
				i, ULL(m->phys_start), ULL(m->virt_start),
				ULL(m->size));
	if ((m->flags & JAILHOUSE_MEM_LOADABLE) &&
	    !(m->flags & JAILHOUSE_MEM_WRITE))
		jh_check_report(chk, JH_SEVERITY_WARNING, "loadable-readonly",
				cell, (int)i, NULL, -1,
				"memory region %u is loadable but not writable; the driver refuses to load into it",
				i);
}

/*
 * Overlaps are found by sorting the ranges by start address: a range
 * overlaps exactly the earlier-starting ones that have not ended before
 * it starts. That counts them in O(n log n) and lists the first few
 * without comparing every pair, which for a file full of regions would
 * be hundreds of millions of comparisons.
 */
struct span {
	uint64_t start, last;
	unsigned int idx;	/* region index */
	unsigned int cls;	/* SPAN_CLASSES rule-specific classes */
};

#define SPAN_CLASSES	4
/* A bit per wanted (class, class) pair, for sweep(). */
#define PAIR(a, b)	((1u << ((a) * SPAN_CLASSES + (b))) | \
			 (1u << ((b) * SPAN_CLASSES + (a))))

/* Buffers for the spans of up to @cap ranges. */
struct spans {
	struct span *s;
	uint64_t *lasts;
	const struct span **heap;	/* SPAN_CLASSES heaps of @cap */
	unsigned int n, cap;
};

static int cmp_span(const void *a, const void *b)
{
	const struct span *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static bool spans_init(struct jh_check *chk, struct spans *sp,
		       unsigned int cap)
{
	sp->n = 0;
	sp->cap = cap;
	sp->s = malloc((cap ? cap : 1) * sizeof(*sp->s));
	sp->lasts = malloc((cap ? cap : 1) * sizeof(*sp->lasts));
	sp->heap = malloc((cap ? cap : 1) * SPAN_CLASSES * sizeof(*sp->heap));
	if (sp->s && sp->lasts && sp->heap)
		return true;
	free(sp->s);
	free(sp->lasts);
	free(sp->heap);
	jh_check_nomem(chk);
	return false;
}

static void spans_free(struct spans *sp)
{
	free(sp->s);
	free(sp->lasts);
	free(sp->heap);
}

/* Ranges that wrap are left out: mem-wrap reports them. */
static void spans_add(struct spans *sp, uint64_t start, uint64_t size,
		      unsigned int idx, unsigned int cls)
{
	if (!size || jh_range_last(start, size) < start)
		return;
	sp->s[sp->n].start = start;
	sp->s[sp->n].last = jh_range_last(start, size);
	sp->s[sp->n].idx = idx;
	sp->s[sp->n].cls = cls;
	sp->n++;
}

/* Overlapping pairs among the spans with (cls & mask) == val; sorted spans. */
static uint64_t count_pairs(struct spans *sp, unsigned int mask,
			    unsigned int val)
{
	unsigned int i, m = 0, before = 0, ended = 0;
	uint64_t pairs = 0;

	for (i = 0; i < sp->n; i++)
		if ((sp->s[i].cls & mask) == val)
			sp->lasts[m++] = sp->s[i].last;
	qsort(sp->lasts, m, sizeof(*sp->lasts), cmp_u64);
	for (i = 0; i < sp->n; i++) {
		if ((sp->s[i].cls & mask) != val)
			continue;
		/* What ended before this start also started before it. */
		while (ended < m && sp->lasts[ended] < sp->s[i].start)
			ended++;
		pairs += before - ended;
		before++;
	}
	return pairs;
}

/* Min-heaps on the end address: the ranges still open during the sweep. */
static void heap_push(const struct span **h, unsigned int *n,
		      const struct span *s)
{
	unsigned int i = (*n)++;

	while (i && h[(i - 1) / 2]->last > s->last) {
		h[i] = h[(i - 1) / 2];
		i = (i - 1) / 2;
	}
	h[i] = s;
}

static void heap_pop(const struct span **h, unsigned int *n)
{
	const struct span *s = h[--(*n)];
	unsigned int i = 0, c;

	while ((c = 2 * i + 1) < *n) {
		if (c + 1 < *n && h[c + 1]->last < h[c]->last)
			c++;
		if (h[c]->last >= s->last)
			break;
		h[i] = h[c];
		i = c;
	}
	if (*n)
		h[i] = s;
}

/* Two overlapping spans, the lower region index first. */
struct pair {
	const struct span *a, *b;
};

static int cmp_pair(const void *x, const void *y)
{
	const struct pair *p = x, *q = y;

	if (p->a->idx != q->a->idx)
		return p->a->idx < q->a->idx ? -1 : 1;
	if (p->b->idx != q->b->idx)
		return p->b->idx < q->b->idx ? -1 : 1;
	return p->a->cls < q->a->cls ? -1 : p->a->cls > q->a->cls;
}

/*
 * Finds up to JH_CHECK_KEEP overlapping pairs whose classes @want (PAIR()
 * bits) takes; returns how many. Every range still open when another
 * starts overlaps it, so no comparison is wasted.
 */
static unsigned int sweep(struct spans *sp, unsigned int want,
			  struct pair *found)
{
	unsigned int num[SPAN_CLASSES] = { 0 };
	const struct span **h, *s;
	unsigned int i, c, k, n = 0;

	for (i = 0; i < sp->n && n < JH_CHECK_KEEP; i++) {
		s = &sp->s[i];
		for (c = 0; c < SPAN_CLASSES; c++) {
			h = &sp->heap[c * sp->cap];
			while (num[c] && h[0]->last < s->start)
				heap_pop(h, &num[c]);
			if (!(want & PAIR(s->cls, c)))
				continue;
			for (k = 0; k < num[c] && n < JH_CHECK_KEEP; k++, n++) {
				found[n].a = h[k]->idx < s->idx ? h[k] : s;
				found[n].b = h[k]->idx < s->idx ? s : h[k];
			}
		}
		heap_push(&sp->heap[s->cls * sp->cap], &num[s->cls], s);
	}
	return n;
}

typedef void (*pair_fn)(struct jh_check *chk, const void *data,
			const struct span *a, const struct span *b);

/* Lists the first overlaps of a rule in full and counts the rest. */
static void report_pairs(struct jh_check *chk, struct spans *sp,
			 unsigned int want, uint64_t total, pair_fn fn,
			 const void *data, enum jh_severity sev,
			 const char *rule, const struct jh_check_cell *cell)
{
	struct pair found[JH_CHECK_KEEP];
	unsigned int i, n;

	if (!total)
		return;
	n = sweep(sp, want, found);
	/* In region order, not the sweep's, to read well. */
	qsort(found, n, sizeof(*found), cmp_pair);
	for (i = 0; i < n; i++)
		fn(chk, data, found[i].a, found[i].b);
	jh_check_report_more(chk, sev, rule, cell, total - n);
}

static void report_guest_pair(struct jh_check *chk, const void *data,
			      const struct span *a, const struct span *b)
{
	const struct jh_check_cell *cell = data;
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(cell->desc);
	const struct jailhouse_memory *x = &mem[a->idx], *y = &mem[b->idx];
	unsigned int i = a->idx, j = b->idx;

	jh_check_report(chk, JH_SEVERITY_ERROR,
			is_comm(x) || is_comm(y) ?
			"comm-region-overlap" : "mem-overlap",
			cell, (int)i, cell, (int)j,
			"memory regions %u (virt 0x%llx-0x%llx%s) and %u (virt 0x%llx-0x%llx%s) overlap in the cell's address space",
			i, ULL(x->virt_start),
			ULL(jh_range_last(x->virt_start, x->size)),
			is_comm(x) ? ", comm region" : "",
			j, ULL(y->virt_start),
			ULL(jh_range_last(y->virt_start, y->size)),
			is_comm(y) ? ", comm region" : "");
}

/*
 * Root's regions may overlap, as in upstream's configs of several boards:
 * the hypervisor maps the later region's flags where they do, as
 * upstream's does. Worth knowing, not a fault.
 */
static void report_root_pair(struct jh_check *chk, const void *data,
			     const struct span *a, const struct span *b)
{
	const struct jh_check_cell *cell = data;
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(cell->desc);
	const struct jailhouse_memory *x = &mem[a->idx], *y = &mem[b->idx];
	unsigned int i = a->idx, j = b->idx;

	jh_check_report(chk, JH_SEVERITY_NOTE, "root-mem-overlap",
			cell, (int)i, cell, (int)j,
			"memory regions %u (0x%llx-0x%llx) and %u (0x%llx-0x%llx) overlap; where they do, region %u's flags apply",
			i, ULL(x->phys_start),
			ULL(jh_range_last(x->phys_start, x->size)),
			j, ULL(y->phys_start),
			ULL(jh_range_last(y->phys_start, y->size)), i > j ? i : j);
}

/* Guest ranges of one cell; class 1 is the comm region. */
static void check_guest_overlaps(struct jh_check *chk,
				 const struct jh_check_cell *cell)
{
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(cell->desc);
	unsigned int i, n = cell->desc->num_memory_regions;
	uint64_t all, plain;
	struct spans sp;

	for (i = 0; i < n; i++)
		check_region(chk, cell, i, &mem[i]);
	if (n < 2 || !spans_init(chk, &sp, n))
		return;
	for (i = 0; i < n; i++)
		spans_add(&sp, mem[i].virt_start, mem[i].size, i,
			  is_comm(&mem[i]));
	qsort(sp.s, sp.n, sizeof(*sp.s), cmp_span);
	all = count_pairs(&sp, 0, 0);
	plain = count_pairs(&sp, 1, 0);
	if (cell->root)
		report_pairs(chk, &sp, PAIR(0, 0), plain, report_root_pair,
			     cell, JH_SEVERITY_NOTE, "root-mem-overlap", cell);
	else
		report_pairs(chk, &sp, PAIR(0, 0), plain, report_guest_pair,
			     cell, JH_SEVERITY_ERROR, "mem-overlap", cell);
	report_pairs(chk, &sp, PAIR(0, 1) | PAIR(1, 1), all - plain,
		     report_guest_pair, cell, JH_SEVERITY_ERROR,
		     "comm-region-overlap", cell);
	spans_free(&sp);
}

static void check_hv_overlap(struct jh_check *chk,
			     const struct jh_check_cell *cell,
			     const struct jailhouse_memory *hv)
{
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(cell->desc);
	unsigned int i;

	for (i = 0; i < cell->desc->num_memory_regions; i++)
		if (has_phys(&mem[i]) &&
		    jh_ranges_overlap(mem[i].phys_start, mem[i].size,
				      hv->phys_start, hv->size))
			jh_check_report(chk, JH_SEVERITY_ERROR, "hv-overlap",
					cell, (int)i, NULL, -1,
					"memory region %u (phys 0x%llx-0x%llx) overlaps the hypervisor memory (0x%llx-0x%llx)",
					i, ULL(mem[i].phys_start),
					ULL(jh_range_last(mem[i].phys_start, mem[i].size)),
					ULL(hv->phys_start),
					ULL(jh_range_last(hv->phys_start, hv->size)));
}

static void check_trapped(struct jh_check *chk,
			  const struct jh_check_cell *cell, const char *rule,
			  const char *what, uint64_t base, uint64_t size)
{
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(cell->desc);
	unsigned int i;

	for (i = 0; i < cell->desc->num_memory_regions; i++)
		if (has_phys(&mem[i]) &&
		    jh_ranges_overlap(mem[i].phys_start, mem[i].size, base, size))
			jh_check_report(chk, JH_SEVERITY_ERROR, rule,
					cell, (int)i, NULL, -1,
					"memory region %u (phys 0x%llx-0x%llx) overlaps registers the hypervisor emulates: %s (0x%llx-0x%llx)",
					i, ULL(mem[i].phys_start),
					ULL(jh_range_last(mem[i].phys_start, mem[i].size)),
					what, ULL(base), ULL(jh_range_last(base, size)));
}

/* A GICv2 frame: the hypervisor keeps the 64 KiB blocks around it. */
static void check_gicv2_frame(struct jh_check *chk,
			      const struct jh_check_cell *cell,
			      const char *what, uint64_t base, uint64_t size)
{
	uint64_t start = JAILHOUSE_GICV2_BLOCKS_START(base);

	check_trapped(chk, cell, "gic-overlap", what, start,
		      JAILHOUSE_GICV2_BLOCKS_END(base, size) - start);
}

/* GICv2: the virtual CPU interface is mapped where the cell's GICC is. */
static void check_gicc_window(struct jh_check *chk,
			      const struct jh_check_cell *cell, uint64_t gicc)
{
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(cell->desc);
	unsigned int i;

	for (i = 0; i < cell->desc->num_memory_regions; i++)
		if (mem[i].size &&
		    jh_ranges_overlap(mem[i].virt_start, mem[i].size, gicc,
				      JAILHOUSE_GICV_SIZE))
			jh_check_report(chk, JH_SEVERITY_ERROR, "gic-overlap",
					cell, (int)i, NULL, -1,
					"memory region %u (guest 0x%llx-0x%llx) covers the GIC CPU interface (guest 0x%llx-0x%llx), where the hypervisor maps the virtual one",
					i, ULL(mem[i].virt_start),
					ULL(jh_range_last(mem[i].virt_start, mem[i].size)),
					ULL(gicc),
					ULL(jh_range_last(gicc, JAILHOUSE_GICV_SIZE)));
}

/*
 * What the hypervisor traps for every cell: the GIC's distributor, the
 * redistributors of the system's CPUs (GICv3 frames; a GICv4 has twice
 * the stride, which only the running hypervisor knows) or the blocks of
 * the GICv2 frames, and the virtual PCI host's ECAM.
 */
static void check_trapped_overlaps(struct jh_check *chk,
				   const struct jh_check_cell *cell,
				   const struct jh_check_cell *root,
				   const struct jailhouse_system *sys)
{
	const __typeof__(sys->platform_info) *p = &sys->platform_info;

	if (p->arm.gic_version == 3) {
		check_trapped(chk, cell, "gic-overlap", "the GIC distributor",
			      p->arm.gicd_base, JAILHOUSE_GICD_SIZE);
		check_trapped(chk, cell, "gic-overlap",
			      "the GIC redistributors",
			      p->arm.gicr_base, (uint64_t)JAILHOUSE_GICR_V3_STRIDE *
			      jailhouse_cell_cpu_span(root->desc));
	} else if (p->arm.gic_version == 2) {
		check_gicv2_frame(chk, cell, "the GIC distributor",
				  p->arm.gicd_base, JAILHOUSE_GICD_V2_SIZE);
		check_gicv2_frame(chk, cell, "the GIC CPU interface",
				  p->arm.gicc_base, JAILHOUSE_GICC_SIZE);
		check_gicv2_frame(chk, cell, "the GIC virtual interface control",
				  p->arm.gich_base, JAILHOUSE_GICH_SIZE);
		check_gicv2_frame(chk, cell, "the GIC virtual CPU interface",
				  p->arm.gicv_base, JAILHOUSE_GICV_SIZE);
		check_gicc_window(chk, cell, p->arm.gicc_base);
	}
	if (p->pci_is_virtual && p->pci_mmconfig_base)
		check_trapped(chk, cell, "pci-ecam-overlap",
			      "the virtual PCI host's ECAM",
			      p->pci_mmconfig_base,
			      (p->pci_mmconfig_end_bus + 1ULL) << 20);
}

/*
 * Host memory of two non-root cells may only meet where both share it.
 * Span classes: bit 0 set for @b's regions, bit 1 for ROOTSHARED ones.
 */
#define FROM_B		1u
#define SHARED		2u

struct cell_pair {
	const struct jh_check_cell *a, *b;
};

static void report_cell_pair(struct jh_check *chk, const void *data,
			     const struct span *s1, const struct span *s2)
{
	const struct cell_pair *p = data;
	const struct span *sa = s1->cls & FROM_B ? s2 : s1;
	const struct span *sb = s1->cls & FROM_B ? s1 : s2;
	const struct jailhouse_memory *ma =
		&jailhouse_cell_mem_regions(p->a->desc)[sa->idx];
	const struct jailhouse_memory *mb =
		&jailhouse_cell_mem_regions(p->b->desc)[sb->idx];

	jh_check_report(chk, JH_SEVERITY_ERROR, "cell-overlap",
			p->b, (int)sb->idx, p->a, (int)sa->idx,
			"memory region %u (phys 0x%llx-0x%llx) overlaps memory region %u (phys 0x%llx-0x%llx) of %s; only regions both mark ROOTSHARED may",
			sb->idx, ULL(mb->phys_start),
			ULL(jh_range_last(mb->phys_start, mb->size)),
			sa->idx, ULL(ma->phys_start),
			ULL(jh_range_last(ma->phys_start, ma->size)),
			p->a->src);
}

static void add_phys_spans(struct spans *sp, const struct jh_check_cell *cell,
			   unsigned int cls)
{
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(cell->desc);
	unsigned int i;

	for (i = 0; i < cell->desc->num_memory_regions; i++)
		if (has_phys(&mem[i]))
			spans_add(sp, mem[i].phys_start, mem[i].size, i, cls |
				  (mem[i].flags & JAILHOUSE_MEM_ROOTSHARED ?
				   SHARED : 0));
}

/* Overlaps between regions of a and b, as pairs(a+b) - pairs(a) - pairs(b). */
static uint64_t count_cross(struct spans *sp, unsigned int mask,
			    unsigned int val)
{
	return count_pairs(sp, mask, val) -
	       count_pairs(sp, mask | FROM_B, val) -
	       count_pairs(sp, mask | FROM_B, val | FROM_B);
}

static void check_cell_pair(struct jh_check *chk, const struct jh_check_cell *a,
			    const struct jh_check_cell *b)
{
	struct cell_pair p = { a, b };
	uint64_t all, shared;
	struct spans sp;

	if (!a->desc->num_memory_regions || !b->desc->num_memory_regions ||
	    !spans_init(chk, &sp, a->desc->num_memory_regions +
			b->desc->num_memory_regions))
		return;
	add_phys_spans(&sp, a, 0);
	add_phys_spans(&sp, b, FROM_B);
	qsort(sp.s, sp.n, sizeof(*sp.s), cmp_span);
	all = count_cross(&sp, 0, 0);
	shared = count_cross(&sp, SHARED, SHARED);
	report_pairs(chk, &sp, PAIR(0, FROM_B) | PAIR(0, FROM_B | SHARED) |
		     PAIR(SHARED, FROM_B), all - shared, report_cell_pair, &p,
		     JH_SEVERITY_ERROR, "cell-overlap", b);
	spans_free(&sp);
}

/* The root cell's host memory as sorted, disjoint, non-adjacent ranges. */
struct cover {
	struct span *s;
	unsigned int n;
};

static bool root_cover(struct jh_check *chk, const struct jailhouse_cell_desc *root,
		       struct cover *cov)
{
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(root);
	unsigned int i, n = 0;
	struct spans sp;

	cov->s = NULL;
	cov->n = 0;
	if (!spans_init(chk, &sp, root->num_memory_regions))
		return false;
	for (i = 0; i < root->num_memory_regions; i++)
		if (has_phys(&mem[i]))
			spans_add(&sp, mem[i].phys_start, mem[i].size, i, 0);
	qsort(sp.s, sp.n, sizeof(*sp.s), cmp_span);
	for (i = 0; i < sp.n; i++) {
		/* Adjacent regions cover a range together, too. */
		if (n && (sp.s[n - 1].last == UINT64_MAX ||
			  sp.s[i].start <= sp.s[n - 1].last + 1)) {
			if (sp.s[i].last > sp.s[n - 1].last)
				sp.s[n - 1].last = sp.s[i].last;
			continue;
		}
		sp.s[n++] = sp.s[i];
	}
	free(sp.lasts);
	free(sp.heap);
	cov->s = sp.s;
	cov->n = n;
	return true;
}

/* Whether the root cell covers [start, start + size) entirely. */
static bool root_covers(const struct cover *cov, uint64_t start, uint64_t size)
{
	unsigned int lo = 0, hi = cov->n, mid;

	/* The last covered range starting at or below @start. */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cov->s[mid].start <= start)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo && start <= cov->s[lo - 1].last &&
	       jh_range_last(start, size) <= cov->s[lo - 1].last;
}

static void check_root_owns(struct jh_check *chk,
			    const struct jh_check_cell *root,
			    const struct cover *cov,
			    const struct jh_check_cell *cell)
{
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(cell->desc);
	unsigned int i;

	bool shared;

	/*
	 * As the hypervisor has it: a cell takes only memory root has, but
	 * one it shares with root (ROOTSHARED) is just mapped into it.
	 */
	for (i = 0; i < cell->desc->num_memory_regions; i++) {
		if (!has_phys(&mem[i]) ||
		    root_covers(cov, mem[i].phys_start, mem[i].size))
			continue;
		shared = mem[i].flags & JAILHOUSE_MEM_ROOTSHARED;
		jh_check_report(chk, shared ? JH_SEVERITY_WARNING :
				JH_SEVERITY_ERROR, "mem-not-in-root", cell,
				(int)i, root, -1,
				"memory region %u (phys 0x%llx-0x%llx) is not memory of the root cell in %s%s",
				i, ULL(mem[i].phys_start),
				ULL(jh_range_last(mem[i].phys_start, mem[i].size)),
				root->src, shared ?
				"; shared with root, it is mapped into this cell only" :
				"");
	}
}

void jh_check_memory(struct jh_check *chk)
{
	const struct jailhouse_system *sys = jh_check_system(chk);
	const struct jh_check_cell *cells;
	struct cover cov = { NULL, 0 };
	unsigned int i, j, n;

	n = jh_check_cells(chk, &cells);
	if (sys && n > 1 && !root_cover(chk, cells[0].desc, &cov))
		return;
	for (i = 0; i < n; i++) {
		check_guest_overlaps(chk, &cells[i]);
		if (sys && sys->hypervisor_memory.size)
			check_hv_overlap(chk, &cells[i], &sys->hypervisor_memory);
		if (cells[i].root)
			continue;
		if (sys)
			check_trapped_overlaps(chk, &cells[i], &cells[0], sys);
		if (sys)
			check_root_owns(chk, &cells[0], &cov, &cells[i]);
		for (j = 0; j < i; j++)
			if (!cells[j].root)
				check_cell_pair(chk, &cells[j], &cells[i]);
	}
	free(cov.s);
}
