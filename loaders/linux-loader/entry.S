/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Entry of linux-loader.bin at EL1: caches and MMU off, a stack, then C
 * reads the parameters; finally invalidate the I-cache and jump to the
 * kernel as Documentation/arm64/booting.rst asks (x0 = DTB, x1-x3 = 0).
 */
#define SCTLR_M		(1 << 0)
#define SCTLR_C		(1 << 2)
#define SCTLR_I		(1 << 12)

	.section .boot, "ax"
	.global _start
_start:
	msr	daifset, #0xf
	adr	x0, vectors
	msr	vbar_el1, x0

	/* The hypervisor resets SCTLR_EL1, but do not depend on it. */
	mrs	x0, sctlr_el1
	mov	x1, #(SCTLR_M | SCTLR_C)
	orr	x1, x1, #SCTLR_I
	bic	x0, x0, x1
	msr	sctlr_el1, x0
	isb

	adr	x0, __stack_top
	mov	sp, x0
	adr	x0, __bss_start
	adr	x1, __bss_end
1:	cmp	x0, x1
	b.hs	2f
	str	xzr, [x0], #8
	b	1b

	/* Returns kernel entry in x0, DTB in x1; halts on bad parameters. */
2:	bl	loader_main
	mov	x19, x0
	mov	x20, x1

	/* Nothing stale from earlier runs may be fetched from the kernel. */
	ic	iallu
	dsb	nsh
	isb

	mov	x0, x20
	mov	x1, xzr
	mov	x2, xzr
	mov	x3, xzr
	br	x19

/* Any exception here is a bug or a bad address: report and halt. */
.macro vector
	.balign	0x80
	mrs	x0, esr_el1
	mrs	x1, elr_el1
	mrs	x2, far_el1
	b	loader_exception
.endm

	.balign	0x800
vectors:
	.rept	16
	vector
	.endr

	/* Upstream's parameter area: 256 bytes plus a terminating NUL. */
	.section .cmdline, "aw"
	.global	params
params:
	.space	256
	.byte	0
