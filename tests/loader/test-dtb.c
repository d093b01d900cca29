// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * DTBs, read back with libfdt: the one generated from the cell config, a
 * user's DTB patched (/memory, /chosen), and the checks of a user's DTB
 * against the cell (errors, warnings, strict mode).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libfdt.h>

#include "internal.h"
#include "tap.h"
#include "testlib.h"

#define CPUS_2_3 \
	"cpus { #address-cells = <1>; #size-cells = <0>;\n" \
	" cpu@2 { device_type = \"cpu\"; compatible = \"arm,cortex-a57\"; reg = <2>; enable-method = \"psci\"; };\n" \
	" cpu@3 { device_type = \"cpu\"; compatible = \"arm,cortex-a57\"; reg = <3>; enable-method = \"psci\"; }; };\n"
#define PSCI_SMC	"psci { compatible = \"arm,psci-0.2\"; method = \"smc\"; };\n"
#define GIC_QEMU \
	"gic: interrupt-controller@8000000 { compatible = \"arm,gic-v3\"; #interrupt-cells = <3>;" \
	" interrupt-controller; reg = <0 0x08000000 0 0x10000>, <0 0x080a0000 0 0xf60000>; };\n"
#define UART_QEMU \
	"uart@9000000 { compatible = \"arm,pl011\", \"arm,primecell\";" \
	" reg = <0 0x09000000 0 0x1000>; interrupts = <0 1 4>; };\n"

static const void *demo;
static size_t demo_size;

/* A DTS for the demo cell with parts replaced. */
static const char *dts_of(const char *cpus, const char *psci, const char *gic,
			  const char *uart, const char *extra)
{
	static char dts[8192];

	snprintf(dts, sizeof(dts),
		 "/dts-v1/;\n/ { #address-cells = <2>; #size-cells = <2>;\n"
		 "model = \"test\"; interrupt-parent = <&gic>;\n%s%s%s%s%s};\n",
		 cpus, psci, gic, uart, extra);
	return dts;
}

static void *dtb_of(const char *cpus, const char *psci, const char *gic,
		    const char *uart, const char *extra, size_t *size)
{
	return tl_dtc(dts_of(cpus, psci, gic, uart, extra), size);
}

static struct jhl_plan *plan_for(struct tl_req *r, int want, const char *what)
{
	struct jhl_plan *plan = NULL;
	int err = jhl_plan_new(&r->req, &plan);

	if (!tap_eq(err, want, "%s: plan %s", what, want ? "refused" : "made"))
		tl_log_dump();
	if (err)
		return NULL;
	return plan;
}

static bool cells_are(const void *fdt, const char *path, const char *name,
		      const __u32 *want, int num)
{
	int node = fdt_path_offset(fdt, path), len, n;
	const fdt32_t *val = fdt_getprop(fdt, node, name, &len);

	if (!val || len != num * 4)
		return false;
	for (n = 0; n < num; n++)
		if (fdt32_to_cpu(val[n]) != want[n])
			return false;
	return true;
}

static bool string_is(const void *fdt, const char *path, const char *name,
		      const char *want)
{
	int node = fdt_path_offset(fdt, path), len;
	const char *val = fdt_getprop(fdt, node, name, &len);

	return val && len == (int)strlen(want) + 1 && !strcmp(val, want);
}

static int count_memory_nodes(const void *fdt)
{
	int node, count = 0;

	fdt_for_each_subnode(node, fdt, 0)
		if (!strncmp(fdt_get_name(fdt, node, NULL), "memory", 6))
			count++;
	return count;
}

/* The virtual PCI host a DTB should have. */
struct host {
	const char *path;
	__u64 ecam, ecam_size, window, window_size;
	unsigned int end_bus, domain, spi;	/* spi: vpci_irq_base */
	__u32 gic;				/* the GIC's phandle */
	unsigned int gic_ac, gic_ic, root_ac, root_sc;
};

/* The demo cell's on QEMU virt: two devices, INTx on SPIs 108-111. */
static const struct host demo_host = {
	.path = "/pci@3f000000", .ecam = 0x3f000000, .ecam_size = 0x100000,
	.window = 0x3f100000, .window_size = 2 * 0x20000, .domain = 1,
	.spi = 108, .gic = 1, .gic_ic = 3, .root_ac = 2, .root_sc = 2,
};

/* The demo's host as dtc prints it, every value written out. */
#define DEMO_HOST_DTS \
	"\tpci@3f000000 {\n" \
	"\t\tcompatible = \"pci-host-ecam-generic\";\n" \
	"\t\tdevice_type = \"pci\";\n" \
	"\t\tbus-range = <0x00 0x00>;\n" \
	"\t\tlinux,pci-domain = <0x01>;\n" \
	"\t\t#address-cells = <0x03>;\n" \
	"\t\t#size-cells = <0x02>;\n" \
	"\t\t#interrupt-cells = <0x01>;\n" \
	"\t\treg = <0x00 0x3f000000 0x00 0x100000>;\n" \
	"\t\tranges = <0x2000000 0x00 0x3f100000 0x00 0x3f100000 0x00 0x40000>;\n" \
	"\t\tinterrupt-map-mask = <0x00 0x00 0x00 0x07>;\n" \
	"\t\tinterrupt-map = <0x00 0x00 0x00 0x01 0x01 0x00 0x6c 0x01" \
	" 0x00 0x00 0x00 0x02 0x01 0x00 0x6d 0x01" \
	" 0x00 0x00 0x00 0x03 0x01 0x00 0x6e 0x01" \
	" 0x00 0x00 0x00 0x04 0x01 0x00 0x6f 0x01>;\n" \
	"\t\tdma-coherent;\n" \
	"\t};\n"

static unsigned int put_num(__u32 *cells, unsigned int n, __u64 val,
			    unsigned int num)
{
	if (num == 2)
		cells[n++] = val >> 32;
	cells[n++] = (__u32)val;
	return n;
}

static unsigned int host_map(const struct host *h, __u32 *map)
{
	unsigned int n = 0, pin, c;

	for (pin = 1; pin <= 4; pin++) {
		map[n++] = 0;
		map[n++] = 0;
		map[n++] = 0;
		map[n++] = pin;
		map[n++] = h->gic;
		for (c = 0; c < h->gic_ac; c++)
			map[n++] = 0;
		map[n++] = 0;			/* SPI */
		map[n++] = h->spi + pin - 1;
		map[n++] = 1;			/* edge rising */
		if (h->gic_ic == 4)
			map[n++] = 0;
	}
	return n;
}

/* The first thing of the host's node that is not as @h says, or NULL. */
static const char *host_fault(const void *fdt, const struct host *h)
{
	static const __u32 three[] = { 3 }, two[] = { 2 }, one[] = { 1 };
	static const __u32 mask[] = { 0, 0, 0, 7 };
	const __u32 bus_range[] = { 0, h->end_bus }, domain[] = { h->domain };
	int node = fdt_path_offset(fdt, h->path), off, props = 0, len;
	__u32 reg[4], ranges[7], map[4 * 13];
	unsigned int n;

	if (node < 0)
		return "the node";
	if (!string_is(fdt, h->path, "compatible", "pci-host-ecam-generic"))
		return "compatible";
	if (!string_is(fdt, h->path, "device_type", "pci"))
		return "device_type";
	if (!cells_are(fdt, h->path, "bus-range", bus_range, 2))
		return "bus-range";
	if (!cells_are(fdt, h->path, "linux,pci-domain", domain, 1))
		return "linux,pci-domain";
	if (!cells_are(fdt, h->path, "#address-cells", three, 1) ||
	    !cells_are(fdt, h->path, "#size-cells", two, 1) ||
	    !cells_are(fdt, h->path, "#interrupt-cells", one, 1))
		return "#address-cells, #size-cells or #interrupt-cells";
	n = put_num(reg, 0, h->ecam, h->root_ac);
	n = put_num(reg, n, h->ecam_size, h->root_sc);
	if (!cells_are(fdt, h->path, "reg", reg, n))
		return "reg";
	ranges[0] = 0x02000000;
	ranges[1] = h->window >> 32;
	ranges[2] = (__u32)h->window;
	n = put_num(ranges, 3, h->window, h->root_ac);
	n = put_num(ranges, n, h->window_size, 2);
	if (!cells_are(fdt, h->path, "ranges", ranges, n))
		return "ranges";
	if (!cells_are(fdt, h->path, "interrupt-map-mask", mask, 4))
		return "interrupt-map-mask";
	n = host_map(h, map);
	if (!cells_are(fdt, h->path, "interrupt-map", map, n))
		return "interrupt-map";
	if (!fdt_getprop(fdt, node, "dma-coherent", &len) || len)
		return "dma-coherent";
	fdt_for_each_property_offset(off, fdt, node)
		props++;
	if (props != 12)
		return "the number of properties";
	if (fdt_first_subnode(fdt, node) >= 0)
		return "subnodes";
	return NULL;
}

static bool host_is(const void *fdt, const struct host *h, const char *what)
{
	const char *fault = host_fault(fdt, h);

	if (!tap_ok(!fault, "%s: %s is the cell's virtual PCI host", what,
		    h->path))
		printf("#   %s is wrong\n", fault);
	return !fault;
}

/* Enabled PCI hosts below the root. */
static int count_pci_hosts(const void *fdt)
{
	int node, count = 0;

	const char *type;

	fdt_for_each_subnode(node, fdt, 0) {
		type = jhl_fdt_string(fdt, node, "device_type");
		if (type && !strcmp(type, "pci") && jhl_dtb_enabled(fdt, node))
			count++;
	}
	return count;
}

static __u32 gic_phandle(const void *fdt)
{
	return fdt_get_phandle(fdt, fdt_node_offset_by_compatible(fdt, -1,
								   "arm,gic-v3"));
}

/* The demo's host, naming the DTB's GIC by its phandle. */
static void demo_host_in(const void *fdt, const char *what)
{
	struct host host = demo_host;

	host.gic = gic_phandle(fdt);
	host_is(fdt, &host, what);
}

static void check_generated_nodes(const void *fdt, const char *what)
{
	static const __u32 timer[] = { 1, 13, 4, 1, 14, 4, 1, 11, 4, 1, 10, 4 };
	static const __u32 gic[] = { 0, 0x08000000, 0, 0x10000,
				     0, 0x080a0000, 0, 0xf60000 };
	static const __u32 uart_reg[] = { 0, 0x09000000, 0, 0x1000 };
	static const __u32 uart_irq[] = { 0, 1, 4 };
	static const __u32 mem[] = { 0, 0x70000000, 0, 0x08000000 };
	static const __u32 two[] = { 2 }, three[] = { 3 }, one[] = { 1 };
	int uart = fdt_path_offset(fdt, "/serial@9000000");

	tap_ok(cells_are(fdt, "/", "#address-cells", two, 1) &&
	       cells_are(fdt, "/", "#size-cells", two, 1),
	       "%s: root cells 2/2", what);
	tap_ok(string_is(fdt, "/", "model", "Jailhouse cell qemu-arm64-linux-demo"),
	       "%s: model names the cell", what);
	tap_ok(cells_are(fdt, "/cpus/cpu@2", "reg", two, 1) &&
	       cells_are(fdt, "/cpus/cpu@3", "reg", three, 1) &&
	       fdt_path_offset(fdt, "/cpus/cpu@0") < 0,
	       "%s: cpu@2 and cpu@3 only", what);
	tap_ok(string_is(fdt, "/cpus/cpu@2", "enable-method", "psci") &&
	       string_is(fdt, "/cpus/cpu@3", "device_type", "cpu"),
	       "%s: CPUs use PSCI", what);
	tap_ok(string_is(fdt, "/psci", "method", "smc") &&
	       string_is(fdt, "/psci", "compatible", "arm,psci-0.2"),
	       "%s: PSCI over smc", what);
	tap_ok(cells_are(fdt, "/timer", "interrupts", timer, 12),
	       "%s: timer PPIs 13 14 11 10", what);
	tap_ok(cells_are(fdt, "/interrupt-controller@8000000", "reg", gic, 8) &&
	       string_is(fdt, "/interrupt-controller@8000000", "compatible",
			 "arm,gic-v3"), "%s: GICv3 at QEMU's addresses", what);
	tap_ok(cells_are(fdt, "/", "interrupt-parent", one, 1) &&
	       cells_are(fdt, "/interrupt-controller@8000000", "phandle", one, 1),
	       "%s: interrupt-parent is the GIC", what);
	tap_ok(uart >= 0 && !fdt_node_check_compatible(fdt, uart, "arm,pl011") &&
	       !fdt_node_check_compatible(fdt, uart, "arm,primecell"),
	       "%s: PL011 node", what);
	tap_ok(cells_are(fdt, "/serial@9000000", "reg", uart_reg, 4) &&
	       cells_are(fdt, "/serial@9000000", "interrupts", uart_irq, 3),
	       "%s: PL011 at 0x9000000 on SPI 1", what);
	tap_ok(cells_are(fdt, "/memory@70000000", "reg", mem, 4) &&
	       string_is(fdt, "/memory@70000000", "device_type", "memory"),
	       "%s: /memory is the cell's RAM", what);
	tap_eq(count_memory_nodes(fdt), 1, "%s: one memory node", what);
	tap_ok(string_is(fdt, "/chosen", "stdout-path", "/serial@9000000"),
	       "%s: stdout-path", what);
}

/* dtc reads it without a warning and prints the host as we expect. */
static void check_host_dts(const void *fdt, size_t size, const char *what)
{
	char *warnings, *dts = tl_dts(fdt, size, &warnings);

	tap_ok(dts && warnings && !warnings[0],
	       "%s: dtc decompiles it without warnings", what);
	if (!tap_ok(dts && strstr(dts, DEMO_HOST_DTS),
		    "%s: dtc shows the PCI host, every value as expected", what))
		printf("# want:\n%s# got:\n%s%s", DEMO_HOST_DTS,
		       dts ? dts : "", warnings ? warnings : "");
	free(dts);
	free(warnings);
}

static void test_generated(void)
{
	const char *what = "generated";
	__u8 *img = fx_image(FX_MIB, 2 * FX_MIB, 0, 0xa), initrd[4096] = { 0 };
	struct jhl_request cr = { .cell = demo };
	struct jhl_ctx ctx;
	struct jhl_cell cell;
	struct jhl_plan *plan;
	const void *fdt;
	struct tl_req r;
	size_t size;
	void *copy;

	tl_req_init(&r, demo, demo_size, img, FX_MIB);
	tl_req_initrd(&r, initrd, sizeof(initrd));
	r.req.cmdline = "console=ttyAMA0";
	plan = plan_for(&r, 0, what);
	if (!plan)
		goto out;
	fdt = jhl_plan_dtb(plan, &size);
	tap_ok(!fdt_check_full(fdt, size), "%s: valid DTB", what);
	check_generated_nodes(fdt, what);
	tap_ok(string_is(fdt, "/chosen", "bootargs", "console=ttyAMA0"),
	       "%s: bootargs", what);
	host_is(fdt, &demo_host, what);
	check_host_dts(fdt, size, what);
	/* No system config, no --gic: the QEMU virt guess is said. */
	tap_eq(jhl_plan_num_warnings(plan), 1, "%s: one warning", what);
	tap_ok(tl_log_has_level(JHL_LOG_WARN, "the generated DTB assumes QEMU virt: GICD 0x8000000, GICR 0x80a0000, MPIDR Aff1 = CPU / 16 and Aff0 = CPU % 16, a 24 MHz UART clock, the virtual PCI host's ECAM of bus 0 at 0x3f000000, PCI domain 1; give the board's GIC with --system-config or --gic GICD,GICR, or its DTB with -d, and its PCI host with --system-config"),
	       "%s: warns what it assumes of the board, PCI host included", what);

	/* What we generate must pass our own check of user DTBs. */
	jhl_ctx_init(&ctx, &r.req);
	tl_log_reset();
	copy = malloc(size);
	memcpy(copy, fdt, size);
	tap_ok(!jhl_cell_from_request(&ctx, &cr, &cell) &&
	       !jhl_dtb_check(&ctx, copy, &cell) && !ctx.num_warnings,
	       "%s: passes the DTB-vs-cell check without warnings", what);
	tap_ok(!memcmp(copy, fdt, size), "%s: the check changes nothing", what);
	free(copy);
	jhl_ctx_release(&ctx);
	jhl_plan_free(plan);
out:
	free(img);
}

/* What a DTB assumes without a system config is the tree's QEMU one. */
static void test_defaults(void)
{
	const struct jailhouse_system *sys = fx_arm64_system();

	tap_ok(sys->platform_info.arm.gicd_base == JHL_QEMU_VIRT_GICD &&
	       sys->platform_info.arm.gicr_base == JHL_QEMU_VIRT_GICR,
	       "the GIC defaults are configs/arm64/qemu-arm64.c's");
	tap_ok(sys->platform_info.pci_is_virtual &&
	       sys->platform_info.pci_mmconfig_base == JHL_QEMU_VIRT_ECAM &&
	       sys->platform_info.pci_mmconfig_end_bus == JHL_QEMU_VIRT_PCI_END_BUS &&
	       sys->platform_info.pci_domain == JHL_QEMU_VIRT_PCI_DOMAIN,
	       "the PCI host defaults are configs/arm64/qemu-arm64.c's");
}

static void test_generated_gic(void)
{
	static const __u32 sys_gic[] = { 0, 0x08000000, 0, 0x10000,
					 0, 0x080a0000, 0, 0x80000 };
	static const __u32 own_gic[] = { 0, 0x2f000000, 0, 0x10000,
					 0, 0x2f100000, 0, 0xf60000 };
	__u8 *img = fx_image(FX_MIB, 2 * FX_MIB, 0, 0xa);
	struct jhl_plan *plan;
	struct tl_req r;
	size_t size;

	tl_req_init(&r, demo, demo_size, img, FX_MIB);
	r.req.system = fx_arm64_system();
	plan = plan_for(&r, 0, "system config");
	tap_ok(plan && cells_are(jhl_plan_dtb(plan, &size),
				 "/interrupt-controller@8000000", "reg", sys_gic, 8),
	       "system config: GIC from it, GICR for its 4 CPUs");
	tap_ok(plan && !tl_log_has("assumes QEMU virt"),
	       "system config: no QEMU virt warning");
	if (plan)
		host_is(jhl_plan_dtb(plan, &size), &demo_host, "system config");
	tap_eq(plan ? jhl_plan_num_warnings(plan) : 1, 0,
	       "system config: no warnings");
	jhl_plan_free(plan);

	tl_req_init(&r, demo, demo_size, img, FX_MIB);
	r.req.gicd_base = 0x2f000000;
	r.req.gicr_base = 0x2f100000;
	plan = plan_for(&r, 0, "GIC override");
	tap_ok(plan && cells_are(jhl_plan_dtb(plan, &size),
				 "/interrupt-controller@2f000000", "reg", own_gic, 8),
	       "GIC override: addresses used");
	tap_ok(plan && !tl_log_has("generated DTB assumes QEMU virt"),
	       "GIC override: no QEMU virt warning for the GIC");
	/* the PCI host is still the QEMU system config's: said apart */
	tap_ok(tl_log_has_level(JHL_LOG_WARN, "the DTB's virtual PCI host assumes QEMU virt: ECAM of bus 0 at 0x3f000000, PCI domain 1; give the board's with --system-config"),
	       "GIC override: the assumed PCI host is warned about");
	jhl_plan_free(plan);

	/* Only the GICD given: the GICR is still QEMU virt's. */
	tl_req_init(&r, demo, demo_size, img, FX_MIB);
	r.req.gicd_base = 0x2f000000;
	plan = plan_for(&r, 0, "GICD override only");
	tap_ok(tl_log_has_level(JHL_LOG_WARN, "assumes QEMU virt: GICD 0x2f000000, GICR 0x80a0000"),
	       "GICD override only: the assumed GICR is warned about");
	jhl_plan_free(plan);
	free(img);
}

/* configs/arm64/qemu-arm64-gicv2.c's GIC on the QEMU system config */
static const struct jailhouse_system *gicv2_system(void)
{
	static __u8 buf[16384];
	const struct jailhouse_system *sys = fx_arm64_system();
	struct jailhouse_system *v2 = (struct jailhouse_system *)buf;

	if (jailhouse_system_config_size(sys) > sizeof(buf))
		return NULL;
	memcpy(buf, sys, jailhouse_system_config_size(sys));
	v2->platform_info.arm.gic_version = 2;
	v2->platform_info.arm.gicr_base = 0;
	v2->platform_info.arm.gicc_base = 0x08010000;
	v2->platform_info.arm.gich_base = 0x08030000;
	v2->platform_info.arm.gicv_base = 0x08040000;
	return v2;
}

static void test_gicv2(void)
{
	static const __u32 gic[] = { 0, 0x08000000, 0, 0x1000,
				     0, 0x08010000, 0, 0x2000 };
	static const char *const dtbs[] = {
		/* QEMU virt's own node: 64 KiB windows */
		"gic: interrupt-controller@8000000 { compatible = \"arm,cortex-a15-gic\"; #interrupt-cells = <3>;"
		" interrupt-controller; reg = <0 0x08000000 0 0x10000>, <0 0x08010000 0 0x10000>; };\n",
		/* a GIC-400 whose CPU interface pages alias over 128 KiB */
		"gic: interrupt-controller@8000000 { compatible = \"arm,gic-400\"; #interrupt-cells = <3>;"
		" interrupt-controller; reg = <0 0x08000000 0 0x1000>, <0 0x08001000 0 0x20000>; };\n",
	};
	__u8 *img = fx_image(FX_MIB, 2 * FX_MIB, 0, 0xa);
	struct jhl_plan *plan;
	struct tl_req r;
	size_t size;
	void *in;
	int node;

	tl_req_init(&r, demo, demo_size, img, FX_MIB);
	r.req.system = gicv2_system();
	plan = plan_for(&r, 0, "GICv2 system");
	node = plan ? fdt_path_offset(jhl_plan_dtb(plan, &size),
				      "/interrupt-controller@8000000") : -1;
	tap_ok(node >= 0 && !fdt_node_check_compatible(jhl_plan_dtb(plan, &size),
							node, "arm,gic-400") &&
	       cells_are(jhl_plan_dtb(plan, &size),
			 "/interrupt-controller@8000000", "reg", gic, 8),
	       "GICv2 system: a gic-400 node, 4 KiB GICD and 8 KiB GICC");
	tap_eq(plan ? jhl_plan_num_warnings(plan) : 1, 0,
	       "GICv2 system: no warnings");
	jhl_plan_free(plan);

	for (unsigned int n = 0; n < 2; n++) {
		in = dtb_of(CPUS_2_3, PSCI_SMC, dtbs[n], UART_QEMU, "", &size);
		tl_req_init(&r, demo, demo_size, img, FX_MIB);
		tl_req_dtb(&r, in, size);
		/* aliased: Linux uses 0x08001000 + 0xf000, the system's GICC */
		r.req.system = gicv2_system();
		plan = plan_for(&r, 0, n ? "GICv2 DTB, aliased GICC" :
					   "GICv2 DTB, QEMU's node");
		tap_ok(plan && !tl_log_has("GIC"), "%s: GIC accepted as it is",
		       n ? "aliased GICC" : "QEMU's node");
		jhl_plan_free(plan);
		free(in);
	}
	in = dtb_of(CPUS_2_3, PSCI_SMC, GIC_QEMU, UART_QEMU, "", &size);
	tl_req_init(&r, demo, demo_size, img, FX_MIB);
	tl_req_dtb(&r, in, size);
	r.req.system = gicv2_system();
	plan = plan_for(&r, -EINVAL, "GICv3 DTB on a GICv2 system");
	tap_ok(tl_log_has_level(JHL_LOG_ERR, "no GICv2"),
	       "GICv3 DTB on a GICv2 system: refused, naming GICv2");
	jhl_plan_free(plan);
	free(in);
	free(img);
}

static void test_generated_uart(void)
{
	static const __u32 irq40[] = { 0, 8, 4 };
	static const __u32 irq54[] = { 0, 22, 4 };
	__u8 *img = fx_image(FX_MIB, 2 * FX_MIB, 0, 0xa);
	struct jhl_plan *plan;
	struct fx_cell cell;
	struct tl_req r;
	const void *fdt;
	void *bytes;
	size_t size;
	int node;

	tl_req_init(&r, demo, demo_size, img, FX_MIB);
	r.req.uart_irq = 40;
	plan = plan_for(&r, 0, "UART IRQ override");
	tap_ok(plan && cells_are(jhl_plan_dtb(plan, &size), "/serial@9000000",
				 "interrupts", irq40, 3),
	       "UART IRQ override: SPI 8");
	tap_ok(tl_log_has_level(JHL_LOG_WARN, "interrupt 40 is not granted"),
	       "UART IRQ override: not granted, warned");
	jhl_plan_free(plan);

	fx_small_cell(&cell, "no-spi");
	cell.irq[0].pin_bitmap[0] = 0;
	fx_cell_add_mem(&cell, 0x70000000, 0x70000000, 64 * FX_MIB, FX_MEM_RAM);
	bytes = fx_build_cell(&cell, &size);
	tl_req_init(&r, bytes, size, img, FX_MIB);
	plan = plan_for(&r, 0, "no SPI");
	fdt = plan ? jhl_plan_dtb(plan, &size) : NULL;
	tap_ok(fdt && fdt_path_offset(fdt, "/serial@9000000") >= 0 &&
	       !fdt_getprop(fdt, fdt_path_offset(fdt, "/serial@9000000"),
			    "interrupts", NULL), "no SPI: UART without interrupt");
	tap_ok(tl_log_has_level(JHL_LOG_WARN, "is granted no SPI"),
	       "no SPI: warned");
	jhl_plan_free(plan);
	free(bytes);

	fx_small_cell(&cell, "8250");
	cell.console.type = JAILHOUSE_CON_TYPE_8250;
	fx_cell_add_mem(&cell, 0x70000000, 0x70000000, 64 * FX_MIB, FX_MEM_RAM);
	bytes = fx_build_cell(&cell, &size);
	tl_req_init(&r, bytes, size, img, FX_MIB);
	plan = plan_for(&r, 0, "8250 console");
	fdt = plan ? jhl_plan_dtb(plan, &size) : NULL;
	tap_ok(fdt && fdt_path_offset(fdt, "/serial@9000000") < 0 &&
	       !fdt_getprop(fdt, fdt_path_offset(fdt, "/chosen"), "stdout-path", NULL),
	       "8250 console: no UART node, no stdout-path");
	tap_ok(tl_log_has_level(JHL_LOG_WARN, "only PL011 and Cadence (xuartps) nodes are generated"),
	       "8250 console: warned");
	jhl_plan_free(plan);
	free(bytes);

	/* the ZCU102's UART1 and its SPI 22 */
	fx_small_cell(&cell, "xuartps");
	cell.console.type = JAILHOUSE_CON_TYPE_XUARTPS;
	cell.console.address = 0xff010000;
	cell.irq[0].pin_bitmap[0] = 1U << (54 - 32);
	fx_cell_add_mem(&cell, 0xff010000, 0xff010000, 0x1000,
			JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
			JAILHOUSE_MEM_IO);
	fx_cell_add_mem(&cell, 0x70000000, 0x70000000, 64 * FX_MIB, FX_MEM_RAM);
	bytes = fx_build_cell(&cell, &size);
	tl_req_init(&r, bytes, size, img, FX_MIB);
	r.req.system = gicv2_system();
	plan = plan_for(&r, 0, "Cadence console");
	fdt = plan ? jhl_plan_dtb(plan, &size) : NULL;
	node = fdt ? fdt_path_offset(fdt, "/serial@ff010000") : -1;
	tap_ok(node >= 0 && !fdt_node_check_compatible(fdt, node, "xlnx,xuartps") &&
	       !fdt_node_check_compatible(fdt, node, "cdns,uart-r1p12") &&
	       cells_are(fdt, "/serial@ff010000", "interrupts", irq54, 3),
	       "Cadence console: an xuartps node on SPI 22");
	tap_ok(node >= 0 && fdt_stringlist_search(fdt, node, "clock-names", "uart_clk") == 0 &&
	       fdt_stringlist_search(fdt, node, "clock-names", "pclk") == 1,
	       "Cadence console: the clocks Linux's driver asks for");
	tap_ok(fdt && string_is(fdt, "/chosen", "stdout-path", "/serial@ff010000"),
	       "Cadence console: it is stdout-path");
	tap_eq(plan ? jhl_plan_num_warnings(plan) : 1, 0,
	       "Cadence console: no warnings");
	jhl_plan_free(plan);
	free(bytes);
	free(img);
}

/*
 * A small cell with @npci ivshmem devices in slots 0, 1, ... (pins INTA,
 * INTB, ...), INTx from SPI @base, their INTIDs granted.
 */
static void pci_fx_cell(struct fx_cell *cell, unsigned int npci,
			unsigned int base)
{
	unsigned int n, bit;

	fx_small_cell(cell, "pci");
	fx_cell_add_mem(cell, 0x70000000, 0x70000000, 64 * FX_MIB, FX_MEM_RAM);
	cell->npci = npci;
	for (n = 0; n < npci; n++) {
		cell->pci[n].type = JAILHOUSE_PCI_TYPE_IVSHMEM;
		cell->pci[n].bdf = n << 3;
		bit = base + n;
		cell->irq[0].pin_bitmap[bit / 32] |= 1U << (bit % 32);
	}
}

/* The fixtures know no vpci_irq_base: set in the bytes. */
static void *pci_build(const struct fx_cell *cell, unsigned int base,
		       size_t *size)
{
	struct jailhouse_cell_desc *desc = fx_build_cell(cell, size);

	desc->vpci_irq_base = base;
	return desc;
}

static void *pci_cell(unsigned int npci, unsigned int base, size_t *size)
{
	struct fx_cell cell;

	pci_fx_cell(&cell, npci, base);
	return pci_build(&cell, base, size);
}

/* The QEMU system config with a virtual PCI host at @ecam, or none. */
static void *pci_system(__u64 ecam, unsigned int end_bus,
			unsigned int domain)
{
	struct jailhouse_system *sys;
	struct fx_system fx;
	size_t size;

	fx_qemu_system(&fx);
	fx.pci_ecam = ecam;
	fx.pci_end_bus = end_bus;
	sys = fx_build_system(&fx, &size);
	if (ecam)
		sys->platform_info.pci_domain = domain;
	return sys;
}

/* A plan with a generated DTB for @cell (freed) and @sys; NULL if refused. */
static struct jhl_plan *pci_plan(void *cell, size_t cell_size, void *sys,
				 const char *what)
{
	static __u8 *img;
	struct jhl_plan *plan;
	struct tl_req r;

	if (!img)
		img = fx_image(FX_MIB, 2 * FX_MIB, 0, 0xa);
	tl_req_init(&r, cell, cell_size, img, FX_MIB);
	r.req.system = sys;
	plan = plan_for(&r, 0, what);
	free(cell);
	free(sys);
	return plan;
}

/* A cell with @npci devices gets no host, for the reason @msg says. */
static void no_host(unsigned int npci, void *sys, const char *msg,
		    const char *what)
{
	struct jhl_plan *plan;
	const void *fdt;
	size_t size;
	void *cell = pci_cell(npci, 60, &size);

	plan = pci_plan(cell, size, sys, what);
	fdt = plan ? jhl_plan_dtb(plan, &size) : NULL;
	tap_ok(fdt && !count_pci_hosts(fdt), "%s: no PCI host", what);
	tap_ok(tl_log_has_level(JHL_LOG_WARN, msg), "%s: warned", what);
	jhl_plan_free(plan);
}

static void test_generated_pci(void)
{
	struct host h = {
		.path = "/pci@3f000000", .ecam = 0x3f000000,
		.ecam_size = 0x100000, .window = 0x3f100000,
		.window_size = 0x40000, .domain = 1, .spi = 60, .gic = 1,
		.gic_ic = 3, .root_ac = 2, .root_sc = 2,
	};
	const char *what = "PCI cell";
	struct jhl_plan *plan;
	const void *fdt;
	size_t size;
	void *cell;

	/* no system config: the QEMU system config's host, said so */
	cell = pci_cell(2, 60, &size);
	plan = pci_plan(cell, size, NULL, what);
	fdt = plan ? jhl_plan_dtb(plan, &size) : NULL;
	if (fdt)
		host_is(fdt, &h, what);
	tap_ok(tl_log_has_level(JHL_LOG_WARN, "the generated DTB assumes QEMU virt: GICD 0x8000000, GICR 0x80a0000, MPIDR Aff1 = CPU / 16 and Aff0 = CPU % 16, a 24 MHz UART clock, the virtual PCI host's ECAM of bus 0 at 0x3f000000, PCI domain 1;"),
	       "%s: the assumed PCI host said with the rest", what);
	tap_eq(plan ? jhl_plan_num_warnings(plan) : 0, 1, "%s: one warning", what);
	jhl_plan_free(plan);

	/* the system's host: 2 buses, domain 5, the window after 2 MiB */
	what = "PCI cell, system config";
	cell = pci_cell(1, 60, &size);
	plan = pci_plan(cell, size, pci_system(0x30000000, 1, 5), what);
	h.path = "/pci@30000000";
	h.ecam = 0x30000000;
	h.ecam_size = 0x200000;
	h.window = 0x30200000;
	h.window_size = 0x20000;
	h.end_bus = 1;
	h.domain = 5;
	fdt = plan ? jhl_plan_dtb(plan, &size) : NULL;
	if (fdt)
		host_is(fdt, &h, what);
	tap_eq(plan ? jhl_plan_num_warnings(plan) : 1, 0, "%s: no warnings", what);
	jhl_plan_free(plan);

	/* upstream's ZCU102 config: pci_domain -1, Linux picks one */
	what = "PCI cell, any domain";
	cell = pci_cell(1, 60, &size);
	plan = pci_plan(cell, size, pci_system(0x30000000, 0,
					       JAILHOUSE_PCI_DOMAIN_ANY), what);
	fdt = plan ? jhl_plan_dtb(plan, &size) : NULL;
	tap_ok(fdt && fdt_path_offset(fdt, "/pci@30000000") >= 0 &&
	       !fdt_getprop(fdt, fdt_path_offset(fdt, "/pci@30000000"),
			    "linux,pci-domain", NULL),
	       "%s: a host without linux,pci-domain", what);
	jhl_plan_free(plan);

	no_host(2, pci_system(0, 0, 0),
		"the system config has no virtual PCI host; the DTB gets none for the 2 PCI devices of cell \"pci\"",
		"PCI cell, no virtual host");
	no_host(1, pci_system(0xfff00000, 0, 1),
		"the virtual PCI host's BAR window 0x100000000-0x10001ffff (after its ECAM at 0xfff00000) is not below 4 GiB, where the 32-bit BARs of its devices must lie; the DTB gets no PCI host",
		"PCI cell, window beyond 4 GiB");
}

/* What keeps a cell's Linux from its PCI devices is said. */
static void test_pci_config_faults(void)
{
	const char *what = "INTx not granted";
	struct jhl_plan *plan;
	struct fx_cell cell;
	const void *fdt;
	size_t size;
	void *bytes;

	/* INTIDs 102 and 103 for pins A and B: only 92 and 93 granted */
	pci_fx_cell(&cell, 2, 60);
	bytes = pci_build(&cell, 70, &size);
	plan = pci_plan(bytes, size, pci_system(0x3f000000, 0, 1), what);
	tap_ok(tl_log_has_level(JHL_LOG_WARN, "PCI device 00:00.0 of cell \"pci\" signals INTx on INTID 102, which the cell is not granted; Linux gets no interrupts from it") &&
	       tl_log_has_level(JHL_LOG_WARN, "PCI device 00:01.0 of cell \"pci\" signals INTx on INTID 103, which"),
	       "%s: warned for each device", what);
	tap_eq(plan ? jhl_plan_num_warnings(plan) : 0, 2, "%s: two warnings", what);
	fdt = plan ? jhl_plan_dtb(plan, &size) : NULL;
	tap_ok(fdt && count_pci_hosts(fdt) == 1, "%s: the host is still there",
	       what);
	jhl_plan_free(plan);

	/* the cell maps what must trap: BARs would not reach the device */
	what = "region over the BAR window";
	pci_fx_cell(&cell, 2, 60);
	fx_cell_add_mem(&cell, 0x3f100000, 0x3f130000, 0x1000, FX_MEM_UART);
	bytes = pci_build(&cell, 60, &size);
	plan = pci_plan(bytes, size, pci_system(0x3f000000, 0, 1), what);
	tap_ok(tl_log_has_level(JHL_LOG_WARN, "memory region 3 of cell \"pci\" overlaps the virtual PCI host's ECAM and BAR window 0x3f000000-0x3f13ffff; accesses there must trap to the hypervisor"),
	       "%s: warned", what);
	jhl_plan_free(plan);

	/* none: no host, and the QEMU virt warning as before */
	what = "no PCI devices";
	pci_fx_cell(&cell, 0, 60);
	plan = pci_plan(fx_build_cell(&cell, &size), size, NULL, what);
	fdt = plan ? jhl_plan_dtb(plan, &size) : NULL;
	tap_ok(fdt && !count_pci_hosts(fdt), "%s: no PCI host", what);
	tap_ok(tl_log_has_level(JHL_LOG_WARN, "a 24 MHz UART clock; give the board's GIC with --system-config or --gic GICD,GICR, or its DTB with -d") &&
	       !tl_log_has("PCI"), "%s: no PCI host assumed", what);
	jhl_plan_free(plan);
}

/* Patching the patched DTB again gives the same bytes. */
static void patch_again(const void *fdt, size_t size,
			const struct jailhouse_system *sys, const char *what)
{
	__u8 *img = fx_image(FX_MIB, 2 * FX_MIB, 0, 0xa);
	struct jhl_plan *again;
	const void *out;
	struct tl_req r;
	size_t out_size;

	tl_req_init(&r, demo, demo_size, img, FX_MIB);
	tl_req_dtb(&r, fdt, size);
	r.req.system = sys;
	again = plan_for(&r, 0, what);
	out = again ? jhl_plan_dtb(again, &out_size) : NULL;
	tap_ok(out && out_size == size && !memcmp(out, fdt, size),
	       "%s: patched again, the same bytes", what);
	jhl_plan_free(again);
	free(img);
}

static void test_patched(void)
{
	const char *what = "patched";
	static const __u32 mem[] = { 0, 0x70000000, 0, 0x08000000 };
	__u8 *img = fx_image(FX_MIB, 2 * FX_MIB, 0, 0xa);
	size_t in_size, size;
	void *in = tl_test_dtb(&in_size);
	struct jhl_plan *plan;
	const void *fdt;
	struct tl_req r;
	int cpus, n = 0, node;

	if (!tap_ok(in != NULL, "%s: dtc compiled the test DTS", what))
		goto out;
	tl_req_init(&r, demo, demo_size, img, FX_MIB);
	tl_req_dtb(&r, in, in_size);
	plan = plan_for(&r, 0, what);
	if (!plan)
		goto out;
	fdt = jhl_plan_dtb(plan, &size);
	tap_ok(!fdt_check_full(fdt, size), "%s: valid DTB", what);
	tap_ok(cells_are(fdt, "/memory@70000000", "reg", mem, 4),
	       "%s: /memory added", what);
	tap_ok(string_is(fdt, "/chosen", "stdout-path", "/uart@9000000"),
	       "%s: stdout-path points at the console's UART", what);
	tap_ok(!fdt_getprop(fdt, fdt_path_offset(fdt, "/chosen"), "bootargs", NULL),
	       "%s: no bootargs without -c", what);
	tap_ok(string_is(fdt, "/", "model", "Jailhouse cell on QEMU arm64 (test)"),
	       "%s: rest untouched", what);
	cpus = fdt_path_offset(fdt, "/cpus");
	fdt_for_each_subnode(node, fdt, cpus)
		n++;
	tap_eq(n, 2, "%s: CPUs untouched", what);
	demo_host_in(fdt, what);
	/* no system config: the PCI host is the QEMU system config's */
	tap_eq(jhl_plan_num_warnings(plan), 1, "%s: one warning", what);
	tap_ok(tl_log_has_level(JHL_LOG_WARN, "the DTB's virtual PCI host assumes QEMU virt: ECAM of bus 0 at 0x3f000000, PCI domain 1; give the board's with --system-config"),
	       "%s: the assumed PCI host is said", what);
	tap_eq(tl_seg(plan, JH_LINUX_DTB)->guest_addr, 0x70000000,
	       "%s: DTB at the RAM start", what);
	patch_again(fdt, size, NULL, what);
	jhl_plan_free(plan);
out:
	free(in);
	free(img);
}

static void test_patched_existing(void)
{
	const char *what = "patched existing";
	__u8 *img = fx_image(FX_MIB, 2 * FX_MIB, 0, 0xa);
	struct jhl_plan *plan;
	const void *fdt;
	struct tl_req r;
	void *in;
	size_t size;

	in = dtb_of(CPUS_2_3, PSCI_SMC, GIC_QEMU, UART_QEMU,
		    "memory@40000000 { device_type = \"memory\"; reg = <0 0x40000000 0 0x10000000>; };\n"
		    "memory { device_type = \"memory\"; reg = <0 0x50000000 0 0x1000>; };\n"
		    "chosen { bootargs = \"old\"; stdout-path = \"serial0\";"
		    " linux,initrd-start = <0 0x1000>; linux,initrd-end = <0 0x2000>; };\n",
		    &size);
	tl_req_init(&r, demo, demo_size, img, FX_MIB);
	tl_req_dtb(&r, in, size);
	plan = plan_for(&r, 0, what);
	if (!plan)
		goto out;
	fdt = jhl_plan_dtb(plan, &size);
	tap_eq(count_memory_nodes(fdt), 1, "%s: old memory nodes replaced by one", what);
	tap_ok(fdt_path_offset(fdt, "/memory@70000000") >= 0, "%s: memory@70000000", what);
	tap_ok(string_is(fdt, "/chosen", "bootargs", "old"), "%s: bootargs kept", what);
	tap_ok(string_is(fdt, "/chosen", "stdout-path", "serial0"),
	       "%s: stdout-path kept", what);
	tap_ok(!fdt_getprop(fdt, fdt_path_offset(fdt, "/chosen"),
			    "linux,initrd-start", NULL),
	       "%s: stale initrd range removed", what);
	jhl_plan_free(plan);
out:
	free(in);
	free(img);
}

static void test_patched_32bit(void)
{
	static const __u32 mem[] = { 0x70000000, 0x08000000 };
	const char *what = "32-bit root cells";
	__u8 *img = fx_image(FX_MIB, 2 * FX_MIB, 0, 0xa), initrd[100] = { 0 };
	struct jhl_plan *plan;
	const void *fdt;
	struct tl_req r;
	const fdt32_t *start;
	size_t size;
	void *in;
	int len;

	in = tl_dtc("/dts-v1/;\n/ { #address-cells = <1>; #size-cells = <1>;"
		    " interrupt-parent = <&gic>;\n" CPUS_2_3 PSCI_SMC
		    "gic: interrupt-controller@8000000 { compatible = \"arm,gic-v3\";"
		    " #interrupt-cells = <3>; interrupt-controller;"
		    " reg = <0x08000000 0x10000>, <0x080a0000 0xf60000>; };\n};\n",
		    &size);
	tl_req_init(&r, demo, demo_size, img, FX_MIB);
	tl_req_dtb(&r, in, size);
	tl_req_initrd(&r, initrd, sizeof(initrd));
	plan = plan_for(&r, 0, what);
	if (!plan)
		goto out;
	fdt = jhl_plan_dtb(plan, &size);
	tap_ok(cells_are(fdt, "/memory@70000000", "reg", mem, 2),
	       "%s: /memory with one cell each", what);
	start = fdt_getprop(fdt, fdt_path_offset(fdt, "/chosen"),
			    "linux,initrd-start", &len);
	tap_ok(start && len == 4 &&
	       fdt32_to_cpu(*start) == tl_seg(plan, JH_LINUX_INITRD)->guest_addr,
	       "%s: 32-bit initrd-start", what);
	jhl_plan_free(plan);
out:
	free(in);
	free(img);
}

static void check_case(const char *cpus, const char *psci, const char *gic,
		       const char *uart, bool sys, bool strict, int want,
		       enum jhl_log_level level, const char *msg,
		       const char *what)
{
	__u8 *img = fx_image(FX_MIB, 2 * FX_MIB, 0, 0xa);
	struct jhl_plan *plan;
	struct tl_req r;
	size_t size;
	void *in = dtb_of(cpus, psci, gic, uart, "", &size);

	tl_req_init(&r, demo, demo_size, img, FX_MIB);
	tl_req_dtb(&r, in, size);
	if (sys)
		r.req.system = fx_arm64_system();
	r.req.strict = strict;
	plan = plan_for(&r, want, what);
	if (!tap_ok(tl_log_has_level(level, msg), "%s: %s \"%s\"", what,
		    level == JHL_LOG_ERR ? "error" :
		    level == JHL_LOG_WARN ? "warning" : "note", msg))
		tl_log_dump();
	jhl_plan_free(plan);
	free(in);
	free(img);
}

#define CPUS_0_3 \
	"cpus { #address-cells = <1>; #size-cells = <0>;\n" \
	" cpu@0 { device_type = \"cpu\"; reg = <0>; enable-method = \"psci\"; };\n" \
	" cpu@1 { device_type = \"cpu\"; reg = <1>; enable-method = \"psci\"; };\n" \
	" cpu@2 { device_type = \"cpu\"; reg = <2>; enable-method = \"psci\"; };\n" \
	" cpu@3 { device_type = \"cpu\"; reg = <3>; enable-method = \"spin-table\"; }; };\n"
#define CPUS_2 \
	"cpus { #address-cells = <1>; #size-cells = <0>;\n" \
	" cpu@2 { device_type = \"cpu\"; reg = <2>; enable-method = \"psci\"; }; };\n"
#define GIC_ELSEWHERE \
	"gic: interrupt-controller@2c000000 { compatible = \"arm,gic-v3\"; #interrupt-cells = <3>;" \
	" interrupt-controller; reg = <0 0x2c000000 0 0x10000>, <0 0x2c100000 0 0x200000>; };\n"
#define GIC_V2 \
	"gic: interrupt-controller@2c000000 { compatible = \"arm,cortex-a15-gic\";" \
	" #interrupt-cells = <3>; interrupt-controller; reg = <0 0x2c001000 0 0x1000>; };\n"

static void test_checks(void)
{
	check_case(CPUS_2_3, "psci { compatible = \"arm,psci-0.2\"; method = \"hvc\"; };\n",
		   GIC_QEMU, UART_QEMU, false, false, -EINVAL, JHL_LOG_ERR,
		   "PSCI method \"hvc\"", "PSCI over hvc");
	check_case(CPUS_2, PSCI_SMC, GIC_QEMU, UART_QEMU, false, false, 0,
		   JHL_LOG_WARN, "describes 1 CPUs, cell \"qemu-arm64-linux-demo\" has 2 (2-3)",
		   "1 CPU");
	check_case(CPUS_0_3, PSCI_SMC, GIC_QEMU, UART_QEMU, false, false, 0,
		   JHL_LOG_WARN, "enable-method \"spin-table\"", "spin-table CPU");
	check_case(CPUS_0_3, PSCI_SMC, GIC_QEMU, UART_QEMU, false, false, 0,
		   JHL_LOG_WARN, "CPU node cpu@0 (MPIDR 0x0) is not a CPU of cell \"qemu-arm64-linux-demo\" (assuming QEMU virt's numbering: MPIDR Aff1 = CPU / 16, Aff0 = CPU % 16): deleted from the DTB",
		   "foreign CPU");
	check_case(CPUS_0_3, PSCI_SMC, GIC_QEMU, UART_QEMU, false, true, -EINVAL,
		   JHL_LOG_ERR, "CPU node cpu@1 (MPIDR 0x1) is not a CPU of cell \"qemu-arm64-linux-demo\" (assuming QEMU virt's numbering: MPIDR Aff1 = CPU / 16, Aff0 = CPU % 16) (strict checking refuses it; otherwise it is deleted from the DTB)",
		   "foreign CPU, strict");
	check_case(CPUS_2_3, "", GIC_QEMU, UART_QEMU, false, false, 0,
		   JHL_LOG_WARN, "no PSCI node", "no PSCI node");
	check_case(CPUS_2_3, PSCI_SMC, GIC_V2, UART_QEMU, false, false, -EINVAL,
		   JHL_LOG_ERR, "no GICv3", "GICv2 DTB");
	check_case(CPUS_2_3, PSCI_SMC, GIC_ELSEWHERE, UART_QEMU, true, false,
		   -EINVAL, JHL_LOG_ERR,
		   "GIC distributor at 0x2c000000, the system says 0x8000000",
		   "GIC elsewhere than the system's");
	check_case(CPUS_2_3, PSCI_SMC, GIC_ELSEWHERE, UART_QEMU, false, false,
		   0, JHL_LOG_WARN,
		   "GIC distributor at 0x2c000000, the QEMU virt default says 0x8000000",
		   "GIC elsewhere than QEMU's");
	check_case(CPUS_2_3, PSCI_SMC, GIC_QEMU,
		   "uart@1c090000 { compatible = \"arm,pl011\"; reg = <0 0x1c090000 0 0x1000>; interrupts = <0 5 4>; };\n",
		   false, false, 0, JHL_LOG_WARN,
		   "/uart@1c090000 at 0x1c090000 is not mapped into cell \"qemu-arm64-linux-demo\"; Linux would probe it and the hypervisor stop the cell: disabled (status = \"disabled\")",
		   "foreign UART");
	tap_ok(!tl_log_has("INTID 37"), "foreign UART: disabled, so its IRQ is not checked");
	check_case(CPUS_2_3, PSCI_SMC, GIC_QEMU,
		   "uart@9000000 { compatible = \"arm,pl011\"; reg = <0 0x09000000 0 0x1000>;"
		   " interrupts = <0 5 4>; };\n",
		   false, false, 0, JHL_LOG_WARN, "uses INTID 37", "UART IRQ not granted");
	check_case(CPUS_2_3, PSCI_SMC, GIC_QEMU,
		   "uart@9000000 { compatible = \"arm,pl011\"; reg = <0 0x09000000 0 0x1000>;"
		   " interrupts = <0 5 4>; status = \"disabled\"; };\n",
		   false, false, 0, JHL_LOG_INFO, "stdout-path not set",
		   "disabled UART");
	tap_ok(!tl_log_has("INTID 37"), "disabled UART: not checked");
}

static bool has_prop(const void *fdt, const char *path, const char *name)
{
	int node = fdt_path_offset(fdt, path);

	return node >= 0 && fdt_getprop(fdt, node, name, NULL);
}

/*
 * A plan for @cell (NULL: the demo) with the DTB from @dts and the QEMU
 * system config (its PCI host is not assumed, nor warned about); NULL if
 * refused.
 */
static struct jhl_plan *plan_dts(const char *dts, const void *cell,
				 size_t cell_size, bool strict, int want,
				 const char *what)
{
	static __u8 *img;
	static struct tl_req r;
	static void *in;
	size_t size;

	free(in);
	if (!img)
		img = fx_image(FX_MIB, 2 * FX_MIB, 0, 0xa);
	in = tl_dtc(dts, &size);
	if (!in) {
		tap_ok(false, "%s: dtc compiled the DTS", what);
		return NULL;
	}
	tl_req_init(&r, cell ? cell : demo, cell ? cell_size : demo_size,
		    img, FX_MIB);
	tl_req_dtb(&r, in, size);
	r.req.system = fx_arm64_system();
	r.req.strict = strict;
	return plan_for(&r, want, what);
}

/* The same on the demo cell with a DTB from parts. */
static struct jhl_plan *plan_parts(const char *cpus, const char *gic,
				   const char *extra, bool strict, int want,
				   const char *what)
{
	return plan_dts(dts_of(cpus, PSCI_SMC, gic, UART_QEMU, extra), NULL, 0,
			strict, want, what);
}

/* /chosen of a root booted by EFI or kexec (/sys/firmware/fdt). */
static void test_stale_chosen(void)
{
	static const char *const stale[] = {
		"linux,usable-memory-range", "linux,uefi-system-table",
		"linux,uefi-mmap-start", "linux,uefi-mmap-size",
		"linux,uefi-mmap-desc-size", "linux,uefi-mmap-desc-ver",
		"linux,elfcorehdr", "linux,booted-from-kexec",
	};
	const char *what = "stale /chosen";
	struct jhl_plan *plan;
	const void *fdt;
	unsigned int n;
	size_t size;
	bool gone = true;

	plan = plan_parts(CPUS_2_3, GIC_QEMU,
			  "chosen { bootargs = \"root=/dev/vda\";"
			  " linux,usable-memory-range = <0 0x40000000 0 0x10000000>;"
			  " linux,uefi-system-table = <0 0xbff00000>;"
			  " linux,uefi-mmap-start = <0 0xbfe00000>;"
			  " linux,uefi-mmap-size = <0x1000>;"
			  " linux,uefi-mmap-desc-size = <0x30>;"
			  " linux,uefi-mmap-desc-ver = <1>;"
			  " linux,elfcorehdr = <0 0x50000000 0 0x1000>;"
			  " linux,booted-from-kexec; };\n", false, 0, what);
	if (!plan)
		return;
	fdt = jhl_plan_dtb(plan, &size);
	for (n = 0; n < ARRAY_SIZE(stale); n++)
		if (has_prop(fdt, "/chosen", stale[n])) {
			printf("#   %s is still there\n", stale[n]);
			gone = false;
		}
	tap_ok(gone, "%s: the root's EFI, kexec and crash properties removed", what);
	tap_ok(string_is(fdt, "/chosen", "bootargs", "root=/dev/vda"),
	       "%s: bootargs kept", what);
	tap_ok(tl_log_has_level(JHL_LOG_INFO, "DTB: removed /chosen properties of the root's own boot (EFI, kexec) that would mislead the cell's Linux: linux,usable-memory-range, linux,uefi-system-table, linux,uefi-mmap-start, linux,uefi-mmap-size, linux,uefi-mmap-desc-size, linux,uefi-mmap-desc-ver, linux,elfcorehdr, linux,booted-from-kexec"),
	       "%s: says what it removed", what);
	tap_eq(jhl_plan_num_warnings(plan), 0, "%s: no warnings", what);
	jhl_plan_free(plan);
}

#define GIC_ITS \
	"gic: interrupt-controller@8000000 { compatible = \"arm,gic-v3\"; #interrupt-cells = <3>;" \
	" interrupt-controller; #address-cells = <2>; #size-cells = <2>; ranges;" \
	" reg = <0 0x08000000 0 0x10000>, <0 0x080a0000 0 0xf60000>;\n" \
	" its@8080000 { compatible = \"arm,gic-v3-its\"; msi-controller;" \
	" reg = <0 0x08080000 0 0x20000>; }; };\n"
#define ROOT_DEVICES \
	"rtc@9010000 { compatible = \"arm,pl031\", \"arm,primecell\"; reg = <0 0x09010000 0 0x1000>; };\n" \
	"gpio@9030000 { compatible = \"arm,pl061\"; reg = <0 0x09030000 0 0x1000>; status = \"disabled\"; };\n" \
	"soc { compatible = \"simple-bus\"; #address-cells = <1>; #size-cells = <1>;" \
	" ranges = <0 0 0x09000000 0x2000>;\n" \
	" serial@0 { compatible = \"ns16550a\"; reg = <0 0x100>; };\n" \
	" serial@1000 { compatible = \"ns16550a\"; reg = <0x1000 0x100>; };\n" \
	" i2c@800 { compatible = \"arm,versatile-i2c\"; reg = <0x800 0x100>;" \
	" #address-cells = <1>; #size-cells = <0>;" \
	" eeprom@50 { compatible = \"atmel,24c02\"; reg = <0x50>; }; }; };\n" \
	"bus { compatible = \"simple-bus\"; #address-cells = <1>; #size-cells = <1>;" \
	" ranges = <0 0 0x0a000000 0x1000>;\n" \
	" virtio@200 { compatible = \"virtio,mmio\"; reg = <0x200 0x200>; }; };\n" \
	"shm@70100000 { compatible = \"test,in-ram\"; reg = <0 0x70100000 0 0x1000>; };\n" \
	"reserved-memory { #address-cells = <2>; #size-cells = <2>; ranges;\n" \
	" fw@40000000 { reg = <0 0x40000000 0 0x1000>; no-map; }; };\n" \
	"pcie@10000000 { compatible = \"pci-host-ecam-generic\"; device_type = \"pci\";" \
	" reg = <0x40 0x10000000 0 0x10000000>; #address-cells = <3>; #size-cells = <2>;" \
	" ranges = <0x02000000 0 0x10000000 0 0x10000000 0 0x2eff0000>; };\n"

/* A DTB from the root: the root's devices, which the cell does not map. */
static void test_unmapped_devices(void)
{
	static const char *const disabled[] = {
		"/rtc@9010000", "/soc/serial@1000", "/bus/virtio@200",
		"/interrupt-controller@8000000/its@8080000", "/pcie@10000000",
	};
	static const char *const kept[] = {
		"/uart@9000000", "/soc", "/soc/serial@0", "/soc/i2c@800",
		"/soc/i2c@800/eeprom@50", "/bus", "/shm@70100000",
		"/reserved-memory/fw@40000000",
		"/interrupt-controller@8000000", "/cpus/cpu@2",
	};
	const char *what = "root's devices";
	struct jhl_plan *plan;
	const void *fdt;
	unsigned int n;
	size_t size;
	bool ok;

	plan = plan_parts(CPUS_2_3, GIC_ITS, ROOT_DEVICES, false, 0, what);
	if (!plan)
		return;
	fdt = jhl_plan_dtb(plan, &size);
	for (n = 0, ok = true; n < ARRAY_SIZE(disabled); n++)
		if (!string_is(fdt, disabled[n], "status", "disabled")) {
			printf("#   %s is not disabled\n", disabled[n]);
			ok = false;
		}
	tap_ok(ok, "%s: devices in unmapped MMIO disabled", what);
	for (n = 0, ok = true; n < ARRAY_SIZE(kept); n++)
		if (fdt_path_offset(fdt, kept[n]) < 0 ||
		    has_prop(fdt, kept[n], "status")) {
			printf("#   %s was changed\n", kept[n]);
			ok = false;
		}
	tap_ok(ok, "%s: mapped ones, the GIC, non-MMIO and RAM untouched", what);
	tap_ok(string_is(fdt, "/gpio@9030000", "status", "disabled"),
	       "%s: a disabled one stays so", what);
	tap_eq(jhl_plan_num_warnings(plan), ARRAY_SIZE(disabled),
	       "%s: one warning per disabled node", what);
	tap_ok(tl_log_has_level(JHL_LOG_WARN, "DTB: /soc/serial@1000 at 0x9001000 is not mapped into cell \"qemu-arm64-linux-demo\"; Linux would probe it and the hypervisor stop the cell: disabled (status = \"disabled\")"),
	       "%s: names the node and its translated address", what);
	tap_ok(tl_log_has_level(JHL_LOG_WARN, "/pcie@10000000 at 0x4010000000 is not mapped") &&
	       tl_log_has_level(JHL_LOG_WARN, "/bus/virtio@200 at 0xa000200 is not mapped") &&
	       !tl_log_has("gpio@9030000"),
	       "%s: the others named, not the disabled one", what);
	tap_ok(string_is(fdt, "/chosen", "stdout-path", "/uart@9000000"),
	       "%s: stdout-path to the cell's UART", what);
	jhl_plan_free(plan);

	what = "root's devices, strict";
	plan_parts(CPUS_2_3, GIC_ITS, ROOT_DEVICES, true, -EINVAL, what);
	tap_ok(tl_log_has_level(JHL_LOG_ERR, "DTB: /rtc@9010000 at 0x9010000 is not mapped into cell \"qemu-arm64-linux-demo\"; Linux would probe it and the hypervisor stop the cell (strict checking refuses it; otherwise it is disabled (status = \"disabled\"))"),
	       "%s: an error", what);
	tap_ok(tl_log_has_level(JHL_LOG_ERR, "(5 problems above)"),
	       "%s: counts them", what);
}

/* The demo cell's host as a user would write it. */
#define HOST_QEMU	"pci@3f000000" HOST_QEMU_BODY
#define HOST_QEMU_BODY \
	" { compatible = \"pci-host-ecam-generic\"; device_type = \"pci\";" \
	" bus-range = <0 0>; linux,pci-domain = <1>; #address-cells = <3>;" \
	" #size-cells = <2>; #interrupt-cells = <1>; reg = <0 0x3f000000 0 0x100000>;" \
	" ranges = <0x02000000 0 0x3f100000 0 0x3f100000 0 0x40000>;" \
	" interrupt-map-mask = <0 0 0 7>;" \
	" interrupt-map = <0 0 0 1 &gic 0 108 1>, <0 0 0 2 &gic 0 109 1>," \
	" <0 0 0 3 &gic 0 110 1>, <0 0 0 4 &gic 0 111 1>; dma-coherent; };\n"
/* One at that ECAM that says otherwise. */
#define HOST_WRONG \
	"pcie@3f000000 { compatible = \"pci-host-ecam-generic\"; device_type = \"pci\";" \
	" #address-cells = <3>; #size-cells = <2>; #interrupt-cells = <1>;" \
	" reg = <0 0x3f000000 0 0x100000>;" \
	" ranges = <0x02000000 0 0x10000000 0 0x10000000 0 0x10000000>;" \
	" interrupt-map-mask = <0 0 0 7>; interrupt-map = <0 0 0 1 &gic 0 3 4>;" \
	" msi-parent = <&gic>; status = \"disabled\";" \
	" dev@0,0 { reg = <0 0 0 0 0>; }; };\n"
#define HOST_WRONG_SAYS \
	"DTB: /pcie@3f000000, at the ECAM of cell \"qemu-arm64-linux-demo\"'s virtual PCI host (0x3f000000), does not describe that host (no bus-range, no linux,pci-domain, ranges differs, interrupt-map differs, no dma-coherent, has msi-parent, is disabled, subnode dev@0,0)"

/* A user's DTB with or without a host at the cell's ECAM. */
static void test_patched_pci(void)
{
	const char *what = "the cell's host given";
	struct jhl_plan *plan;
	const void *fdt;
	size_t size;

	plan = plan_parts(CPUS_2_3, GIC_QEMU, HOST_QEMU, true, 0, what);
	if (plan) {
		fdt = jhl_plan_dtb(plan, &size);
		demo_host_in(fdt, what);
		tap_ok(count_pci_hosts(fdt) == 1 &&
		       !jhl_plan_num_warnings(plan) && !tl_log_has("PCI host"),
		       "%s: kept as it is, nothing said", what);
		jhl_plan_free(plan);
	}

	what = "another host at the ECAM";
	plan = plan_parts(CPUS_2_3, GIC_QEMU, HOST_WRONG, false, 0, what);
	if (plan) {
		fdt = jhl_plan_dtb(plan, &size);
		demo_host_in(fdt, what);
		tap_ok(fdt_path_offset(fdt, "/pcie@3f000000") < 0 &&
		       count_pci_hosts(fdt) == 1, "%s: replaced", what);
		if (!tap_ok(tl_log_has_level(JHL_LOG_WARN, HOST_WRONG_SAYS ": replaced by the host the hypervisor emulates"),
			    "%s: says what differs", what))
			tl_log_dump();
		tap_eq(jhl_plan_num_warnings(plan), 1, "%s: one warning", what);
		patch_again(fdt, size, fx_arm64_system(), what);
		jhl_plan_free(plan);
	}
	what = "another host at the ECAM, strict";
	plan_parts(CPUS_2_3, GIC_QEMU, HOST_WRONG, true, -EINVAL, what);
	tap_ok(tl_log_has_level(JHL_LOG_ERR, HOST_WRONG_SAYS " (strict checking refuses it; otherwise it is replaced by the host the hypervisor emulates)"),
	       "%s: an error", what);

	what = "the host twice";
	plan = plan_parts(CPUS_2_3, GIC_QEMU,
			  HOST_QEMU "pcie@3f000000" HOST_QEMU_BODY, false, 0, what);
	if (plan) {
		fdt = jhl_plan_dtb(plan, &size);
		tap_ok(fdt_path_offset(fdt, "/pcie@3f000000") < 0 &&
		       fdt_path_offset(fdt, "/pci@3f000000") >= 0,
		       "%s: the second deleted", what);
		tap_ok(tl_log_has_level(JHL_LOG_WARN, "DTB: /pcie@3f000000 describes cell \"qemu-arm64-linux-demo\"'s virtual PCI host a second time: deleted"),
		       "%s: said", what);
		jhl_plan_free(plan);
	}

	/* no other node is taken for it: only the root's children */
	what = "a node at the ECAM below a bus";
	plan = plan_parts(CPUS_2_3, GIC_QEMU,
			  "soc { compatible = \"simple-bus\"; #address-cells = <2>;"
			  " #size-cells = <2>; ranges;\n" HOST_QEMU "};\n",
			  false, 0, what);
	if (plan) {
		fdt = jhl_plan_dtb(plan, &size);
		tap_ok(string_is(fdt, "/soc/pci@3f000000", "status", "disabled") &&
		       fdt_path_offset(fdt, "/pci@3f000000") >= 0,
		       "%s: disabled, the cell's added", what);
		jhl_plan_free(plan);
	}
}

#define GIC_32BIT(irq_cells) \
	"interrupt-controller@8000000 { compatible = \"arm,gic-v3\"; interrupt-controller;" \
	" #interrupt-cells = <" irq_cells ">; reg = <0x08000000 0x10000>, <0x080a0000 0xf60000>; };\n"

/* The host's node follows the DTB's GIC and root cells. */
static void test_patched_pci_cells(void)
{
	const char *what = "GIC with an ITS";
	struct jhl_plan *plan;
	struct host host;
	const void *fdt;
	size_t size;

	/* its #address-cells = <2>: two parent unit address cells */
	plan = plan_parts(CPUS_2_3, GIC_ITS, "", false, 0, what);
	if (plan) {
		fdt = jhl_plan_dtb(plan, &size);
		host = demo_host;
		host.gic = gic_phandle(fdt);
		host.gic_ac = 2;
		host_is(fdt, &host, what);
		jhl_plan_free(plan);
	}

	/* 1-cell root, GIC with PPI partitions (4 cells), no phandle */
	what = "32-bit root, GIC without phandle";
	plan = plan_dts("/dts-v1/;\n/ { #address-cells = <1>; #size-cells = <1>;\n"
			CPUS_2_3 PSCI_SMC GIC_32BIT("4") "};\n", NULL, 0, false, 0,
			what);
	if (plan) {
		fdt = jhl_plan_dtb(plan, &size);
		host = demo_host;
		host.root_ac = host.root_sc = 1;
		host.gic_ic = 4;
		host.gic = 1;
		host_is(fdt, &host, what);
		tap_ok(gic_phandle(fdt) == 1 &&
		       tl_log_has_level(JHL_LOG_INFO, "DTB: gave the GIC node phandle 1 for the PCI host's interrupt-map"),
		       "%s: the GIC gets phandle 1, said", what);
		tap_ok(!fdt_check_full(fdt, size), "%s: valid DTB", what);
		jhl_plan_free(plan);
	}

	what = "GIC with 2 interrupt cells";
	plan_dts("/dts-v1/;\n/ { #address-cells = <1>; #size-cells = <1>;\n"
		 CPUS_2_3 PSCI_SMC GIC_32BIT("2") "};\n", NULL, 0, false, -EINVAL,
		 what);
	tap_ok(tl_log_has_level(JHL_LOG_ERR, "DTB: GIC node interrupt-controller@8000000 has #address-cells 0 and #interrupt-cells 2; the PCI host's interrupt-map needs at most 4 and 3 or 4"),
	       "%s: refused, said why", what);
}

/* A cell without PCI devices has no host: one at the ECAM is disabled. */
static void test_no_pci_host(void)
{
	const char *what = "host of a cell without PCI devices";
	struct jhl_plan *plan;
	const void *fdt;
	size_t size;
	void *cell = pci_cell(0, 60, &size);

	plan = plan_dts("/dts-v1/;\n/ { #address-cells = <2>; #size-cells = <2>;\n"
			CPUS_2_3 PSCI_SMC GIC_QEMU HOST_QEMU "};\n",
			cell, size, false, 0, what);
	if (plan) {
		fdt = jhl_plan_dtb(plan, &size);
		tap_ok(string_is(fdt, "/pci@3f000000", "status", "disabled") &&
		       !count_pci_hosts(fdt), "%s: disabled", what);
		tap_ok(tl_log_has_level(JHL_LOG_WARN, "DTB: /pci@3f000000 at 0x3f000000 is not mapped into cell \"pci\""),
		       "%s: said", what);
		jhl_plan_free(plan);
	}
	free(cell);
}

/* A hostile DTB: more unmapped devices than are fixed. */
static void test_too_many_devices(void)
{
	const char *what = "2000 unmapped devices";
	size_t len = 2000 * 80 + 4096, pos, size;
	__u8 *img = fx_image(FX_MIB, 2 * FX_MIB, 0, 0xa);
	char *dts = malloc(len);
	struct jhl_plan *plan;
	struct tl_req r;
	void *in;
	int n;

	pos = snprintf(dts, len, "/dts-v1/;\n/ { #address-cells = <2>; #size-cells = <2>;\n"
		       "interrupt-parent = <&gic>;\n%s%s%s%s",
		       CPUS_2_3, PSCI_SMC, GIC_QEMU, UART_QEMU);
	for (n = 0; n < 2000; n++)
		pos += snprintf(dts + pos, len - pos,
				"d@%x { reg = <0 0x%x 0 0x1000>; };\n",
				0x10000000 + n * 0x1000, 0x10000000 + n * 0x1000);
	snprintf(dts + pos, len - pos, "};\n");
	in = tl_dtc(dts, &size);
	tl_req_init(&r, demo, demo_size, img, FX_MIB);
	tl_req_dtb(&r, in, size);
	plan = plan_for(&r, -EINVAL, what);
	tap_ok(tl_log_has_level(JHL_LOG_ERR, "DTB: more than 1024 CPU nodes and devices do not belong to cell \"qemu-arm64-linux-demo\"; pass a DTB made for the cell"),
	       "%s: refused after 1024", what);
	jhl_plan_free(plan);
	free(in);
	free(dts);
	free(img);
}

#define CPUS_0_3_MAP \
	"cpus { #address-cells = <1>; #size-cells = <0>;\n" \
	" cpu-map { cluster0 { core0 { cpu = <&c0>; }; core1 { cpu = <&c1>; };" \
	" core2 { cpu = <&c2>; }; core3 { cpu = <&c3>; }; }; };\n" \
	" c0: cpu@0 { device_type = \"cpu\"; reg = <0>; enable-method = \"psci\"; };\n" \
	" c1: cpu@1 { device_type = \"cpu\"; reg = <1>; enable-method = \"psci\"; };\n" \
	" c2: cpu@2 { device_type = \"cpu\"; reg = <2>; enable-method = \"psci\"; };\n" \
	" c3: cpu@3 { device_type = \"cpu\"; reg = <3>; enable-method = \"psci\"; }; };\n"
#define CPUS_0_1 \
	"cpus { #address-cells = <1>; #size-cells = <0>;\n" \
	" cpu@0 { device_type = \"cpu\"; reg = <0>; enable-method = \"psci\"; };\n" \
	" cpu@1 { device_type = \"cpu\"; reg = <1>; enable-method = \"psci\"; }; };\n"
#define CPUS_3 \
	"cpus { #address-cells = <1>; #size-cells = <0>;\n" \
	" cpu@3 { device_type = \"cpu\"; reg = <3>; enable-method = \"psci\"; }; };\n"

static int count_cpu_nodes(const void *fdt)
{
	int node, count = 0;

	fdt_for_each_subnode(node, fdt, fdt_path_offset(fdt, "/cpus"))
		count++;
	return count;
}

/* CPU nodes: only the cell's stay, and the one Linux boots on must be. */
static void test_cpu_nodes(void)
{
	const char *what = "root's CPUs";
	struct jhl_plan *plan;
	const void *fdt;
	size_t size;

	plan = plan_parts(CPUS_0_3_MAP, GIC_QEMU, "", false, 0, what);
	if (plan) {
		fdt = jhl_plan_dtb(plan, &size);
		tap_ok(fdt_path_offset(fdt, "/cpus/cpu@2") >= 0 &&
		       fdt_path_offset(fdt, "/cpus/cpu@3") >= 0 &&
		       count_cpu_nodes(fdt) == 2,
		       "%s: only the cell's CPU nodes left", what);
		tap_ok(tl_log_has_level(JHL_LOG_WARN, "CPU node cpu@0 (MPIDR 0x0) is not a CPU of cell") &&
		       tl_log_has_level(JHL_LOG_WARN, "CPU node cpu@1 (MPIDR 0x1) is not a CPU of cell"),
		       "%s: each deletion warned", what);
		tap_ok(tl_log_has_level(JHL_LOG_INFO, "deleted /cpus/cpu-map"),
		       "%s: cpu-map, naming deleted CPUs, deleted too", what);
		tap_eq(jhl_plan_num_warnings(plan), 2, "%s: two warnings", what);
		tap_ok(!fdt_check_full(fdt, size), "%s: valid DTB", what);
		jhl_plan_free(plan);
	}

	/*
	 * No node for the boot CPU: maybe another numbering than QEMU's
	 * (a real board), so nothing is deleted by it; said, strict refuses.
	 */
	what = "another cell's CPUs";
	plan = plan_parts(CPUS_0_1, GIC_QEMU, "", false, 0, what);
	if (plan) {
		fdt = jhl_plan_dtb(plan, &size);
		tap_eq(count_cpu_nodes(fdt), 2, "%s: CPU nodes left as they are",
		       what);
		tap_ok(tl_log_has_level(JHL_LOG_WARN, "DTB: no CPU node for CPU 2 (MPIDR 0x2, assuming QEMU virt's numbering: MPIDR Aff1 = CPU / 16, Aff0 = CPU % 16), the first CPU of cell \"qemu-arm64-linux-demo\", which boots Linux; if this board numbers its CPUs otherwise"),
		       "%s: no node for the boot CPU is said", what);
		jhl_plan_free(plan);
	}
	plan_parts(CPUS_0_1, GIC_QEMU, "", true, -EINVAL, what);
	tap_ok(tl_log_has_level(JHL_LOG_ERR, "no CPU node for CPU 2"),
	       "%s: strict checking refuses it", what);

	what = "only the second CPU";
	plan_parts(CPUS_3, GIC_QEMU, "", true, -EINVAL, what);
	tap_ok(tl_log_has_level(JHL_LOG_ERR, "no CPU node for CPU 2"),
	       "%s: strict checking refuses no node for the boot CPU", what);
}

/* QEMU virt with GICv3: 16 CPUs per cluster, CPU 17 is MPIDR 0x101. */
static void test_mpidr_clusters(void)
{
	static const __u32 mpidr_100[] = { 0x100 }, mpidr_101[] = { 0x101 };
	__u8 *img = fx_image(FX_MIB, 2 * FX_MIB, 0, 0xa);
	struct jhl_plan *plan;
	struct fx_cell cell;
	struct tl_req r;
	const void *fdt;
	void *bytes, *in;
	size_t size, in_size;

	fx_small_cell(&cell, "cpus-16-17");
	cell.cpus = 0x30000;
	fx_cell_add_mem(&cell, 0x70000000, 0x70000000, 64 * FX_MIB, FX_MEM_RAM);
	bytes = fx_build_cell(&cell, &size);
	tl_req_init(&r, bytes, size, img, FX_MIB);
	plan = plan_for(&r, 0, "CPUs 16-17 generated");
	fdt = plan ? jhl_plan_dtb(plan, &in_size) : NULL;
	tap_ok(fdt && cells_are(fdt, "/cpus/cpu@100", "reg", mpidr_100, 1) &&
	       cells_are(fdt, "/cpus/cpu@101", "reg", mpidr_101, 1) &&
	       count_cpu_nodes(fdt) == 2,
	       "CPUs 16-17 generated: MPIDRs 0x100 and 0x101");
	jhl_plan_free(plan);

	in = dtb_of("cpus { #address-cells = <1>; #size-cells = <0>;\n"
		    " cpu@f { device_type = \"cpu\"; reg = <0xf>; enable-method = \"psci\"; };\n"
		    " cpu@10 { device_type = \"cpu\"; reg = <0x10>; enable-method = \"psci\"; };\n"
		    " cpu@100 { device_type = \"cpu\"; reg = <0x100>; enable-method = \"psci\"; };\n"
		    " cpu@101 { device_type = \"cpu\"; reg = <0x101>; enable-method = \"psci\"; }; };\n",
		    PSCI_SMC, GIC_QEMU, UART_QEMU, "", &in_size);
	tl_req_init(&r, bytes, size, img, FX_MIB);
	tl_req_dtb(&r, in, in_size);
	plan = plan_for(&r, 0, "CPUs 16-17 given");
	fdt = plan ? jhl_plan_dtb(plan, &in_size) : NULL;
	tap_ok(fdt && fdt_path_offset(fdt, "/cpus/cpu@100") >= 0 &&
	       fdt_path_offset(fdt, "/cpus/cpu@101") >= 0 &&
	       count_cpu_nodes(fdt) == 2,
	       "CPUs 16-17 given: CPU 15 and the impossible MPIDR 0x10 deleted");
	tap_eq(jhl_plan_num_warnings(plan), 2, "CPUs 16-17 given: two warnings");
	jhl_plan_free(plan);
	free(in);
	free(bytes);
	free(img);
}

static void test_bad_dtbs(void)
{
	__u8 *img = fx_image(FX_MIB, 2 * FX_MIB, 0, 0xa), junk[4096];
	struct jhl_plan *plan = NULL;
	size_t in_size, gz_len;
	void *in = tl_test_dtb(&in_size), *gz;
	struct tl_req r;
	size_t off;

	memset(junk, 0x5a, sizeof(junk));
	tl_req_init(&r, demo, demo_size, img, FX_MIB);
	tl_req_dtb(&r, junk, sizeof(junk));
	tap_eq(jhl_plan_new(&r.req, &plan), -EINVAL, "junk DTB refused");
	tap_ok(tl_log_has("not a device tree blob"), "junk DTB: says so");

	gz = fx_gzip(in, in_size, &gz_len);
	tl_req_init(&r, demo, demo_size, img, FX_MIB);
	tl_req_dtb(&r, gz, gz_len);
	tap_eq(jhl_plan_new(&r.req, &plan), -EINVAL, "gzip DTB refused");
	tap_ok(tl_log_has("not a device tree blob: gzip data"), "gzip DTB: says gzip");

	tl_req_init(&r, demo, demo_size, img, FX_MIB);
	tl_req_dtb(&r, in, in_size - 8);
	tap_eq(jhl_plan_new(&r.req, &plan), -EINVAL, "truncated DTB refused");
	tap_ok(tl_log_has("corrupt device tree"), "truncated DTB: says corrupt");

	/* A property length that wraps libfdt 1.6.1's offsets: it hangs. */
	memcpy(junk, in, in_size < sizeof(junk) ? in_size : sizeof(junk));
	off = fdt_off_dt_struct(junk) + 12;	/* BEGIN_NODE "", PROP: len */
	fdt32_st(junk + off, 0xfffffff8);
	tl_req_init(&r, demo, demo_size, img, FX_MIB);
	tl_req_dtb(&r, junk, in_size);
	tap_eq(jhl_plan_new(&r.req, &plan), -EINVAL,
	       "DTB with a wrapping property length refused");
	tap_ok(tl_log_has("corrupt device tree"), "wrapping property length: says corrupt");

	memcpy(junk, in, in_size < sizeof(junk) ? in_size : sizeof(junk));
	junk[23] = 3;				/* header version */
	tl_req_init(&r, demo, demo_size, img, FX_MIB);
	tl_req_dtb(&r, junk, in_size);
	tap_eq(jhl_plan_new(&r.req, &plan), -EINVAL, "version 3 DTB refused");
	tap_ok(tl_log_has("device tree version 3"), "version 3 DTB: says the version");

	tl_req_init(&r, demo, demo_size, img, FX_MIB);
	tl_req_dtb(&r, img, JHL_DTB_MAX + 1);
	tap_eq(jhl_plan_new(&r.req, &plan), -EINVAL, "DTB over 2 MiB refused");
	tap_ok(tl_log_has("at most 2 MiB"), "DTB over 2 MiB: says the limit");
	free(gz);
	free(in);
	free(img);
}

int main(void)
{
	tl_need_dtc();
	demo = fx_arm64_linux_demo(&demo_size);
	test_defaults();
	test_generated();
	test_generated_gic();
	test_generated_uart();
	test_generated_pci();
	test_pci_config_faults();
	test_patched();
	test_patched_existing();
	test_patched_32bit();
	test_checks();
	test_gicv2();
	test_stale_chosen();
	test_unmapped_devices();
	test_patched_pci();
	test_patched_pci_cells();
	test_no_pci_host();
	test_too_many_devices();
	test_cpu_nodes();
	test_mpidr_clusters();
	test_bad_dtbs();
	tl_log_reset();
	return tap_done();
}
