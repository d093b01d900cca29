/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared peripheral interrupts changing hands between cells, for both GIC
 * models (gic-spi.c; what a config may ask for: gic-spi-check.c). A model
 * says how it routes an SPI to a CPU in a struct gic_spi_routes: GICv3 by
 * IROUTER affinity, GICv2 by a byte of CPU-interface bits in ITARGETSR.
 */
#ifndef _JAILHOUSE_ASM_GIC_SPI_H
#define _JAILHOUSE_ASM_GIC_SPI_H

#include <jailhouse/types.h>

struct cell;
struct jailhouse_irqchip;
struct jailhouse_cell_desc;

struct gic_spi_routes {
	u64 (*read)(unsigned int irq);
	void (*write)(unsigned int irq, u64 route);
	/* a route a cell wrote, onto one of its CPUs (else its default) */
	u64 (*in_cell)(const struct cell *cell, u64 route);
	/* the route to one CPU */
	u64 (*to_cpu)(unsigned int cpu);
};

/* The model's routing; set by its init before any cell exists. */
extern const struct gic_spi_routes *gic_routes;

int gic_cell_create(struct cell *cell);
void gic_cell_destroy(struct cell *cell);
void gic_cell_irqs_take(struct cell *cell);
void gic_cell_irqs_reset(struct cell *cell);
void gic_cell_irqs_return(struct cell *cell);
/* Where a cell's SPIs go by default: its first CPU still in service */
unsigned int gic_spi_default_cpu(const struct cell *cell);
/* A virtual device raises a cell's SPI */
void gic_spi_set_pending(unsigned int irq);

/* gic-spi-check.c: ownership that only reads configs and bitmaps */
int gic_cell_irqs_init(struct cell *cell);
bool gic_spi_owned(const struct cell *cell, unsigned int irq);
bool gic_is_gicd_chip(const struct jailhouse_irqchip *chip);
int gic_cell_irqs_check(const struct jailhouse_cell_desc *cfg);

#endif /* !_JAILHOUSE_ASM_GIC_SPI_H */
