// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Generated configs as .cell files: the same bytes the C source compiles
 * to (header, CPU set, memory regions, irqchips).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "confgen.h"

static int assemble(struct jh_ctx *ctx, const void *hdr, size_t hdr_size,
		    const uint64_t *cpus, size_t cpu_bytes,
		    const struct jhg_region *regions, unsigned int num_regions,
		    const struct jailhouse_irqchip *chips,
		    unsigned int num_chips,
		    const struct jailhouse_pci_device *pci, unsigned int num_pci,
		    void **data, size_t *size)
{
	size_t chip_bytes = num_chips * sizeof(*chips);
	size_t pci_bytes = num_pci * sizeof(*pci);
	unsigned int i;
	uint8_t *buf, *p;

	*size = hdr_size + cpu_bytes +
		num_regions * sizeof(struct jailhouse_memory) + chip_bytes +
		pci_bytes;
	buf = calloc(1, *size);
	if (!buf)
		return jh_fail_nomem(ctx);
	p = buf;
	memcpy(p, hdr, hdr_size);
	p += hdr_size;
	memcpy(p, cpus, cpu_bytes);
	p += cpu_bytes;
	for (i = 0; i < num_regions; i++) {
		memcpy(p, &regions[i].mem, sizeof(regions[i].mem));
		p += sizeof(regions[i].mem);
	}
	memcpy(p, chips, chip_bytes);
	p += chip_bytes;
	memcpy(p, pci, pci_bytes);
	*data = buf;
	return 0;
}

int jhg_build_cell(struct jh_ctx *ctx, const struct jhg_system *sys,
		   void **data, size_t *size)
{
	struct jailhouse_system h = sys->header;
	size_t cpus = (sys->num_cpus + 63) / 64 * sizeof(uint64_t);

	memcpy(h.root_cell.name, sys->name, sizeof(h.root_cell.name));
	h.root_cell.cpu_set_size = (__u32)cpus;
	h.root_cell.num_memory_regions = sys->num_regions;
	h.root_cell.num_irqchips = sys->num_irqchips;
	h.root_cell.num_pci_devices = sys->num_links;
	h.root_cell.vpci_irq_base = sys->vpci_irq_base;
	return assemble(ctx, &h, sizeof(h), sys->cpu_bits, cpus, sys->regions,
			sys->num_regions, sys->irqchips, sys->num_irqchips,
			sys->pci, sys->num_links, data, size);
}

int jhg_build_cell_desc(struct jh_ctx *ctx, const struct jhg_cell *c,
			void **data, size_t *size)
{
	struct jailhouse_cell_desc d = c->desc;
	size_t cpus = (c->num_cpus + 63) / 64 * sizeof(uint64_t);

	d.cpu_set_size = (__u32)cpus;
	d.num_memory_regions = c->num_regions;
	d.num_irqchips = c->num_irqchips;
	d.num_pci_devices = c->num_pci;
	return assemble(ctx, &d, sizeof(d), c->cpu_bits, cpus, c->regions,
			c->num_regions, c->irqchips, c->num_irqchips, c->pci,
			c->num_pci, data, size);
}
