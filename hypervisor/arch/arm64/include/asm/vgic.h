/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Virtual interrupt delivery common to the GIC models (vgic.c): the
 * per-CPU queue of virtual IRQs waiting for a list register, injection
 * into the list registers, the EL2 IRQ handler, and handing list registers
 * back when a CPU leaves its cell. A model describes its list registers
 * and physical CPU interface in one struct vgic_cpuif: GICv3 through
 * system registers, GICv2 through its memory-mapped GICH and GICC.
 */
#ifndef _JAILHOUSE_ASM_VGIC_H
#define _JAILHOUSE_ASM_VGIC_H

#include <jailhouse/types.h>

struct per_cpu;

#define SGI_INJECT		14	/* hypervisor's own; Linux uses 0-7 */
#define SGI_EVENT		15
#define INTID_SPURIOUS		1020	/* 1020-1023: nothing to acknowledge */

struct vgic_cpuif {
	/* list register fields: virtual INTID, state and HW bits */
	u64 lr_virq_mask;
	u64 lr_pending;
	u64 lr_hw;
	/*
	 * A new LR but for its INTIDs: group, priority, pending; and the
	 * same with the HW bit, for a physical interrupt (composed once)
	 */
	u64 lr_new_virt;
	u64 lr_new_hw;
	unsigned int lr_pirq_shift;	/* physical INTID, with lr_hw */
	/* the INTID field of an acknowledge value */
	u32 iar_irq_mask;

	/* bit n set: list register n is empty */
	u64 (*lrs_empty)(void);
	u64 (*lr_read)(unsigned int n);
	void (*lr_write)(unsigned int n, u64 lr);
	/* all list registers and active priorities of this CPU cleared */
	void (*lrs_clear)(unsigned int num_lrs);
	/* the maintenance interrupt once list registers run empty */
	void (*underflow_irq)(bool on);

	/* physical CPU interface, acknowledge values in full */
	u32 (*ack)(void);
	void (*eoi)(u32 iar);
	void (*deactivate)(u32 iar);
	void (*send_sgi)(struct per_cpu *target, unsigned int sgi);
	/* a physical interrupt of this CPU (SGI/PPI) or an SPI pended again */
	void (*repend)(struct per_cpu *cpu_data, unsigned int irq);
};

/* The model's interface; set by its init before any CPU is taken. */
extern const struct vgic_cpuif *vgic;

/* The model's init: its interface, and the config's maintenance PPI */
int vgic_init(const struct vgic_cpuif *cpuif);
/* The hypervisor's private SGIs and maintenance PPI, on every CPU */
u32 vgic_hv_private_irqs(void);

/* A CPU of the cell a guest SGI may go to: running, or coming up */
bool vgic_sgi_target(const struct per_cpu *target);
void vgic_inject(unsigned int irq);
void vgic_inject_remote(struct per_cpu *target, unsigned int irq);
/* Queued IRQs into free list registers; SGIs from before a CPU's reset */
void vgic_drain_queue(void);
/* A physical IRQ exception at EL2 */
void vgic_handle_irq(void);

/* Nothing the CPU's old owner queued stays (cpu_new_owner) */
void vgic_queue_drop(struct per_cpu *cpu_data);
/* Disable: what is pending virtually goes back to the physical GIC */
void vgic_return_all(struct per_cpu *cpu_data);
/* A cell CPU off: its virtual IRQs die, physical ones are deactivated */
void vgic_drop_all(struct per_cpu *cpu_data);

#endif /* !_JAILHOUSE_ASM_VGIC_H */
