/* SPDX-License-Identifier: GPL-2.0 */
/*
 * EL2 entry and exit.
 *
 * Both ways in arrive at EL2 with the MMU off: arch_entry from the Linux
 * hyp stub (HVC_SOFT_RESTART, see docs/entry-protocol.md) and
 * arch_cpu_on_entry on a CPU that PSCI CPU_ON powered up for root Linux.
 * boot_mmu_on builds four bootstrap tables in the image (the region at
 * JAILHOUSE_BASE in 2 MiB blocks, plus the 1 GiB block around the image
 * identity-mapped for the switch) and continues at the linked address.
 * Every CPU writes the same values, so they need no coordination.
 */
#include <asm/exit-frame.h>
#include <asm/layout.h>
#include <generated/asm-offsets.h>

#define PTE_TABLE_DESC		3
/* normal WB, inner shareable, AF, AP[1] (RES1 at EL2), block */
#define PTE_BOOT_BLOCK		0x741
#define TCR_BOOT		0x80803510	/* T0SZ 16, WBWA, inner, RES1 */
#define MAIR_BOOT		0x4404ff
#define SCTLR_EL2_ON		0x30c5183d	/* RES1 | I | SA | C | M */

	.section .bss.boot_pt, "aw", %nobits
	.balign PAGE_SIZE
boot_pt:
	.skip 4 * PAGE_SIZE

	.text

/*
 * In:  x16 = CPU id, x17 = region base (PA), x14 = where to go on bad
 *      input (PA), x15 = continuation (linked VA)
 * Out: x5 = per-CPU area (VA), MMU on. Uses x2-x13.
 */
boot_mmu_on:
	tst	x17, #(BLOCK_2M_SIZE - 1)
	b.ne	1f
	ldr	x2, [x17, #HEADER_CORE_SIZE]
	ldr	x3, [x17, #HEADER_PERCPU_SIZE]
	ldr	w4, [x17, #HEADER_MAX_CPUS]
	cmp	x16, x4
	b.hs	1f
	madd	x5, x16, x3, x2			/* per-CPU offset */
	madd	x6, x4, x3, x2
	add	x6, x6, x17			/* system config (PA) */

	/* 32-bit loads: the config is packed, and device memory for now */
	ldr	w7, [x6, #SYSCFG_HV_PHYS]
	ldr	w8, [x6, #SYSCFG_HV_PHYS + 4]
	orr	x7, x7, x8, lsl #32
	cmp	x7, x17
	b.ne	1f
	ldr	w7, [x6, #SYSCFG_HV_SIZE]
	ldr	w8, [x6, #SYSCFG_HV_SIZE + 4]
	orr	x7, x7, x8, lsl #32		/* region size */
	cbz	x7, 1f
	ldr	x8, =(511 << BLOCK_2M_SHIFT)
	cmp	x7, x8
	b.hi	1f
	lsr	x8, x17, #39
	cmp	x8, #511			/* identity slot would clash */
	b.eq	1f

	adrp	x9, boot_pt			/* L0 */
	add	x10, x9, #PAGE_SIZE		/* L1 for JAILHOUSE_BASE */
	add	x11, x10, #PAGE_SIZE		/* L2 for JAILHOUSE_BASE */
	add	x12, x11, #PAGE_SIZE		/* L1 for the identity map */

	orr	x13, x10, #PTE_TABLE_DESC
	str	x13, [x9, #(511 * 8)]
	orr	x13, x11, #PTE_TABLE_DESC
	str	x13, [x10, #(511 * 8)]
	mov	x13, #PTE_BOOT_BLOCK
	orr	x13, x13, x17
	add	x2, x11, #8			/* JAILHOUSE_BASE is L2 slot 1 */
2:	str	x13, [x2], #8
	add	x13, x13, #BLOCK_2M_SIZE
	subs	x7, x7, #BLOCK_2M_SIZE
	b.hi	2b

	orr	x13, x12, #PTE_TABLE_DESC
	str	x13, [x9, x8, lsl #3]
	ubfx	x8, x17, #30, #9
	lsr	x13, x17, #30
	lsl	x13, x13, #30
	mov	x3, #PTE_BOOT_BLOCK
	orr	x13, x13, x3
	str	x13, [x12, x8, lsl #3]

	/* written with the MMU off: drop stale cache lines before walks */
	mrs	x2, ctr_el0
	ubfx	x2, x2, #16, #4
	mov	x3, #4
	lsl	x3, x3, x2			/* D-cache line size */
	mov	x2, x9
	add	x4, x9, #(4 * PAGE_SIZE)
3:	dc	ivac, x2
	add	x2, x2, x3
	cmp	x2, x4
	b.lo	3b
	dsb	sy

	ldr	x2, =MAIR_BOOT
	msr	mair_el2, x2
	mrs	x2, id_aa64mmfr0_el1
	and	x2, x2, #7
	ldr	x3, =TCR_BOOT
	orr	x2, x3, x2, lsl #16		/* PS = PARange */
	msr	tcr_el2, x2
	msr	ttbr0_el2, x9
	isb
	tlbi	alle2
	dsb	nsh
	ldr	x2, =SCTLR_EL2_ON
	msr	sctlr_el2, x2
	isb

	ldr	x2, =JAILHOUSE_BASE
	add	x5, x5, x2
	br	x15
1:	br	x14

/*
 * From the hyp stub: x0 = CPU id, x1 = region base (PA). x19-x30 are the
 * caller's and go into the exit frame untouched.
 */
	.globl arch_entry
arch_entry:
	mov	x16, x0
	mov	x17, x1
	mrs	x18, sctlr_el2
	mrs	x0, tcr_el2
	mrs	x1, mair_el2
	adr	x14, 1f
	ldr	x15, =entry_virt
	b	boot_mmu_on
1:	mov	x0, #EINVAL_RET
	eret

entry_virt:
	mov	x8, sp				/* the stub's SP_EL2 */
	add	x9, x5, #PERCPU_STACK_SIZE
	sub	sp, x9, #FRAME_SIZE
	stp	xzr, xzr, [sp, #0]
	stp	xzr, xzr, [sp, #16]
	stp	xzr, xzr, [sp, #32]
	stp	xzr, xzr, [sp, #48]
	stp	xzr, xzr, [sp, #64]
	stp	xzr, xzr, [sp, #80]
	stp	xzr, xzr, [sp, #96]
	stp	xzr, xzr, [sp, #112]
	stp	xzr, xzr, [sp, #128]
	stp	xzr, x19, [sp, #144]
	stp	x20, x21, [sp, #160]
	stp	x22, x23, [sp, #176]
	stp	x24, x25, [sp, #192]
	stp	x26, x27, [sp, #208]
	stp	x28, x29, [sp, #224]
	stp	x30, x8, [sp, #240]		/* slot 31: SP to give back */

	mrs	x9, vbar_el2
	str	x9, [x5, #PERCPU_LINUX_VBAR]
	mrs	x9, tpidr_el2
	str	x9, [x5, #PERCPU_LINUX_TPIDR]
	str	x18, [x5, #PERCPU_LINUX_SCTLR]
	str	x0, [x5, #PERCPU_LINUX_TCR]
	str	x1, [x5, #PERCPU_LINUX_MAIR]

	msr	tpidr_el2, x5
	ldr	x9, =hyp_vectors
	msr	vbar_el2, x9
	isb
	mov	x0, x16
	mov	x1, x5
	mov	x29, xzr
	bl	entry
	b	.

/* PSCI CPU_ON for root Linux lands here: x0 = CPU id, fresh from reset. */
	.globl arch_cpu_on_entry
arch_cpu_on_entry:
	mov	x16, x0
	adrp	x17, hypervisor_header		/* offset 0 of the region */
	adr	x14, 1f
	ldr	x15, =cpu_on_virt
	b	boot_mmu_on
1:	wfi
	b	1b

cpu_on_virt:
	add	x9, x5, #PERCPU_STACK_SIZE
	sub	sp, x9, #FRAME_SIZE
	msr	tpidr_el2, x5
	ldr	x9, =hyp_vectors
	msr	vbar_el2, x9
	isb
	mov	x0, x5
	mov	x29, xzr
	bl	arch_cpu_on_boot
	b	.

/* x0 = exit frame; restores all guest registers from it and leaves. */
	.globl arch_vmreturn
arch_vmreturn:
	mov	sp, x0
	.globl vmreturn_sp
vmreturn_sp:
	frame_restore_x2_x17
	frame_restore_x18_x29
	ldr	x30, [sp, #240]
	ldp	x0, x1, [sp, #0]
	add	sp, sp, #FRAME_SIZE
	eret
	dsb	nsh
	isb

/*
 * The way out for good, entered at its identity address with
 * x0 = exit frame (PA), x2 = VBAR, x3 = SCTLR, x4 = TCR, x5 = MAIR,
 * x6 = TTBR0, x7 = TPIDR, all as the stub had them. The frame was cleaned
 * to the PoC, as it is read with the MMU off.
 */
	.section .trampoline, "ax"
	.globl shutdown_trampoline
shutdown_trampoline:
	msr	sctlr_el2, x3
	isb
	msr	vbar_el2, x2
	msr	tcr_el2, x4
	msr	mair_el2, x5
	msr	ttbr0_el2, x6
	msr	tpidr_el2, x7
	tlbi	alle2
	dsb	nsh
	isb
	ldr	x1, [x0, #(FRAME_SP_SLOT * 8)]
	mov	sp, x1
	frame_restore_x2_x17 x0
	frame_restore_x18_x29 x0
	ldr	x30, [x0, #240]
	ldp	x0, x1, [x0, #0]
	eret
	dsb	nsh
	isb
