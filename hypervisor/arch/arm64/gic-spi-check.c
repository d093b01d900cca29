// SPDX-License-Identifier: GPL-2.0
/*
 * Which shared peripheral interrupts a cell owns, from its config, and
 * whether a new cell config may have the ones it asks for. Nothing here touches the GIC:
 * the host fuzz target (tests/fuzz/fuzz-hv-check.c) builds this file
 * with core/cell-check.c to run the hypervisor's own checks on random
 * configs.
 */
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/printk.h>
#include <asm/gicv3-driver.h>

bool gic_spi_owned(const struct cell *cell, unsigned int irq)
{
	return irq >= 32 && irq < 1024 &&
	       (cell->arch.spi_bitmap[irq / 32] & BIT(irq % 32));
}

bool gic_is_gicd_chip(const struct jailhouse_irqchip *chip)
{
	return chip->address == system_config->platform_info.arm.gicd_base;
}

/* The SPIs a cell's config gives it, as its ownership bitmap */
int gic_cell_irqs_init(struct cell *cell)
{
	const struct jailhouse_irqchip *chip =
		jailhouse_cell_irqchips(cell->config);
	unsigned int n, w;

	for (n = 0; n < cell->config->num_irqchips; n++, chip++) {
		if (!gic_is_gicd_chip(chip))
			continue;
		/* compared without addition: pin_base + 128 could wrap */
		if (chip->pin_base % 32 || chip->pin_base > 1024 - 128)
			return -EINVAL;
		for (w = 0; w < 4; w++)
			cell->arch.spi_bitmap[chip->pin_base / 32 + w] |=
				chip->pin_bitmap[w];
	}
	cell->arch.spi_bitmap[0] = 0;	/* SGIs and PPIs live in GICR */
	return 0;
}

/* A line a new cell asks for must exist and be root's now. */
static int check_line(unsigned int irq)
{
	if (irq >= gic_lines) {
		printk("Cell config: INTID %u does not exist (%u lines)\n", irq,
		       gic_lines);
		return -ENXIO;
	}
	if (!gic_spi_owned(&root_cell, irq)) {
		printk("Cell config: INTID %u is not the root cell's\n", irq);
		return -ENXIO;
	}
	return 0;
}

int gic_cell_irqs_check(const struct jailhouse_cell_desc *cfg)
{
	const struct jailhouse_irqchip *chip = jailhouse_cell_irqchips(cfg);
	unsigned int n, bit, irq;
	int err;

	for (n = 0; n < cfg->num_irqchips; n++, chip++) {
		if (!gic_is_gicd_chip(chip))
			continue;
		/* compared without addition: pin_base + 128 could wrap */
		if (chip->pin_base % 32 || chip->pin_base > 1024 - 128) {
			printk("Cell config: irqchip %u: pin_base %u\n", n,
			       chip->pin_base);
			return -EINVAL;
		}
		/* SGIs and PPIs are per CPU: they come with the CPUs */
		for (bit = 0; bit < 128; bit++) {
			irq = chip->pin_base + bit;
			if (irq < 32 ||
			    !(chip->pin_bitmap[bit / 32] & BIT(bit % 32)))
				continue;
			err = check_line(irq);
			if (err)
				return err;
		}
	}
	return 0;
}
