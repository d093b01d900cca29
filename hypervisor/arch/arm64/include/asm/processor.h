/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Barriers, the exit frame and small CPU helpers.
 */
#ifndef _JAILHOUSE_ASM_PROCESSOR_H
#define _JAILHOUSE_ASM_PROCESSOR_H

#include <jailhouse/types.h>
#include <asm/layout.h>

#define dsb(opt)	asm volatile("dsb " #opt : : : "memory")
#define dmb(opt)	asm volatile("dmb " #opt : : : "memory")
#define isb()		asm volatile("isb" : : : "memory")
#define wfe()		asm volatile("wfe" : : : "memory")
#define wfi()		asm volatile("wfi" : : : "memory")
#define sev()		asm volatile("sev" : : : "memory")
#define cpu_relax()	asm volatile("yield" : : : "memory")
#define barrier()	asm volatile("" : : : "memory")

/* Guest registers saved on every exit: x0..x30, then one spare slot. */
struct registers {
	__u64 usr[31];
	__u64 spare;
};

_Static_assert(sizeof(struct registers) == FRAME_SIZE, "exit frame size");

#endif /* !_JAILHOUSE_ASM_PROCESSOR_H */
