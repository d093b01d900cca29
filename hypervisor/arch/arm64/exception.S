/* SPDX-License-Identifier: GPL-2.0 */
/*
 * EL2 exception vectors. Exits from EL1 save the guest's x0-x30 in the
 * frame at the top of this CPU's stack and leave through vmreturn_sp;
 * exceptions taken at EL2 itself are hypervisor bugs and end in a dump.
 */
#include <asm/layout.h>

.macro save_frame
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp, #0]
	stp	x2, x3, [sp, #16]
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	stp	x8, x9, [sp, #64]
	stp	x10, x11, [sp, #80]
	stp	x12, x13, [sp, #96]
	stp	x14, x15, [sp, #112]
	stp	x16, x17, [sp, #128]
	stp	x18, x19, [sp, #144]
	stp	x20, x21, [sp, #160]
	stp	x22, x23, [sp, #176]
	stp	x24, x25, [sp, #192]
	stp	x26, x27, [sp, #208]
	stp	x28, x29, [sp, #224]
	str	x30, [sp, #240]
.endm

.macro vector target
	.balign 0x80
	b	\target
.endm

	.text
	.balign 0x800
	.globl hyp_vectors
hyp_vectors:
	vector	el2_sp0_sync
	vector	el2_sp0_other
	vector	el2_sp0_other
	vector	el2_sp0_other
	vector	el2_sync
	vector	el2_irq
	vector	el2_fiq
	vector	el2_serror
	vector	lower_sync
	vector	lower_irq
	vector	lower_fiq
	vector	lower_serror
	/*
	 * Only for an AArch32 EL1, which HCR_EL2.RW rules out: exits from a
	 * guest's AArch32 EL0 come through the vectors above, as EL1 is
	 * AArch64 (the level below the target picks the vector).
	 */
	vector	lower32
	vector	lower32
	vector	lower32
	vector	lower32

.macro fatal kind
	save_frame
	mov	x0, sp
	mov	x1, #\kind
	bl	arch_handle_fatal
	b	.
.endm

el2_sp0_sync:
	fatal	0
el2_sp0_other:
	fatal	1
el2_sync:
	fatal	2
el2_irq:
	fatal	3
el2_fiq:
	fatal	4
el2_serror:
	fatal	5
lower_fiq:
	fatal	6
lower_serror:
	fatal	7
lower32:
	fatal	8

lower_sync:
	save_frame
	mov	x0, sp
	mov	x29, xzr
	bl	arch_handle_trap
	b	vmreturn_sp

lower_irq:
	save_frame
	mov	x0, sp
	mov	x29, xzr
	bl	arch_handle_irq
	b	vmreturn_sp
