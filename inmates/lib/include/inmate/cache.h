/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Data cache maintenance by address, to the point of coherency.
 */
#ifndef _INMATE_CACHE_H
#define _INMATE_CACHE_H

/* Clean and invalidate: memory holds what the cache held, none stays. */
void dcache_flush(const void *addr, unsigned long size);
/* Invalidate only: what the cache held is dropped, memory counts. */
void dcache_inval(const void *addr, unsigned long size);

#endif /* !_INMATE_CACHE_H */
