/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Trapped MMIO: a per-cell table of emulated ranges, filled at init and
 * read-only afterwards, so dispatch needs no lock.
 */
#ifndef _JAILHOUSE_MMIO_H
#define _JAILHOUSE_MMIO_H

#include <jailhouse/utils.h>

struct mmio_access {
	unsigned long address;	/* offset into the region on dispatch */
	unsigned int size;	/* 1, 2, 4 or 8 */
	bool is_write;
	unsigned long value;
};

enum mmio_result { MMIO_ERROR = -1, MMIO_UNHANDLED, MMIO_HANDLED };

typedef enum mmio_result (*mmio_handler)(void *arg,
					 struct mmio_access *access);

struct mmio_region {
	unsigned long start;
	unsigned long size;
	mmio_handler handler;
	void *arg;
};

#define MMIO_MAX_REGIONS	32

struct mmio_table {
	unsigned int num;
	struct mmio_region regions[MMIO_MAX_REGIONS];
};

struct cell;

int mmio_region_register(struct cell *cell, unsigned long start,
			 unsigned long size, mmio_handler handler, void *arg);
enum mmio_result mmio_handle_access(struct mmio_access *access);

/* Plain accessors for device registers. */
static inline u8 mmio_read8(const void *addr)
{
	return *(const volatile u8 *)addr;
}

static inline void mmio_write8(void *addr, u8 val)
{
	*(volatile u8 *)addr = val;
}

static inline u32 mmio_read32(const void *addr)
{
	return *(const volatile u32 *)addr;
}

static inline void mmio_write32(void *addr, u32 val)
{
	*(volatile u32 *)addr = val;
}

static inline u64 mmio_read64(const void *addr)
{
	return *(const volatile u64 *)addr;
}

static inline void mmio_write64(void *addr, u64 val)
{
	*(volatile u64 *)addr = val;
}

unsigned long mmio_perform_access(void *base, struct mmio_access *access);

#endif /* !_JAILHOUSE_MMIO_H */
