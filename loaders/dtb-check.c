// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Compares a user's DTB with the cell config and fits it to the cell: the
 * patcher's copy loses the CPU nodes of other CPUs, and devices whose MMIO
 * the cell does not map are disabled (a DTB from the root describes the
 * root's CPUs and devices; Linux probing unmapped MMIO stops the cell).
 * A node at the cell's PCI ECAM that is not its virtual PCI host goes.
 * Then CPUs and their enable-method, PSCI conduit, GIC and UART interrupts
 * are checked. What certainly stops the cell (PSCI over hvc, no GICv3, a
 * GIC elsewhere than the system's, no node for the CPU Linux boots on) is
 * an error; the rest is a warning, or an error with strict checking.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <libfdt.h>

#include "internal.h"

#define MAX_DEPTH	64	/* deeper nodes are left alone */
/*
 * Each fix moves the rest of the blob (up to 2 MiB); a DTB from a real
 * root needs far fewer, and the cap keeps a hostile one from taking ages.
 */
#define MAX_FIXES	1024
#define CPU_NUMBERING	"assuming QEMU virt's numbering: MPIDR Aff1 = CPU / 16, Aff0 = CPU %% 16"

struct checker {
	struct jhl_ctx *ctx;
	void *fdt;
	const struct jhl_cell *cell;
	unsigned int errors;
	unsigned int fixes;
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

/* A problem the patcher fixes by @fix, unless checking is strict. */
__printf(3, 4)
static void report_fix(struct checker *c, const char *fix, const char *fmt,
		       ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (c->ctx->strict)
		report(c, true, "%s (strict checking refuses it; otherwise it is %s)",
		       msg, fix);
	else
		report(c, false, "%s: %s", msg, fix);
}

static void fdt_error(struct checker *c, const char *what, int err)
{
	jhl_fdt_fail(c->ctx, what, err);
	c->errors++;
}

/* May one more node be deleted or disabled? Says so once if not. */
static bool may_fix(struct checker *c)
{
	if (c->fixes++ < MAX_FIXES)
		return true;
	if (c->fixes == MAX_FIXES + 1)
		report(c, true, "DTB: more than %d CPU nodes and devices do not belong to cell \"%s\"; pass a DTB made for the cell",
		       MAX_FIXES, c->cell->name);
	return false;
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

/*
 * The MPIDR (reg) of a node below /cpus, whose offset is known: libfdt's
 * parent lookup walks the blob from its start for every node.
 */
static bool cpu_mpidr(const struct checker *c, int cpus, int node,
		      __u64 *mpidr)
{
	int ac = fdt_address_cells(c->fdt, cpus), len;
	const fdt32_t *reg = fdt_getprop(c->fdt, node, "reg", &len);

	if (!reg || ac < 1 || ac > 2 || len < 4 * ac)
		return false;
	*mpidr = jhl_fdt_cells(reg, ac);
	return true;
}

/* The CPU number of a cpu node by its MPIDR, or -1. */
static int cpu_number(const struct checker *c, int cpus, int node)
{
	__u64 mpidr;

	if (!cpu_mpidr(c, cpus, node, &mpidr))
		return -1;
	return jhl_mpidr_cpu(mpidr);
}

static void drop_cpu_map(struct checker *c, int cpus)
{
	int node = fdt_subnode_offset(c->fdt, cpus, "cpu-map"), err;

	if (node < 0)
		return;
	/* Its leaves name deleted CPU nodes: Linux would complain. */
	err = fdt_del_node(c->fdt, node);
	if (err)
		fdt_error(c, "deleting /cpus/cpu-map", err);
	else
		jhl_info(c->ctx, "DTB: deleted /cpus/cpu-map, which names CPU nodes of other cells");
}

/* A CPU node whose MPIDR is no CPU of the cell (none: check_cpu()). */
static bool foreign_cpu(const struct checker *c, int cpus, int node,
			__u64 *mpidr)
{
	int cpu;

	if (!is_cpu(c->fdt, node) || !cpu_mpidr(c, cpus, node, mpidr))
		return false;
	cpu = jhl_mpidr_cpu(*mpidr);
	return cpu < 0 || !jhl_cell_has_cpu(c->cell, cpu);
}

/* Delete the nodes of CPUs that are not the cell's; false on error. */
static bool prune_cpus(struct checker *c, int cpus)
{
	int node = fdt_first_subnode(c->fdt, cpus), prev = -1, err;
	bool deleted = false;
	__u64 mpidr;

	while (node >= 0) {
		if (!foreign_cpu(c, cpus, node, &mpidr)) {
			prev = node;
			node = fdt_next_subnode(c->fdt, node);
			continue;
		}
		if (!may_fix(c))
			return false;
		report_fix(c, "deleted from the DTB",
			   "DTB: CPU node %s (MPIDR 0x%llx) is not a CPU of cell \"%s\" (" CPU_NUMBERING ")",
			   node_name(c, node), (unsigned long long)mpidr,
			   c->cell->name);
		err = fdt_del_node(c->fdt, node);
		if (err) {
			fdt_error(c, "deleting a CPU node", err);
			return false;
		}
		deleted = true;
		/* the next sibling moved to where this one was */
		node = prev >= 0 ? fdt_next_subnode(c->fdt, prev)
				 : fdt_first_subnode(c->fdt, cpus);
	}
	if (deleted)
		drop_cpu_map(c, cpus);
	return true;
}

static void check_cpu(struct checker *c, int cpus, int node)
{
	const char *method = jhl_fdt_string(c->fdt, node, "enable-method");
	__u64 mpidr;

	if (!method || strcmp(method, "psci"))
		report(c, false, "DTB: CPU %s has enable-method \"%s\"; cells start their CPUs with PSCI only",
		       node_name(c, node), method ? method : "(none)");
	if (!cpu_mpidr(c, cpus, node, &mpidr))
		report(c, false, "DTB: CPU %s has no MPIDR (reg)",
		       node_name(c, node));
}

static bool has_cpu_node(const struct checker *c, int cpus, unsigned int cpu)
{
	int node;

	fdt_for_each_subnode(node, c->fdt, cpus)
		if (is_cpu(c->fdt, node) && cpu_number(c, cpus, node) == (int)cpu)
			return true;
	return false;
}

static void check_cpus(struct checker *c)
{
	unsigned int count = 0, first = jhl_cell_first_cpu(c->cell);
	int cpus = fdt_path_offset(c->fdt, "/cpus"), node;
	char list[64];

	if (cpus < 0) {
		report(c, true, "DTB: no /cpus node");
		return;
	}
	/*
	 * Linux boots on the first CPU; without its node it runs on one CPU.
	 * Not found, the board numbers its CPUs otherwise than assumed: then
	 * nothing is deleted by that numbering either.
	 */
	if (!has_cpu_node(c, cpus, first))
		report(c, false, "DTB: no CPU node for CPU %u (MPIDR 0x%llx, " CPU_NUMBERING "), the first CPU of cell \"%s\", which boots Linux; if this board numbers its CPUs otherwise, check that the DTB's CPU nodes are the cell's (they are left as they are)",
		       first, (unsigned long long)jhl_cpu_mpidr(first),
		       c->cell->name);
	else if (!prune_cpus(c, cpus))
		return;
	fdt_for_each_subnode(node, c->fdt, cpus) {
		if (!is_cpu(c->fdt, node))
			continue;
		count++;
		check_cpu(c, cpus, node);
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

/*
 * Linux's GICv2 driver also takes a 128 KiB CPU interface whose 4 KiB
 * pages are aliased 16 times (GIC-400 on ZynqMP): it then uses the
 * last alias of the first page, base + 0xf000.
 */
static void check_gicc_reg(struct checker *c, int node, __u64 want)
{
	__u64 addr, size;

	if (jhl_dtb_reg(c->fdt, node, 1, &addr, &size) && size == 0x20000 &&
	    addr + 0xf000 == want)
		return;
	check_gic_reg(c, node, 1, "CPU interface", want);
}

static void check_gic(struct checker *c)
{
	unsigned int version = c->cell->gic_version;
	int node = jhl_dtb_find_gic(c->fdt, version);

	if (node < 0) {
		report(c, true, version == 2 ?
		       "DTB: no GICv2 (\"arm,gic-400\" or \"arm,cortex-a15-gic\") interrupt controller; the system has one" :
		       "DTB: no GICv3 (\"arm,gic-v3\") interrupt controller; cells need one");
		return;
	}
	check_gic_reg(c, node, 0, "distributor", c->cell->gicd);
	if (version == 2)
		check_gicc_reg(c, node, c->cell->gicc);
	else
		check_gic_reg(c, node, 1, "redistributors", c->cell->gicr);
}

/*
 * Device walk. @bus[d] is the node at depth d (the root is depth 1). A
 * child's address is translated through every bus's "ranges" as Linux
 * does; a bus without "ranges" (I2C, SPI, MDIO, PCI functions) has no MMIO
 * children, nor does a range that is not 1 or 2 cells wide.
 */
static bool translate(const struct checker *c, const int *bus, int depth,
		      __u64 *addr)
{
	int d, len, cac, pac, csc, entry, n;
	const fdt32_t *r;
	__u64 child, parent, size;

	for (d = depth - 1; d > 1; d--) {
		r = fdt_getprop(c->fdt, bus[d], "ranges", &len);
		if (!r)
			return false;
		if (!len)
			continue;	/* identity */
		cac = fdt_address_cells(c->fdt, bus[d]);
		pac = fdt_address_cells(c->fdt, bus[d - 1]);
		csc = fdt_size_cells(c->fdt, bus[d]);
		if (cac < 1 || cac > 2 || pac < 1 || pac > 2 || csc < 1 ||
		    csc > 2)
			return false;
		entry = cac + pac + csc;
		for (n = 0; (n + 1) * entry * 4 <= len; n++, r += entry) {
			child = jhl_fdt_cells(r, cac);
			parent = jhl_fdt_cells(r + cac, pac);
			size = jhl_fdt_cells(r + cac + pac, csc);
			if (*addr >= child && *addr - child < size)
				break;
		}
		if ((n + 1) * entry * 4 > len)
			return false;
		*addr = parent + (*addr - child);
	}
	return true;
}

/* First reg range of @node the cell does not map, in @addr; false if none. */
static bool unmapped_reg(const struct checker *c, const int *bus, int depth,
			 __u64 *addr)
{
	int node = bus[depth], ac, sc, len, n;
	const fdt32_t *reg;
	__u64 size;

	ac = fdt_address_cells(c->fdt, bus[depth - 1]);
	sc = fdt_size_cells(c->fdt, bus[depth - 1]);
	reg = fdt_getprop(c->fdt, node, "reg", &len);
	if (!reg || ac < 1 || ac > 2 || sc < 0 || sc > 2)
		return false;
	for (n = 0; (n + 1) * (ac + sc) * 4 <= len; n++, reg += ac + sc) {
		*addr = jhl_fdt_cells(reg, ac);
		size = jhl_fdt_cells(reg + ac, sc);
		if (!translate(c, bus, depth, addr))
			return false;
		if (!jhl_cell_covers(c->cell, *addr, size ? size : 1))
			return true;
	}
	return false;
}

/* Nodes whose reg is no device's MMIO, with everything below them. */
static bool not_devices(const void *fdt, int node, int depth)
{
	static const char *const top[] = {
		"cpus", "chosen", "reserved-memory", "memory",
	};
	const char *type = jhl_fdt_string(fdt, node, "device_type");
	const char *name = fdt_get_name(fdt, node, NULL);
	unsigned int n;
	size_t len;

	if (type && !strcmp(type, "memory"))
		return true;
	if (depth != 2 || !name)
		return false;
	for (n = 0; n < ARRAY_SIZE(top); n++) {
		len = strlen(top[n]);
		if (!strncmp(name, top[n], len) &&
		    (!name[len] || name[len] == '@'))
			return true;
	}
	return false;
}

/* "/soc/serial@1000" from the walk's stack: fdt_get_path() walks the blob. */
static void stack_path(const struct checker *c, const int *bus, int depth,
		       char *buf, size_t len)
{
	size_t pos = 0;
	int d;

	buf[0] = 0;
	for (d = 2; d <= depth && pos < len; d++)
		pos += snprintf(buf + pos, len - pos, "/%s",
				node_name(c, bus[d]));
}

static void disable(struct checker *c, const int *bus, int depth,
		    __u64 addr)
{
	int node = bus[depth], err;
	char path[256];

	stack_path(c, bus, depth, path, sizeof(path));
	report_fix(c, "disabled (status = \"disabled\")",
		   "DTB: %s at 0x%llx is not mapped into cell \"%s\"; Linux would probe it and the hypervisor stop the cell",
		   path, (unsigned long long)addr, c->cell->name);
	err = fdt_setprop_string(c->fdt, node, "status", "disabled");
	if (err)
		fdt_error(c, "disabling a node", err);
}

static void prune_devices(struct checker *c)
{
	int bus[MAX_DEPTH], node, depth = 0, skip = 0;
	__u64 addr;

	/*
	 * Disabling a node changes only bytes after its start: the walk
	 * goes on from it, and the offsets of its ancestors stay.
	 */
	for (node = fdt_next_node(c->fdt, -1, &depth); node >= 0 && depth > 0;
	     node = fdt_next_node(c->fdt, node, &depth)) {
		if (skip && depth > skip)
			continue;
		skip = 0;
		if (depth >= MAX_DEPTH) {
			skip = depth;
			continue;
		}
		bus[depth] = node;
		if (depth == 1)
			continue;
		if (not_devices(c->fdt, node, depth) ||
		    !jhl_dtb_enabled(c->fdt, node)) {
			skip = depth;
			continue;
		}
		/* Emulated by the hypervisor; its children (ITS) are not. */
		if (jhl_dtb_is_gic(c->fdt, node, c->cell->gic_version))
			continue;
		/* Emulated too; fit_vpci() judges it. */
		if (depth == 2 && jhl_dtb_is_vpci(c->fdt, node, c->cell)) {
			skip = depth;
			continue;
		}
		if (unmapped_reg(c, bus, depth, &addr)) {
			if (!may_fix(c))
				return;
			disable(c, bus, depth, addr);
			skip = depth;
		}
	}
}

/*
 * A node at the ECAM of the cell's virtual PCI host must describe that
 * host as it is emulated (window, INTx lines, bus range): one that does
 * not is deleted, and jhl_dtb_put_vpci() adds the cell's.
 */
static void fit_vpci(struct checker *c)
{
	char diff[384];
	bool kept;
	int node, err;

again:
	kept = false;
	fdt_for_each_subnode(node, c->fdt, 0) {
		if (!jhl_dtb_is_vpci(c->fdt, node, c->cell))
			continue;
		err = jhl_dtb_vpci_diff(c->ctx, c->fdt, node, c->cell, diff,
					sizeof(diff));
		if (err) {
			/* no GIC is an error said already */
			if (err != -ENOENT)
				c->errors++;
			return;
		}
		if (!diff[0] && !kept) {
			kept = true;
			continue;
		}
		if (!may_fix(c))
			return;
		if (diff[0])
			report_fix(c, "replaced by the host the hypervisor emulates",
				   "DTB: /%s, at the ECAM of cell \"%s\"'s virtual PCI host (0x%llx), does not describe that host (%s)",
				   node_name(c, node), c->cell->name,
				   (unsigned long long)c->cell->vpci.ecam, diff);
		else
			report_fix(c, "deleted",
				   "DTB: /%s describes cell \"%s\"'s virtual PCI host a second time",
				   node_name(c, node), c->cell->name);
		if (c->ctx->strict)
			continue;
		err = fdt_del_node(c->fdt, node);
		if (err) {
			fdt_error(c, "deleting a PCI host node", err);
			return;
		}
		goto again;
	}
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

/* After prune_devices(): an enabled UART is mapped (or no MMIO). */
static void check_uarts(struct checker *c)
{
	int node;

	for (node = fdt_next_node(c->fdt, -1, NULL); node >= 0;
	     node = fdt_next_node(c->fdt, node, NULL))
		if (jhl_dtb_is_uart(c->fdt, node) &&
		    jhl_dtb_enabled(c->fdt, node))
			check_uart_irq(c, node);
}

int jhl_dtb_check(struct jhl_ctx *ctx, void *fdt,
		  const struct jhl_cell *cell)
{
	struct checker c = { .ctx = ctx, .fdt = fdt, .cell = cell };

	check_cpus(&c);
	check_psci(&c);
	check_gic(&c);
	prune_devices(&c);
	fit_vpci(&c);
	check_uarts(&c);
	if (c.errors) {
		jhl_err(ctx, "DTB does not match cell \"%s\" (%u problem%s above)",
			cell->name, c.errors, c.errors > 1 ? "s" : "");
		return -EINVAL;
	}
	return 0;
}
