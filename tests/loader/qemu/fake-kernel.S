/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A fake arm64 Image for the linux-loader test: a valid header, then code
 * that prints what it was entered with (x0-x3, SCTLR_EL1 M/C/I, the
 * exception level, its own address) on the PL011 and ends the test.
 */
#define UART		0x09000000
#define SCTLR_M_C_I	((1 << 0) | (1 << 2) | (1 << 12))

	.text
	.global	_head
_head:
	b	start
	.long	0
	.quad	0			/* text_offset */
	.quad	0x10000			/* image_size */
	.quad	0xa			/* LE, 4 KiB pages, anywhere */
	.quad	0, 0, 0
	.ascii	"ARM\x64"
	.long	0

start:
	mov	x19, x0
	mov	x20, x1
	mov	x21, x2
	mov	x22, x3
	ldr	x27, =UART

	adr	x0, s_x0
	mov	x1, x19
	bl	field
	adr	x0, s_x1
	mov	x1, x20
	bl	field
	adr	x0, s_x2
	mov	x1, x21
	bl	field
	adr	x0, s_x3
	mov	x1, x22
	bl	field
	adr	x0, s_sctlr
	mrs	x1, sctlr_el1
	ldr	x2, =SCTLR_M_C_I
	and	x1, x1, x2
	bl	field
	adr	x0, s_el
	mrs	x1, CurrentEL
	lsr	x1, x1, #2
	bl	field
	adr	x0, s_pc
	adr	x1, _head
	bl	field
	mov	w0, #'\n'
	strb	w0, [x27]

	mov	x0, #0xff
	mov	x1, xzr
	hvc	#0x4a48
1:	b	1b

/* Print the string at x0, then x1 in hex. */
field:
	ldrb	w2, [x0], #1
	cbz	w2, 2f
	strb	w2, [x27]
	b	field
2:	mov	w2, #'0'
	strb	w2, [x27]
	mov	w2, #'x'
	strb	w2, [x27]
	mov	x3, #60
3:	lsr	x4, x1, x3		/* skip leading zeros */
	cbnz	x4, 4f
	cbz	x3, 4f
	sub	x3, x3, #4
	b	3b
4:	lsr	x4, x1, x3
	and	x4, x4, #0xf
	cmp	x4, #10
	add	x5, x4, #'0'
	add	x6, x4, #('a' - 10)
	csel	x4, x5, x6, lo
	strb	w4, [x27]
	cbz	x3, 5f
	sub	x3, x3, #4
	b	4b
5:	ret

s_x0:	.asciz	"kernel: x0="
s_x1:	.asciz	" x1="
s_x2:	.asciz	" x2="
s_x3:	.asciz	" x3="
s_sctlr: .asciz	" sctlr.mci="
s_el:	.asciz	" el="
s_pc:	.asciz	" pc="
	.ltorg
