/* SPDX-License-Identifier: GPL-2.0 */
/*
 * EL1 exception vectors. Each entry reads the virtual counter before
 * anything else, so IRQ handlers can measure their delivery latency,
 * then saves the caller-saved registers and calls
 * exception_dispatch(stamp, vector number 0-15, &saved ELR).
 */

/* x0-x18, x29, x30, ELR, SPSR, rounded up to 16 bytes */
#define FRAME_SIZE	192

.macro vector nr
	.balign	0x80
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp]
	mrs	x0, cntvct_el0
	mov	x1, #\nr
	b	exception_entry
.endm

	.section .boot.vectors, "ax"
	.balign	0x800
	.globl	vectors
vectors:
	/* current EL with SP_EL0, current EL with SP_ELx, lower EL 64, 32 */
	.irp	nr, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	vector	\nr
	.endr

	.section .text.exception_entry, "ax"
exception_entry:
	stp	x2, x3, [sp, #16]
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	stp	x8, x9, [sp, #64]
	stp	x10, x11, [sp, #80]
	stp	x12, x13, [sp, #96]
	stp	x14, x15, [sp, #112]
	stp	x16, x17, [sp, #128]
	stp	x18, x29, [sp, #144]
	/* a handler may take another exception (e.g. a fault report) */
	mrs	x2, elr_el1
	mrs	x3, spsr_el1
	stp	x30, x2, [sp, #160]
	str	x3, [sp, #176]

	/* the return address as restored below: a handler may move it */
	add	x2, sp, #168
	bl	exception_dispatch

	ldr	x3, [sp, #176]
	ldp	x30, x2, [sp, #160]
	msr	elr_el1, x2
	msr	spsr_el1, x3
	ldp	x18, x29, [sp, #144]
	ldp	x16, x17, [sp, #128]
	ldp	x14, x15, [sp, #112]
	ldp	x12, x13, [sp, #96]
	ldp	x10, x11, [sp, #80]
	ldp	x8, x9, [sp, #64]
	ldp	x6, x7, [sp, #48]
	ldp	x4, x5, [sp, #32]
	ldp	x2, x3, [sp, #16]
	ldp	x0, x1, [sp]
	add	sp, sp, #FRAME_SIZE
	eret
