// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * A generated system config as a .cell file: the same bytes the C source
 * compiles to (header, CPU set, memory regions, irqchips).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "confgen.h"

int jhg_build_cell(struct jh_ctx *ctx, const struct jhg_system *sys,
		   void **data, size_t *size)
{
	struct jailhouse_system h = sys->header;
	size_t cpus = (sys->num_cpus + 63) / 64 * sizeof(uint64_t);
	size_t regions = sys->num_regions * sizeof(struct jailhouse_memory);
	size_t chips = sys->num_irqchips * sizeof(struct jailhouse_irqchip);
	unsigned int i;
	uint8_t *buf, *p;

	memcpy(h.root_cell.name, sys->name, sizeof(h.root_cell.name));
	h.root_cell.cpu_set_size = (__u32)cpus;
	h.root_cell.num_memory_regions = sys->num_regions;
	h.root_cell.num_irqchips = sys->num_irqchips;
	h.root_cell.vpci_irq_base = sys->vpci_irq_base;

	*size = sizeof(h) + cpus + regions + chips;
	buf = calloc(1, *size);
	if (!buf)
		return jh_fail_nomem(ctx);
	p = buf;
	memcpy(p, &h, sizeof(h));
	p += sizeof(h);
	memcpy(p, sys->cpu_bits, cpus);
	p += cpus;
	for (i = 0; i < sys->num_regions; i++) {
		memcpy(p, &sys->regions[i].mem, sizeof(sys->regions[i].mem));
		p += sizeof(sys->regions[i].mem);
	}
	memcpy(p, sys->irqchips, chips);
	*data = buf;
	return 0;
}
