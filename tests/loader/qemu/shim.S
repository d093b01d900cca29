/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the hypervisor when testing linux-loader.bin on a bare
 * QEMU virt (started at EL2): enters the loader at EL1 with the caches
 * enabled (the loader must turn them off), answers the debug-console
 * hypercall by writing the PL011, and ends QEMU through semihosting:
 * hypercall 0xff exits with x1, a trapped WFI (the loader halting) with 3,
 * anything else with 99.
 */
#define LOADER_BASE	0x41000000
#define UART		0x09000000
#define HCR_RW		(1 << 31)
#define HCR_TWI		(1 << 13)
#define SCTLR_EL1_RES1	0x30d00800
#define SCTLR_C_I	((1 << 2) | (1 << 12))
#define EC_WFX		0x01
#define EC_HVC64	0x16

	.text
	.global	_start
_start:
	adr	x0, vectors
	msr	vbar_el2, x0
	ldr	x0, =(HCR_RW | HCR_TWI)
	msr	hcr_el2, x0
	mov	x0, #0x33ff
	msr	cptr_el2, x0
	mov	x0, #3
	msr	cnthctl_el2, x0
	msr	cntvoff_el2, xzr
	ldr	x0, =(SCTLR_EL1_RES1 | SCTLR_C_I)
	msr	sctlr_el1, x0
	mov	x0, #0x3c5		/* EL1h, DAIF masked */
	msr	spsr_el2, x0
	ldr	x0, =LOADER_BASE
	msr	elr_el2, x0
	mov	x0, xzr
	eret

lower_sync:
	mrs	x9, esr_el2
	lsr	x10, x9, #26
	cmp	x10, #EC_WFX
	b.eq	halted
	cmp	x10, #EC_HVC64
	b.ne	unexpected
	and	x10, x9, #0xffff
	mov	x11, #0x4a48
	cmp	x10, x11
	b.ne	unexpected
	cmp	x0, #8
	b.eq	putc
	cmp	x0, #0xff
	b.eq	exit
	b	unexpected

putc:
	ldr	x12, =UART
	strb	w1, [x12]
	mov	x0, xzr
	eret

halted:
	mov	x1, #3
	b	exit
unexpected:
	mov	x1, #99
exit:
	adr	x2, exit_block
	str	x1, [x2, #8]
	mov	x1, x2
	mov	w0, #0x18		/* SYS_EXIT */
	hlt	#0xf000
1:	b	1b

	.balign	8
exit_block:
	.quad	0x20026			/* ADP_Stopped_ApplicationExit */
	.quad	0
	.ltorg

.macro vector target
	.balign	0x80
	b	\target
.endm

	.balign	0x800
vectors:
	.rept	8
	vector	unexpected
	.endr
	vector	lower_sync
	.rept	7
	vector	unexpected
	.endr
