// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Placement in the cell's guest-physical RAM. Loadable RAM regions that
 * /memory gives Linux and that touch are merged into spans (an image may
 * cross their boundary; the plan splits it into one load per region).
 * Two attempts:
 *  1. upstream's layout: everything in the first span that holds it all,
 *     DTB first, the kernel at the next 2 MiB boundary + text_offset, the
 *     initrd after the kernel and its decompression gap;
 *  2. otherwise first fit over all spans, kernel first (it has the
 *     alignment constraint and is the largest), then initrd and DTB.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define MAX_BLOCKS	8
#define ALL_SPANS	(-1)
/*
 * Nothing goes to guest page 0: linux-loader.bin's protocol and Linux
 * (fixmap_remap_fdt) take address 0 as "no DTB".
 */
#define LOWEST		JHL_PAGE_SIZE

struct span {
	__u64 start, end;
	unsigned int order;	/* config index of its first region */
};

struct block {
	__u64 start, end;
	const char *what;
};

struct placer {
	struct jhl_ctx *ctx;
	struct span *spans;
	unsigned int num_spans;
	struct block used[MAX_BLOCKS];
	unsigned int num_used;
};

static void sort_spans(struct span *s, unsigned int n, bool by_order)
{
	unsigned int i, j;

	for (i = 1; i < n; i++) {
		struct span cur = s[i];

		for (j = i; j > 0; j--) {
			__u64 a = by_order ? s[j - 1].order : s[j - 1].start;
			__u64 b = by_order ? cur.order : cur.start;

			if (a <= b)
				break;
			s[j] = s[j - 1];
		}
		s[j] = cur;
	}
}

static int build_spans(struct placer *p, const struct jhl_cell *cell)
{
	unsigned int n, num = 0;
	struct span *s;

	s = calloc(cell->num_mem ? cell->num_mem : 1, sizeof(*s));
	if (!s)
		return -ENOMEM;
	for (n = 0; n < cell->num_mem; n++) {
		/* only what /memory has: Linux must see its DTB and initrd */
		if (!jhl_mem_placeable(&cell->mem[n]))
			continue;
		s[num].start = cell->mem[n].virt_start;
		s[num].end = s[num].start + cell->mem[n].size;
		s[num++].order = n;
	}
	sort_spans(s, num, false);
	for (n = 1, p->num_spans = num ? 1 : 0; n < num; n++) {
		struct span *last = &s[p->num_spans - 1];

		if (s[n].start <= last->end) {
			if (s[n].end > last->end)
				last->end = s[n].end;
			if (s[n].order < last->order)
				last->order = s[n].order;
		} else {
			s[p->num_spans++] = s[n];
		}
	}
	sort_spans(s, p->num_spans, true);
	p->spans = s;
	return 0;
}

static void use(struct placer *p, __u64 start, __u64 size, const char *what)
{
	p->used[p->num_used].start = start;
	p->used[p->num_used].end = start + size;
	p->used[p->num_used++].what = what;
}

/* Lowest *a >= c with *a = phase (mod align); false on overflow. */
static bool align_phase(__u64 c, __u64 align, __u64 phase, __u64 *a)
{
	*a = c + ((phase - c) & (align - 1));
	return *a >= c;
}

static bool fit_span(const struct placer *p, const struct span *s, __u64 min,
		     __u64 size, __u64 align, __u64 phase, __u64 *addr)
{
	__u64 c = min > s->start ? min : s->start;
	unsigned int n;
	__u64 a;

	if (c < LOWEST)
		c = LOWEST;

again:
	if (!align_phase(c, align, phase, &a) || a > s->end ||
	    size > s->end - a)
		return false;
	for (n = 0; n < p->num_used; n++) {
		if (a < p->used[n].end && p->used[n].start < a + size) {
			c = p->used[n].end;
			goto again;
		}
	}
	*addr = a;
	return true;
}

static bool fit(struct placer *p, int span, __u64 min, __u64 size,
		__u64 align, __u64 phase, const char *what, __u64 *addr)
{
	unsigned int n;

	for (n = 0; n < p->num_spans; n++) {
		if (span != ALL_SPANS && (unsigned int)span != n)
			continue;
		if (fit_span(p, &p->spans[n], min, size, align, phase, addr)) {
			use(p, *addr, size, what);
			return true;
		}
	}
	return false;
}

static bool try_compat(struct placer *p, const struct jhl_layout_req *req,
		       struct jhl_layout *out)
{
	unsigned int s, fixed = p->num_used;
	struct jhl_layout l = { .compat = true };

	for (s = 0; s < p->num_spans; s++, p->num_used = fixed) {
		if (!fit(p, s, 0, req->dtb_size_compat, JHL_PAGE_SIZE, 0,
			 "DTB", &l.dtb))
			continue;
		if (!fit(p, s, l.dtb + req->dtb_size_compat,
			 req->kernel_size_compat, JHL_KERNEL_ALIGN,
			 req->text_offset, "kernel", &l.kernel))
			continue;
		if (req->initrd_size &&
		    !fit(p, s, l.kernel + req->kernel_size_compat,
			 req->initrd_size, JHL_PAGE_SIZE, 0, "initrd",
			 &l.initrd))
			continue;
		*out = l;
		return true;
	}
	return false;
}

/* "0x70000000-0x701fffff (2 MiB), ..." of what is still free. */
static void describe_free(const struct placer *p, char *buf, size_t len)
{
	size_t pos = 0;
	unsigned int s;

	buf[0] = 0;
	for (s = 0; s < p->num_spans && pos < len; s++) {
		__u64 c = p->spans[s].start, a;

		while (fit_span(p, &p->spans[s], c, 1, 1, 0, &a)) {
			__u64 end = p->spans[s].end;
			unsigned int n;

			for (n = 0; n < p->num_used; n++)
				if (p->used[n].start >= a && p->used[n].start < end)
					end = p->used[n].start;
			pos += snprintf(buf + pos, pos < len ? len - pos : 0,
					"%s0x%llx-0x%llx (%s)", pos ? ", " : "",
					(unsigned long long)a,
					(unsigned long long)end - 1,
					jhl_size(end - a).s);
			if (pos >= len || end >= p->spans[s].end)
				break;
			c = end;
		}
	}
	if (!buf[0])
		snprintf(buf, len, "none");
}

static void describe_used(const struct placer *p, char *buf, size_t len)
{
	size_t pos = 0;
	unsigned int n;

	buf[0] = 0;
	for (n = 0; n < p->num_used && pos < len; n++)
		pos += snprintf(buf + pos, len - pos, "%s%s 0x%llx-0x%llx",
				n ? ", " : "", p->used[n].what,
				(unsigned long long)p->used[n].start,
				(unsigned long long)p->used[n].end - 1);
	if (!buf[0])
		snprintf(buf, len, "nothing");
}

static int no_room(struct placer *p, const char *what, __u64 size,
		   const char *how)
{
	char free_desc[512], used_desc[256];
	__u64 total = 0;
	unsigned int s;

	for (s = 0; s < p->num_spans; s++)
		total += p->spans[s].end - p->spans[s].start;
	describe_free(p, free_desc, sizeof(free_desc));
	describe_used(p, used_desc, sizeof(used_desc));
	jhl_err(p->ctx, "no room for the %s: it needs %s%s; the cell has %s of loadable RAM, already placed: %s; free: %s",
		what, jhl_size(size).s, how, jhl_size(total).s, used_desc,
		free_desc);
	return -ENOSPC;
}

static int place_general(struct placer *p, const struct jhl_layout_req *req,
			 struct jhl_layout *out)
{
	char how[64];

	memset(out, 0, sizeof(*out));
	snprintf(how, sizeof(how), " at a 2 MiB boundary + 0x%llx",
		 (unsigned long long)req->text_offset);
	if (!fit(p, ALL_SPANS, 0, req->kernel_size, JHL_KERNEL_ALIGN,
		 req->text_offset, "kernel", &out->kernel))
		return no_room(p, "kernel", req->kernel_size, how);
	if (req->initrd_size &&
	    !fit(p, ALL_SPANS, 0, req->initrd_size, JHL_PAGE_SIZE, 0,
		 "initrd", &out->initrd))
		return no_room(p, "initrd", req->initrd_size, "");
	if (!fit(p, ALL_SPANS, 0, req->dtb_size, JHL_PAGE_SIZE, 0, "DTB",
		 &out->dtb))
		return no_room(p, "DTB", req->dtb_size, "");
	return 0;
}

/* "EXECUTE or LOADABLE": what the loader's region lacks; false if nothing. */
static bool missing_flags(__u64 flags, char *buf, size_t len)
{
	static const struct {
		__u64 flag;
		const char *name;
	} need[] = {
		{ JAILHOUSE_MEM_READ, "READ" },
		{ JAILHOUSE_MEM_WRITE, "WRITE" },
		{ JAILHOUSE_MEM_EXECUTE, "EXECUTE" },
		{ JAILHOUSE_MEM_LOADABLE, "LOADABLE" },
	};
	unsigned int n, num = 0, left;
	size_t pos = 0;

	for (n = 0; n < ARRAY_SIZE(need); n++)
		num += !(flags & need[n].flag);
	buf[0] = 0;
	for (n = 0, left = num; n < ARRAY_SIZE(need) && pos < len; n++) {
		if (flags & need[n].flag)
			continue;
		left--;
		pos += snprintf(buf + pos, len - pos, "%s%s", need[n].name,
				!left ? "" : left == 1 ? " or " : ", ");
	}
	return num;
}

static int place_loader(struct placer *p, const struct jhl_cell *cell,
			const struct jhl_layout_req *req)
{
	int region = jhl_cell_find_region(cell, cell->reset, req->loader_size);
	char missing[64];

	if (cell->reset % JHL_PAGE_SIZE) {
		jhl_err(p->ctx, "cpu_reset_address 0x%llx is not 4 KiB aligned; linux-loader.bin runs from a page boundary",
			(unsigned long long)cell->reset);
		return -EINVAL;
	}
	if (region < 0) {
		jhl_err(p->ctx, "linux-loader.bin needs %s at cpu_reset_address 0x%llx (image, parameters at +0x1000, stack), but no memory region of cell \"%s\" covers 0x%llx-0x%llx",
			jhl_size(req->loader_size).s,
			(unsigned long long)cell->reset, cell->name,
			(unsigned long long)cell->reset,
			(unsigned long long)(cell->reset + req->loader_size - 1));
		return -ENOSPC;
	}
	if (missing_flags(cell->mem[region].flags, missing, sizeof(missing))) {
		jhl_err(p->ctx, "memory region %d at 0x%llx holds cpu_reset_address but is not %s; linux-loader.bin runs there and needs READ, WRITE, EXECUTE and LOADABLE",
			region, (unsigned long long)cell->mem[region].virt_start,
			missing);
		return -EINVAL;
	}
	use(p, cell->reset, req->loader_size, "loader");
	return 0;
}

static bool small_ram_at_0(const struct jhl_cell *cell)
{
	unsigned int n;

	for (n = 0; n < cell->num_mem; n++)
		if (jhl_mem_is_ram(&cell->mem[n]) &&
		    (cell->mem[n].flags & JAILHOUSE_MEM_LOADABLE) &&
		    !jhl_cell_mem_for_linux(&cell->mem[n]))
			return true;
	return false;
}

int jhl_layout_place(struct jhl_ctx *ctx, const struct jhl_cell *cell,
		     const struct jhl_layout_req *req, struct jhl_layout *out)
{
	struct placer p = { .ctx = ctx };
	unsigned int fixed;
	int err;

	err = build_spans(&p, cell);
	if (err)
		return err;
	if (!p.num_spans) {
		jhl_err(ctx, "cell \"%s\" has no loadable RAM: no memory region with exactly READ, WRITE, EXECUTE and DMA (not IO, COMM_REGION, ROOTSHARED) and LOADABLE%s",
			cell->name, small_ram_at_0(cell) ?
			" (one of at most 64 KiB at address 0 is the loader's, Linux does not get it)" : "");
		err = -ENOSPC;
		goto out;
	}
	err = place_loader(&p, cell, req);
	if (err)
		goto out;
	fixed = p.num_used;
	if (try_compat(&p, req, out))
		goto out;
	p.num_used = fixed;
	err = place_general(&p, req, out);
out:
	free(p.spans);
	return err;
}
