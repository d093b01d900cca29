/* SPDX-License-Identifier: GPL-2.0 */
/*
 * System register access, barriers and the CPU's identity.
 */
#ifndef _INMATE_SYSREG_H
#define _INMATE_SYSREG_H

#include <inmate/types.h>

/* SCTLR_EL1: stage 1 MMU, data and instruction caches */
#define SCTLR_M			BIT(0)
#define SCTLR_C			BIT(2)
#define SCTLR_I			BIT(12)

#define read_sysreg(reg) ({						\
	u64 __val;							\
	asm volatile("mrs %0, " #reg : "=r" (__val));			\
	__val;								\
})

#define write_sysreg(reg, val)						\
	asm volatile("msr " #reg ", %0" : : "r" ((u64)(val)) : "memory")

#define dsb(opt)	asm volatile("dsb " #opt : : : "memory")
#define dmb(opt)	asm volatile("dmb " #opt : : : "memory")

static inline void isb(void)
{
	asm volatile("isb" : : : "memory");
}

static inline void wfi(void)
{
	asm volatile("wfi" : : : "memory");
}

static inline void cpu_relax(void)
{
	asm volatile("yield" : : : "memory");
}

static inline u64 cpu_mpidr(void)
{
	return read_sysreg(mpidr_el1);
}

/* Aff0, the CPU number on QEMU "virt" and most small SoCs */
static inline unsigned int cpu_id(void)
{
	return cpu_mpidr() & 0xff;
}

static inline void local_irq_enable(void)
{
	asm volatile("msr daifclr, #2" : : : "memory");
}

static inline void local_irq_disable(void)
{
	asm volatile("msr daifset, #2" : : : "memory");
}

/* IRQs off; returns the mask state to give back to local_irq_restore() */
static inline unsigned long local_irq_save(void)
{
	unsigned long daif;

	asm volatile("mrs %0, daif" : "=r" (daif));
	local_irq_disable();
	return daif;
}

static inline void local_irq_restore(unsigned long daif)
{
	asm volatile("msr daif, %0" : : "r" (daif) : "memory");
}

#endif /* !_INMATE_SYSREG_H */
