// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The facts of a board for its system config, from its device tree: the
 * CPUs (MPIDRs), RAM and reserved memory, the GIC, the console Linux
 * prints to (/chosen/stdout-path), and every memory-mapped device node
 * that is enabled, with the SPIs it raises. /proc/iomem, when given,
 * says which RAM Linux itself runs in.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "confgen.h"
#include "dt.h"
#include "ranges.h"
#include "loaders/internal.h"

static const struct {
	const char *compatible;
	uint32_t type;
	uint32_t flags;
} consoles[] = {
	{ "arm,pl011", JAILHOUSE_CON_TYPE_PL011, JAILHOUSE_CON_REGDIST_4 },
	{ "arm,sbsa-uart", JAILHOUSE_CON_TYPE_PL011, JAILHOUSE_CON_REGDIST_4 },
	{ "xlnx,xuartps", JAILHOUSE_CON_TYPE_XUARTPS, JAILHOUSE_CON_REGDIST_4 },
	{ "cdns,uart-r1p12", JAILHOUSE_CON_TYPE_XUARTPS, JAILHOUSE_CON_REGDIST_4 },
	{ "cdns,uart-r1p8", JAILHOUSE_CON_TYPE_XUARTPS, JAILHOUSE_CON_REGDIST_4 },
	{ "marvell,armada-3700-uart", JAILHOUSE_CON_TYPE_MVEBU,
	  JAILHOUSE_CON_REGDIST_4 },
	{ "renesas,hscif", JAILHOUSE_CON_TYPE_HSCIF, 0 },
	{ "renesas,rcar-gen3-hscif", JAILHOUSE_CON_TYPE_HSCIF, 0 },
	{ "renesas,scifa", JAILHOUSE_CON_TYPE_SCIFA, 0 },
	{ "renesas,rcar-gen3-scif", JAILHOUSE_CON_TYPE_SCIF, 0 },
	{ "renesas,scif", JAILHOUSE_CON_TYPE_SCIF, 0 },
	{ "fsl,imx7ulp-lpuart", JAILHOUSE_CON_TYPE_IMX_LPUART, 0 },
	{ "fsl,imx8qm-lpuart", JAILHOUSE_CON_TYPE_IMX_LPUART, 0 },
	{ "fsl,imx8ulp-lpuart", JAILHOUSE_CON_TYPE_IMX_LPUART, 0 },
	{ "fsl,imx6q-uart", JAILHOUSE_CON_TYPE_IMX, 0 },
	{ "fsl,imx21-uart", JAILHOUSE_CON_TYPE_IMX, 0 },
	/* 8250 family: the register distance comes from reg-shift */
	{ "snps,dw-apb-uart", JAILHOUSE_CON_TYPE_8250, 0 },
	{ "ns16550a", JAILHOUSE_CON_TYPE_8250, 0 },
	{ "ns16550", JAILHOUSE_CON_TYPE_8250, 0 },
	{ "ns8250", JAILHOUSE_CON_TYPE_8250, 0 },
};

/* Nodes whose reg is not a device root Linux drives. */
static bool not_a_device(const void *fdt, int node)
{
	const char *type = jhl_fdt_string(fdt, node, "device_type");
	const char *name = fdt_get_name(fdt, node, NULL);
	int parent = fdt_parent_offset(fdt, node);

	if (type && (!strcmp(type, "memory") || !strcmp(type, "cpu")))
		return true;
	if (parent >= 0 && (!strcmp(fdt_get_name(fdt, parent, NULL), "cpus") ||
			    !strcmp(fdt_get_name(fdt, parent, NULL),
				    "reserved-memory")))
		return true;
	return name && (!strncmp(name, "memory", 6) && (!name[6] ||
							name[6] == '@'));
}

/*
 * Strings of the tree end up in C comments and strings: no "*" before
 * "/", no quote, backslash or control character survives.
 */
static void tame(char *s)
{
	for (; *s; s++) {
		if ((unsigned char)*s < 0x20 || *s == 0x7f || *s == '"' ||
		    *s == '\\')
			*s = '?';
		else if (*s == '*' && s[1] == '/')
			*s = '+';
	}
}

static void copy_str(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src ? src : "");
	tame(dst);
}

static int node_path(const void *fdt, int node, char *buf, int size)
{
	const char *name;

	if (fdt_get_path(fdt, node, buf, size)) {
		name = fdt_get_name(fdt, node, NULL);
		snprintf(buf, (size_t)size, "%s", name ? name : "?");
	}
	tame(buf);
	return 0;
}

static int probe_cpus(struct jh_ctx *ctx, const void *fdt,
		      struct jhg_board *b)
{
	int cpus = fdt_path_offset(fdt, "/cpus"), node, ac, len;
	const char *type;
	const fdt32_t *reg;

	if (cpus < 0)
		return jh_fail(ctx, EINVAL, JH_ERR_INVALID_ARGUMENT,
			       "%s: no /cpus node", b->dtb_source);
	ac = fdt_address_cells(fdt, cpus);
	fdt_for_each_subnode(node, fdt, cpus) {
		type = jhl_fdt_string(fdt, node, "device_type");
		if (!type || strcmp(type, "cpu") || !jhg_enabled(fdt, node))
			continue;
		reg = fdt_getprop(fdt, node, "reg", &len);
		if (!reg || ac < 1 || ac > 2 || len < ac * 4)
			return jh_fail(ctx, EINVAL, JH_ERR_INVALID_ARGUMENT,
				       "%s: CPU node %s has no reg (its MPIDR)",
				       b->dtb_source,
				       fdt_get_name(fdt, node, NULL));
		if (b->num_cpus == JHG_MAX_CPUS)
			return jh_fail(ctx, E2BIG, JH_ERR_INVALID_ARGUMENT,
				       "%s: more than %d CPUs", b->dtb_source,
				       JHG_MAX_CPUS);
		b->mpidr[b->num_cpus++] = jhl_fdt_cells(reg, ac);
	}
	if (!b->num_cpus)
		return jh_fail(ctx, EINVAL, JH_ERR_INVALID_ARGUMENT,
			       "%s: no enabled CPU under /cpus", b->dtb_source);
	return 0;
}

static int add_range(struct jh_ctx *ctx, struct jhg_board *b,
		     struct jh_range *r, unsigned int *num,
		     uint64_t start, uint64_t size, const char *what)
{
	if (!size)
		return 0;
	if (*num == JHG_MAX_RANGES)
		return jh_fail(ctx, E2BIG, JH_ERR_INVALID_ARGUMENT,
			       "%s: more than %d %s ranges", b->dtb_source,
			       JHG_MAX_RANGES, what);
	r[*num].start = start;
	r[*num].size = size;
	(*num)++;
	return 0;
}

static int probe_memory(struct jh_ctx *ctx, const void *fdt,
			struct jhg_board *b)
{
	uint64_t start, size;
	const char *type;
	int node, resv, i, err;

	for (node = fdt_next_node(fdt, -1, NULL); node >= 0;
	     node = fdt_next_node(fdt, node, NULL)) {
		type = jhl_fdt_string(fdt, node, "device_type");
		if (!type || strcmp(type, "memory") || !jhg_enabled(fdt, node))
			continue;
		for (i = 0; jhg_reg(fdt, node, i, &start, &size); i++) {
			err = add_range(ctx, b, b->ram, &b->num_ram, start,
					size, "RAM");
			if (err)
				return err;
		}
	}
	if (!b->num_ram)
		return jh_fail(ctx, EINVAL, JH_ERR_INVALID_ARGUMENT,
			       "%s: no memory node with a size: on boards whose boot loader fills it in, take the tree Linux booted with (/sys/firmware/fdt on the board)",
			       b->dtb_source);

	resv = fdt_path_offset(fdt, "/reserved-memory");
	if (resv < 0)
		return 0;
	fdt_for_each_subnode(node, fdt, resv) {
		if (!jhg_enabled(fdt, node) ||
		    !jhg_reg(fdt, node, 0, &start, &size))
			continue;
		if (b->num_reserved == JHG_MAX_RANGES)
			return jh_fail(ctx, E2BIG, JH_ERR_INVALID_ARGUMENT,
				       "%s: more than %d reserved-memory ranges",
				       b->dtb_source, JHG_MAX_RANGES);
		copy_str(b->reserved_name[b->num_reserved],
			 sizeof(b->reserved_name[0]),
			 fdt_get_name(fdt, node, NULL));
		err = add_range(ctx, b, b->reserved, &b->num_reserved, start,
				size, "reserved-memory");
		if (err)
			return err;
	}
	return 0;
}

static int probe_gic(struct jh_ctx *ctx, const void *fdt,
		     struct jhg_board *b)
{
	struct jhg_gic *g = &b->gic;
	unsigned int ppi[1];
	uint64_t a[4] = { 0 }, s[4] = { 0 };
	int node, i;

	node = jhl_dtb_find_gic(fdt, 3);
	g->version = 3;
	if (node < 0) {
		node = jhl_dtb_find_gic(fdt, 2);
		g->version = 2;
	}
	if (node < 0)
		return jh_fail(ctx, ENODEV, JH_ERR_INVALID_ARGUMENT,
			       "%s: no GICv2 or GICv3 node: the hypervisor needs one",
			       b->dtb_source);
	node_path(fdt, node, g->path, sizeof(g->path));
	for (i = 0; i < 4; i++)
		jhg_reg(fdt, node, i, &a[i], &s[i]);
	g->gicd = a[0];
	g->gicd_size = s[0];
	if (g->version == 3) {
		g->gicr = a[1];
		g->gicr_size = s[1];
	} else {
		g->gicc = a[1];
		g->gicc_size = s[1];
		g->gich = a[2];
		g->gich_size = s[2];
		g->gicv = a[3];
		g->gicv_size = s[3];
	}
	if (!g->gicd || (g->version == 3 ? !g->gicr :
			 !g->gicc || !g->gich || !g->gicv))
		return jh_fail(ctx, EINVAL, JH_ERR_INVALID_ARGUMENT,
			       "%s: the GICv%u node %s lacks frames in reg (%s)",
			       b->dtb_source, g->version, g->path,
			       g->version == 3 ? "distributor, redistributors" :
			       "distributor, CPU interface, GICH, GICV: the hypervisor needs the virtualization extensions");
	/* the maintenance interrupt is the GIC's own PPI */
	if (jhg_gic_irqs(fdt, node, node, ppi, 1) ||
	    jhg_gic_irqs(fdt, node, fdt_parent_offset(fdt, node), ppi, 1))
		g->maintenance_irq = ppi[0];
	else {
		const fdt32_t *p = fdt_getprop(fdt, node, "interrupts", &i);

		if (p && i >= 12)
			g->maintenance_irq = fdt32_to_cpu(p[1]) +
					     (fdt32_to_cpu(p[0]) ? 16 : 32);
	}
	return 0;
}

/* The JAILHOUSE_CON_* type and flags of a UART node, type 0 if none. */
static void uart_type(const void *fdt, int node, uint32_t *type,
		      uint32_t *flags)
{
	const fdt32_t *shift;
	unsigned int i;
	int len;

	*type = JAILHOUSE_CON_TYPE_NONE;
	*flags = JAILHOUSE_CON_ACCESS_MMIO;
	for (i = 0; i < ARRAY_SIZE(consoles); i++) {
		if (fdt_node_check_compatible(fdt, node,
					      consoles[i].compatible))
			continue;
		*type = consoles[i].type;
		*flags |= consoles[i].flags;
		break;
	}
	shift = fdt_getprop(fdt, node, "reg-shift", &len);
	if (*type == JAILHOUSE_CON_TYPE_8250 && shift && len == 4 &&
	    fdt32_to_cpu(*shift) == 2)
		*flags |= JAILHOUSE_CON_REGDIST_4;
}

static void probe_console(const void *fdt, struct jhg_board *b)
{
	struct jhg_console *c = &b->console;
	char path[JHG_PATH_MAX];
	const char *stdout_path;
	uint64_t size;
	int chosen, node;

	chosen = fdt_path_offset(fdt, "/chosen");
	stdout_path = chosen < 0 ? NULL :
		      jhl_fdt_string(fdt, chosen, "stdout-path");
	if (!stdout_path && chosen >= 0)
		stdout_path = jhl_fdt_string(fdt, chosen, "linux,stdout-path");
	if (!stdout_path)
		return;
	snprintf(path, sizeof(path), "%.*s",
		 (int)strcspn(stdout_path, ":"), stdout_path);
	node = path[0] == '/' ? fdt_path_offset(fdt, path) :
	       fdt_path_offset(fdt, fdt_get_alias(fdt, path) ?
			       fdt_get_alias(fdt, path) : "/-");
	if (node < 0 || !jhg_reg(fdt, node, 0, &c->address, &size))
		return;
	node_path(fdt, node, c->path, sizeof(c->path));
	copy_str(c->compatible, sizeof(c->compatible),
		 jhl_fdt_string(fdt, node, "compatible"));
	c->size = size < 0x1000 ? 0x1000 : (size + 0xfff) & ~0xfffULL;
	uart_type(fdt, node, &c->type, &c->flags);
}

/* A PCI host's windows (its ranges, CPU side) are devices too. */
static int add_device(struct jh_ctx *ctx, const void *fdt, int node,
		      struct jhg_board *b, uint64_t start, uint64_t size,
		      int gic, bool disabled)
{
	struct jhg_device *d;

	if (!size)
		return 0;
	if (jhg_grow((void **)&b->devices, &b->cap_devices, b->num_devices,
		     JHG_MAX_DEVICES, sizeof(*b->devices)))
		return b->num_devices == JHG_MAX_DEVICES ?
		       jh_fail(ctx, E2BIG, JH_ERR_INVALID_ARGUMENT,
			       "%s: more than %d device windows",
			       b->dtb_source, JHG_MAX_DEVICES) :
		       jh_fail_nomem(ctx);
	d = &b->devices[b->num_devices++];
	node_path(fdt, node, d->path, sizeof(d->path));
	copy_str(d->compatible, sizeof(d->compatible),
		 jhl_fdt_string(fdt, node, "compatible"));
	d->disabled = disabled;
	uart_type(fdt, node, &d->con_type, &d->con_flags);
	d->start = start;
	d->size = size;
	d->num_spis = gic < 0 ? 0 :
		      jhg_gic_irqs(fdt, node, gic, d->spis, JHG_MAX_DEV_IRQS);
	return 0;
}

static int probe_pci_windows(struct jh_ctx *ctx, const void *fdt, int node,
			     struct jhg_board *b)
{
	int parent = fdt_parent_offset(fdt, node), pac, len, i, entry;
	const fdt32_t *r;
	uint64_t addr, size;
	int err;

	r = fdt_getprop(fdt, node, "ranges", &len);
	pac = fdt_address_cells(fdt, parent);
	if (!r || fdt_address_cells(fdt, node) != 3 || pac < 1 || pac > 2 ||
	    fdt_size_cells(fdt, node) != 2)
		return 0;
	entry = 3 + pac + 2;
	for (i = 0; (i + 1) * entry * 4 <= len; i++) {
		addr = jhl_fdt_cells(r + i * entry + 3, pac);
		size = jhl_fdt_cells(r + i * entry + 3 + pac, 2);
		if (!jhg_translate(fdt, parent, &addr))
			continue;
		err = add_device(ctx, fdt, node, b, addr, size, -1, false);
		if (err)
			return err;
	}
	return 0;
}

static int probe_devices(struct jh_ctx *ctx, const void *fdt,
			 struct jhg_board *b)
{
	int gic = fdt_path_offset(fdt, b->gic.path), node, i, n, err;
	uint64_t start, size;
	const char *type;
	bool disabled;

	for (node = fdt_next_node(fdt, -1, NULL); node >= 0;
	     node = fdt_next_node(fdt, node, NULL)) {
		/* a node disabled on an enabled bus is kept for cells */
		if (node == gic || not_a_device(fdt, node) ||
		    !jhg_enabled(fdt, fdt_parent_offset(fdt, node)))
			continue;
		disabled = !jhg_enabled(fdt, node);
		n = jhg_num_reg(fdt, node);
		for (i = 0; i < n; i++) {
			if (!jhg_reg(fdt, node, i, &start, &size))
				continue;
			/* the IRQs go with the first window only */
			err = add_device(ctx, fdt, node, b, start, size,
					 i ? -1 : gic, disabled);
			if (err)
				return err;
		}
		type = jhl_fdt_string(fdt, node, "device_type");
		if (type && !strcmp(type, "pci") && !disabled) {
			err = probe_pci_windows(ctx, fdt, node, b);
			if (err)
				return err;
		}
	}
	return 0;
}

/* Linux's RAM as mem=@bytes leaves it: the first bytes, lowest first. */
static int linux_ram_of_mem(struct jh_ctx *ctx, struct jhg_board *b,
			    uint64_t bytes)
{
	struct jh_range ram[JHG_MAX_RANGES];
	uint64_t take;
	unsigned int i;

	memcpy(ram, b->ram, sizeof(ram[0]) * b->num_ram);
	qsort(ram, b->num_ram, sizeof(ram[0]), cmp_range);
	for (i = 0; i < b->num_ram && bytes; i++) {
		take = ram[i].size < bytes ? ram[i].size : bytes;
		b->linux_ram[b->num_linux_ram].start = ram[i].start;
		b->linux_ram[b->num_linux_ram++].size = take;
		bytes -= take;
	}
	if (bytes)
		return jh_fail(ctx, EINVAL, JH_ERR_INVALID_ARGUMENT,
			       "mem= asks for more than the %s's RAM",
			       b->dtb_source);
	b->have_iomem = true;
	return 0;
}

int jhg_probe(struct jh_ctx *ctx, const void *fdt, size_t fdt_size,
	      const char *iomem, uint64_t linux_mem, struct jhg_board *b)
{
	int err;

	if (!jhl_dtb_scan(fdt, fdt_size) || fdt_check_full(fdt, fdt_size))
		return jh_fail(ctx, EINVAL, JH_ERR_INVALID_ARGUMENT,
			       "%s: not a sound device tree blob",
			       b->dtb_source);
	copy_str(b->model, sizeof(b->model),
		 jhl_fdt_string(fdt, 0, "model"));
	err = probe_cpus(ctx, fdt, b);
	if (!err)
		err = probe_memory(ctx, fdt, b);
	if (!err)
		err = probe_gic(ctx, fdt, b);
	if (err)
		return err;
	probe_console(fdt, b);
	err = probe_devices(ctx, fdt, b);
	if (err)
		return err;
	if (!iomem)
		return linux_mem ? linux_ram_of_mem(ctx, b, linux_mem) : 0;
	b->have_iomem = true;
	return jh_iomem_ram(ctx, iomem, b->linux_ram, JHG_MAX_RANGES,
			    &b->num_linux_ram);
}

void jhg_board_release(struct jhg_board *b)
{
	free(b->devices);
	b->devices = NULL;
	b->num_devices = b->cap_devices = 0;
}

int jhg_grow(void **array, unsigned int *cap, unsigned int count,
	     unsigned int max, size_t elem)
{
	unsigned int n;
	void *more;

	if (count < *cap)
		return 0;
	if (count >= max)
		return -1;
	n = *cap ? *cap * 2 : 32;
	if (n > max)
		n = max;
	more = realloc(*array, n * elem);
	if (!more)
		return -1;
	*array = more;
	*cap = n;
	return 0;
}
