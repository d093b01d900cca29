// SPDX-License-Identifier: GPL-2.0
/*
 * Choosing the interrupt controller model (asm/irqchip.h) and the EL2
 * IRQ entry that hands to it.
 */
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/printk.h>
#include <asm/gicv2-driver.h>
#include <asm/traps.h>

static const struct irqchip *const models[] = {
	&gicv3_irqchip,
	&gicv2_irqchip,
};

const struct irqchip *irqchip;

int arch_irqchip_init(void)
{
	unsigned int version = system_config->platform_info.arm.gic_version;
	unsigned int n;
	int err;

	/* none until it works: nothing to undo at a failed enable */
	for (n = 0; n < ARRAY_SIZE(models); n++) {
		if (models[n]->gic_version == version) {
			err = models[n]->init();
			if (!err)
				irqchip = models[n];
			return err;
		}
	}
	printk("ERROR: GIC version %u is not supported (only 2 and 3)\n",
	       version);
	return -ENODEV;
}
