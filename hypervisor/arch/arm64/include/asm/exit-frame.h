/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Assembly only: saving and restoring a guest's registers in the exit
 * frame (struct registers: x0-x30 at 8 * n, FRAME_SIZE bytes). In parts,
 * as some exits save only what C may clobber (x0-x18, x30) and rely on
 * C keeping x19-x29; entry.S and exception.S share them.
 */
#ifndef _JAILHOUSE_ASM_EXIT_FRAME_H
#define _JAILHOUSE_ASM_EXIT_FRAME_H

.macro frame_save_x4_x17
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	stp	x8, x9, [sp, #64]
	stp	x10, x11, [sp, #80]
	stp	x12, x13, [sp, #96]
	stp	x14, x15, [sp, #112]
	stp	x16, x17, [sp, #128]
.endm

.macro frame_save_x20_x29
	stp	x20, x21, [sp, #160]
	stp	x22, x23, [sp, #176]
	stp	x24, x25, [sp, #192]
	stp	x26, x27, [sp, #208]
	stp	x28, x29, [sp, #224]
.endm

.macro frame_save_x18_x29
	stp	x18, x19, [sp, #144]
	frame_save_x20_x29
.endm

/* @base: the frame's address (sp, or a register holding it) */
.macro frame_restore_x2_x17 base=sp
	ldp	x2, x3, [\base, #16]
	ldp	x4, x5, [\base, #32]
	ldp	x6, x7, [\base, #48]
	ldp	x8, x9, [\base, #64]
	ldp	x10, x11, [\base, #80]
	ldp	x12, x13, [\base, #96]
	ldp	x14, x15, [\base, #112]
	ldp	x16, x17, [\base, #128]
.endm

.macro frame_restore_x18_x29 base=sp
	ldp	x18, x19, [\base, #144]
	ldp	x20, x21, [\base, #160]
	ldp	x22, x23, [\base, #176]
	ldp	x24, x25, [\base, #192]
	ldp	x26, x27, [\base, #208]
	ldp	x28, x29, [\base, #224]
.endm

#endif /* !_JAILHOUSE_ASM_EXIT_FRAME_H */
