// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * From a board's facts to its system config: where the hypervisor's memory
 * goes, the root cell's RAM (what Linux runs in) and MMIO (every device
 * window, page-rounded and merged), its CPUs and SPIs, the GIC and the
 * console for the hypervisor, and optionally a virtual PCI host.
 */
#include <errno.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "confgen.h"
#include "ranges.h"

#define HV_DEFAULT_SIZE	(4 * MIB)
#define VPCI_SIZE	(2 * MIB)	/* ECAM of bus 0, then its BARs */
#define SPI_BLOCK	128		/* SPIs per irqchip entry */

static int add_region(struct jh_ctx *ctx, struct jhg_system *sys,
		      uint64_t start, uint64_t size, uint64_t flags,
		      const char *comment)
{
	if (jhg_grow((void **)&sys->regions, &sys->cap_regions,
		     sys->num_regions, JHG_MAX_REGIONS, sizeof(*sys->regions)))
		return sys->num_regions == JHG_MAX_REGIONS ?
		       jh_fail(ctx, E2BIG, JH_ERR_INVALID_ARGUMENT,
			       "more than %d memory regions", JHG_MAX_REGIONS) :
		       jh_fail_nomem(ctx);
	region_set(&sys->regions[sys->num_regions++], start, start, size,
		   flags, comment);
	return 0;
}

/*
 * "Xilinx ZynqMP ZCU102 Rev1.0" -> "xilinx-zynqmp-zcu102-rev1-0"; a name
 * too long for a cell ends at the last whole word that fits.
 */
static void name_from_model(const char *model, char *name, size_t size)
{
	char full[128];
	size_t n = 0;
	bool dash = false;
	char *cut;

	for (; *model && n + 2 < sizeof(full); model++) {
		if (isalnum((unsigned char)*model)) {
			if (dash && n)
				full[n++] = '-';
			full[n++] = (char)tolower((unsigned char)*model);
			dash = false;
		} else {
			dash = true;
		}
	}
	full[n] = '\0';
	if (n >= size) {
		bool word_ends = full[size - 1] == '-';

		full[size - 1] = '\0';
		cut = strrchr(full, '-');
		if (!word_ends && cut)
			*cut = '\0';
	}
	snprintf(name, size, "%s", n ? full : "root");
}

static const char *reserved_for_jailhouse(const struct jhg_board *b,
					  unsigned int i)
{
	return strncmp(b->reserved_name[i], "jailhouse", 9) ? NULL :
	       b->reserved_name[i];
}

/*
 * The highest @size bytes of RAM that neither Linux (System RAM) nor a
 * reservation for something else holds, nor @avoid (NULL: nothing),
 * 2 MiB-aligned where the gap allows; 0 if there are none.
 */
uint64_t jhg_free_ram(const struct jhg_board *b, uint64_t size,
		      const struct jh_range *avoid)
{
	struct jh_range busy[2 * JHG_MAX_RANGES + 1];
	uint64_t best = 0, gap_start, gap_end, start;
	unsigned int i, j, n = 0;

	if (avoid && avoid->size)
		busy[n++] = *avoid;
	for (i = 0; i < b->num_linux_ram; i++)
		busy[n++] = b->linux_ram[i];
	for (i = 0; i < b->num_reserved; i++)
		if (!reserved_for_jailhouse(b, i))
			busy[n++] = b->reserved[i];
	qsort(busy, n, sizeof(busy[0]), cmp_range);

	for (i = 0; i < b->num_ram; i++) {
		gap_start = b->ram[i].start;
		for (j = 0; j <= n; j++) {
			gap_end = j < n && busy[j].start < end_of(&b->ram[i]) ?
				  busy[j].start : end_of(&b->ram[i]);
			gap_start = (gap_start + PAGE - 1) & ~(PAGE - 1);
			gap_end &= ~(PAGE - 1);
			if (gap_end > gap_start && gap_end - gap_start >= size) {
				start = (gap_end - size) & ~(2 * MIB - 1);
				if (start < gap_start)
					start = gap_end - size;
				if (start > best)
					best = start;
			}
			if (j == n || busy[j].start >= end_of(&b->ram[i]))
				break;
			if (end_of(&busy[j]) > gap_start)
				gap_start = end_of(&busy[j]);
		}
	}
	return best;
}

static int place_hypervisor(struct jh_ctx *ctx, const struct jhg_board *b,
			    const struct jhg_params *p, struct jhg_system *sys)
{
	uint64_t size = p->hv_size ? p->hv_size : HV_DEFAULT_SIZE, start;
	unsigned int i;

	if (size % PAGE)
		return jh_fail(ctx, EINVAL, JH_ERR_INVALID_ARGUMENT,
			       "hypervisor memory size 0x%llx is not a multiple of 4 KiB",
			       (unsigned long long)size);
	if (p->hv_start != ~0ULL) {
		start = p->hv_start;
		if (start % PAGE || !inside(b->ram, b->num_ram, start, size))
			return jh_fail(ctx, EINVAL, JH_ERR_INVALID_ARGUMENT,
				       "hypervisor memory 0x%llx-0x%llx is not page-aligned RAM of the device tree",
				       (unsigned long long)start,
				       (unsigned long long)(start + size - 1));
		if (reserved_other(b, start, size))
			return jh_fail(ctx, EBUSY, JH_ERR_MEMORY,
				       "hypervisor memory 0x%llx-0x%llx overlaps a reserved-memory node of the tree (firmware's)",
				       (unsigned long long)start,
				       (unsigned long long)(start + size - 1));
		if (linux_uses(b, start, size))
			return jh_fail(ctx, EBUSY, JH_ERR_MEMORY,
				       "hypervisor memory 0x%llx-0x%llx is RAM Linux uses (System RAM in %s): boot Linux with less (mem=) or reserve it with a no-map reserved-memory node",
				       (unsigned long long)start,
				       (unsigned long long)(start + size - 1),
				       b->iomem_source);
		sys->hv_origin = JHG_HV_GIVEN;
		snprintf(sys->hv_comment, sizeof(sys->hv_comment),
			 "as given");
		goto done;
	}
	for (i = 0; i < b->num_reserved; i++) {
		if (!reserved_for_jailhouse(b, i))
			continue;
		start = b->reserved[i].start;
		size = b->reserved[i].size;
		sys->hv_origin = JHG_HV_RESERVED;
		snprintf(sys->hv_comment, sizeof(sys->hv_comment),
			 "reserved-memory node %s", b->reserved_name[i]);
		goto done;
	}
	if (!b->have_iomem)
		return jh_fail(ctx, EINVAL, JH_ERR_MEMORY,
			       "where the hypervisor's memory goes is unknown without /proc/iomem: give --iomem FILE (a copy of the board's /proc/iomem), --hv-mem ADDR, or a reserved-memory node named jailhouse");
	start = jhg_free_ram(b, size, NULL);
	if (!start)
		return jh_fail(ctx, ENOSPC, JH_ERR_MEMORY,
			       "Linux uses all RAM (System RAM in %s covers the device tree's memory): leave %llu MiB at the top of RAM to the hypervisor and the cells, e.g. boot Linux with mem= set below the RAM size, or add a no-map reserved-memory node named jailhouse",
			       b->iomem_source,
			       (unsigned long long)(size / MIB));
	sys->hv_origin = JHG_HV_UNUSED_RAM;
	snprintf(sys->hv_comment, sizeof(sys->hv_comment),
		 "the top of RAM Linux does not use (guessed)");
done:
	sys->header.hypervisor_memory.phys_start = start;
	sys->header.hypervisor_memory.size = size;
	return 0;
}

/* Is any of @r's RAM not Linux's (free for cells)? */
static bool partly_free(const struct jhg_board *b, uint64_t start,
			uint64_t size)
{
	unsigned int i;
	uint64_t used = 0;

	if (!b->have_iomem)
		return false;
	for (i = 0; i < b->num_linux_ram; i++) {
		const struct jh_range *l = &b->linux_ram[i];
		uint64_t s = l->start > start ? l->start : start;
		uint64_t e = end_of(l) < start + size ? end_of(l) : start + size;

		if (e > s)
			used += e - s;
	}
	return used < size;
}

static int add_ram(struct jh_ctx *ctx, const struct jhg_board *b,
		   struct jhg_system *sys, uint64_t start, uint64_t end)
{
	return add_region(ctx, sys, start, end - start,
			  JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
			  JAILHOUSE_MEM_EXECUTE,
			  partly_free(b, start, end - start) ?
			  "RAM: Linux's and, where it does not run, the cells'" :
			  "RAM");
}

/*
 * Root's RAM: every bank of the tree but the hypervisor's part. Cells
 * take theirs from root's (what Linux is kept out of by mem= or a
 * reservation); reservations outside the banks are added as they are.
 */
static int root_ram(struct jh_ctx *ctx, const struct jhg_board *b,
		    struct jhg_system *sys, uint64_t links)
{
	/* the links' MiBs below the hypervisor are regions of their own */
	uint64_t hv_end = sys->header.hypervisor_memory.phys_start +
			  sys->header.hypervisor_memory.size;
	uint64_t hv = sys->header.hypervisor_memory.phys_start - links;
	uint64_t start, end;
	unsigned int i;
	char what[96];
	int err;

	for (i = 0; i < b->num_ram; i++) {
		start = (b->ram[i].start + PAGE - 1) & ~(PAGE - 1);
		end = end_of(&b->ram[i]) & ~(PAGE - 1);
		if (start < hv_end && hv < end) {
			if (start < hv) {
				err = add_ram(ctx, b, sys, start, hv);
				if (err)
					return err;
			}
			start = hv_end;
		}
		if (end > start) {
			err = add_ram(ctx, b, sys, start, end);
			if (err)
				return err;
		}
	}
	for (i = 0; i < b->num_reserved; i++) {
		if (inside(b->ram, b->num_ram, b->reserved[i].start,
			   b->reserved[i].size) ||
		    jh_ranges_overlap(b->reserved[i].start, b->reserved[i].size, hv,
			     hv_end - hv))
			continue;
		snprintf(what, sizeof(what), "reserved-memory %s",
			 b->reserved_name[i]);
		err = add_region(ctx, sys, b->reserved[i].start & ~(PAGE - 1),
				 (b->reserved[i].size + PAGE - 1) & ~(PAGE - 1),
				 JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_EXECUTE, what);
		if (err)
			return err;
	}
	return 0;
}

static int cmp_device(const void *a, const void *b)
{
	const struct jhg_device *x = a, *y = b;

	return (x->start > y->start) - (x->start < y->start);
}

static bool in_gic(const struct jhg_gic *g, uint64_t start, uint64_t size)
{
	return jh_ranges_overlap(start, size, g->gicd, g->gicd_size) ||
	       jh_ranges_overlap(start, size, g->gicr, g->gicr_size) ||
	       jh_ranges_overlap(start, size, g->gicc, g->gicc_size) ||
	       jh_ranges_overlap(start, size, g->gich, g->gich_size) ||
	       jh_ranges_overlap(start, size, g->gicv, g->gicv_size);
}

static bool in_ram(const struct jhg_board *b, uint64_t start, uint64_t size)
{
	unsigned int i;

	for (i = 0; i < b->num_ram; i++)
		if (jh_ranges_overlap(start, size, b->ram[i].start, b->ram[i].size))
			return true;
	return false;
}

/*
 * A region's comment: its first device by node name and compatible, the
 * full path when that is short ("serial@860000 (snps,dw-apb-uart)").
 */
static int add_mmio(struct jh_ctx *ctx, struct jhg_system *sys,
		    uint64_t start, uint64_t end, const struct jhg_device *first,
		    unsigned int count)
{
	const char *name = strrchr(first->path, '/');
	char what[96], more[24] = "";

	if (count > 1)
		snprintf(more, sizeof(more), " and %u more", count - 1);
	name = strlen(first->path) <= 40 || !name ? first->path : name + 1;
	if (first->compatible[0])
		snprintf(what, sizeof(what), "%.40s (%.*s)%s", name,
			 (int)(sizeof(what) - 45 - strlen(more)),
			 first->compatible, more);
	else
		snprintf(what, sizeof(what), "%.40s%s", name, more);
	return add_region(ctx, sys, start, end - start,
			  JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
			  JAILHOUSE_MEM_IO, what);
}

/*
 * Device windows, page-rounded, sorted and merged where they touch; not
 * those in RAM or on the GIC's frames (the hypervisor's).
 */
static int root_mmio(struct jh_ctx *ctx, const struct jhg_board *b,
		     struct jhg_system *sys)
{
	uint64_t start = 0, end = 0, s, e;
	unsigned int i, count = 0;
	struct jhg_device *dev;
	const struct jhg_device *first = NULL;
	int err = 0;

	dev = malloc(sizeof(*dev) * (b->num_devices + 1));
	if (!dev)
		return jh_fail_nomem(ctx);
	if (b->num_devices)	/* a board without devices has none to copy */
		memcpy(dev, b->devices, sizeof(*dev) * b->num_devices);
	qsort(dev, b->num_devices, sizeof(*dev), cmp_device);
	for (i = 0; i < b->num_devices && !err; i++) {
		s = dev[i].start & ~(PAGE - 1);
		e = (dev[i].start + dev[i].size + PAGE - 1) & ~(PAGE - 1);
		if (in_gic(&b->gic, s, e - s) || in_ram(b, s, e - s))
			continue;
		if (count && s <= end) {
			if (e > end)
				end = e;
			count++;
			continue;
		}
		if (count)
			err = add_mmio(ctx, sys, start, end, first, count);
		start = s;
		end = e;
		count = 1;
		first = &dev[i];
	}
	if (!err && count)
		err = add_mmio(ctx, sys, start, end, first, count);
	free(dev);
	return err;
}

static bool address_free(const struct jhg_board *b,
			 const struct jhg_system *sys, uint64_t start,
			 uint64_t size)
{
	unsigned int i;

	for (i = 0; i < sys->num_regions; i++)
		if (jh_ranges_overlap(start, size, sys->regions[i].mem.phys_start,
			     sys->regions[i].mem.size))
			return false;
	for (i = 0; i < b->num_devices; i++)
		if (jh_ranges_overlap(start, size, b->devices[i].start,
			     b->devices[i].size))
			return false;
	return !in_ram(b, start, size) && !in_gic(&b->gic, start, size) &&
	       !jh_ranges_overlap(start, size, sys->header.hypervisor_memory.phys_start,
			 sys->header.hypervisor_memory.size);
}

/* SPIs root gets: all of the blocks of 128 up to the highest one used. */
static void root_spis(const struct jhg_board *b, struct jhg_system *sys,
		      unsigned int highest)
{
	unsigned int i, blocks;

	for (i = 0; i < b->num_devices; i++)
		for (blocks = 0; blocks < b->devices[i].num_spis; blocks++)
			if (b->devices[i].spis[blocks] > highest)
				highest = b->devices[i].spis[blocks];
	blocks = (highest - 32) / SPI_BLOCK + 1;
	if (blocks > ARRAY_SIZE(sys->irqchips))
		blocks = ARRAY_SIZE(sys->irqchips);
	for (i = 0; i < blocks; i++) {
		sys->irqchips[i].address = b->gic.gicd;
		sys->irqchips[i].pin_base = 32 + i * SPI_BLOCK;
		memset(sys->irqchips[i].pin_bitmap, 0xff,
		       sizeof(sys->irqchips[i].pin_bitmap));
	}
	sys->num_irqchips = blocks;
}

static bool spi_used(const struct jhg_board *b, unsigned int intid);

bool jhg_spis_free(const struct jhg_board *b, unsigned int first,
		   unsigned int count)
{
	unsigned int i;

	for (i = 0; i < count; i++)
		if (spi_used(b, first + i))
			return false;
	return true;
}

static bool spi_used(const struct jhg_board *b, unsigned int intid)
{
	unsigned int i, j;

	for (i = 0; i < b->num_devices; i++)
		for (j = 0; j < b->devices[i].num_spis; j++)
			if (b->devices[i].spis[j] == intid)
				return true;
	return intid == b->gic.maintenance_irq;
}

static int place_vpci(struct jh_ctx *ctx, const struct jhg_board *b,
		      struct jhg_system *sys)
{
	uint64_t base;
	unsigned int irq;

	/* below 4 GiB, from the top, where nothing is described */
	for (base = 0x100000000ULL - VPCI_SIZE; base >= VPCI_SIZE;
	     base -= VPCI_SIZE)
		if (address_free(b, sys, base, VPCI_SIZE))
			break;
	if (base < VPCI_SIZE)
		return jh_fail(ctx, ENOSPC, JH_ERR_INVALID_ARGUMENT,
			       "no free 2 MiB below 4 GiB for the virtual PCI host");
	sys->header.platform_info.pci_mmconfig_base = base;
	sys->header.platform_info.pci_mmconfig_end_bus = 0;
	sys->header.platform_info.pci_is_virtual = 1;
	sys->header.platform_info.pci_domain = JAILHOUSE_PCI_DOMAIN_ANY;
	/* an INTx line per possible link that no device uses, below INTID 160 */
	for (irq = 160 - JHG_MAX_LINKS; irq >= 32 + JHG_MAX_LINKS;
	     irq -= JHG_MAX_LINKS)
		if (jhg_spis_free(b, irq, JHG_MAX_LINKS))
			break;
	if (irq < 32 + JHG_MAX_LINKS)
		return jh_fail(ctx, ENOSPC, JH_ERR_INVALID_ARGUMENT,
			       "no %d free SPIs below INTID 160 for the virtual PCI host",
			       JHG_MAX_LINKS);
	sys->vpci_irq_base = irq - 32;
	return 0;
}

unsigned int jhg_link_regions(const struct jhg_link_spec *l, unsigned int k,
			      uint64_t start, unsigned int peer, bool cell,
			      struct jhg_region *out)
{
	uint64_t shared = cell ? JAILHOUSE_MEM_ROOTSHARED : 0;
	uint64_t out_start = l->net ? start + PAGE : start + 0x10000;
	uint64_t out_size = l->net ? 0x7f000 : 0x4000;
	unsigned int n = 0, i;

	memset(out, 0, sizeof(*out) * (2 + l->peers));
	out[n].mem.phys_start = out[n].mem.virt_start = start;
	out[n].mem.size = PAGE;
	out[n].mem.flags = JAILHOUSE_MEM_READ | shared;
	snprintf(out[n++].comment, sizeof(out[0].comment),
		 "ivshmem link 00:%02x.0 (%s, %u peers): state table", k,
		 l->net ? "ivshmem-net" : "undefined protocol", l->peers);
	if (!l->net) {
		out[n].mem.phys_start = out[n].mem.virt_start = start + PAGE;
		out[n].mem.size = 0x10000 - PAGE;
		out[n].mem.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				   shared;
	}
	snprintf(out[n++].comment, sizeof(out[0].comment),
		 l->net ? "read/write section (none)" : "read/write section");
	for (i = 0; i < l->peers; i++) {
		out[n].mem.phys_start = out[n].mem.virt_start =
			out_start + i * out_size;
		out[n].mem.size = out_size;
		out[n].mem.flags = JAILHOUSE_MEM_READ | shared |
				   (i == peer ? JAILHOUSE_MEM_WRITE : 0);
		snprintf(out[n++].comment, sizeof(out[0].comment),
			 "output section of peer %u%s", i,
			 i == peer ? ", this one's" : "");
	}
	return n;
}

void jhg_link_device(const struct jhg_link_spec *l, unsigned int k,
		     unsigned int peer, unsigned int first_region,
		     struct jailhouse_pci_device *dev)
{
	static const __u32 intx[6] = JAILHOUSE_IVSHMEM_BAR_MASK_INTX;

	memset(dev, 0, sizeof(*dev));
	dev->type = JAILHOUSE_PCI_TYPE_IVSHMEM;
	dev->bdf = (__u16)(k << 3);
	memcpy(dev->bar_mask, intx, sizeof(intx));
	dev->shmem_regions_start = first_region;
	dev->shmem_dev_id = (__u8)peer;
	dev->shmem_peers = (__u8)l->peers;
	dev->shmem_protocol = l->net ? JAILHOUSE_SHMEM_PROTO_VETH :
			      JAILHOUSE_SHMEM_PROTO_UNDEFINED;
}

/*
 * The links, a MiB each below the hypervisor's memory, in RAM Linux does
 * not use; root is peer 0 of each.
 */
static int place_links(struct jh_ctx *ctx, const struct jhg_board *b,
		       const struct jhg_params *p, struct jhg_system *sys)
{
	struct jhg_region r[JHG_LINK_REGIONS];
	uint64_t start;
	unsigned int k, n, i;
	int err;

	for (k = 0; k < p->num_links; k++) {
		start = sys->header.hypervisor_memory.phys_start -
			(k + 1) * MIB;
		if (!inside(b->ram, b->num_ram, start, MIB) ||
		    linux_uses(b, start, MIB) || reserved_other(b, start, MIB))
			return jh_fail(ctx, ENOSPC, JH_ERR_MEMORY,
				       "ivshmem link %u: 0x%llx-0x%llx below the hypervisor is not RAM that Linux and the tree's reservations leave free; the links need %u MiB there",
				       k, (unsigned long long)start,
				       (unsigned long long)(start + MIB - 1),
				       p->num_links);
		sys->links[k] = p->links[k];
		sys->link_start[k] = start;
		jhg_link_device(&p->links[k], k, 0, sys->num_regions,
				&sys->pci[k]);
		n = jhg_link_regions(&p->links[k], k, start, 0, false, r);
		for (i = 0; i < n; i++) {
			err = add_region(ctx, sys, r[i].mem.phys_start,
					 r[i].mem.size, r[i].mem.flags,
					 r[i].comment);
			if (err)
				return err;
		}
		sys->num_links = k + 1;
	}
	return 0;
}

static void platform(const struct jhg_board *b, struct jhg_system *sys)
{
	const struct jhg_gic *g = &b->gic;
	struct jailhouse_system *h = &sys->header;

	h->platform_info.arm.gic_version = (__u8)g->version;
	h->platform_info.arm.maintenance_irq = (__u8)(g->maintenance_irq ?
						      g->maintenance_irq : 25);
	h->platform_info.arm.gicd_base = g->gicd;
	if (g->version == 3) {
		h->platform_info.arm.gicr_base = g->gicr;
		return;
	}
	/*
	 * A GIC-400 whose 4 KiB CPU interface pages repeat over 64 KiB
	 * (128 KiB in reg): its two pages are contiguous across the end of
	 * the first alias, as Linux's GIC driver finds too.
	 */
	h->platform_info.arm.gicc_base = g->gicc +
		(g->gicc_size == 0x20000 ? 0xf000 : 0);
	h->platform_info.arm.gich_base = g->gich;
	h->platform_info.arm.gicv_base = g->gicv +
		(g->gicv_size == 0x20000 ? 0xf000 : 0);
}

int jhg_layout(struct jh_ctx *ctx, const struct jhg_board *b,
	       const struct jhg_params *p, struct jhg_system *sys)
{
	struct jailhouse_system *h = &sys->header;
	unsigned int i;
	int err;

	jhg_system_release(sys);
	memset(sys, 0, sizeof(*sys));
	if (p->name)
		snprintf(sys->name, sizeof(sys->name), "%s", p->name);
	else
		name_from_model(b->model, sys->name, sizeof(sys->name));

	memcpy(h->signature, JAILHOUSE_SYSTEM_SIGNATURE,
	       sizeof(h->signature));
	h->architecture = JAILHOUSE_ARM64;
	h->revision = JAILHOUSE_CONFIG_REVISION;
	h->flags = JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE;
	err = place_hypervisor(ctx, b, p, sys);
	if (err)
		return err;
	h->debug_console.address = b->console.address;
	h->debug_console.size = b->console.size;
	h->debug_console.type = (__u16)b->console.type;
	h->debug_console.flags = (__u16)b->console.flags;
	platform(b, sys);

	sys->num_cpus = b->num_cpus;
	for (i = 0; i < b->num_cpus; i++)
		jhg_cpu_add(sys->cpu_bits, i);

	err = root_ram(ctx, b, sys, p->num_links * MIB);
	if (!err)
		err = root_mmio(ctx, b, sys);
	if (!err && (p->vpci || p->num_links))
		err = place_vpci(ctx, b, sys);
	if (!err)
		err = place_links(ctx, b, p, sys);
	if (err)
		return err;
	root_spis(b, sys, sys->header.platform_info.pci_is_virtual ?
		  sys->vpci_irq_base + 32 + JHG_MAX_LINKS - 1 : 159);
	return 0;
}

void jhg_system_release(struct jhg_system *sys)
{
	free(sys->regions);
	sys->regions = NULL;
	sys->num_regions = sys->cap_regions = 0;
}
