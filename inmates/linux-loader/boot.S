/* SPDX-License-Identifier: GPL-2.0 */
/*
 * boot_linux(kernel, dtb): enter the kernel as the arm64 boot protocol
 * asks (Documentation/arm64/booting.rst): MMU and caches off (the bare
 * start saw to that), x0 = DTB, x1-x3 = 0.
 */
	.section .text.boot_linux, "ax"
	.global	boot_linux
boot_linux:
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
