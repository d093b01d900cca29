/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Calls into Linux's EL2 hyp stub of arch/arm64/kernel, which takes the
 * request number in x0 and ignores the hvc immediate.
 */
#include <linux/linkage.h>
#include <asm/virt.h>

/*
 * long jhd_stub_probe(void)
 *
 * A number the stub does not know makes it return HVC_STUB_ERR and touch
 * nothing else; KVM or another hypervisor answers differently.
 */
SYM_FUNC_START(jhd_stub_probe)
	mov	x0, #HVC_STUB_HCALL_NR
	hvc	#0
	ret
SYM_FUNC_END(jhd_stub_probe)

/*
 * long jhd_stub_soft_restart(unsigned long entry, unsigned long cpu,
 *			     unsigned long base)
 *
 * HVC_SOFT_RESTART makes the stub branch to x1 at EL2 with the MMU off,
 * passing x2 and x3 on as x0 and x1. The hypervisor erets to the next
 * instruction with its result in x0, keeping x19-x30 and SP but not
 * x1-x18. x18 may hold the shadow call stack pointer, so save it here.
 */
SYM_FUNC_START(jhd_stub_soft_restart)
	stp	x29, x30, [sp, #-32]!
	mov	x29, sp
	str	x18, [sp, #16]
	mov	x3, x2
	mov	x2, x1
	mov	x1, x0
	mov	x0, #HVC_SOFT_RESTART
	hvc	#0
	ldr	x18, [sp, #16]
	ldp	x29, x30, [sp], #32
	ret
SYM_FUNC_END(jhd_stub_soft_restart)
