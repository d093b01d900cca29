// SPDX-License-Identifier: GPL-2.0
/*
 * Data cache maintenance by address to the point of coherency, for memory
 * that code with the MMU off (another CPU, the next program) reads.
 */
#include <inmate/inmate.h>

static unsigned long dcache_line(void)
{
	return 4UL << ((read_sysreg(ctr_el0) >> 16) & 0xf);
}

/* One "dc <op>" per line of [addr, addr + size), then a barrier. */
#define DCACHE_BY_VA(name, op)						\
void name(const void *addr, unsigned long size)				\
{									\
	unsigned long line = dcache_line(), start = (unsigned long)addr;\
	unsigned long end = start + size;				\
									\
	for (start &= ~(line - 1); start < end; start += line)		\
		asm volatile("dc " op ", %0" : : "r" (start) : "memory");\
	dsb(sy);							\
}

DCACHE_BY_VA(dcache_flush, "civac")
DCACHE_BY_VA(dcache_inval, "ivac")
