/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Between the files of the GICv3 driver (gicv3.c: CPU interface, list
 * registers for vgic.c, SGIs, SPI routes for gic-spi.c and its irqchip
 * table; gicv3-mmio.c: the trapped distributor and redistributors). The
 * rest of the hypervisor reaches the driver through asm/irqchip.h only.
 */
#ifndef _JAILHOUSE_ASM_GICV3_DRIVER_H
#define _JAILHOUSE_ASM_GICV3_DRIVER_H

#include <jailhouse/percpu.h>
#include <jailhouse/mmio.h>
#include <asm/gic-dist.h>
#include <asm/gic-spi.h>
#include <asm/irqchip.h>
#include <asm/spinlock.h>
#include <asm/vgic.h>

extern const struct irqchip gicv3_irqchip;

struct cell;
struct mem_range;
struct jailhouse_irqchip;
struct jailhouse_cell_desc;

extern void *gicr_base;
extern unsigned long gicr_size, gicr_stride;

int gicv3_init(void);
unsigned int gicv3_trapped_ranges(struct mem_range *ranges,
				  unsigned int max);

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

/* Cells */
int gicv3_cell_init(struct cell *cell);
u64 gicv3_route_in_cell(const struct cell *cell, u64 route);

/* gicv3-mmio.c: the trapped registers */
void gicv3_gicr_wait_rwp(void *rd);
enum mmio_result gicv3_gicd_access(void *arg, struct mmio_access *access);
enum mmio_result gicv3_gicr_access(void *arg, struct mmio_access *access);

#endif /* !_JAILHOUSE_ASM_GICV3_DRIVER_H */
