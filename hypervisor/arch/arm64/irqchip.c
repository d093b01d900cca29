// SPDX-License-Identifier: GPL-2.0
/*
 * Choosing the interrupt controller model (asm/irqchip.h) and the EL2
 * IRQ entry that hands to it.
 */
#include <jailhouse/cell.h>
#include <jailhouse/errno.h>
#include <jailhouse/printk.h>
#include <asm/gicv3-driver.h>
#include <asm/traps.h>

static const struct irqchip *const models[] = {
	&gicv3_irqchip,
};

const struct irqchip *irqchip;

int irqchip_init(void)
{
	unsigned int version = system_config->platform_info.arm.gic_version;
	unsigned int n;

	for (n = 0; n < ARRAY_SIZE(models); n++) {
		if (models[n]->gic_version == version) {
			irqchip = models[n];
			return irqchip->init();
		}
	}
	printk("ERROR: GIC version %u is not supported (only %s)\n", version,
	       gicv3_irqchip.name);
	return -ENODEV;
}

void arch_handle_irq(struct registers *regs)
{
	irqchip->handle_irq(regs);
}
