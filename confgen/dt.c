// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Device-tree reading for the generator: reg entries translated through
 * every bus's "ranges" to CPU addresses, and a node's GIC interrupts.
 */
#include <string.h>

#include <libfdt.h>

#include "dt.h"
#include "loaders/internal.h"

/*
 * @addr, an address on the bus of @node's children, as the CPU sees it;
 * false if a bus on the way has no "ranges" (not memory-mapped: I2C, SPI)
 * or no range covers it.
 */
bool jhg_translate(const void *fdt, int node, uint64_t *addr)
{
	int bus = node, parent, ac, pac, sc, len, entry, n;
	const fdt32_t *ranges;
	uint64_t child, size;

	while (bus > 0) {
		parent = fdt_parent_offset(fdt, bus);
		if (parent < 0)
			return false;
		ranges = fdt_getprop(fdt, bus, "ranges", &len);
		if (!ranges)
			return false;
		if (len == 0) {		/* identity */
			bus = parent;
			continue;
		}
		ac = fdt_address_cells(fdt, bus);
		sc = fdt_size_cells(fdt, bus);
		pac = fdt_address_cells(fdt, parent);
		if (ac < 1 || ac > 3 || pac < 1 || pac > 2 || sc < 1 || sc > 2)
			return false;
		entry = ac + pac + sc;
		for (n = 0; (n + 1) * entry * 4 <= len; n++) {
			const fdt32_t *r = ranges + n * entry;

			/* a PCI bus: the low two cells of three are the address */
			child = jhl_fdt_cells(r + (ac == 3), ac - (ac == 3));
			size = jhl_fdt_cells(r + ac + pac, sc);
			if (*addr >= child && *addr - child < size) {
				*addr = jhl_fdt_cells(r + ac, pac) + (*addr - child);
				break;
			}
		}
		if ((n + 1) * entry * 4 > len)
			return false;
		bus = parent;
	}
	return true;
}

bool jhg_reg(const void *fdt, int node, int idx, uint64_t *addr,
	     uint64_t *size)
{
	__u64 a, sz;
	uint64_t cpu;

	if (!jhl_dtb_reg(fdt, node, idx, &a, &sz))
		return false;
	cpu = a;
	/* nothing written unless the whole way to the CPU is known */
	if (!jhg_translate(fdt, fdt_parent_offset(fdt, node), &cpu))
		return false;
	*addr = cpu;
	*size = sz;
	return true;
}

int jhg_num_reg(const void *fdt, int node)
{
	int parent = fdt_parent_offset(fdt, node), ac, sc, len;

	if (parent < 0 || !fdt_getprop(fdt, node, "reg", &len))
		return 0;
	ac = fdt_address_cells(fdt, parent);
	sc = fdt_size_cells(fdt, parent);
	if (ac < 1 || ac > 2 || sc < 0 || sc > 2)
		return 0;
	return len / ((ac + sc) * 4);
}

/* The interrupt parent of @node: its own or an ancestor's property. */
static int interrupt_parent(const void *fdt, int node)
{
	const fdt32_t *ph;
	int len;

	for (; node >= 0; node = fdt_parent_offset(fdt, node)) {
		ph = fdt_getprop(fdt, node, "interrupt-parent", &len);
		if (ph && len == 4)
			return fdt_node_offset_by_phandle(fdt,
							  fdt32_to_cpu(*ph));
	}
	return -FDT_ERR_NOTFOUND;
}

/* A GIC specifier's INTID: <type number flags>, type 0 SPI, 1 PPI. */
static unsigned int gic_intid(const fdt32_t *spec)
{
	return fdt32_to_cpu(spec[1]) + (fdt32_to_cpu(spec[0]) ? 16 : 32);
}

static int interrupt_cells(const void *fdt, int ctrl)
{
	const fdt32_t *p;
	int len;

	p = fdt_getprop(fdt, ctrl, "#interrupt-cells", &len);
	return p && len == 4 ? (int)fdt32_to_cpu(*p) : -1;
}

/*
 * Does @ctrl hand its interrupts to @gic unchanged? The GIC itself, or a
 * pass-through controller in front of it (i.MX GPC, MediaTek sysirq,
 * Tegra LIC): an interrupt controller with GIC-style specifiers (3 cells;
 * a GIC may have a 4th for PPI partitions) whose own parent does, a few
 * hops at most.
 */
static bool reaches_gic(const void *fdt, int ctrl, int gic)
{
	int hops;

	for (hops = 0; ctrl >= 0 && hops < 4; hops++) {
		if (ctrl == gic)
			return true;
		if (!fdt_getprop(fdt, ctrl, "interrupt-controller", NULL) ||
		    interrupt_cells(fdt, ctrl) != 3 ||
		    fdt_getprop(fdt, ctrl, "interrupt-map", NULL))
			return false;
		ctrl = interrupt_parent(fdt, ctrl);
	}
	return false;
}

unsigned int jhg_gic_irqs(const void *fdt, int node, int gic,
			  unsigned int *intids, unsigned int max)
{
	int parent = interrupt_parent(fdt, node), len, i, ctrl, cells;
	const fdt32_t *p;
	unsigned int n = 0;

	/* <type number flags>, a 4th cell on a GIC with PPI partitions */
	cells = interrupt_cells(fdt, parent);
	p = fdt_getprop(fdt, node, "interrupts", &len);
	if (p && cells >= 3 && cells <= 4 && reaches_gic(fdt, parent, gic)) {
		for (i = 0; (i + 1) * cells * 4 <= len && n < max; i++)
			intids[n++] = gic_intid(p + i * cells);
		return n;
	}
	/* <phandle specifier...> pairs: a controller's width is its own */
	p = fdt_getprop(fdt, node, "interrupts-extended", &len);
	for (i = 0; p && (i + 1) * 4 <= len && n < max;) {
		ctrl = fdt_node_offset_by_phandle(fdt, fdt32_to_cpu(p[i]));
		if (ctrl < 0 || interrupt_cells(fdt, ctrl) < 1 ||
		    interrupt_cells(fdt, ctrl) > 8 ||
		    (i + 1 + interrupt_cells(fdt, ctrl)) * 4 > len)
			break;
		if (reaches_gic(fdt, ctrl, gic))
			intids[n++] = gic_intid(p + i + 1);
		i += 1 + interrupt_cells(fdt, ctrl);
	}
	return n;
}

bool jhg_enabled(const void *fdt, int node)
{
	const char *status;

	for (; node > 0; node = fdt_parent_offset(fdt, node)) {
		status = jhl_fdt_string(fdt, node, "status");
		if (status && strcmp(status, "okay") && strcmp(status, "ok"))
			return false;
	}
	return true;
}
