/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Entry and vectors of the test inmates. Every CPU enters at _start (the
 * first at cpu_reset_address, the others through PSCI CPU_ON) with the
 * MMU off, x0 = context; it takes the stack of its MPIDR.Aff0 & 3.
 * With the MMU off all data is Device memory: aligned accesses only.
 */
	.section .text.start, "ax"
	.globl _start
_start:
	mrs	x1, mpidr_el1
	and	x1, x1, #3
	ldr	x2, =stacks_top
	sub	x2, x2, x1, lsl #12
	mov	sp, x2
	ldr	x2, =vectors
	msr	vbar_el1, x2
	isb
	/* the first CPU (context 0) clears .bss: a load does not */
	cbnz	x0, 3f
	ldr	x2, =__bss_start
	ldr	x3, =__bss_end
2:	cmp	x2, x3
	b.hs	3f
	str	xzr, [x2], #8
	b	2b
3:	bl	inmate_main
1:	wfi
	b	1b

.macro save_and_call handler
	sub	sp, sp, #(20 * 8)
	stp	x0, x1, [sp, #0]
	stp	x2, x3, [sp, #16]
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	stp	x8, x9, [sp, #64]
	stp	x10, x11, [sp, #80]
	stp	x12, x13, [sp, #96]
	stp	x14, x15, [sp, #112]
	stp	x16, x17, [sp, #128]
	stp	x18, x30, [sp, #144]
	bl	\handler
	ldp	x0, x1, [sp, #0]
	ldp	x2, x3, [sp, #16]
	ldp	x4, x5, [sp, #32]
	ldp	x6, x7, [sp, #48]
	ldp	x8, x9, [sp, #64]
	ldp	x10, x11, [sp, #80]
	ldp	x12, x13, [sp, #96]
	ldp	x14, x15, [sp, #112]
	ldp	x16, x17, [sp, #128]
	ldp	x18, x30, [sp, #144]
	add	sp, sp, #(20 * 8)
	eret
.endm

	.text
	.balign	0x800
vectors:
	.rept	4
	.balign	0x80
	b	unexpected
	.endr
	.balign	0x80			/* current EL, SPx, synchronous */
	b	sync
	.balign	0x80			/* current EL, SPx, IRQ */
	b	irq
	.rept	10
	.balign	0x80
	b	unexpected
	.endr

irq:
	save_and_call irq_handler

/* exception_handler() returns only from an exception it expected */
sync:
	save_and_call exception_handler

unexpected:
	bl	exception_handler
4:	wfi
	b	4b
