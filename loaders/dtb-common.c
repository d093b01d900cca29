// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * DTB edits shared by the patcher and the generator: /memory from the
 * cell's RAM, /chosen (bootargs, initrd range, stdout-path), reg decoding.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libfdt.h>

#include "internal.h"

static const char *const uart_compats[] = {
	"arm,pl011", "arm,sbsa-uart", "ns16550a", "ns16550",
	"snps,dw-apb-uart", "xlnx,xuartps", "cdns,uart-r1p8", "cdns,uart-r1p12",
};

const char *jhl_fdt_string(const void *fdt, int node, const char *name)
{
	const char *val;
	int len;

	val = fdt_getprop(fdt, node, name, &len);
	if (!val || len < 1 || val[len - 1])
		return NULL;
	return val;
}

int jhl_fdt_fail(struct jhl_ctx *ctx, const char *what, int err)
{
	jhl_err(ctx, "DTB: %s: %s", what, fdt_strerror(err));
	return -EINVAL;
}

int jhl_dtb_root_cells(struct jhl_ctx *ctx, const void *fdt, int *ac,
		       int *sc)
{
	*ac = fdt_address_cells(fdt, 0);
	*sc = fdt_size_cells(fdt, 0);
	if (*ac < 1 || *ac > 2 || *sc < 1 || *sc > 2) {
		jhl_err(ctx, "DTB: root #address-cells %d / #size-cells %d not supported (1 or 2)",
			*ac, *sc);
		return -EINVAL;
	}
	return 0;
}

static void put_cells(__u8 *buf, int cells, __u64 val)
{
	if (cells == 2) {
		fdt64_st(buf, val);
		return;
	}
	fdt32_st(buf, (__u32)val);
}

int jhl_dtb_encode_reg(struct jhl_ctx *ctx, __u8 *buf, int addr_cells,
		       int size_cells, __u64 addr, __u64 size)
{
	if ((addr_cells == 1 && addr > 0xffffffffULL) ||
	    (size_cells == 1 && size > 0xffffffffULL)) {
		jhl_err(ctx, "DTB: 0x%llx (size 0x%llx) does not fit the root's 32-bit #address-cells/#size-cells",
			(unsigned long long)addr, (unsigned long long)size);
		return -ERANGE;
	}
	put_cells(buf, addr_cells, addr);
	put_cells(buf + 4 * addr_cells, size_cells, size);
	return 0;
}

/* Memory nodes by device_type and upstream's plain "memory" node. */
int jhl_dtb_drop_memory(struct jhl_ctx *ctx, void *fdt)
{
	int node, err;

	for (;;) {
		node = fdt_node_offset_by_prop_value(fdt, -1, "device_type",
						     "memory", sizeof("memory"));
		if (node < 0)
			node = fdt_subnode_offset(fdt, 0, "memory");
		if (node == -FDT_ERR_NOTFOUND)
			return 0;
		if (node < 0)
			return jhl_fdt_fail(ctx, "looking for memory nodes", node);
		err = fdt_del_node(fdt, node);
		if (err)
			return jhl_fdt_fail(ctx, "deleting a memory node", err);
	}
}

static int memory_reg(struct jhl_ctx *ctx, const struct jhl_cell *cell,
		      int ac, int sc, __u8 *reg, int *len, __u64 *first)
{
	unsigned int n;
	int err;

	*len = 0;
	for (n = 0; n < cell->num_mem; n++) {
		const struct jailhouse_memory *mem = &cell->mem[n];

		if (!jhl_cell_mem_for_linux(mem))
			continue;
		if (!*len)
			*first = mem->virt_start;
		err = jhl_dtb_encode_reg(ctx, reg + *len, ac, sc,
					 mem->virt_start, mem->size);
		if (err)
			return err;
		*len += 4 * (ac + sc);
	}
	if (!*len) {
		jhl_err(ctx, "cell \"%s\" has no RAM region for Linux", cell->name);
		return -ENOSPC;
	}
	return 0;
}

static int add_memory_node(struct jhl_ctx *ctx, void *fdt, __u64 first,
			   const __u8 *reg, int len)
{
	char name[32];
	int node, err;

	snprintf(name, sizeof(name), "memory@%llx", (unsigned long long)first);
	node = fdt_add_subnode(fdt, 0, name);
	if (node < 0)
		return jhl_fdt_fail(ctx, "adding /memory", node);
	err = fdt_setprop_string(fdt, node, "device_type", "memory");
	if (!err)
		err = fdt_setprop(fdt, node, "reg", reg, len);
	return err ? jhl_fdt_fail(ctx, "writing /memory", err) : 0;
}

int jhl_dtb_put_memory(struct jhl_ctx *ctx, void *fdt,
		       const struct jhl_cell *cell)
{
	int ac, sc, len, err;
	__u64 first = 0;
	__u8 *reg;

	err = jhl_dtb_root_cells(ctx, fdt, &ac, &sc);
	if (err)
		return err;
	reg = malloc(cell->num_mem * 16 + 1);
	if (!reg)
		return -ENOMEM;
	err = memory_reg(ctx, cell, ac, sc, reg, &len, &first);
	if (!err)
		err = add_memory_node(ctx, fdt, first, reg, len);
	free(reg);
	return err;
}

static int chosen_node(struct jhl_ctx *ctx, void *fdt)
{
	int node = fdt_path_offset(fdt, "/chosen");

	if (node == -FDT_ERR_NOTFOUND)
		node = fdt_add_subnode(fdt, 0, "chosen");
	if (node < 0)
		return jhl_fdt_fail(ctx, "/chosen", node);
	return node;
}

static int put_initrd(struct jhl_ctx *ctx, void *fdt, int node, bool initrd)
{
	__u8 zero[8] = { 0 };
	int ac, sc, err;

	if (!initrd) {
		/* A stale range would make Linux unpack garbage. */
		err = fdt_delprop(fdt, node, "linux,initrd-start");
		if (!err || err == -FDT_ERR_NOTFOUND)
			err = fdt_delprop(fdt, node, "linux,initrd-end");
		if (err && err != -FDT_ERR_NOTFOUND)
			return jhl_fdt_fail(ctx, "removing the initrd range", err);
		return 0;
	}
	err = jhl_dtb_root_cells(ctx, fdt, &ac, &sc);
	if (err)
		return err;
	/* Placeholders of the final width; filled in once placed. */
	err = fdt_setprop(fdt, node, "linux,initrd-start", zero, 4 * ac);
	if (!err)
		err = fdt_setprop(fdt, node, "linux,initrd-end", zero, 4 * ac);
	return err ? jhl_fdt_fail(ctx, "writing the initrd range", err) : 0;
}

int jhl_dtb_put_chosen(struct jhl_ctx *ctx, void *fdt, const char *cmdline,
		       bool initrd, const char *stdout_path)
{
	int node = chosen_node(ctx, fdt), err;

	if (node < 0)
		return node;
	if (cmdline) {
		err = fdt_setprop_string(fdt, node, "bootargs", cmdline);
		if (err)
			return jhl_fdt_fail(ctx, "writing bootargs", err);
	}
	err = put_initrd(ctx, fdt, node, initrd);
	if (err)
		return err;
	if (!stdout_path || fdt_getprop(fdt, node, "stdout-path", NULL) ||
	    fdt_getprop(fdt, node, "linux,stdout-path", NULL))
		return 0;
	err = fdt_setprop_string(fdt, node, "stdout-path", stdout_path);
	return err ? jhl_fdt_fail(ctx, "writing stdout-path", err) : 0;
}

static int set_cells(struct jhl_ctx *ctx, void *fdt, int node,
		     const char *name, __u64 val)
{
	__u8 buf[8];
	int len, err;

	if (!fdt_getprop(fdt, node, name, &len) || (len != 4 && len != 8))
		return jhl_fdt_fail(ctx, name, -FDT_ERR_INTERNAL);
	if (len == 4 && val > 0xffffffffULL) {
		jhl_err(ctx, "DTB: %s 0x%llx needs 64 bits, the root's #address-cells is 1",
			name, (unsigned long long)val);
		return -ERANGE;
	}
	put_cells(buf, len / 4, val);
	err = fdt_setprop_inplace(fdt, node, name, buf, len);
	return err ? jhl_fdt_fail(ctx, name, err) : 0;
}

int jhl_dtb_set_initrd(struct jhl_ctx *ctx, void *fdt, __u64 start,
		       __u64 end)
{
	int node = fdt_path_offset(fdt, "/chosen"), err;

	if (node < 0)
		return jhl_fdt_fail(ctx, "/chosen", node);
	err = set_cells(ctx, fdt, node, "linux,initrd-start", start);
	return err ? err : set_cells(ctx, fdt, node, "linux,initrd-end", end);
}

__u64 jhl_fdt_cells(const void *cells_p, int cells)
{
	const fdt32_t *p = cells_p;

	return cells == 2 ? (__u64)fdt32_to_cpu(p[0]) << 32 |
			    fdt32_to_cpu(p[1])
			  : cells ? fdt32_to_cpu(p[0]) : 0;
}

bool jhl_dtb_reg(const void *fdt, int node, int idx, __u64 *addr,
		 __u64 *size)
{
	int parent = fdt_parent_offset(fdt, node), ac, sc, len;
	const fdt32_t *reg;

	if (parent < 0)
		return false;
	ac = fdt_address_cells(fdt, parent);
	sc = fdt_size_cells(fdt, parent);
	reg = fdt_getprop(fdt, node, "reg", &len);
	if (!reg || ac < 1 || ac > 2 || sc < 0 || sc > 2 || idx < 0 ||
	    (idx + 1) * (ac + sc) * 4 > len)
		return false;
	reg += idx * (ac + sc);
	*addr = jhl_fdt_cells(reg, ac);
	*size = jhl_fdt_cells(reg + ac, sc);
	return true;
}

bool jhl_dtb_is_uart(const void *fdt, int node)
{
	unsigned int n;

	for (n = 0; n < ARRAY_SIZE(uart_compats); n++)
		if (!fdt_node_check_compatible(fdt, node, uart_compats[n]))
			return true;
	return false;
}

/* What Linux binds its GICv2 driver to, as the boards name a GIC-400 */
static const char *const gicv2_compats[] = {
	"arm,gic-400", "arm,cortex-a15-gic", "arm,cortex-a9-gic",
	"arm,cortex-a7-gic",
};

bool jhl_dtb_is_gic(const void *fdt, int node, unsigned int version)
{
	unsigned int n;

	if (version == 3)
		return !fdt_node_check_compatible(fdt, node, "arm,gic-v3");
	for (n = 0; n < ARRAY_SIZE(gicv2_compats); n++)
		if (!fdt_node_check_compatible(fdt, node, gicv2_compats[n]))
			return true;
	return false;
}

int jhl_dtb_find_gic(const void *fdt, unsigned int version)
{
	int node;

	for (node = fdt_next_node(fdt, -1, NULL); node >= 0;
	     node = fdt_next_node(fdt, node, NULL))
		if (jhl_dtb_is_gic(fdt, node, version))
			return node;
	return -FDT_ERR_NOTFOUND;
}

bool jhl_dtb_enabled(const void *fdt, int node)
{
	const char *status = jhl_fdt_string(fdt, node, "status");

	return !status || !strcmp(status, "okay") || !strcmp(status, "ok");
}

int jhl_dtb_find_uart(const void *fdt, __u64 addr)
{
	__u64 base, size;
	int node;

	for (node = fdt_next_node(fdt, -1, NULL); node >= 0;
	     node = fdt_next_node(fdt, node, NULL))
		if (jhl_dtb_is_uart(fdt, node) && jhl_dtb_enabled(fdt, node) &&
		    jhl_dtb_reg(fdt, node, 0, &base, &size) && base == addr)
			return node;
	return -FDT_ERR_NOTFOUND;
}
