/* SPDX-License-Identifier: GPL-2.0 */
/*
 * EL2 exception vectors. Exits from EL1 save the guest's x0-x30 in the
 * frame at the top of this CPU's stack and leave through vmreturn_sp;
 * exceptions taken at EL2 itself are hypervisor bugs and end in a dump.
 */
#include <asm/exit-frame.h>
#include <asm/layout.h>
#include <generated/asm-offsets.h>

.macro save_frame
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp, #0]
	stp	x2, x3, [sp, #16]
	frame_save_x4_x17
	frame_save_x18_x29
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

/*
 * Hypercalls take a short way: only what C may clobber (x0-x18, x30) is
 * saved, as x19-x29 survive any C call; hypercall() gets code and
 * arguments in x0-x2 as they came, and the exit is counted and a stop
 * request looked at here, as arch_handle_trap() does for the others.
 * Everything else, and disable (it returns to Linux through the whole
 * exit frame), takes the full frame.
 */
lower_sync:
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp, #0]
	stp	x2, x3, [sp, #16]
	mrs	x1, esr_el2
	mov	w2, #(ESR_JAILHOUSE_HVC & 0xffff)
	movk	w2, #(ESR_JAILHOUSE_HVC >> 16), lsl #16
	cmp	x1, x2
	b.ne	lower_sync_other
	cmp	x0, #HC_DISABLE
	b.eq	lower_sync_full
	frame_save_x4_x17
	str	x18, [sp, #144]
	str	x30, [sp, #240]
	ldp	x1, x2, [sp, #8]
	mrs	x3, tpidr_el2
	ldr	w4, [x3, #PERCPU_STAT_VMEXITS_TOTAL]
	add	w4, w4, #1
	str	w4, [x3, #PERCPU_STAT_VMEXITS_TOTAL]
	bl	hypercall
	/* a stop asked for meanwhile: not back to the cell first */
	mrs	x3, tpidr_el2
	mov	x4, #PERCPU_PARK_REQ
	add	x4, x3, x4
	ldarb	w4, [x4]
	cbnz	w4, hypercall_park_req
hypercall_return:
	ldr	x1, [sp, #8]
restore_caller_saved:
	frame_restore_x2_x17
	ldr	x18, [sp, #144]
	ldr	x30, [sp, #240]
	add	sp, sp, #FRAME_SIZE
	eret
	dsb	nsh
	isb

hypercall_park_req:
	str	x0, [sp, #0]
	mov	x0, x3
	bl	arch_hypercall_park_req
	ldr	x0, [sp, #0]
	b	hypercall_return

/*
 * Data aborts with a syndrome (ISV) whose register is one of x0-x18, x30
 * or xzr (SRT not 19-29) take the same short way: the emulation reads or
 * writes only that register. A refused access saves the rest for the
 * report and the cell's end, which show and reset every register.
 */
lower_sync_other:
	lsr	x2, x1, #ESR_EC_SHIFT
	cmp	x2, #ESR_EC_DABT_LOW
	b.ne	lower_sync_full
	tbz	x1, #ISS_ISV_SHIFT, lower_sync_full
	ubfx	x2, x1, #ISS_SRT_SHIFT, #5
	sub	x2, x2, #19
	cmp	x2, #10
	b.ls	lower_sync_full
	frame_save_x4_x17
	str	x18, [sp, #144]
	str	x30, [sp, #240]
	mov	x0, sp
	bl	arch_handle_dabt_short
	cbz	w0, dabt_refused
	ldp	x0, x1, [sp, #0]
	b	restore_caller_saved

dabt_refused:
	/* x18 is in the frame already and C may have changed it since */
	str	x19, [sp, #152]
	frame_save_x20_x29
	mov	x0, sp
	mrs	x1, esr_el2
	mov	x29, xzr
	bl	arch_handle_dabt_refused
	b	vmreturn_sp

lower_sync_full:
	frame_save_x4_x17
	frame_save_x18_x29
	str	x30, [sp, #240]
	mov	x0, sp
	mov	x29, xzr
	bl	arch_handle_trap
	b	vmreturn_sp

/*
 * A physical interrupt needs none of the guest's registers, whatever it
 * brings (injection, events, a stop): only what C may clobber is saved.
 */
lower_irq:
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp, #0]
	stp	x2, x3, [sp, #16]
	frame_save_x4_x17
	str	x18, [sp, #144]
	str	x30, [sp, #240]
	bl	vgic_handle_irq
	ldp	x0, x1, [sp, #0]
	b	restore_caller_saved
