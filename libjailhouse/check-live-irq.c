// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Preflight rule on interrupts: an SPI a non-root cell takes must have no
 * handler in Linux, which the driver refuses at create (EBUSY). What
 * /proc/interrupts lists are the interrupts with handlers; a GIC line
 * names its INTID right after the chip:
 *
 *    15:   14   0   0   0   GICv3  79 Edge      virtio0
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

struct linux_irq {
	unsigned int intid;
	char name[32];		/* the handler's, as /proc/interrupts shows */
};

/* The SPIs with a Linux handler; -1 if /proc/interrupts is unreadable. */
static int read_linux_spis(struct jh_check *chk, struct linux_irq *irqs,
			   unsigned int max)
{
	char path[PATH_MAX], line[1024], *tok, *end, *save;
	unsigned long intid;
	unsigned int n = 0;
	FILE *f;

	if (jh_path(jh_check_get_ctx(chk), path, "/proc/interrupts"))
		return -1;
	f = fopen(path, "re");
	if (!f)
		return -1;
	while (n < max && fgets(line, sizeof(line), f)) {
		/* "<number>:", then one count per CPU, then the chip */
		tok = strtok_r(line, " \t\n", &save);
		if (!tok || tok[0] < '0' || tok[0] > '9')
			continue;
		do
			tok = strtok_r(NULL, " \t\n", &save);
		while (tok && tok[0] >= '0' && tok[0] <= '9');
		if (!tok || strncmp(tok, "GIC", 3))
			continue;
		tok = strtok_r(NULL, " \t\n", &save);
		if (!tok)
			continue;
		intid = strtoul(tok, &end, 10);
		if (*end || intid < JAILHOUSE_GIC_SPI_FIRST ||
		    intid > JAILHOUSE_GIC_SPI_LAST)
			continue;
		/* the trigger, then the handler names */
		strtok_r(NULL, " \t\n", &save);
		tok = strtok_r(NULL, "\n", &save);
		irqs[n].intid = (unsigned int)intid;
		snprintf(irqs[n].name, sizeof(irqs[n].name), "%s",
			 tok ? tok + strspn(tok, " \t") : "?");
		n++;
	}
	fclose(f);
	return (int)n;
}

static const struct linux_irq *find_irq(const struct linux_irq *irqs, int n,
					unsigned int intid)
{
	for (int i = 0; i < n; i++)
		if (irqs[i].intid == intid)
			return &irqs[i];
	return NULL;
}

void jh_check_live_irqs(struct jh_check *chk)
{
	const struct jailhouse_irqchip *chip;
	const struct jh_check_cell *cells;
	const struct linux_irq *used;
	struct linux_irq irqs[256];
	unsigned int i, c, bit, n;
	bool fine = true;
	uint64_t intid;
	int nirqs;

	nirqs = read_linux_spis(chk, irqs, sizeof(irqs) / sizeof(irqs[0]));
	if (nirqs < 0) {
		jh_check_report_live(chk, JH_SEVERITY_WARNING, "live-irq",
				     "/proc/interrupts", "mount procfs",
				     "cannot be read");
		return;
	}
	n = jh_check_cells(chk, &cells);
	for (i = 0; i < n; i++) {
		if (cells[i].root)
			continue;
		chip = jailhouse_cell_irqchips(cells[i].desc);
		for (c = 0; c < cells[i].desc->num_irqchips; c++, chip++)
			for (bit = 0; bit < 128; bit++) {
				if (!(chip->pin_bitmap[bit / 32] &
				      (1U << (bit % 32))))
					continue;
				intid = (uint64_t)chip->pin_base + bit;
				used = intid <= JAILHOUSE_GIC_SPI_LAST ?
				       find_irq(irqs, nirqs,
						(unsigned int)intid) : NULL;
				if (!used)
					continue;
				fine = false;
				jh_check_report_live(chk, JH_SEVERITY_ERROR,
						     "live-irq", cells[i].src,
						     "free it first: unbind the device's driver, or leave the device out of root's device tree",
						     "interrupt %u has a Linux handler (%s, /proc/interrupts); the driver refuses the cell",
						     used->intid, used->name);
			}
	}
	if (fine)
		jh_check_report_live(chk, JH_SEVERITY_NOTE, "live-irq",
				     "/proc/interrupts", NULL,
				     "no interrupt of the cells has a Linux handler");
}
