/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Between the files of the GICv2 driver (gicv2.c: CPU interface, list
 * registers for vgic.c, SGIs and its irqchip table; gicv2-mmio.c: the
 * trapped distributor). SPI ownership is shared with GICv3
 * (asm/gicv3-driver.h). The rest of the hypervisor reaches the driver
 * through asm/irqchip.h only.
 */
#ifndef _JAILHOUSE_ASM_GICV2_DRIVER_H
#define _JAILHOUSE_ASM_GICV2_DRIVER_H

#include <jailhouse/mmio.h>
#include <asm/gicv3-driver.h>

extern const struct irqchip gicv2_irqchip;

struct cell;
struct per_cpu;

void gicv2_gicd_write(unsigned int off, u32 val);
void gicv2_send_sgi(struct per_cpu *target, unsigned int sgi);
enum mmio_result gicv2_gicd_access(void *arg, struct mmio_access *access);
/* A target byte a cell wrote, on its own CPUs, or its default CPU */
u64 gicv2_targets_in_cell(const struct cell *cell, u64 targets);

#endif /* !_JAILHOUSE_ASM_GICV2_DRIVER_H */
