// SPDX-License-Identifier: GPL-2.0
/*
 * The arch side of a cell (core/cell*.c): its stage-2 root, the devices
 * trapped for it, the GIC fields of its comm region, and its interrupts.
 * What the interrupt controller does for it is behind asm/irqchip.h.
 */
#include <jailhouse/cell.h>
#include <asm/irqchip.h>
#include <asm/stage2.h>

int arch_cell_create(struct cell *cell)
{
	int err;

	err = stage2_root_alloc(cell);
	if (err || cell == &root_cell)
		return err;
	err = irqchip->cell_create(cell);
	if (err)
		stage2_root_free(cell);
	return err;
}

void arch_cell_destroy(struct cell *cell)
{
	irqchip->cell_destroy(cell);
	stage2_root_free(cell);
}

int arch_cell_init_mmio(struct cell *cell)
{
	return irqchip->cell_init(cell);
}

int arch_map_irqchip(struct cell *cell)
{
	return irqchip->map_cpu_interface ?
		irqchip->map_cpu_interface(cell) : 0;
}

unsigned int arch_trapped_ranges(struct mem_range *ranges, unsigned int max)
{
	return irqchip->trapped_ranges(ranges, max);
}

void arch_comm_init(struct cell *cell)
{
	const struct jailhouse_system *sys = system_config;
	struct jailhouse_comm_region *comm = cell->comm_page;

	comm->gic_version = sys->platform_info.arm.gic_version;
	comm->gicd_base = sys->platform_info.arm.gicd_base;
	comm->gicc_base = sys->platform_info.arm.gicc_base;
	comm->gicr_base = sys->platform_info.arm.gicr_base;
}

int arch_cell_irqs_check(const struct jailhouse_cell_desc *cfg)
{
	return irqchip->cell_irqs_check(cfg);
}

void arch_cell_irqs_take(struct cell *cell)
{
	irqchip->cell_irqs_take(cell);
}

void arch_cell_irqs_reset(struct cell *cell)
{
	irqchip->cell_irqs_reset(cell);
}

void arch_cell_irqs_return(struct cell *cell)
{
	irqchip->cell_irqs_return(cell);
}
