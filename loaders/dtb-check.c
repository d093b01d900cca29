// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Compares a given DTB with the cell config before it is patched: CPUs and
 * their enable-method, PSCI conduit, GIC and UARTs. What certainly stops
 * the cell (PSCI over hvc, no GICv3, a GIC elsewhere than the system's) is
 * an error; the rest is a warning, or an error with strict checking.
 */
#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include <libfdt.h>

#include "internal.h"

struct checker {
	struct jhl_ctx *ctx;
	const void *fdt;
	const struct jhl_cell *cell;
	unsigned int errors;
};

__printf(3, 4)
static void report(struct checker *c, bool hard, const char *fmt, ...)
{
	enum jhl_log_level level = JHL_LOG_WARN;
	va_list ap;

	if (hard || c->ctx->strict) {
		level = JHL_LOG_ERR;
		c->errors++;
	}
	va_start(ap, fmt);
	jhl_vlog(c->ctx, level, fmt, ap);
	va_end(ap);
}

static const char *node_name(const struct checker *c, int node)
{
	const char *name = fdt_get_name(c->fdt, node, NULL);

	return name ? name : "?";
}

static bool is_cpu(const void *fdt, int node)
{
	const char *type = jhl_fdt_string(fdt, node, "device_type");

	return type && !strcmp(type, "cpu");
}

static void check_cpu(struct checker *c, int node)
{
	const char *method = jhl_fdt_string(c->fdt, node, "enable-method");
	__u64 mpidr, unused;

	if (!method || strcmp(method, "psci"))
		report(c, false, "DTB: CPU %s has enable-method \"%s\"; cells start their CPUs with PSCI only",
		       node_name(c, node), method ? method : "(none)");
	if (jhl_dtb_reg(c->fdt, node, 0, &mpidr, &unused) &&
	    (mpidr > 0xffff || !jhl_cell_has_cpu(c->cell, mpidr)))
		report(c, false, "DTB: CPU %s (MPIDR 0x%llx) is not a CPU of cell \"%s\" (assuming MPIDR = CPU number, as on QEMU virt)",
		       node_name(c, node), (unsigned long long)mpidr,
		       c->cell->name);
}

static void check_cpus(struct checker *c)
{
	int cpus = fdt_path_offset(c->fdt, "/cpus"), node;
	unsigned int count = 0;
	char list[64];

	if (cpus < 0) {
		report(c, true, "DTB: no /cpus node");
		return;
	}
	fdt_for_each_subnode(node, c->fdt, cpus) {
		if (!is_cpu(c->fdt, node))
			continue;
		count++;
		check_cpu(c, node);
	}
	if (count != c->cell->num_cpus) {
		jhl_cell_cpulist(c->cell, list, sizeof(list));
		report(c, false, "DTB: describes %u CPUs, cell \"%s\" has %u (%s)",
		       count, c->cell->name, c->cell->num_cpus, list);
	}
}

static void check_psci(struct checker *c)
{
	static const char *const compats[] = {
		"arm,psci-1.0", "arm,psci-0.2", "arm,psci",
	};
	const char *method;
	unsigned int n;
	int node = -1;

	for (n = 0; n < 3 && node < 0; n++)
		node = fdt_node_offset_by_compatible(c->fdt, -1, compats[n]);
	if (node < 0) {
		report(c, false, "DTB: no PSCI node; Linux cannot start the cell's other CPUs");
		return;
	}
	method = jhl_fdt_string(c->fdt, node, "method");
	if (method && !strcmp(method, "hvc"))
		report(c, true, "DTB: PSCI method \"hvc\"; cells must use \"smc\" (any hvc but the hypercall stops the cell)");
	else if (!method || strcmp(method, "smc"))
		report(c, false, "DTB: PSCI method \"%s\", expected \"smc\"",
		       method ? method : "(none)");
}

static void check_gic_reg(struct checker *c, int node, int idx,
			  const char *what, __u64 want)
{
	__u64 addr, size;

	if (!jhl_dtb_reg(c->fdt, node, idx, &addr, &size))
		report(c, true, "DTB: GIC node %s has no %s in reg",
		       node_name(c, node), what);
	else if (addr != want)
		report(c, c->cell->gic_known,
		       "DTB: GIC %s at 0x%llx, the %s says 0x%llx", what,
		       (unsigned long long)addr,
		       c->cell->gic_known ? "system" : "QEMU virt default",
		       (unsigned long long)want);
}

static void check_gic(struct checker *c)
{
	int node = fdt_node_offset_by_compatible(c->fdt, -1, "arm,gic-v3");

	if (node < 0) {
		report(c, true, "DTB: no GICv3 (\"arm,gic-v3\") interrupt controller; cells need one");
		return;
	}
	check_gic_reg(c, node, 0, "distributor", c->cell->gicd);
	check_gic_reg(c, node, 1, "redistributors", c->cell->gicr);
}

static void check_uart_irq(struct checker *c, int node)
{
	const fdt32_t *irq;
	unsigned int intid;
	int len;

	irq = fdt_getprop(c->fdt, node, "interrupts", &len);
	/* GICv3 binding: <type number flags>, type 0 = SPI */
	if (!irq || len < 12 || fdt32_to_cpu(irq[0]) != 0)
		return;
	intid = fdt32_to_cpu(irq[1]) + 32;
	if (!jhl_cell_irq_granted(c->cell, intid))
		report(c, false, "DTB: UART %s uses INTID %u, which cell \"%s\" is not granted",
		       node_name(c, node), intid, c->cell->name);
}

static void check_uarts(struct checker *c)
{
	__u64 addr, size;
	int node;

	for (node = fdt_next_node(c->fdt, -1, NULL); node >= 0;
	     node = fdt_next_node(c->fdt, node, NULL)) {
		if (!jhl_dtb_is_uart(c->fdt, node) || !jhl_dtb_enabled(c->fdt, node))
			continue;
		if (!jhl_dtb_reg(c->fdt, node, 0, &addr, &size))
			continue;
		if (jhl_cell_find_region(c->cell, addr, size ? size : 1) < 0) {
			report(c, false, "DTB: UART %s at 0x%llx is not mapped into cell \"%s\": Linux faults when it probes it (set status = \"disabled\")",
			       node_name(c, node), (unsigned long long)addr,
			       c->cell->name);
			continue;
		}
		check_uart_irq(c, node);
	}
}

int jhl_dtb_check(struct jhl_ctx *ctx, const void *fdt,
		  const struct jhl_cell *cell)
{
	struct checker c = { .ctx = ctx, .fdt = fdt, .cell = cell };

	check_cpus(&c);
	check_psci(&c);
	check_gic(&c);
	check_uarts(&c);
	if (c.errors) {
		jhl_err(ctx, "DTB does not match cell \"%s\" (%u problem%s above)",
			cell->name, c.errors, c.errors > 1 ? "s" : "");
		return -EINVAL;
	}
	return 0;
}
