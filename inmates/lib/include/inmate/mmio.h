/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Device register access. Each accessor is one plain load or store with
 * a base register only: trapped accesses (GIC redistributors, anything
 * the hypervisor emulates) need a valid syndrome, which writeback or
 * pair instructions do not give, so the compiler must not pick them.
 */
#ifndef _INMATE_MMIO_H
#define _INMATE_MMIO_H

#include <inmate/types.h>

static inline u8 mmio_read8(unsigned long addr)
{
	u8 val;

	asm volatile("ldrb %w0, [%1]" : "=r" (val) : "r" (addr) : "memory");
	return val;
}

static inline u16 mmio_read16(unsigned long addr)
{
	u16 val;

	asm volatile("ldrh %w0, [%1]" : "=r" (val) : "r" (addr) : "memory");
	return val;
}

static inline u32 mmio_read32(unsigned long addr)
{
	u32 val;

	asm volatile("ldr %w0, [%1]" : "=r" (val) : "r" (addr) : "memory");
	return val;
}

static inline u64 mmio_read64(unsigned long addr)
{
	u64 val;

	asm volatile("ldr %0, [%1]" : "=r" (val) : "r" (addr) : "memory");
	return val;
}

static inline void mmio_write8(unsigned long addr, u8 val)
{
	asm volatile("strb %w0, [%1]" : : "rZ" (val), "r" (addr) : "memory");
}

static inline void mmio_write16(unsigned long addr, u16 val)
{
	asm volatile("strh %w0, [%1]" : : "rZ" (val), "r" (addr) : "memory");
}

static inline void mmio_write32(unsigned long addr, u32 val)
{
	asm volatile("str %w0, [%1]" : : "rZ" (val), "r" (addr) : "memory");
}

static inline void mmio_write64(unsigned long addr, u64 val)
{
	asm volatile("str %x0, [%1]" : : "rZ" (val), "r" (addr) : "memory");
}

#endif /* !_INMATE_MMIO_H */
