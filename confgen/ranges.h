/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Address ranges of the generator: overlaps, containment, Linux's RAM. */
#ifndef JH_CONFGEN_RANGES_H
#define JH_CONFGEN_RANGES_H

#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "confgen.h"

#define PAGE		0x1000ULL
#define MIB		0x100000ULL

static inline uint64_t end_of(const struct jh_range *r)
{
	return r->start + r->size;
}

/* A memory region of a config made, with its comment. */
static inline void region_set(struct jhg_region *r, uint64_t phys,
			      uint64_t virt, uint64_t size, uint64_t flags,
			      const char *comment)
{
	r->mem.phys_start = phys;
	r->mem.virt_start = virt;
	r->mem.size = size;
	r->mem.flags = flags;
	snprintf(r->comment, sizeof(r->comment), "%s", comment);
}

/* Ranges sorted by start, for qsort(). */
static inline int cmp_range(const void *a, const void *b)
{
	const struct jh_range *x = a, *y = b;

	return (x->start > y->start) - (x->start < y->start);
}

/* Is [start, start + size) inside one of @n ranges (and no wrap)? */
static inline bool inside(const struct jh_range *r, unsigned int n,
			  uint64_t start, uint64_t size)
{
	unsigned int i;

	if (start + size < start)
		return false;
	for (i = 0; i < n; i++)
		if (start >= r[i].start && start + size <= end_of(&r[i]))
			return true;
	return false;
}

static inline bool linux_uses(const struct jhg_board *b, uint64_t start,
			      uint64_t size)
{
	unsigned int i;

	for (i = 0; i < b->num_linux_ram; i++)
		if (jh_ranges_overlap(start, size, b->linux_ram[i].start,
			     b->linux_ram[i].size))
			return true;
	return false;
}

/* A reservation other than the hypervisor's (jailhouse*) overlaps it. */
static inline bool reserved_other(const struct jhg_board *b, uint64_t start,
				  uint64_t size)
{
	unsigned int i;

	for (i = 0; i < b->num_reserved; i++)
		if (strncmp(b->reserved_name[i], "jailhouse", 9) &&
		    jh_ranges_overlap(start, size, b->reserved[i].start,
			     b->reserved[i].size))
			return true;
	return false;
}

#endif /* !JH_CONFGEN_RANGES_H */
