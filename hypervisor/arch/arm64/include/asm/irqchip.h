/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The interrupt controller as the rest of the arm64 code uses it: one
 * table of operations per GIC model, chosen at enable by the system
 * config's gic_version (irqchip.c). Only the model's own files know its
 * registers; a second model is a second table (asm/gicv3-driver.h is the first).
 */
#ifndef _JAILHOUSE_ASM_IRQCHIP_H
#define _JAILHOUSE_ASM_IRQCHIP_H

#include <jailhouse/types.h>

struct cell;
struct mem_range;
struct per_cpu;
struct registers;
struct jailhouse_cell_desc;

struct irqchip {
	const char *name;
	unsigned int gic_version;	/* of the system config it drives */

	/* Enable: map and check the controller; what it traps for cells */
	int (*init)(void);
	unsigned int (*trapped_ranges)(struct mem_range *ranges,
				       unsigned int max);
	/*
	 * Stage 2 of a cell, after its regions: the virtual CPU interface
	 * where the cell expects its CPU interface (GICv2); NULL if the
	 * model has none in memory.
	 */
	int (*map_cpu_interface)(struct cell *cell);

	/* CPUs */
	int (*cpu_init)(struct per_cpu *cpu_data);
	void (*cpu_exit)(struct per_cpu *cpu_data);
	void (*cpu_drop)(struct per_cpu *cpu_data);
	void (*cpu_reset_private)(struct per_cpu *cpu_data);
	/* A CPU changes hands: nothing its old owner queued or planted stays */
	void (*cpu_new_owner)(struct per_cpu *cpu_data);
	/* The hypervisor's event SGI to another CPU */
	void (*send_event)(struct per_cpu *target);
	/*
	 * A guest's write of ICC_SGI1R_EL1; false: not one to forward.
	 * NULL for a model without that register (GICv2: SGIs by MMIO).
	 */
	bool (*handle_sgi_write)(u64 val);

	/* Cells and their interrupts */
	int (*cell_create)(struct cell *cell);
	void (*cell_destroy)(struct cell *cell);
	int (*cell_init)(struct cell *cell);
	int (*cell_irqs_check)(const struct jailhouse_cell_desc *cfg);
	void (*cell_irqs_take)(struct cell *cell);
	void (*cell_irqs_reset)(struct cell *cell);
	void (*cell_irqs_return)(struct cell *cell);
	/* A virtual device raises a cell's SPI (the cell owns it) */
	void (*set_pending)(unsigned int irq);
};

/* The model in use; set by arch_irqchip_init() before any CPU is taken. */
extern const struct irqchip *irqchip;

#endif /* !_JAILHOUSE_ASM_IRQCHIP_H */
