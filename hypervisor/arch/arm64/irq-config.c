// SPDX-License-Identifier: GPL-2.0
/*
 * Which interrupt lines a cell config gives the cell, whatever the GIC
 * model: the irqchip entries at the distributor's address list them.
 * Reads configs only (the host fuzz target builds it too).
 */
#include <jailhouse/cell.h>

bool arch_cell_config_has_irq(const struct jailhouse_cell_desc *cfg,
			      unsigned int irq)
{
	const struct jailhouse_irqchip *chip = jailhouse_cell_irqchips(cfg);
	unsigned int n, bit;

	for (n = 0; n < cfg->num_irqchips; n++, chip++) {
		if (chip->address != system_config->platform_info.arm.gicd_base ||
		    irq < chip->pin_base || irq - chip->pin_base >= 128)
			continue;
		bit = irq - chip->pin_base;
		if (chip->pin_bitmap[bit / 32] & BIT(bit % 32))
			return true;
	}
	return false;
}
