/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Device-tree reading for the generator (dt.c), on top of the Linux
 * loader's helpers (loaders/dtb-common.c).
 */
#ifndef JH_CONFGEN_DT_H
#define JH_CONFGEN_DT_H

#include <stdbool.h>
#include <stdint.h>

#include <libfdt.h>

/* an address on the bus of @node's children as the CPU sees it */
bool jhg_translate(const void *fdt, int node, uint64_t *addr);
/* reg entry @idx of @node, translated; false if absent or not MMIO */
bool jhg_reg(const void *fdt, int node, int idx, uint64_t *addr,
	     uint64_t *size);
int jhg_num_reg(const void *fdt, int node);
/* the INTIDs of @node's interrupts that go to the GIC node @gic */
unsigned int jhg_gic_irqs(const void *fdt, int node, int gic,
			  unsigned int *intids, unsigned int max);
/* @node and every ancestor have status "okay" (or none) */
bool jhg_enabled(const void *fdt, int node);

#endif /* !JH_CONFGEN_DT_H */
