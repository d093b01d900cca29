// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * A cell config carved out of a generated system config: CPUs root gives
 * up, RAM Linux does not run in (given, or the highest free), the devices
 * named by their tree path with their SPIs, the communication region, and
 * for Linux the 64 KiB where linux-loader.bin starts the CPUs.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "confgen.h"
#include "ranges.h"

#define COMM_VIRT	0x80000000ULL	/* where inmates look for it */
#define LOADER_SIZE	0x10000ULL	/* linux-loader.bin and parameters */

static int add(struct jh_ctx *ctx, struct jhg_cell *c, uint64_t phys,
	       uint64_t virt, uint64_t size, uint64_t flags,
	       const char *comment)
{
	if (c->num_regions == JHG_MAX_CELL_REGIONS)
		return jh_fail(ctx, E2BIG, JH_ERR_INVALID_ARGUMENT,
			       "more than %d memory regions in the cell",
			       JHG_MAX_CELL_REGIONS);
	region_set(&c->regions[c->num_regions++], phys, virt, size, flags,
		   comment);
	return 0;
}

static int take_cpus(struct jh_ctx *ctx, const struct jhg_system *sys,
		     const struct jhg_cell_params *p, struct jhg_cell *c)
{
	unsigned int cpu, n = 0;

	for (cpu = 0; cpu < JHG_MAX_CPUS; cpu++) {
		if (!jhg_cpu_in(p->cpu_bits, cpu))
			continue;
		if (cpu >= sys->num_cpus)
			return jh_fail(ctx, EINVAL, JH_ERR_INVALID_ARGUMENT,
				       "CPU %u: the board has CPUs 0-%u",
				       cpu, sys->num_cpus - 1);
		if (cpu == 0)
			return jh_fail(ctx, EINVAL, JH_ERR_INVALID_ARGUMENT,
				       "CPU 0 stays with root Linux: give the cell others");
		c->num_cpus = cpu + 1;
		n++;
	}
	if (!n)
		return jh_fail(ctx, EINVAL, JH_ERR_INVALID_ARGUMENT,
			       "the cell needs a CPU (--cpus)");
	memcpy(c->cpu_bits, p->cpu_bits, sizeof(c->cpu_bits));
	return 0;
}

/* The cell's RAM: @size bytes given at @start, or the highest free. */
static int place_ram(struct jh_ctx *ctx, const struct jhg_board *b,
		     const struct jhg_system *sys, uint64_t start,
		     uint64_t size, struct jhg_cell *c, uint64_t *out)
{
	/* the hypervisor and the links' MiBs below it */
	struct jh_range hv = {
		sys->header.hypervisor_memory.phys_start - sys->num_links * MIB,
		sys->header.hypervisor_memory.size + sys->num_links * MIB,
	};

	if (!size || size % PAGE)
		return jh_fail(ctx, EINVAL, JH_ERR_INVALID_ARGUMENT,
			       "cell memory size 0x%llx is not a multiple of 4 KiB",
			       (unsigned long long)size);
	if (start == ~0ULL) {
		if (!b->have_iomem)
			return jh_fail(ctx, EINVAL, JH_ERR_MEMORY,
				       "which RAM is free for the cell is unknown without /proc/iomem: give --iomem, --linux-mem or --mem SIZE@ADDR");
		start = jhg_free_ram(b, size, &hv);
		if (!start)
			return jh_fail(ctx, ENOSPC, JH_ERR_MEMORY,
				       "no %llu KiB of RAM are free for the cell (Linux's System RAM in %s, the hypervisor at 0x%llx): boot Linux with less (mem=) or give --mem SIZE@ADDR",
				       (unsigned long long)(size >> 10),
				       b->iomem_source,
				       (unsigned long long)hv.start);
		c->mem_guessed = true;
	} else if (start % PAGE || !inside(b->ram, b->num_ram, start, size) ||
		   jh_ranges_overlap(start, size, hv.start, hv.size) ||
		   linux_uses(b, start, size) ||
		   reserved_other(b, start, size)) {
		return jh_fail(ctx, EINVAL, JH_ERR_MEMORY,
			       "cell memory 0x%llx-0x%llx must be page-aligned RAM of the tree that neither Linux%s%s%s, a reservation, nor the hypervisor and its links (0x%llx-0x%llx) use",
			       (unsigned long long)start,
			       (unsigned long long)(start + size - 1),
			       b->have_iomem ? " (System RAM in " : "",
			       b->have_iomem ? b->iomem_source : "",
			       b->have_iomem ? ")" : "",
			       (unsigned long long)hv.start,
			       (unsigned long long)(hv.start + hv.size - 1));
	}
	*out = start;
	return 0;
}

static const struct jhg_device *find_device(const struct jhg_board *b,
					    const char *path, unsigned int from)
{
	unsigned int i;

	for (i = from; i < b->num_devices; i++)
		if (!strcmp(b->devices[i].path, path))
			return &b->devices[i];
	return NULL;
}

static int set_spi(struct jh_ctx *ctx, const struct jhg_board *b,
		   struct jhg_cell *c, unsigned int intid)
{
	unsigned int chip = (intid - 32) / 128, pin = (intid - 32) % 128;

	if (intid < 32 || chip >= ARRAY_SIZE(c->irqchips))
		return jh_fail(ctx, EINVAL, JH_ERR_INVALID_ARGUMENT,
			       "INTID %u is no SPI a cell can take (32-543)",
			       intid);
	while (c->num_irqchips <= chip) {
		c->irqchips[c->num_irqchips].address = b->gic.gicd;
		c->irqchips[c->num_irqchips].pin_base =
			32 + c->num_irqchips * 128;
		c->num_irqchips++;
	}
	c->irqchips[chip].pin_bitmap[pin / 32] |= 1U << (pin % 32);
	return 0;
}

/*
 * A device named by its tree path: every window, and its SPIs. The
 * system's console UART stays shared with root and the hypervisor; its
 * interrupt goes to a Linux cell (its console driver wants it), not to
 * an inmate (they poll), so two cells can share the UART.
 */
static int add_device(struct jh_ctx *ctx, const struct jhg_board *b,
		      const char *path, bool linux_cell, struct jhg_cell *c)
{
	bool console = !strcmp(path, b->console.path);
	const struct jhg_device *d = find_device(b, path, 0);
	uint64_t start, end, flags;
	unsigned int k;
	char what[96];
	int err;

	if (!d)
		return jh_fail(ctx, ENOENT, JH_ERR_INVALID_ARGUMENT,
			       "--device %s: no memory-mapped node of that path on an enabled bus in %s",
			       path, b->dtb_source);
	for (; d; d = find_device(b, path, (unsigned int)(d - b->devices) + 1)) {
		start = d->start & ~(PAGE - 1);
		end = (d->start + d->size + PAGE - 1) & ~(PAGE - 1);
		flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
			JAILHOUSE_MEM_IO;
		if (console)
			flags |= JAILHOUSE_MEM_ROOTSHARED;
		snprintf(what, sizeof(what), "%.50s (%.40s)", d->path,
			 flags & JAILHOUSE_MEM_ROOTSHARED ?
			 "the console, shared with root" : d->compatible);
		err = add(ctx, c, start, start, end - start, flags, what);
		for (k = 0; !err && (linux_cell || !console) &&
		     k < d->num_spis; k++)
			err = set_spi(ctx, b, c, d->spis[k]);
		if (err)
			return err;
	}
	return 0;
}

/*
 * The cell's ends of the links it was made a peer of: the regions (shared
 * with root), the ivshmem device at the link's BDF, and an INTx line per
 * link slot from vpci_irq_base: 4 INTIDs below root's block for each CPU
 * number of the cell's first CPU, so that no two cells pick the same.
 */
static int add_links(struct jh_ctx *ctx, const struct jhg_board *b,
		     const struct jhg_system *sys,
		     const struct jhg_cell_params *p, struct jhg_cell *c)
{
	struct jhg_region r[JHG_LINK_REGIONS];
	unsigned int i, k, n, first_cpu, base;
	int err;

	if (!p->num_peers)
		return 0;
	for (first_cpu = 0; !jhg_cpu_in(c->cpu_bits, first_cpu); first_cpu++)
		;
	base = sys->vpci_irq_base + 32;
	if (base < 32 + JHG_MAX_LINKS * (first_cpu + 1) ||
	    !jhg_spis_free(b, base - JHG_MAX_LINKS * first_cpu, JHG_MAX_LINKS))
		return jh_fail(ctx, ENOSPC, JH_ERR_INVALID_ARGUMENT,
			       "no %d free SPIs for the cell's ivshmem INTx below root's (INTID %u - %u x CPU %u)",
			       JHG_MAX_LINKS, base, JHG_MAX_LINKS, first_cpu);
	base -= JHG_MAX_LINKS * first_cpu;
	c->desc.vpci_irq_base = base - 32;
	for (i = 0; i < p->num_peers; i++) {
		k = p->peer_link[i];
		if (k >= sys->num_links)
			return jh_fail(ctx, EINVAL, JH_ERR_INVALID_ARGUMENT,
				       "--peer %u:%u: the system config has %u ivshmem link(s) (--link)",
				       k, p->peer_id[i], sys->num_links);
		if (!p->peer_id[i] || p->peer_id[i] >= sys->links[k].peers)
			return jh_fail(ctx, EINVAL, JH_ERR_INVALID_ARGUMENT,
				       "--peer %u:%u: link %u has peers 0-%u and root is 0",
				       k, p->peer_id[i], k,
				       sys->links[k].peers - 1);
		jhg_link_device(&sys->links[k], k, p->peer_id[i],
				c->num_regions, &c->pci[c->num_pci++]);
		n = jhg_link_regions(&sys->links[k], k, sys->link_start[k],
				     p->peer_id[i], true, r);
		if (c->num_regions + n > JHG_MAX_CELL_REGIONS)
			return jh_fail(ctx, E2BIG, JH_ERR_INVALID_ARGUMENT,
				       "more than %d memory regions in the cell",
				       JHG_MAX_CELL_REGIONS);
		memcpy(&c->regions[c->num_regions], r, n * sizeof(r[0]));
		c->num_regions += n;
		err = set_spi(ctx, b, c, base + k);
		if (err)
			return err;
	}
	return 0;
}

int jhg_cell_layout(struct jh_ctx *ctx, const struct jhg_board *b,
		    const struct jhg_system *sys,
		    const struct jhg_cell_params *p, struct jhg_cell *c)
{
	struct jailhouse_cell_desc *d = &c->desc;
	uint64_t ram = 0, size = p->mem_size;
	uint64_t rwx = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
		       JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE;
	unsigned int i;
	int err;

	memset(c, 0, sizeof(*c));
	memcpy(d->signature, JAILHOUSE_CELL_DESC_SIGNATURE,
	       sizeof(d->signature));
	d->architecture = JAILHOUSE_ARM64;
	d->revision = JAILHOUSE_CONFIG_REVISION;
	if (!p->name || !p->name[0] ||
	    strlen(p->name) > JAILHOUSE_CELL_NAME_MAXLEN)
		return jh_fail(ctx, EINVAL, JH_ERR_INVALID_ARGUMENT,
			       "cell name '%s': 1 to %d characters",
			       p->name ? p->name : "", JAILHOUSE_CELL_NAME_MAXLEN);
	strcpy(d->name, p->name);
	d->flags = JAILHOUSE_CELL_PASSIVE_COMMREG |
		   JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED;

	err = take_cpus(ctx, sys, p, c);
	if (err)
		return err;
	/* Linux: the loader's 64 KiB come from the same free RAM */
	if (p->kind == JHG_CELL_LINUX)
		size += LOADER_SIZE;
	err = place_ram(ctx, b, sys, p->mem_start, size, c, &ram);
	if (err)
		return err;
	if (p->kind == JHG_CELL_LINUX) {
		err = add(ctx, c, ram + size - LOADER_SIZE, 0, LOADER_SIZE,
			  rwx, "linux-loader.bin and its parameters");
		if (!err)
			err = add(ctx, c, ram, ram, size - LOADER_SIZE,
				  rwx | JAILHOUSE_MEM_DMA,
				  "RAM for the kernel, DTB and initrd");
		if (!err && jh_ranges_overlap(ram, size - LOADER_SIZE,
					      COMM_VIRT, PAGE))
			err = jh_fail(ctx, EINVAL, JH_ERR_MEMORY,
				      "cell memory 0x%llx-0x%llx covers 0x80000000, where the communication region goes: give --mem SIZE@ADDR elsewhere",
				      (unsigned long long)ram,
				      (unsigned long long)(ram + size - 1));
	} else {
		err = add(ctx, c, ram, 0, size, rwx,
			  "RAM, where the inmate starts");
	}
	if (!err)
		err = add(ctx, c, 0, COMM_VIRT, PAGE, JAILHOUSE_MEM_READ |
			  JAILHOUSE_MEM_WRITE | JAILHOUSE_MEM_COMM_REGION,
			  "communication region");
	for (i = 0; !err && i < p->num_devices; i++)
		err = add_device(ctx, b, p->devices[i],
				 p->kind == JHG_CELL_LINUX, c);
	if (!err)
		err = add_links(ctx, b, sys, p, c);
	if (err)
		return err;
	/*
	 * The console the cell prints on: a UART it was given that the
	 * hypervisor knows, its own before the one shared with root.
	 */
	for (i = 0; i < p->num_devices; i++) {
		const struct jhg_device *u = find_device(b, p->devices[i], 0);
		bool shared = !strcmp(p->devices[i], b->console.path);

		if (!u || u->con_type == JAILHOUSE_CON_TYPE_NONE ||
		    (shared && d->console.type != JAILHOUSE_CON_TYPE_NONE))
			continue;
		d->console.address = u->start;
		d->console.size = (u->size + PAGE - 1) & ~(PAGE - 1);
		d->console.type = (__u16)u->con_type;
		d->console.flags = (__u16)u->con_flags;
		if (!shared)
			break;
	}
	if (!c->num_irqchips) {
		c->irqchips[0].address = b->gic.gicd;
		c->irqchips[0].pin_base = 32;
		c->num_irqchips = 1;
	}
	return 0;
}
