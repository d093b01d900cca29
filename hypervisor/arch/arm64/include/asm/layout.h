/* SPDX-License-Identifier: GPL-2.0 */
/*
 * EL2 virtual memory layout and per-CPU geometry. Included by C, assembly
 * and the linker script, so plain constants only; structure offsets for
 * the assembly are generated (asm-offsets.c).
 *
 *   0xffffc0200000  JAILHOUSE_BASE: the whole hypervisor region, linear
 *   0xffff00000000  REMAP_BASE: device mappings (UART, GICD, GICR frames)
 *   0xffff04000000  TEMP_BASE: one page for reading guest memory
 *   identity        the trampoline page, to switch the MMU on and off
 */
#ifndef _JAILHOUSE_ASM_LAYOUT_H
#define _JAILHOUSE_ASM_LAYOUT_H

#ifndef JAILHOUSE_BASE	/* a host test of the table code puts it elsewhere */
#define JAILHOUSE_BASE		0xffffc0200000
#endif
#define REMAP_BASE		0xffff00000000
#define REMAP_SIZE		0x4000000	/* 64 MiB of device VA */
/* One page for reading guest memory, right after the remap range. */
#define TEMP_BASE		(REMAP_BASE + REMAP_SIZE)

#define PAGE_SHIFT		12
#define PAGE_SIZE		(1 << PAGE_SHIFT)
#define BLOCK_2M_SHIFT		21
#define BLOCK_2M_SIZE		(1 << BLOCK_2M_SHIFT)

/* Per-CPU area: the stack comes first, its top holds the exit frame. */
#define PERCPU_STACK_SIZE	0x3000
#define FRAME_SIZE		(32 * 8)
/* Slot 31 of the exit frame: SP_EL2 to restore when leaving for good. */
#define FRAME_SP_SLOT		31

#endif /* !_JAILHOUSE_ASM_LAYOUT_H */
