// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * A complete DTB from the cell config when the user gives none: the
 * cell's CPUs (PSCI over smc), its GIC (v3, or a GIC-400) at the system's
 * addresses, the arch timer, its console UART (PL011 or Cadence), then the
 * virtual PCI host of its ivshmem devices, /memory and /chosen like a
 * patched one.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libfdt.h>
#include <jailhouse/gic.h>

#include "internal.h"

#define PHANDLE_GIC	1
#define PHANDLE_CLK	2
#define GIC_SPI		0
#define GIC_PPI		1
#define IRQ_LEVEL_HIGH	4

/* The console UARTs a node is generated for, as Linux binds them */
struct uart_model {
	__u16 type;			/* JAILHOUSE_CON_TYPE_* */
	const char *compat;		/* NUL-separated list */
	size_t compat_len;
	const char *clk_names;		/* both clocks from one fixed clock */
	size_t clk_names_len;
	const char *clk_node;
	__u32 clk_hz;
};

#define LIST(s)	s, sizeof(s)

static const struct uart_model uart_models[] = {
	/* QEMU virt's apb-pclk */
	{ JAILHOUSE_CON_TYPE_PL011, LIST("arm,pl011\0arm,primecell"),
	  LIST("uartclk\0apb_pclk"), "apb-pclk", 24000000 },
	/* ZynqMP: the UART reference clock of the boards */
	{ JAILHOUSE_CON_TYPE_XUARTPS, LIST("cdns,uart-r1p12\0xlnx,xuartps"),
	  LIST("uart_clk\0pclk"), "uart-clk", 100000000 },
};

struct gen {
	struct jhl_ctx *ctx;
	const struct jhl_cell *cell;
	void *fdt;
	int err;		/* first libfdt error, sticky */
	char uart_path[32];
	const struct uart_model *uart;
};

/* Sequential-write helpers: once an error is seen, later calls do nothing. */
static void begin(struct gen *g, const char *name)
{
	if (!g->err)
		g->err = fdt_begin_node(g->fdt, name);
}

static void end(struct gen *g)
{
	if (!g->err)
		g->err = fdt_end_node(g->fdt);
}

static void prop(struct gen *g, const char *name, const void *val, int len)
{
	if (!g->err)
		g->err = fdt_property(g->fdt, name, val, len);
}

static void prop_u32(struct gen *g, const char *name, __u32 val)
{
	if (!g->err)
		g->err = fdt_property_u32(g->fdt, name, val);
}

static void prop_str(struct gen *g, const char *name, const char *val)
{
	prop(g, name, val, strlen(val) + 1);
}

static void prop_cells(struct gen *g, const char *name, const __u32 *cells,
		       unsigned int num)
{
	fdt32_t be[12];
	unsigned int n;

	for (n = 0; n < num; n++)
		be[n] = cpu_to_fdt32(cells[n]);
	prop(g, name, be, num * sizeof(be[0]));
}

static void reg64(struct gen *g, __u64 a0, __u64 s0, __u64 a1, __u64 s1)
{
	const __u32 cells[] = {
		a0 >> 32, (__u32)a0, s0 >> 32, (__u32)s0,
		a1 >> 32, (__u32)a1, s1 >> 32, (__u32)s1,
	};

	prop_cells(g, "reg", cells, s1 ? 8 : 4);
}

/* reg is the MPIDR, as QEMU virt numbers its CPUs (jhl_cpu_mpidr()). */
static void add_cpus(struct gen *g)
{
	unsigned int cpu;
	char name[32];
	__u64 mpidr;

	begin(g, "cpus");
	prop_u32(g, "#address-cells", 1);
	prop_u32(g, "#size-cells", 0);
	for (cpu = 0; cpu < g->cell->cpu_set_size * 8; cpu++) {
		if (!jhl_cell_has_cpu(g->cell, cpu))
			continue;
		mpidr = jhl_cpu_mpidr(cpu);
		snprintf(name, sizeof(name), "cpu@%llx", (unsigned long long)mpidr);
		begin(g, name);
		prop_str(g, "device_type", "cpu");
		prop_str(g, "compatible", "arm,armv8");
		prop_u32(g, "reg", mpidr);
		prop_str(g, "enable-method", "psci");
		end(g);
	}
	end(g);
}

static void add_psci_timer(struct gen *g)
{
	static const __u32 timer_irqs[] = {
		GIC_PPI, 13, IRQ_LEVEL_HIGH, GIC_PPI, 14, IRQ_LEVEL_HIGH,
		GIC_PPI, 11, IRQ_LEVEL_HIGH, GIC_PPI, 10, IRQ_LEVEL_HIGH,
	};

	begin(g, "psci");
	prop_str(g, "compatible", "arm,psci-0.2");
	prop_str(g, "method", "smc");
	end(g);
	begin(g, "timer");
	prop_str(g, "compatible", "arm,armv8-timer");
	prop_cells(g, "interrupts", timer_irqs, 12);
	end(g);
}

static void add_gic(struct gen *g)
{
	const struct jhl_cell *cell = g->cell;
	char name[48];

	snprintf(name, sizeof(name), "interrupt-controller@%llx",
		 (unsigned long long)cell->gicd);
	begin(g, name);
	/* GICv2: what the cell reaches as its GICC is the virtual interface */
	prop_str(g, "compatible",
		 cell->gic_version == 2 ? "arm,gic-400" : "arm,gic-v3");
	prop_u32(g, "#address-cells", 0);	/* no children; dtc wants it */
	prop_u32(g, "#interrupt-cells", 3);
	prop(g, "interrupt-controller", NULL, 0);
	if (cell->gic_version == 2)
		reg64(g, cell->gicd, JAILHOUSE_GICD_V2_SIZE, cell->gicc,
		      JAILHOUSE_GICC_SIZE);
	else
		reg64(g, cell->gicd, JAILHOUSE_GICD_SIZE, cell->gicr,
		      cell->gicr_size);
	prop_u32(g, "phandle", PHANDLE_GIC);
	end(g);
}

static unsigned int uart_irq(struct gen *g)
{
	unsigned int irq = g->cell->uart_irq;

	if (!irq)
		irq = jhl_cell_guess_uart_irq(g->cell);
	if (!irq || irq < 32)
		jhl_warn(g->ctx, "cell \"%s\" is granted no SPI for its UART: the generated UART node has no interrupt",
			 g->cell->name);
	else if (!jhl_cell_irq_granted(g->cell, irq))
		jhl_warn(g->ctx, "UART interrupt %u is not granted to cell \"%s\"",
			 irq, g->cell->name);
	return irq >= 32 ? irq : 0;
}

static bool uart_usable(struct gen *g)
{
	const struct jailhouse_console *con = &g->cell->console;
	unsigned int n;

	if (con->type == JAILHOUSE_CON_TYPE_NONE) {
		jhl_warn(g->ctx, "cell \"%s\" has no console: the generated DTB has no UART",
			 g->cell->name);
		return false;
	}
	for (n = 0; n < ARRAY_SIZE(uart_models); n++)
		if (uart_models[n].type == con->type)
			g->uart = &uart_models[n];
	if (!g->uart) {
		jhl_warn(g->ctx, "cell console type %u: only PL011 and Cadence (xuartps) nodes are generated; pass a DTB with -d for others",
			 con->type);
		return false;
	}
	if (jhl_cell_find_region(g->cell, con->address, 1) < 0) {
		jhl_warn(g->ctx, "cell console at 0x%llx is not mapped into cell \"%s\": no UART node generated",
			 (unsigned long long)con->address, g->cell->name);
		return false;
	}
	return true;
}

static void add_uart(struct gen *g)
{
	const struct jailhouse_console *con = &g->cell->console;
	const __u32 clocks[] = { PHANDLE_CLK, PHANDLE_CLK };
	const struct uart_model *m;
	unsigned int irq;

	if (!uart_usable(g))
		return;
	m = g->uart;
	irq = uart_irq(g);
	begin(g, m->clk_node);
	prop_str(g, "compatible", "fixed-clock");
	prop_u32(g, "#clock-cells", 0);
	prop_u32(g, "clock-frequency", m->clk_hz);
	prop_u32(g, "phandle", PHANDLE_CLK);
	end(g);

	snprintf(g->uart_path, sizeof(g->uart_path), "/serial@%llx",
		 (unsigned long long)con->address);
	begin(g, g->uart_path + 1);
	prop(g, "compatible", m->compat, m->compat_len);
	reg64(g, con->address, con->size ? con->size : 0x1000, 0, 0);
	if (irq) {
		const __u32 irqs[] = { GIC_SPI, irq - 32, IRQ_LEVEL_HIGH };

		prop_cells(g, "interrupts", irqs, 3);
	}
	prop_cells(g, "clocks", clocks, 2);
	prop(g, "clock-names", m->clk_names, m->clk_names_len);
	end(g);
}

static void add_root(struct gen *g)
{
	char model[64];

	snprintf(model, sizeof(model), "Jailhouse cell %s", g->cell->name);
	begin(g, "");
	prop_u32(g, "#address-cells", 2);
	prop_u32(g, "#size-cells", 2);
	prop_str(g, "model", model);
	prop_str(g, "compatible", "jailhouse,cell");
	prop_u32(g, "interrupt-parent", PHANDLE_GIC);
	begin(g, "hypervisor");
	prop_str(g, "compatible", "jailhouse,cell");
	end(g);
	add_cpus(g);
	add_psci_timer(g);
	add_gic(g);
	add_uart(g);
	end(g);
}

static int build(struct gen *g, size_t size)
{
	g->err = fdt_create(g->fdt, size);
	if (!g->err)
		g->err = fdt_finish_reservemap(g->fdt);
	add_root(g);
	if (!g->err)
		g->err = fdt_finish(g->fdt);
	if (!g->err)
		g->err = fdt_open_into(g->fdt, g->fdt, size);
	return g->err ? jhl_fdt_fail(g->ctx, "generating", g->err) : 0;
}

int jhl_dtb_generate(struct jhl_ctx *ctx, const struct jhl_cell *cell,
		     const char *cmdline, bool initrd, void **out,
		     size_t *out_size)
{
	size_t size = 8192 + 128 * cell->num_cpus + 16 * cell->num_mem +
		(cmdline ? strlen(cmdline) + 1 : 0) + JHL_VPCI_DTB_ROOM;
	struct gen g = { .ctx = ctx, .cell = cell };
	int err;

	g.fdt = malloc(size);
	if (!g.fdt)
		return -ENOMEM;
	err = build(&g, size);
	if (!err)
		err = jhl_dtb_put_vpci(ctx, g.fdt, cell);
	if (!err)
		err = jhl_dtb_put_chosen(ctx, g.fdt, cmdline, initrd,
					 g.uart_path[0] ? g.uart_path : NULL);
	if (!err)
		err = jhl_dtb_put_memory(ctx, g.fdt, cell);
	if (!err && fdt_pack(g.fdt))
		err = jhl_fdt_fail(ctx, "packing", -FDT_ERR_INTERNAL);
	if (err) {
		free(g.fdt);
		return err;
	}
	*out = g.fdt;
	*out_size = fdt_totalsize(g.fdt);
	return 0;
}
