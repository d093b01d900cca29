/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arm64 part of the per-CPU data: the registers as the Linux stub had
 * them (restored at disable, and replayed on a CPU that PSCI CPU_ON
 * powers up, because that CPU starts from reset), the CPU's affinity,
 * its PSCI CPU_ON target and the GIC state.
 */
#ifndef _JAILHOUSE_ASM_PERCPU_H
#define _JAILHOUSE_ASM_PERCPU_H

#include <jailhouse/types.h>
#include <asm/spinlock.h>

struct linux_el2_regs {
	__u64 hcr;
	__u64 cptr;
	__u64 mdcr;
	__u64 hstr;
	__u64 cnthctl;
	__u64 cntvoff;
	__u64 vpidr;
	__u64 vmpidr;
	__u64 vtcr;
	__u64 vttbr;
	__u64 icc_sre;
	__u64 ich_hcr;
	__u64 ich_vmcr;
};

#define PENDING_IRQS		64

/* Virtual IRQs waiting for a free list register, filled by any CPU. */
struct pending_irqs {
	unsigned short irq[PENDING_IRQS];
	unsigned int head, tail;	/* free-running; tail == head: empty */
	spinlock_t lock;
};

struct arch_per_cpu {
	/* the Linux stub's EL2 registers, saved by entry.S (asm-offsets.c) */
	__u64 linux_vbar;
	__u64 linux_tpidr;
	__u64 linux_sctlr;
	__u64 linux_tcr;
	__u64 linux_mair;
	struct linux_el2_regs linux_el2;

	__u64 mpidr;			/* affinity fields only */
	/* Where its cell wants this CPU to start after PSCI CPU_ON. */
	__u64 psci_entry;
	__u64 psci_context;

	/* GIC: list registers and the queue in front of them (vgic.c) */
	unsigned int num_lrs;
	struct pending_irqs pending;
	/* GICv3 */
	void *gicr;			/* this CPU's redistributor (RD frame) */
	unsigned long gicr_phys;
	__u64 linux_icc_ctlr;
	__u64 linux_icc_pmr;
	__u64 linux_icc_igrpen1;
	/* GICv2 */
	__u8 gic_target;		/* own CPU-interface bit (ITARGETSR0) */
	bool private_reset_due;		/* its SGI/PPI bank is an old owner's */
};

#endif /* !_JAILHOUSE_ASM_PERCPU_H */
