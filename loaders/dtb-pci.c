// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The cell's virtual PCI host in its DTB, so that its Linux finds the
 * ivshmem devices: a generic ECAM host at the system's ECAM, one 32-bit
 * memory window right after it for their BARs (identity mapped; the cell
 * does not map it, so every access traps) and INTx pins A-D on the SPIs
 * from vpci_irq_base. The node is built for the DTB it goes into: the
 * root's address and size cells, the GIC's phandle and cells.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <libfdt.h>

#include "internal.h"

#define PCI_SPACE_MEM32		0x02000000	/* phys.hi: 32-bit memory */
#define PCI_ADDR_CELLS		3
#define PCI_SIZE_CELLS		2
#define INTX_PINS		4
#define GIC_SPI			0
#define IRQ_EDGE_RISING		1
#define MAX_GIC_ADDR_CELLS	4
#define MAP_ENTRY_MAX		(PCI_ADDR_CELLS + 1 + 1 + MAX_GIC_ADDR_CELLS + 4)
#define NUM_PROPS		12

struct gic_info {
	__u32 phandle;
	__u32 addr_cells, irq_cells;
};

/* The host's node; prop[] points into the value buffers below it. */
struct vpci_node {
	char name[32];
	unsigned int num;
	struct {
		const char *name;
		const void *val;
		int len;
	} prop[NUM_PROPS];
	fdt32_t bus_range[2], domain, addr_cells, size_cells, irq_cells;
	__u8 reg[16];
	__u8 ranges[4 * (PCI_ADDR_CELLS + 2 + PCI_SIZE_CELLS)];
	fdt32_t map_mask[PCI_ADDR_CELLS + 1];
	fdt32_t map[INTX_PINS * MAP_ENTRY_MAX];
};

static void vpci_name(const struct jhl_cell *cell, char *buf, size_t len)
{
	snprintf(buf, len, "pci@%llx", (unsigned long long)cell->vpci.ecam);
}

bool jhl_dtb_is_vpci(const void *fdt, int node, const struct jhl_cell *cell)
{
	int ac = fdt_address_cells(fdt, 0), len;
	const char *name;
	const fdt32_t *reg;
	char want[32];

	if (!cell->vpci.present)
		return false;
	name = fdt_get_name(fdt, node, NULL);
	vpci_name(cell, want, sizeof(want));
	if (name && !strcmp(name, want))
		return true;
	reg = fdt_getprop(fdt, node, "reg", &len);
	return reg && ac >= 1 && ac <= 2 && len >= 4 * ac &&
	       jhl_fdt_cells(reg, ac) == cell->vpci.ecam;
}

static __u32 cell_prop(const void *fdt, int node, const char *name,
		       __u32 absent)
{
	const fdt32_t *val;
	int len;

	val = fdt_getprop(fdt, node, name, &len);
	return val && len == 4 ? fdt32_to_cpu(*val) : absent;
}

/* The GIC node the checker found; a phandle is given it if @create. */
static int gic_info(struct jhl_ctx *ctx, void *fdt, unsigned int version,
		    bool create, struct gic_info *gic)
{
	int node = jhl_dtb_find_gic(fdt, version), err;
	const char *name;

	if (node < 0)
		return -ENOENT;		/* said by the checker */
	name = fdt_get_name(fdt, node, NULL);
	/* Linux reads an absent #address-cells of the parent as 0 */
	gic->addr_cells = cell_prop(fdt, node, "#address-cells", 0);
	gic->irq_cells = cell_prop(fdt, node, "#interrupt-cells", 0);
	if (gic->addr_cells > MAX_GIC_ADDR_CELLS ||
	    (gic->irq_cells != 3 && gic->irq_cells != 4)) {
		jhl_err(ctx, "DTB: GIC node %s has #address-cells %u and #interrupt-cells %u; the PCI host's interrupt-map needs at most %d and 3 or 4",
			name ? name : "?", gic->addr_cells,
			gic->irq_cells, MAX_GIC_ADDR_CELLS);
		return -EINVAL;
	}
	gic->phandle = fdt_get_phandle(fdt, node);
	if (gic->phandle || !create)
		return 0;
	err = fdt_generate_phandle(fdt, &gic->phandle);
	if (!err)
		err = fdt_setprop_u32(fdt, node, "phandle", gic->phandle);
	if (err)
		return jhl_fdt_fail(ctx, "giving the GIC a phandle", err);
	jhl_info(ctx, "DTB: gave the GIC node phandle %u for the PCI host's interrupt-map",
		 gic->phandle);
	return 0;
}

static void add_prop(struct vpci_node *n, const char *name, const void *val,
		     int len)
{
	n->prop[n->num].name = name;
	n->prop[n->num].val = val;
	n->prop[n->num].len = len;
	n->num++;
}

/* One window of 32-bit memory, PCI address = CPU address. */
static int put_ranges(struct jhl_ctx *ctx, struct vpci_node *n, int ac,
		      const struct jhl_vpci *vp)
{
	int err;

	fdt32_st(n->ranges, PCI_SPACE_MEM32);
	fdt64_st(n->ranges + 4, vp->window);
	err = jhl_dtb_encode_reg(ctx, n->ranges + 4 * PCI_ADDR_CELLS, ac,
				 PCI_SIZE_CELLS, vp->window, vp->window_size);
	add_prop(n, "ranges", n->ranges,
		 4 * (PCI_ADDR_CELLS + ac + PCI_SIZE_CELLS));
	return err;
}

/* Pin n of any device (the mask drops its address): SPI base + n - 1. */
static void put_interrupt_map(struct vpci_node *n, const struct jhl_cell *cell,
			      const struct gic_info *gic)
{
	unsigned int pin, pos = 0, c;

	for (pin = 1; pin <= INTX_PINS; pin++) {
		for (c = 0; c < PCI_ADDR_CELLS; c++)
			n->map[pos++] = 0;
		n->map[pos++] = cpu_to_fdt32(pin);
		n->map[pos++] = cpu_to_fdt32(gic->phandle);
		for (c = 0; c < gic->addr_cells; c++)
			n->map[pos++] = 0;
		n->map[pos++] = cpu_to_fdt32(GIC_SPI);
		n->map[pos++] = cpu_to_fdt32(cell->vpci_irq_base + pin - 1);
		n->map[pos++] = cpu_to_fdt32(IRQ_EDGE_RISING);
		if (gic->irq_cells == 4)
			n->map[pos++] = 0;	/* no PPI partition */
	}
	n->map_mask[0] = n->map_mask[1] = n->map_mask[2] = 0;
	n->map_mask[3] = cpu_to_fdt32(7);
	add_prop(n, "interrupt-map-mask", n->map_mask, sizeof(n->map_mask));
	add_prop(n, "interrupt-map", n->map, pos * 4);
}

/* What does not depend on the DTB around it. */
static void put_host(struct vpci_node *n, const struct jhl_vpci *vp)
{
	static const char compat[] = "pci-host-ecam-generic";

	add_prop(n, "compatible", compat, sizeof(compat));
	add_prop(n, "device_type", "pci", sizeof("pci"));
	n->bus_range[1] = cpu_to_fdt32(vp->end_bus);
	add_prop(n, "bus-range", n->bus_range, sizeof(n->bus_range));
	/* the cell's Linux numbers it as root's does: the first free one */
	if (vp->domain != JAILHOUSE_PCI_DOMAIN_ANY) {
		n->domain = cpu_to_fdt32(vp->domain);
		add_prop(n, "linux,pci-domain", &n->domain, 4);
	}
	n->addr_cells = cpu_to_fdt32(PCI_ADDR_CELLS);
	add_prop(n, "#address-cells", &n->addr_cells, 4);
	n->size_cells = cpu_to_fdt32(PCI_SIZE_CELLS);
	add_prop(n, "#size-cells", &n->size_cells, 4);
	n->irq_cells = cpu_to_fdt32(1);
	add_prop(n, "#interrupt-cells", &n->irq_cells, 4);
}

static int build(struct jhl_ctx *ctx, void *fdt, const struct jhl_cell *cell,
		 bool create, struct vpci_node *n)
{
	const struct jhl_vpci *vp = &cell->vpci;
	struct gic_info gic;
	int ac, sc, err;

	err = jhl_dtb_root_cells(ctx, fdt, &ac, &sc);
	if (!err)
		err = gic_info(ctx, fdt, cell->gic_version, create, &gic);
	if (err)
		return err;
	memset(n, 0, sizeof(*n));
	vpci_name(cell, n->name, sizeof(n->name));
	put_host(n, vp);
	err = jhl_dtb_encode_reg(ctx, n->reg, ac, sc, vp->ecam, vp->ecam_size);
	add_prop(n, "reg", n->reg, 4 * (ac + sc));
	if (!err)
		err = put_ranges(ctx, n, ac, vp);
	put_interrupt_map(n, cell, &gic);
	add_prop(n, "dma-coherent", NULL, 0);
	return err;
}

__printf(3, 4)
static void say(char *buf, size_t len, const char *fmt, ...)
{
	size_t pos = strlen(buf);
	va_list ap;

	if (pos + 2 >= len)
		return;
	if (pos)
		pos += snprintf(buf + pos, len - pos, ", ");
	va_start(ap, fmt);
	vsnprintf(buf + pos, len - pos, fmt, ap);
	va_end(ap);
}

static int find_prop(const struct vpci_node *n, const char *name)
{
	unsigned int i;

	for (i = 0; i < n->num; i++)
		if (!strcmp(n->prop[i].name, name))
			return i;
	return -1;
}

/* Properties and subnodes of @node that are not the host's. */
static void extras(const void *fdt, int node, const struct vpci_node *want,
		   char *buf, size_t len)
{
	const char *name;
	int off, sub;

	fdt_for_each_property_offset(off, fdt, node) {
		if (!fdt_getprop_by_offset(fdt, off, &name, NULL))
			continue;
		if (find_prop(want, name) >= 0)
			continue;
		/* "okay" changes nothing; a disabled host is no use */
		if (strcmp(name, "status"))
			say(buf, len, "has %s", name);
		else if (!jhl_dtb_enabled(fdt, node))
			say(buf, len, "is disabled");
	}
	fdt_for_each_subnode(sub, fdt, node) {
		name = fdt_get_name(fdt, sub, NULL);
		say(buf, len, "subnode %s", name ? name : "?");
	}
}

/* What of @node is not as @want says; "" when it is the host exactly. */
static void differs(const void *fdt, int node, const struct vpci_node *want,
		    char *buf, size_t len)
{
	const void *val;
	unsigned int i;
	int have;

	buf[0] = 0;
	for (i = 0; i < want->num; i++) {
		val = fdt_getprop(fdt, node, want->prop[i].name, &have);
		if (!val)
			say(buf, len, "no %s", want->prop[i].name);
		else if (have != want->prop[i].len ||
			 (have && memcmp(val, want->prop[i].val, have)))
			say(buf, len, "%s differs", want->prop[i].name);
	}
	extras(fdt, node, want, buf, len);
}

int jhl_dtb_vpci_diff(struct jhl_ctx *ctx, void *fdt, int node,
		      const struct jhl_cell *cell, char *diff, size_t len)
{
	struct vpci_node want;
	int err;

	err = build(ctx, fdt, cell, false, &want);
	if (!err)
		differs(fdt, node, &want, diff, len);
	return err;
}

int jhl_dtb_put_vpci(struct jhl_ctx *ctx, void *fdt,
		     const struct jhl_cell *cell)
{
	struct vpci_node want;
	unsigned int n;
	char diff[8];
	int node, err;

	if (!cell->vpci.present)
		return 0;
	err = build(ctx, fdt, cell, true, &want);
	if (err)
		return err;
	/* a DTB patched before, or written for the cell, has it already */
	fdt_for_each_subnode(node, fdt, 0) {
		if (!jhl_dtb_is_vpci(fdt, node, cell))
			continue;
		differs(fdt, node, &want, diff, sizeof(diff));
		if (!diff[0])
			return 0;
	}
	node = fdt_add_subnode(fdt, 0, want.name);
	if (node < 0)
		return jhl_fdt_fail(ctx, "adding the virtual PCI host", node);
	/* libfdt puts each new property first: the last goes in first */
	for (n = want.num; n-- > 0;) {
		err = fdt_setprop(fdt, node, want.prop[n].name,
				  want.prop[n].val, want.prop[n].len);
		if (err)
			return jhl_fdt_fail(ctx, "writing the virtual PCI host",
					    err);
	}
	return 0;
}
