/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Reset entry at image offset 0. The hypervisor starts the cell's first
 * CPU here at EL1h with the MMU and caches off and DAIF masked.
 */

	.section .boot.entry, "ax"
	.globl	_start
_start:
	adr	x0, vectors
	msr	vbar_el1, x0

	adrp	x0, __stack_top
	add	x0, x0, :lo12:__stack_top
	mov	sp, x0

	/*
	 * Clear bss with aligned stores only: with the MMU off, memory is
	 * Device memory and unaligned accesses fault.
	 */
	adrp	x0, __bss_start
	add	x0, x0, :lo12:__bss_start
	adrp	x1, __bss_end
	add	x1, x1, :lo12:__bss_end
1:	cmp	x0, x1
	b.hs	2f
	stp	xzr, xzr, [x0], #16
	b	1b
2:
	isb
	bl	inmate_start
	b	.

/*
 * A CPU started by smp_cpu_on(), at EL1h with the MMU off; x0 = its boot
 * block, whose first word is the top of its stack (smp.c).
 */
	.section .text.secondary_entry, "ax"
	.globl	secondary_entry
secondary_entry:
	adr	x1, vectors
	msr	vbar_el1, x1
	ldr	x1, [x0]
	mov	sp, x1
	isb
	bl	smp_secondary_start
	b	.
