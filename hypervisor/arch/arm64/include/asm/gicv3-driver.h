/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Between the files of the GICv3 driver (gicv3.c: CPU interface, list
 * registers for vgic.c, SGIs and its irqchip table; gicv3-spi.c: SPIs moving
 * between cells; gicv3-spi-check.c: what a config may ask for;
 * gicv3-mmio.c: the trapped distributor and redistributors). The rest of
 * the hypervisor reaches the driver through asm/irqchip.h only.
 */
#ifndef _JAILHOUSE_ASM_GICV3_DRIVER_H
#define _JAILHOUSE_ASM_GICV3_DRIVER_H

#include <jailhouse/percpu.h>
#include <jailhouse/mmio.h>
#include <asm/irqchip.h>
#include <asm/spinlock.h>
#include <asm/vgic.h>

extern const struct irqchip gicv3_irqchip;

struct cell;
struct mem_range;
struct jailhouse_irqchip;
struct jailhouse_cell_desc;

extern void *gicd_base, *gicr_base;
extern unsigned long gicr_size, gicr_stride;
extern unsigned int gic_lines;
extern spinlock_t gicv3_dist_lock;

int gicv3_init(void);
unsigned int gicv3_trapped_ranges(struct mem_range *ranges,
				  unsigned int max);
void gicv3_handle_irq(struct registers *regs);

/* CPUs */
int gicv3_cpu_init(struct per_cpu *cpu_data);
void gicv3_cpu_exit(struct per_cpu *cpu_data);
void gicv3_cpu_drop(struct per_cpu *cpu_data);
void gicv3_cpu_reset_private(struct per_cpu *cpu_data);
/* The hypervisor's event SGI to another CPU (cpu-control.c) */
void gicv3_send_event(struct per_cpu *target);
/* A CPU changes hands: nothing its old owner queued or planted stays */
void gicv3_cpu_new_owner(struct per_cpu *cpu_data);
/* A guest's write of ICC_SGI1R_EL1; false if it is not one to forward */
bool gicv3_handle_sgi_write(u64 val);

/* Cells and their SPIs */
int gicv3_cell_create(struct cell *cell);
void gicv3_cell_destroy(struct cell *cell);
int gicv3_cell_init(struct cell *cell);
int gicv3_cell_irqs_init(struct cell *cell);
void gicv3_cell_irqs_take(struct cell *cell);
void gicv3_cell_irqs_reset(struct cell *cell);
void gicv3_cell_irqs_return(struct cell *cell);
u64 gicv3_route_in_cell(const struct cell *cell, u64 route);
void gicv3_spi_set_pending(unsigned int irq);
/* gicv3-spi-check.c: SPI ownership that only reads configs and bitmaps */
bool gicv3_spi_owned(const struct cell *cell, unsigned int irq);
bool gicv3_is_gicd_chip(const struct jailhouse_irqchip *chip);
int gicv3_cell_irqs_check(const struct jailhouse_cell_desc *cfg);

/* gicv3-mmio.c: the trapped registers */
void gicv3_gicr_wait_rwp(void *rd);
enum mmio_result gicv3_gicd_access(void *arg, struct mmio_access *access);
enum mmio_result gicv3_gicr_access(void *arg, struct mmio_access *access);

#endif /* !_JAILHOUSE_ASM_GICV3_DRIVER_H */
