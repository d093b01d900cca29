/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Address ranges of the generator: overlaps, containment, Linux's RAM. */
#ifndef JH_CONFGEN_RANGES_H
#define JH_CONFGEN_RANGES_H

#include <string.h>

#include "confgen.h"

#define PAGE		0x1000ULL
#define MIB		0x100000ULL

static inline uint64_t end_of(const struct jhg_range *r)
{
	return r->start + r->size;
}

static inline bool overlaps(uint64_t a, uint64_t asize, uint64_t b,
			    uint64_t bsize)
{
	return a < b + bsize && b < a + asize;
}

/* Is [start, start + size) inside one of @n ranges (and no wrap)? */
static inline bool inside(const struct jhg_range *r, unsigned int n,
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
		if (overlaps(start, size, b->linux_ram[i].start,
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
		    overlaps(start, size, b->reserved[i].start,
			     b->reserved[i].size))
			return true;
	return false;
}

#endif /* !JH_CONFGEN_RANGES_H */
