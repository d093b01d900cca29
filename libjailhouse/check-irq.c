// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Interrupt rules: irqchip windows within the GIC's SPI range, entries
 * for another interrupt controller, SPIs given to two cells, and SPIs
 * the root cell does not own.
 */
#include "check.h"

#define GIC_SPI_FIRST	32
#define GIC_SPI_LAST	1019
#define GIC_MAX_INTID	1024
#define PINS_PER_CHIP	128

static bool chip_has_pin(const struct jailhouse_irqchip *chip, unsigned int intid)
{
	unsigned int bit;

	if (intid < chip->pin_base || intid - chip->pin_base >= PINS_PER_CHIP)
		return false;
	bit = intid - chip->pin_base;
	return chip->pin_bitmap[bit / 32] & (1u << (bit % 32));
}

/* See check.h. */
int jh_cell_irqchip_of(const struct jailhouse_cell_desc *d, uint64_t gicd,
		       unsigned int intid)
{
	const struct jailhouse_irqchip *chip = jailhouse_cell_irqchips(d);
	unsigned int i;

	for (i = 0; i < d->num_irqchips; i++)
		if ((!gicd || chip[i].address == gicd) &&
		    chip_has_pin(&chip[i], intid))
			return (int)i;
	return -1;
}

static void check_chip(struct jh_check *chk, const struct jh_check_cell *cell,
		       unsigned int idx, const struct jailhouse_irqchip *chip,
		       uint64_t gicd)
{
	unsigned long long intid, first_bad = 0;
	unsigned int bit, bad = 0;

	if (gicd && chip->address != gicd)
		jh_check_report(chk, JH_SEVERITY_WARNING, "irqchip-address",
				cell, (int)idx, NULL, -1,
				"irqchip %u at 0x%llx is not the GIC distributor (0x%llx); the hypervisor ignores it",
				idx, (unsigned long long)chip->address,
				(unsigned long long)gicd);
	if (chip->pin_base % 32)
		jh_check_report(chk, JH_SEVERITY_ERROR, "irqchip-pin-base", cell,
				(int)idx, NULL, -1,
				"irqchip %u: pin_base %u is not a multiple of 32",
				idx, chip->pin_base);

	for (bit = 0; bit < PINS_PER_CHIP; bit++) {
		if (!(chip->pin_bitmap[bit / 32] & (1u << (bit % 32))))
			continue;
		intid = (unsigned long long)chip->pin_base + bit;
		if (intid >= GIC_SPI_FIRST && intid <= GIC_SPI_LAST)
			continue;
		if (!bad++)
			first_bad = intid;
	}
	if (bad)
		jh_check_report(chk, JH_SEVERITY_ERROR, "spi-range", cell,
				(int)idx, NULL, -1,
				"irqchip %u (pin_base %u) grants %u interrupt(s) outside the SPI range %u-%u, first INTID %llu",
				idx, chip->pin_base, bad, GIC_SPI_FIRST,
				GIC_SPI_LAST, first_bad);
}

/* Counts SPIs of @cell that @other has (or lacks); reports the first. */
static unsigned int count_spis(const struct jailhouse_cell_desc *cell,
			       const struct jailhouse_cell_desc *other,
			       uint64_t gicd, bool want_in_other,
			       unsigned int *first, int *chip)
{
	unsigned int intid, count = 0;
	int c;

	for (intid = GIC_SPI_FIRST; intid < GIC_MAX_INTID; intid++) {
		c = jh_cell_irqchip_of(cell, gicd, intid);
		if (c < 0 || (jh_cell_irqchip_of(other, gicd, intid) >= 0) !=
			     want_in_other)
			continue;
		if (!count++) {
			*first = intid;
			*chip = c;
		}
	}
	return count;
}

static void check_spis(struct jh_check *chk, const struct jh_check_cell *cells,
		       unsigned int i, uint64_t gicd)
{
	const struct jh_check_cell *cell = &cells[i];
	unsigned int j, count, first = 0;
	int chip = -1;

	if (cells[0].root) {
		count = count_spis(cell->desc, cells[0].desc, gicd, false,
				   &first, &chip);
		if (count)
			jh_check_report(chk, JH_SEVERITY_WARNING,
					"irq-not-in-root", cell, chip, &cells[0],
					-1,
					"%u SPI(s) are not the root cell's in %s, first INTID %u (irqchip %d)",
					count, cells[0].src, first, chip);
	}
	for (j = 0; j < i; j++) {
		if (cells[j].root)
			continue;
		count = count_spis(cell->desc, cells[j].desc, gicd, true,
				   &first, &chip);
		if (count)
			jh_check_report(chk, JH_SEVERITY_ERROR, "irq-twice",
					cell, chip, &cells[j], -1,
					"%u SPI(s) are also granted to %s, first INTID %u (irqchip %d)",
					count, cells[j].src, first, chip);
	}
}

void jh_check_irqchips(struct jh_check *chk)
{
	const struct jailhouse_system *sys = jh_check_system(chk);
	uint64_t gicd = sys ? sys->platform_info.arm.gicd_base : 0;
	const struct jh_check_cell *cells;
	const struct jailhouse_irqchip *chip;
	unsigned int i, k, n;

	n = jh_check_cells(chk, &cells);
	for (i = 0; i < n; i++) {
		chip = jailhouse_cell_irqchips(cells[i].desc);
		for (k = 0; k < cells[i].desc->num_irqchips; k++)
			check_chip(chk, &cells[i], k, &chip[k], gicd);
		if (!cells[i].root)
			check_spis(chk, cells, i, gicd);
	}
}
