// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The offline checker: the QEMU configs pass clean, and every rule fires
 * on a config bent to break it, naming file, index and addresses.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <libjailhouse.h>

#include "harness.h"
#include "configs.h"

#define MAX_CFGS	4

static struct jh_ctx *ctx;
static struct jh_config *cfgs[MAX_CFGS];
static unsigned int num_cfgs;
static struct jh_check *chk;

static struct jh_config *load(void *data, size_t size, const char *label)
{
	struct jh_config *cfg;

	if (jh_config_new_from_buffer(ctx, data, size, label, &cfg)) {
		printf("# %s\n", jh_ctx_last_error(ctx));
		exit(99);
	}
	free(data);
	cfgs[num_cfgs++] = cfg;
	return cfg;
}

static void *copy_of(const void *data, size_t size)
{
	void *copy = malloc(size);

	if (!copy)
		exit(99);
	memcpy(copy, data, size);
	return copy;
}

static void reset(void)
{
	jh_check_free(chk);
	chk = NULL;
	while (num_cfgs)
		jh_config_unref(cfgs[--num_cfgs]);
}

/* Checks @sys (optional) with @n cells labelled cell0.cell, cell1.cell... */
static int run(const struct fx_system *sys, const struct fx_cell *cells,
	       unsigned int n)
{
	char label[32];
	unsigned int i;
	size_t size;
	void *data;

	reset();
	if (jh_check_new(ctx, &chk))
		exit(99);
	if (sys) {
		data = fx_build_system(sys, &size);
		if (jh_check_set_system(chk, load(data, size, "sys.cell")))
			exit(99);
	}
	for (i = 0; i < n; i++) {
		snprintf(label, sizeof(label), "cell%u.cell", i);
		data = fx_build_cell(&cells[i], &size);
		if (jh_check_add_cell(chk, load(data, size, label)))
			exit(99);
	}
	return jh_check_run(chk);
}

static void dump(void)
{
	unsigned int i;

	for (i = 0; i < jh_check_get_num_findings(chk); i++)
		printf("#   finding: [%s] %s\n",
		       jh_finding_get_rule(jh_check_get_finding(chk, i)),
		       jh_finding_get_message(jh_check_get_finding(chk, i)));
}

/* A finding of @rule about @src/@idx whose message contains @text. */
static void expect(const char *rule, enum jh_severity sev, const char *src,
		   int idx, const char *text)
{
	const struct jh_finding *f;
	unsigned int i;

	for (i = 0; i < jh_check_get_num_findings(chk); i++) {
		f = jh_check_get_finding(chk, i);
		if (strcmp(jh_finding_get_rule(f), rule) ||
		    strcmp(jh_finding_get_source(f), src) ||
		    jh_finding_get_index(f) != idx ||
		    !strstr(jh_finding_get_message(f), text))
			continue;
		tap_ok(jh_finding_get_severity(f) == sev &&
		       !strncmp(jh_finding_get_message(f), src, strlen(src)),
		       "%s: %s (%s)", rule, text, src);
		return;
	}
	tap_ok(0, "%s: %s (%s)", rule, text, src);
	dump();
}

static bool has_rule(const char *rule)
{
	unsigned int i;

	for (i = 0; i < jh_check_get_num_findings(chk); i++)
		if (!strcmp(jh_finding_get_rule(jh_check_get_finding(chk, i)),
			    rule))
			return true;
	return false;
}

static void expect_clean(int ret, const char *what)
{
	if (!tap_ok(ret == 0 && jh_check_get_num_findings(chk) == 0,
		    "%s: no findings", what))
		dump();
}

static void test_clean(void)
{
	struct fx_system s;
	struct fx_cell c[2];

	fx_qemu_system(&s);
	fx_gic_demo(&c[0]);
	fx_linux_demo(&c[1]);
	expect_clean(run(&s, NULL, 0), "QEMU system config");
	expect_clean(run(&s, c, 2), "QEMU system with gic-demo and linux-demo");
	expect_clean(run(NULL, c, 2), "the two cells without a system");
	expect_clean(run(NULL, NULL, 0), "nothing at all");
}

static void test_api(void)
{
	struct fx_system s;
	struct fx_cell c;
	size_t size;
	int err;

	fx_qemu_system(&s);
	fx_gic_demo(&c);
	c.cpus = 0x10;
	err = run(&s, &c, 1);
	tap_ok(err == -EINVAL &&
	       jh_ctx_last_error_code(ctx) == JH_ERR_CONFIG_INVALID &&
	       strstr(jh_ctx_last_error(ctx), "cell0.cell: CPU 4 is not in the CPU set"),
	       "run: -EINVAL, message of the first error");
	tap_eq(jh_check_get_num_errors(chk), 1, "one error");
	tap_eq(jh_check_get_num_warnings(chk), 0, "no warnings");
	tap_ok(jh_check_get_finding(chk, 1) == NULL, "finding 1 is NULL");
	tap_ok(jh_check_run(chk) == -EINVAL && jh_check_get_num_findings(chk) == 1,
	       "running again starts over");

	err = jh_check_set_system(chk, cfgs[1]);
	tap_ok(err == -EINVAL && jh_ctx_last_error_code(ctx) == JH_ERR_CONFIG_KIND &&
	       strstr(jh_ctx_last_error(ctx), "cell0.cell is not a system config"),
	       "set_system refuses a cell config");
	err = jh_check_add_cell(chk, cfgs[0]);
	tap_ok(err == -EINVAL && jh_ctx_last_error_code(ctx) == JH_ERR_CONFIG_KIND,
	       "add_cell refuses a system config");
	err = jh_check_set_system(chk, cfgs[0]);
	tap_ok(err == -EEXIST, "a second system config is refused");

	/* and RAM in the hypervisor's memory, which root does not have */
	c.mem[1].phys_start = 0x7fff0000;
	run(&s, &c, 1);
	tap_ok(strstr(jh_ctx_last_error(ctx), "(and 2 more errors)") != NULL,
	       "message counts further errors");
	(void)size;
}

static void test_platform(void)
{
	struct fx_system s;

	fx_qemu_system(&s);
	s.hv_size = 0;
	run(&s, NULL, 0);
	expect("hv-memory", JH_SEVERITY_ERROR, "sys.cell", -1, "size 0");

	static const struct {
		uint64_t start, size;
		const char *msg;
	} hv[] = {
		{ 0x7fc00800, 0x400000,
		  "(0x7fc00800, size 0x400000) is not page aligned" },
		{ 0x7fd00000, 0x300000,
		  "(0x7fd00000, size 0x300000) cannot be mapped by the hypervisor: it needs a 2 MiB aligned start" },
		{ 0x7fc00000, 0x40000000,
		  "(0x7fc00000, size 0x40000000) cannot be mapped" },
	};
	for (unsigned int i = 0; i < sizeof(hv) / sizeof(hv[0]); i++) {
		fx_qemu_system(&s);
		s.hv_start = hv[i].start;
		s.hv_size = hv[i].size;
		s.root.mem[1].size = 0x3fa00000;
		run(&s, NULL, 0);
		expect("hv-memory", JH_SEVERITY_ERROR, "sys.cell", -1, hv[i].msg);
	}

	fx_qemu_system(&s);
	s.gic_version = 4;
	run(&s, NULL, 0);
	expect("gic", JH_SEVERITY_ERROR, "sys.cell", -1, "GIC version 4");

	fx_qemu_system(&s);
	s.gicr = 0;
	s.maintenance_irq = 40;
	run(&s, NULL, 0);
	expect("gic", JH_SEVERITY_ERROR, "sys.cell", -1, "GICv3 needs gicr_base");
	expect("gic", JH_SEVERITY_ERROR, "sys.cell", -1,
	       "maintenance interrupt 40 is not a PPI");

	fx_qemu_system(&s);
	s.gic_version = 2;
	run(&s, NULL, 0);
	expect("gic", JH_SEVERITY_ERROR, "sys.cell", -1, "GICv2 needs gicc_base");

	fx_qemu_system(&s);
	s.gic_version = 2;
	s.gicc = 0x08010000;
	s.gich = 0x08030000;
	s.gicv = 0x08040000;
	s.root.cpus = 0x10f;	/* CPUs 0-3 and 8 */
	run(&s, NULL, 0);
	expect("gic", JH_SEVERITY_ERROR, "sys.cell", -1,
	       "GICv2 has CPU interfaces for CPUs 0-7; the root cell has CPU 8");

	fx_qemu_system(&s);
	s.debug_console.type = 0x42;
	run(&s, NULL, 0);
	expect("console-type", JH_SEVERITY_WARNING, "sys.cell", -1,
	       "unknown debug console type 66");
	s.debug_console.type = JAILHOUSE_CON_TYPE_8250;
	run(&s, NULL, 0);
	expect("console-type", JH_SEVERITY_WARNING, "sys.cell", -1,
	       "with this 8250 debug console its messages reach only its ring");
	s.debug_console.type = JAILHOUSE_CON_TYPE_XUARTPS;
	run(&s, NULL, 0);
	tap_ok(!has_rule("console-type"), "console-type: xuartps is driven");
	s.debug_console.type = JAILHOUSE_CON_TYPE_8250;
	s.debug_console.address = 0;
	run(&s, NULL, 0);
	expect("console-address", JH_SEVERITY_ERROR, "sys.cell", -1,
	       "debug console (8250) has address 0");
}

static void test_cells(void)
{
	struct fx_system s;
	struct fx_cell c[2];

	fx_qemu_system(&s);
	fx_gic_demo(&c[0]);
	fx_linux_demo(&c[1]);
	strcpy(c[1].name, "gic-demo");
	c[0].name[0] = '\0';
	run(&s, c, 2);
	expect("name", JH_SEVERITY_ERROR, "cell0.cell", -1, "no name");
	strcpy(c[0].name, "gic-demo");
	run(&s, c, 2);
	expect("name-taken", JH_SEVERITY_ERROR, "cell1.cell", -1,
	       "cell name 'gic-demo' is also used by cell0.cell");

	fx_gic_demo(&c[0]);
	c[0].mem[0].flags |= JAILHOUSE_MEM_COMM_REGION;
	c[0].mem[0].virt_start = 0x90000000;
	run(NULL, c, 1);
	expect("comm-region-count", JH_SEVERITY_ERROR, "cell0.cell", 2,
	       "memory region 2 is a second comm region (the first is region 0)");
	expect("console-unmapped", JH_SEVERITY_WARNING, "cell0.cell", -1,
	       "the console (pl011 at 0x9000000, size 0x1000) is not inside any memory region");

	/* the hypervisor gives a comm region one page */
	fx_gic_demo(&c[0]);
	c[0].mem[2].size = 0x2000;
	run(NULL, c, 1);
	expect("comm-region-size", JH_SEVERITY_ERROR, "cell0.cell", 2,
	       "memory region 2 is a comm region of 0x2000 bytes: the hypervisor gives one page");
	/* an empty region is nothing, comm flag or not */
	fx_gic_demo(&c[0]);
	c[0].mem[0].flags |= JAILHOUSE_MEM_COMM_REGION;
	c[0].mem[0].size = 0;
	run(NULL, c, 1);
	tap_ok(!has_rule("comm-region-count"),
	       "an empty region with the comm flag is no second comm region");
	fx_gic_demo(&c[0]);
	c[0].flags |= JAILHOUSE_CELL_AARCH32;
	run(NULL, c, 1);
	expect("aarch32", JH_SEVERITY_ERROR, "cell0.cell", -1,
	       "the cell is flagged AArch32 (JAILHOUSE_CELL_AARCH32): only AArch64 cells run");

	fx_gic_demo(&c[0]);
	c[0].nmem = 2;
	c[0].reset = 0x20000;
	c[0].npio = 2;
	run(NULL, c, 1);
	expect("comm-region-missing", JH_SEVERITY_WARNING, "cell0.cell", -1,
	       "no comm region");
	expect("reset-address", JH_SEVERITY_WARNING, "cell0.cell", -1,
	       "CPU reset address 0x20000");
	expect("x86-only", JH_SEVERITY_WARNING, "cell0.cell", -1,
	       "2 PIO and 0 cache regions");

	fx_qemu_system(&s);
	s.root.mem[0].flags |= JAILHOUSE_MEM_COMM_REGION;
	run(&s, NULL, 0);
	expect("comm-region-root", JH_SEVERITY_WARNING, "sys.cell", 0,
	       "memory region 0 is a comm region");

	fx_linux_demo(&c[0]);
	c[0].npci = 1;
	c[0].pci[0].type = JAILHOUSE_PCI_TYPE_DEVICE;
	c[0].pci[0].bdf = 0x0108;
	c[0].pci[0].num_caps = 2;
	run(NULL, c, 1);
	expect("pci-caps", JH_SEVERITY_ERROR, "cell0.cell", 0,
	       "PCI device 0 (01:01.0) uses capabilities 0-1, but there are 0");

	/* No capabilities: caps_start is not an index into anything. */
	fx_qemu_system(&s);
	s.root.npci = 1;
	s.root.pci[0].type = JAILHOUSE_PCI_TYPE_DEVICE;
	s.root.pci[0].caps_start = 5;
	expect_clean(run(&s, NULL, 0),
		     "root's real PCI device without caps, caps_start 5");

	fx_linux_demo(&c[0]);
	strcpy(c[0].name, "a\033[2J\\");
	fx_linux_demo(&c[1]);
	strcpy(c[1].name, c[0].name);
	run(NULL, c, 2);
	expect("name-taken", JH_SEVERITY_ERROR, "cell1.cell", -1,
	       "cell name 'a\\x1b[2J\\x5c' is also used");
}

static void test_trailing(void)
{
	struct fx_cell c;
	uint8_t *data;
	size_t size;

	fx_gic_demo(&c);
	data = fx_build_cell(&c, &size);
	data = realloc(data, size + 3);
	reset();
	jh_check_new(ctx, &chk);
	jh_check_add_cell(chk, load(data, size + 3, "long.cell"));
	tap_ok(jh_check_run(chk) == 0, "trailing bytes are only a warning");
	expect("trailing-bytes", JH_SEVERITY_WARNING, "long.cell", -1,
	       "3 bytes after the last array are ignored");
}

static void test_memory(void)
{
	struct fx_system s;
	struct fx_cell c[2];

	fx_gic_demo(&c[0]);
	c[0].mem[1].size = 0;
	c[0].mem[0].phys_start = 0x09000800;
	c[0].mem[0].flags &= ~(uint64_t)JAILHOUSE_MEM_IO;
	run(NULL, c, 1);
	expect("mem-empty", JH_SEVERITY_WARNING, "cell0.cell", 1,
	       "memory region 1 has size 0");
	expect("mem-alignment", JH_SEVERITY_ERROR, "cell0.cell", 0,
	       "memory region 0 (phys 0x9000800, virt 0x9000000, size 0x1000) is not page aligned");

	/* sub-page device regions: the hypervisor performs their accesses */
	fx_gic_demo(&c[0]);
	c[0].mem[0].phys_start = c[0].mem[0].virt_start = 0x09000800;
	c[0].mem[0].size = 0x100;
	c[0].mem[0].flags |= JAILHOUSE_MEM_IO_32;
	c[0].console.address = 0x09000800;
	c[0].console.size = 0x100;
	run(NULL, c, 1);
	tap_ok(jh_check_get_num_findings(chk) == 0, "sub-page I/O regions are fine");
	c[0].mem[0].flags &= ~(uint64_t)JAILHOUSE_MEM_IO_32;
	run(NULL, c, 1);
	expect("subpage-width", JH_SEVERITY_WARNING, "cell0.cell", 0,
	       "without access widths (JAILHOUSE_MEM_IO_8..64): every access to it stops the cell");
	c[0].mem[0].flags |= JAILHOUSE_MEM_IO_32;
	c[0].mem[0].phys_start = 0x09000c00;
	run(NULL, c, 1);
	expect("mem-alignment", JH_SEVERITY_ERROR, "cell0.cell", 0,
	       "is smaller than a page or not page aligned, and has host and guest addresses at different offsets in their pages");
	fx_gic_demo(&c[0]);
	c[0].mem[0].phys_start = 0x09000800;
	run(NULL, c, 1);
	expect("mem-alignment", JH_SEVERITY_ERROR, "cell0.cell", 0,
	       "memory region 0 (phys 0x9000800, virt 0x9000000, size 0x1000) is not page aligned");

	fx_gic_demo(&c[0]);
	c[0].mem[1].virt_start = 0xfffffffffffff000ULL;
	c[0].mem[1].flags &= ~(uint64_t)JAILHOUSE_MEM_WRITE;
	c[0].reset = 0xfffffffffffff000ULL;
	run(NULL, c, 1);
	expect("mem-wrap", JH_SEVERITY_ERROR, "cell0.cell", 1,
	       "wraps around the address space");
	expect("loadable-readonly", JH_SEVERITY_WARNING, "cell0.cell", 1,
	       "loadable but not writable");

	fx_linux_demo(&c[0]);
	c[0].mem[2].virt_start = 0x7ff00000;
	run(NULL, c, 1);
	expect("comm-region-overlap", JH_SEVERITY_ERROR, "cell0.cell", 2,
	       "memory regions 2 (virt 0x7ff00000-0x87efffff) and 3 (virt 0x80000000-0x80000fff, comm region) overlap");
	fx_linux_demo(&c[0]);
	c[0].mem[1].virt_start = 0x08fff000;
	c[0].mem[1].size = 0x2000;
	run(NULL, c, 1);
	expect("mem-overlap", JH_SEVERITY_ERROR, "cell0.cell", 0,
	       "memory regions 0 (virt 0x9000000-0x9000fff) and 1 (virt 0x8fff000-0x9000fff) overlap");

	fx_qemu_system(&s);
	fx_gic_demo(&c[0]);
	c[0].mem[1].phys_start = 0x7fff0000;
	run(&s, c, 1);
	expect("hv-overlap", JH_SEVERITY_ERROR, "cell0.cell", 1,
	       "memory region 1 (phys 0x7fff0000-0x7fffffff) overlaps the hypervisor memory (0x7fc00000-0x7fffffff)");
	expect("mem-not-in-root", JH_SEVERITY_ERROR, "cell0.cell", 1,
	       "is not memory of the root cell in sys.cell");

	/* shared with root but not root's: mapped into the cell only */
	fx_qemu_system(&s);
	fx_gic_demo(&c[0]);
	c[0].mem[0].phys_start = c[0].mem[0].virt_start = 0x08f00000;
	c[0].console.address = 0x08f00000;
	run(&s, c, 1);
	expect("mem-not-in-root", JH_SEVERITY_WARNING, "cell0.cell", 0,
	       "shared with root, it is mapped into this cell only");
	tap_eq(jh_check_get_num_errors(chk), 0, "a shared region root lacks: no error");

	fx_qemu_system(&s);
	s.root.mem[1].size = 0x3fc10000;
	run(&s, NULL, 0);
	expect("hv-overlap", JH_SEVERITY_ERROR, "sys.cell", 1,
	       "memory region 1 (phys 0x40000000-0x7fc0ffff) overlaps the hypervisor memory");

	/* root's regions may overlap, as in upstream's board configs */
	fx_qemu_system(&s);
	s.root.mem[0].size = 0x40000000;	/* into root's RAM, region 1 */
	run(&s, NULL, 0);
	expect("root-mem-overlap", JH_SEVERITY_NOTE, "sys.cell", 0,
	       "memory regions 0 (0x9000000-0x48ffffff) and 1 (0x40000000-0x7fa0ffff) overlap; where they do, region 1's flags apply");
	tap_eq(jh_check_get_num_errors(chk), 0, "overlapping root regions: no error");
	tap_ok(!has_rule("mem-overlap"), "... and no mem-overlap");

	/* a region over the virtual PCI host's ECAM */
	fx_qemu_system(&s);
	s.pci_ecam = 0x08e00000;
	fx_gic_demo(&c[0]);
	c[0].mem[0].phys_start = 0x08e00000;
	run(&s, c, 1);
	expect("pci-ecam-overlap", JH_SEVERITY_ERROR, "cell0.cell", 0,
	       "memory region 0 (phys 0x8e00000-0x8e00fff) overlaps registers the hypervisor emulates: the virtual PCI host's ECAM (0x8e00000-0x8efffff)");
	s.pci_ecam = 0;
	run(&s, c, 1);
	tap_ok(!has_rule("pci-ecam-overlap"),
	       "no ECAM overlap without a virtual PCI host");

	/* the GIC's trapped windows: GICD, and GICR of root's 4 CPUs */
	fx_qemu_system(&s);
	fx_gic_demo(&c[0]);
	c[0].mem[0].phys_start = 0x08000000;
	run(&s, c, 1);
	expect("gic-overlap", JH_SEVERITY_ERROR, "cell0.cell", 0,
	       "memory region 0 (phys 0x8000000-0x8000fff) overlaps registers the hypervisor emulates: the GIC distributor (0x8000000-0x800ffff)");
	c[0].mem[0].phys_start = 0x08110000;
	run(&s, c, 1);
	expect("gic-overlap", JH_SEVERITY_ERROR, "cell0.cell", 0,
	       "overlaps registers the hypervisor emulates: the GIC redistributors (0x80a0000-0x811ffff)");
	c[0].mem[0].phys_start = 0x08120000;
	run(&s, c, 1);
	tap_ok(!has_rule("gic-overlap"),
	       "above the redistributors of root's CPUs: no GIC overlap");

	/* GICv2 (QEMU virt gic-version=2): the 64 KiB blocks of its frames */
	fx_qemu_system(&s);
	s.gic_version = 2;
	s.gicr = 0;
	s.gicc = 0x08010000;
	s.gich = 0x08030000;
	s.gicv = 0x08040000;
	fx_gic_demo(&c[0]);
	run(&s, c, 1);
	tap_ok(!has_rule("gic-overlap"), "gic-demo on GICv2: no GIC overlap");
	c[0].mem[0].phys_start = 0x0803f000;
	run(&s, c, 1);
	expect("gic-overlap", JH_SEVERITY_ERROR, "cell0.cell", 0,
	       "memory region 0 (phys 0x803f000-0x803ffff) overlaps registers the hypervisor emulates: the GIC virtual interface control (0x8030000-0x803ffff)");
	c[0].mem[0].phys_start = 0x08020000;
	run(&s, c, 1);
	tap_ok(!has_rule("gic-overlap"),
	       "GICv2: the block between GICC and GICH (GICv2m) is no GIC frame");
	fx_gic_demo(&c[0]);
	c[0].mem[0].virt_start = 0x08011000;
	run(&s, c, 1);
	expect("gic-overlap", JH_SEVERITY_ERROR, "cell0.cell", 0,
	       "memory region 0 (guest 0x8011000-0x8011fff) covers the GIC CPU interface (guest 0x8010000-0x8011fff), where the hypervisor maps the virtual one");

	/* no stage 2 reaches past 48 bits of guest address */
	fx_gic_demo(&c[0]);
	c[0].mem[1].virt_start = 0xffff000000000000ULL;
	run(NULL, c, 1);
	expect("mem-ipa", JH_SEVERITY_ERROR, "cell0.cell", 1,
	       "memory region 1 (virt 0xffff000000000000, size 0x10000) ends beyond the 48-bit guest address space");

	fx_gic_demo(&c[0]);
	fx_linux_demo(&c[1]);
	c[1].mem[2].phys_start = 0x7fa08000;
	c[1].mem[2].size = 0x1000;
	run(NULL, c, 2);
	expect("cell-overlap", JH_SEVERITY_ERROR, "cell1.cell", 2,
	       "memory region 2 (phys 0x7fa08000-0x7fa08fff) overlaps memory region 1 (phys 0x7fa00000-0x7fa0ffff) of cell0.cell");
	tap_ok(jh_check_get_num_errors(chk) == 1,
	       "the shared UART (ROOTSHARED in both) is no overlap");

	fx_gic_demo(&c[0]);
	fx_linux_demo(&c[1]);
	c[1].mem[0].flags &= ~(uint64_t)JAILHOUSE_MEM_ROOTSHARED;
	run(NULL, c, 2);
	expect("cell-overlap", JH_SEVERITY_ERROR, "cell1.cell", 0,
	       "overlaps memory region 0 (phys 0x9000000-0x9000fff) of cell0.cell");
}

static void test_cpus(void)
{
	struct fx_system s;
	struct fx_cell c[2];

	fx_qemu_system(&s);
	fx_gic_demo(&c[0]);
	fx_linux_demo(&c[1]);
	c[0].cpu_set_size = 4;
	c[1].cpus = 0;
	run(&s, c, 2);
	expect("cpu-set", JH_SEVERITY_ERROR, "cell0.cell", -1,
	       "cpu_set_size 4 is not a multiple of 8");
	expect("cpu-set", JH_SEVERITY_ERROR, "cell1.cell", -1, "the cell has no CPU");

	fx_gic_demo(&c[0]);
	c[0].cpu_set_size = 0;
	run(NULL, c, 1);
	expect("cpu-set", JH_SEVERITY_ERROR, "cell0.cell", -1, "cpu_set_size 0");

	fx_gic_demo(&c[0]);
	fx_linux_demo(&c[1]);
	c[0].cpus = 0x1 | 0x2 | 0x4 | 0x10;
	run(&s, c, 2);
	expect("cpu0", JH_SEVERITY_WARNING, "cell0.cell", -1,
	       "takes CPU 0, Linux's boot CPU: root Linux gives it up");
	expect("cpu-not-in-system", JH_SEVERITY_ERROR, "cell0.cell", -1,
	       "CPU 4 is not in the CPU set of sys.cell");
	expect("cpu-twice", JH_SEVERITY_ERROR, "cell1.cell", -1,
	       "CPU 2 is also assigned to cell0.cell");
	expect("root-cpus", JH_SEVERITY_ERROR, "sys.cell", -1,
	       "the cells together take every CPU of the root cell");
}

static void test_irqs(void)
{
	struct fx_system s;
	struct fx_cell c[2];

	fx_qemu_system(&s);
	fx_gic_demo(&c[0]);
	fx_linux_demo(&c[1]);
	c[0].nirq = 3;
	c[0].irq[0] = c[1].irq[0];
	c[0].irq[1].address = 0x08000000;
	c[0].irq[1].pin_base = 0;
	c[0].irq[1].pin_bitmap[0] = 0x1;
	c[0].irq[2].address = 0x2c000000;
	c[0].irq[2].pin_base = 960;
	c[0].irq[2].pin_bitmap[1] = 0xf0000000;
	run(&s, c, 2);
	expect("spi-range", JH_SEVERITY_ERROR, "cell0.cell", 1,
	       "grants 1 interrupt(s) outside the SPI range 32-1019, first INTID 0");
	expect("spi-range", JH_SEVERITY_ERROR, "cell0.cell", 2,
	       "grants 4 interrupt(s) outside the SPI range 32-1019, first INTID 1020");
	expect("irqchip-address", JH_SEVERITY_WARNING, "cell0.cell", 2,
	       "irqchip 2 at 0x2c000000 is not the GIC distributor (0x8000000)");
	expect("irq-twice", JH_SEVERITY_ERROR, "cell1.cell", 0,
	       "1 SPI(s) are also granted to cell0.cell, first INTID 33");

	fx_qemu_system(&s);
	s.root.irq[0].pin_bitmap[0] = 0;
	c[1].nirq = 1;
	c[1].irq[0].pin_base = 33;
	run(&s, &c[1], 1);
	expect("irqchip-pin-base", JH_SEVERITY_ERROR, "cell0.cell", 0,
	       "pin_base 33 is not a multiple of 32");
	fx_linux_demo(&c[1]);
	run(&s, &c[1], 1);
	expect("irq-not-in-root", JH_SEVERITY_WARNING, "cell0.cell", 0,
	       "1 SPI(s) are not the root cell's in sys.cell, first INTID 33");
}

/*
 * The demo link of the QEMU configs rebuilt from data: root (peer 0,
 * INTID 128), gic-demo (1, INTID 144) and linux-demo (2, INTID 140) at
 * 00:00.0 on the virtual PCI host.
 */
/* linux-demo as peer @id of the demo link, its memory at @phys */
static void linux_peer(struct fx_cell *c, uint8_t id, uint64_t phys)
{
	fx_linux_demo(c);
	c->vpci_irq_base = 140 - 32;
	fx_cell_add_ivshmem(c, 0x00, id, 3, phys, false);
}

static void link_setup(struct fx_system *s, struct fx_cell *c)
{
	fx_qemu_system(s);
	s->pci_ecam = 0x08e00000;
	s->root.vpci_irq_base = 128 - 32;
	fx_cell_add_ivshmem(&s->root, 0x00, 0, 3, 0x7fa10000, true);
	fx_gic_demo(&c[0]);
	c[0].vpci_irq_base = 144 - 32;
	fx_cell_add_ivshmem(&c[0], 0x00, 1, 3, 0x7fa10000, false);
	linux_peer(&c[1], 2, 0x7fa10000);
}

/* gic-demo's end of the link, bent by the caller, is at fault: @text. */
static void expect_device_fault(const struct fx_system *s,
				const struct fx_cell *c, const char *text)
{
	run(s, c, 2);
	expect("ivshmem", JH_SEVERITY_ERROR, "cell0.cell", 0, text);
	tap_ok(!has_rule("ivshmem-link"),
	       "... and a device at fault is no link end: %s", text);
}

static void test_pci_host(void)
{
	struct fx_system s;
	struct fx_cell c[2];

	link_setup(&s, c);
	expect_clean(run(&s, c, 2), "a link of three peers");
	expect_clean(run(NULL, c, 2), "the link's cells without a system");

	link_setup(&s, c);
	c[0].pci[0].type = JAILHOUSE_PCI_TYPE_DEVICE;
	run(&s, c, 2);
	expect("pci-type", JH_SEVERITY_ERROR, "cell0.cell", 0,
	       "PCI device 0 (00:00.0): type 1; the virtual PCI host has only ivshmem devices (type 3)");
	run(NULL, c, 1);
	expect("pci-type", JH_SEVERITY_ERROR, "cell0.cell", 0,
	       "PCI device 0 (00:00.0): type 1;");

	link_setup(&s, c);
	s.pci_ecam = 0;
	run(&s, c, 2);
	expect("pci-no-host", JH_SEVERITY_ERROR, "cell0.cell", -1,
	       "1 PCI devices, but the system in sys.cell has no virtual PCI host (pci_is_virtual)");
	expect("pci-no-host", JH_SEVERITY_ERROR, "cell1.cell", -1,
	       "1 PCI devices");
	tap_eq(jh_check_get_num_errors(chk), 2,
	       "without a host: root's devices are its own, the cells' refused");

	link_setup(&s, c);
	c[0].pci[0].bdf = 0x0100;
	run(&s, c, 2);
	expect("pci-bus", JH_SEVERITY_ERROR, "cell0.cell", 0,
	       "PCI device 0 (01:00.0): bus beyond the host's last bus 0 (pci_mmconfig_end_bus)");
	s.pci_end_bus = 1;
	expect_clean(run(&s, c, 2), "bus 1 with end bus 1, a device alone");

	link_setup(&s, c);
	c[1].npci = 2;
	c[1].pci[1] = c[1].pci[0];
	run(&s, c, 2);
	expect("pci-bdf-twice", JH_SEVERITY_ERROR, "cell1.cell", 1,
	       "PCI devices 0 and 1 are both at 00:00.0");
}

static void test_ivshmem_device(void)
{
	struct fx_system s;
	struct fx_cell c[2];

	link_setup(&s, c);
	c[0].pci[0].shmem_peers = 13;
	expect_device_fault(&s, c, "PCI device 0 (00:00.0): shmem_peers 13 must be 1 to 12");
	link_setup(&s, c);
	c[0].pci[0].shmem_dev_id = 3;
	expect_device_fault(&s, c, "(00:00.0): shmem_dev_id 3 must be below shmem_peers 3");
	link_setup(&s, c);
	c[0].pci[0].shmem_regions_start = 5;
	expect_device_fault(&s, c, "shmem_regions_start 5: the state table, the read/write section and 3 output sections need memory regions 5-9, but the config has 8");
	link_setup(&s, c);
	c[0].pci[0].bar_mask[0] = 0xffffff00;
	expect_device_fault(&s, c, "bar_mask[0] 0xffffff00 must be a 4 KiB or a 64 KiB register page");
	link_setup(&s, c);
	c[0].pci[0].num_msix_vectors = 2;
	expect_device_fault(&s, c, "num_msix_vectors 2: MSI-X needs an ITS");
	link_setup(&s, c);
	c[0].mem[3].size = 8;
	expect_device_fault(&s, c, "PCI device 0 (00:00.0), region 3: the state table (size 0x8) is smaller than 4 bytes for each of the 3 peers");
	link_setup(&s, c);
	c[0].mem[3].flags |= JAILHOUSE_MEM_WRITE;
	expect_device_fault(&s, c, "region 3: the state table is writable");
	link_setup(&s, c);
	c[0].mem[7].size = 0x8000;
	expect_device_fault(&s, c, "region 7: the output sections differ in size: 0x8000 here, 0x4000 in region 5 (peer 0's)");
	link_setup(&s, c);
	c[0].mem[5].flags |= JAILHOUSE_MEM_WRITE;
	expect_device_fault(&s, c, "region 5: the output section of peer 0 is writable, but this is peer 1");
	link_setup(&s, c);
	c[0].mem[5].virt_start += 0x100000;
	c[0].mem[6].virt_start += 0x100000;
	c[0].mem[7].virt_start += 0x100000;
	expect_device_fault(&s, c, "region 5: the regions are not consecutive in guest addresses: this one starts at 0x7fb20000, not at 0x7fa20000");
}

static void test_ivshmem_intx(void)
{
	struct fx_system s;
	struct fx_cell c[2];

	link_setup(&s, c);
	c[0].nirq = 0;
	run(&s, c, 2);
	expect("ivshmem-intx", JH_SEVERITY_ERROR, "cell0.cell", 0,
	       "PCI device 0 (00:00.0): its INTx, INTID 144 (vpci_irq_base 112), is not among the cell's interrupts");

	link_setup(&s, c);
	s.root.irq[0].pin_bitmap[3] = 0;
	run(&s, c, 2);
	expect("ivshmem-intx", JH_SEVERITY_ERROR, "sys.cell", 0,
	       "its INTx, INTID 128 (vpci_irq_base 96)");

	/* an entry for another chip grants nothing; without a system any */
	link_setup(&s, c);
	c[0].irq[0].address = 0x2c000000;
	run(&s, c, 2);
	expect("ivshmem-intx", JH_SEVERITY_ERROR, "cell0.cell", 0, "INTID 144");
	run(NULL, c, 1);
	tap_ok(!has_rule("ivshmem-intx"),
	       "without a system, any irqchip entry grants the INTx");
}

static void test_ivshmem_link(void)
{
	const struct jh_finding *f;
	struct fx_system s;
	struct fx_cell c[2];

	link_setup(&s, c);
	c[0].pci[0].shmem_peers = 2;
	run(&s, c, 2);
	expect("ivshmem-link", JH_SEVERITY_ERROR, "cell0.cell", 0,
	       "PCI device 0 (00:00.0): shmem_peers 2 differs from PCI device 0 of sys.cell (3)");
	expect("ivshmem-link", JH_SEVERITY_ERROR, "cell1.cell", 0,
	       "shmem_peers 3 differs from PCI device 0 of cell0.cell (2)");
	f = jh_check_get_finding(chk, 0);
	tap_ok(f && !strcmp(jh_finding_get_other_source(f), "sys.cell") &&
	       jh_finding_get_other_index(f) == 0,
	       "a link finding names the other config and its device");

	link_setup(&s, c);
	c[1].pci[0].shmem_protocol = JAILHOUSE_SHMEM_PROTO_VETH;
	run(&s, c, 2);
	expect("ivshmem-link", JH_SEVERITY_ERROR, "cell1.cell", 0,
	       "shmem_protocol 0x0001 differs from PCI device 0 of sys.cell (0x0000)");

	link_setup(&s, c);
	linux_peer(&c[1], 1, 0x7fa10000);
	run(&s, c, 2);
	expect("ivshmem-link", JH_SEVERITY_ERROR, "cell1.cell", 0,
	       "shmem_dev_id 1 is also taken by PCI device 0 of cell0.cell");
	tap_eq(jh_check_get_num_errors(chk), 1, "only the peer ID clashes");

	link_setup(&s, c);
	linux_peer(&c[1], 2, 0x7fb00000);
	run(&s, c, 2);
	expect("ivshmem-link", JH_SEVERITY_ERROR, "cell1.cell", 0,
	       "host address or size of section 0 (region 4: phys 0x7fb00000, size 0x1000) differs from PCI device 0 of sys.cell (region 3: phys 0x7fa10000, size 0x1000)");
	run(NULL, c, 2);
	expect("ivshmem-link", JH_SEVERITY_ERROR, "cell1.cell", 0,
	       "differs from PCI device 0 of cell0.cell (region 3: phys 0x7fa10000");

	/* other BDFs are other links */
	link_setup(&s, c);
	c[1].pci[0].bdf = 0x08;
	c[1].pci[0].shmem_peers = 2;
	c[1].pci[0].shmem_dev_id = 1;
	fx_cell_grant_irq(&c[1], 141);
	expect_clean(run(&s, c, 2), "devices at other BDFs are other links");
}

/* The configs of configs/arm64, as the build compiles them. */
static void test_tree_configs(void)
{
	const struct jailhouse_system *sys = fx_arm64_system();
	const void *gic, *linux_demo;
	size_t gic_size, linux_size;
	int err;

	gic = fx_arm64_gic_demo(&gic_size);
	linux_demo = fx_arm64_linux_demo(&linux_size);
	reset();
	if (jh_check_new(ctx, &chk))
		exit(99);
	err = jh_check_set_system(chk, load(copy_of(sys,
			jailhouse_system_config_size(sys)),
			jailhouse_system_config_size(sys), "qemu-arm64.cell"));
	err |= jh_check_add_cell(chk, load(copy_of(gic, gic_size), gic_size,
					   "qemu-arm64-gic-demo.cell"));
	err |= jh_check_add_cell(chk, load(copy_of(linux_demo, linux_size),
					   linux_size,
					   "qemu-arm64-linux-demo.cell"));
	if (err)
		exit(99);
	expect_clean(jh_check_run(chk),
		     "the tree's QEMU system, gic-demo and linux-demo configs with their links");
}

/*
 * Many regions: findings are capped per rule and config, the total is
 * still counted. Loads @n regions into a cell based on @base (or the
 * root cell of the QEMU system if @base is NULL).
 */
static struct jh_config *load_regions(const struct fx_cell *base,
				      const struct jailhouse_memory *mem,
				      unsigned int n, const char *label)
{
	struct jailhouse_cell_desc *d;
	struct fx_system sys;
	struct fx_cell c;
	size_t size, off;
	uint8_t *data;

	if (base) {
		c = *base;
	} else {
		fx_qemu_system(&sys);
		c = sys.root;
	}
	c.nmem = c.nirq = c.npci = c.npio = 0;
	c.console.type = JAILHOUSE_CON_TYPE_NONE;
	sys.root = c;
	data = base ? fx_build_cell(&c, &size) : fx_build_system(&sys, &size);
	/* With no other arrays, the regions come right after the CPU set. */
	off = size;
	size += n * sizeof(*mem);
	data = realloc(data, size);
	if (!data)
		exit(99);
	memcpy(data + off, mem, n * sizeof(*mem));
	d = base ? (void *)data :
		   (void *)&((struct jailhouse_system *)data)->root_cell;
	d->num_memory_regions = n;
	return load(data, size, label);
}

static void start_big(void)
{
	reset();
	if (jh_check_new(ctx, &chk))
		exit(99);
}

/* Findings of @rule about @src, those in the summary finding included. */
static uint64_t rule_total(const char *rule, const char *src,
			   unsigned int *listed)
{
	const struct jh_finding *f;
	uint64_t total = 0;
	char more[64];
	unsigned int i;
	const char *p;

	snprintf(more, sizeof(more), " more %s findings", rule);
	*listed = 0;
	for (i = 0; i < jh_check_get_num_findings(chk); i++) {
		f = jh_check_get_finding(chk, i);
		if (strcmp(jh_finding_get_rule(f), rule) ||
		    strcmp(jh_finding_get_source(f), src))
			continue;
		(*listed)++;
		p = strstr(jh_finding_get_message(f), "... and ");
		if (jh_finding_get_index(f) == -1 && p &&
		    strstr(jh_finding_get_message(f), more))
			total += strtoull(p + 8, NULL, 10);
		else
			total++;
	}
	return total;
}

static void set_mem(struct jailhouse_memory *m, uint64_t phys, uint64_t virt,
		    uint64_t size, uint64_t flags)
{
	m->phys_start = phys;
	m->virt_start = virt;
	m->size = size;
	m->flags = flags;
}

static uint32_t rnd_state = 12345;

static uint32_t rnd(uint32_t limit)
{
	rnd_state = rnd_state * 1103515245u + 12345u;
	return (rnd_state >> 8) % limit;
}

/* as many regions as a cell config may hold (64 KiB) */
#define BIG	2000
#define LISTED	20
#define RW	(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE)

static bool overlap(uint64_t a, uint64_t asz, uint64_t b, uint64_t bsz)
{
	return a < b + bsz && b < a + asz;
}

static void test_many_identical(struct jailhouse_memory *mem)
{
	uint64_t total, pairs = (uint64_t)BIG * (BIG - 1) / 2;
	struct fx_cell base;
	unsigned int i, listed;
	char more[80];

	fx_gic_demo(&base);
	for (i = 0; i < BIG; i++)
		set_mem(&mem[i], 0x7fa00000, 0x1000000, 0x1000, RW);
	start_big();
	jh_check_add_cell(chk, load_regions(&base, mem, BIG, "big.cell"));
	tap_ok(jh_check_run(chk) == -EINVAL &&
	       strstr(jh_ctx_last_error(ctx), "more errors"),
	       "%u identical regions: refused", BIG);
	total = rule_total("mem-overlap", "big.cell", &listed);
	tap_eq(listed, 21, "20 overlaps listed and one summary");
	tap_eq(total, pairs, "every overlapping pair is counted");
	tap_eq(jh_check_get_num_errors(chk), pairs, "the error count has them all");
	tap_ok(jh_check_get_num_findings(chk) < 40, "findings kept: %u",
	       jh_check_get_num_findings(chk));
	snprintf(more, sizeof(more),
		 "big.cell: ... and %llu more mem-overlap findings",
		 (unsigned long long)pairs - LISTED);
	expect("mem-overlap", JH_SEVERITY_ERROR, "big.cell", -1, more);

	/* Every tenth of them is a comm region: both rules counted apart. */
	for (i = 0; i < BIG; i += BIG / 10)
		mem[i].flags |= JAILHOUSE_MEM_COMM_REGION;
	start_big();
	jh_check_add_cell(chk, load_regions(&base, mem, BIG, "big.cell"));
	jh_check_run(chk);
	tap_eq(rule_total("mem-overlap", "big.cell", &listed),
	       (uint64_t)(BIG - 10) * (BIG - 11) / 2, "mem-overlap count");
	tap_eq(rule_total("comm-region-overlap", "big.cell", &listed),
	       pairs - (uint64_t)(BIG - 10) * (BIG - 11) / 2,
	       "comm-region-overlap count");
	tap_eq(rule_total("comm-region-count", "big.cell", &listed), 9,
	       "comm-region-count below the cap is not summed up");
	tap_eq(listed, 9, "nine listed");

	/* A rule reporting one region at a time is capped, too. */
	for (i = 0; i < BIG; i++)
		set_mem(&mem[i], 0x7fa00000 + i * 0x2000ULL + 0x800,
			0x1000000 + i * 0x2000ULL, 0x1000, RW);
	start_big();
	jh_check_add_cell(chk, load_regions(&base, mem, BIG, "big.cell"));
	jh_check_run(chk);
	total = rule_total("mem-alignment", "big.cell", &listed);
	tap_ok(total == BIG && listed == 21 &&
	       jh_check_get_num_errors(chk) == BIG,
	       "mem-alignment: %u of %llu listed", listed,
	       (unsigned long long)total);
}

/* The listed pairs of @rule about @src really overlap (@phys: host side). */
static bool listed_overlap(const char *rule, const char *src,
			   const struct jailhouse_memory *mem,
			   const struct jailhouse_memory *other, bool phys)
{
	const struct jailhouse_memory *a, *b;
	const struct jh_finding *f;
	unsigned int i, n = 0;

	for (i = 0; i < jh_check_get_num_findings(chk); i++) {
		f = jh_check_get_finding(chk, i);
		if (strcmp(jh_finding_get_rule(f), rule) ||
		    strcmp(jh_finding_get_source(f), src) ||
		    jh_finding_get_index(f) < 0)
			continue;
		a = &mem[jh_finding_get_index(f)];
		b = &other[jh_finding_get_other_index(f)];
		if (phys ? !overlap(a->phys_start, a->size, b->phys_start, b->size) :
			   !overlap(a->virt_start, a->size, b->virt_start, b->size))
			return false;
		n++;
	}
	return n == LISTED;
}

/* Random layouts against the pairwise counts. */
static void test_many_random(struct jailhouse_memory *mem,
			     struct jailhouse_memory *mem2)
{
	uint64_t want_plain = 0, want_comm = 0, want_cell = 0, want_root = 0;
	struct fx_cell base, base2;
	unsigned int i, j, listed;
	uint64_t start, last;
	bool progress;

	fx_gic_demo(&base);
	fx_linux_demo(&base2);
	for (i = 0; i < BIG; i++) {
		set_mem(&mem[i], 0x40000000 + rnd(0x4000) * 0x1000ULL,
			rnd(0x8000) * 0x1000ULL, (1 + rnd(4)) * 0x1000ULL,
			RW | (rnd(25) ? 0 : JAILHOUSE_MEM_COMM_REGION) |
			(rnd(2) ? JAILHOUSE_MEM_ROOTSHARED : 0));
		set_mem(&mem2[i], 0x40000000 + rnd(0x8000) * 0x1000ULL,
			0x1000000, (1 + rnd(4)) * 0x1000ULL,
			RW | (rnd(2) ? JAILHOUSE_MEM_ROOTSHARED : 0));
	}
	for (i = 0; i < BIG; i++) {
		for (j = 0; j < i; j++) {
			if (overlap(mem[i].virt_start, mem[i].size,
				    mem[j].virt_start, mem[j].size)) {
				if ((mem[i].flags | mem[j].flags) &
				    JAILHOUSE_MEM_COMM_REGION)
					want_comm++;
				else
					want_plain++;
			}
		}
		/* across the cells: every pair, both orders are one pair */
		for (j = 0; j < BIG; j++)
			if (!((mem[i].flags | mem2[j].flags) &
			      JAILHOUSE_MEM_COMM_REGION) &&
			    overlap(mem[i].phys_start, mem[i].size,
				    mem2[j].phys_start, mem2[j].size) &&
			    !(mem[i].flags & mem2[j].flags &
			      JAILHOUSE_MEM_ROOTSHARED))
				want_cell++;
	}
	start_big();
	jh_check_add_cell(chk, load_regions(&base, mem, BIG, "a.cell"));
	jh_check_add_cell(chk, load_regions(&base2, mem2, BIG, "b.cell"));
	jh_check_run(chk);
	tap_eq(rule_total("mem-overlap", "a.cell", &listed), want_plain,
	       "random layout: mem-overlap count");
	tap_eq(rule_total("comm-region-overlap", "a.cell", &listed), want_comm,
	       "random layout: comm-region-overlap count");
	tap_eq(rule_total("cell-overlap", "b.cell", &listed), want_cell,
	       "random layout: cell-overlap count");
	tap_ok(want_plain > 20 && want_comm > 20 && want_cell > 20,
	       "the layout has more of each than the cap (%llu, %llu, %llu)",
	       (unsigned long long)want_plain, (unsigned long long)want_comm,
	       (unsigned long long)want_cell);
	tap_ok(listed_overlap("mem-overlap", "a.cell", mem, mem, false) &&
	       listed_overlap("comm-region-overlap", "a.cell", mem, mem, false) &&
	       listed_overlap("cell-overlap", "b.cell", mem2, mem, true),
	       "the 20 listed of each do overlap");

	/* The root cell: random regions, some touching, some with gaps. */
	for (i = 0, start = 0x40000000; i < BIG; i++) {
		set_mem(&mem2[i], start, start, (1 + rnd(4)) * 0x1000ULL, RW);
		start += mem2[i].size + (rnd(3) ? 0 : 0x1000);
	}
	for (i = 0; i < BIG; i++) {
		if (mem[i].flags & JAILHOUSE_MEM_COMM_REGION)
			continue;
		/* The coverage walk the checker used to do. */
		start = mem[i].phys_start;
		last = start + mem[i].size - 1;
		for (progress = true; progress && start <= last;) {
			progress = false;
			for (j = 0; j < BIG; j++)
				if (start >= mem2[j].phys_start &&
				    start < mem2[j].phys_start + mem2[j].size) {
					start = mem2[j].phys_start + mem2[j].size;
					progress = true;
				}
		}
		if (start <= last)
			want_root++;
	}
	start_big();
	jh_check_set_system(chk, load_regions(NULL, mem2, BIG, "sys.cell"));
	jh_check_add_cell(chk, load_regions(&base, mem, BIG, "a.cell"));
	jh_check_run(chk);
	tap_eq(rule_total("mem-not-in-root", "a.cell", &listed), want_root,
	       "random layout: mem-not-in-root count");
	tap_ok(want_root > 20 && want_root < BIG - 100,
	       "some regions are the root's, some not (%llu)",
	       (unsigned long long)want_root);
}

static void test_many(void)
{
	struct jailhouse_memory *mem = calloc(BIG, sizeof(*mem));
	struct jailhouse_memory *mem2 = calloc(BIG, sizeof(*mem2));

	if (!mem || !mem2)
		exit(99);
	test_many_identical(mem);
	test_many_random(mem, mem2);
	free(mem);
	free(mem2);
}

static void test_pair_fields(void)
{
	const struct jh_finding *f = NULL;
	struct fx_cell c[2];
	unsigned int i;

	fx_linux_demo(&c[0]);
	fx_linux_demo(&c[1]);
	strcpy(c[1].name, "other");
	run(NULL, c, 2);
	for (i = 0; i < jh_check_get_num_findings(chk); i++)
		if (!strcmp(jh_finding_get_rule(jh_check_get_finding(chk, i)),
			    "cell-overlap"))
			f = jh_check_get_finding(chk, i);
	tap_ok(f && !strcmp(jh_finding_get_other_source(f), "cell0.cell") &&
	       jh_finding_get_other_index(f) >= 0,
	       "pair findings name the other config and region");
}

int main(int argc, char **argv)
{
	th_init(argc, argv);
	th_root(0);
	if (jh_ctx_new(NULL, &ctx))
		return 99;
	test_clean();
	test_api();
	test_platform();
	test_cells();
	test_trailing();
	test_memory();
	test_cpus();
	test_irqs();
	test_pci_host();
	test_ivshmem_device();
	test_ivshmem_intx();
	test_ivshmem_link();
	test_tree_configs();
	test_many();
	test_pair_fields();
	reset();
	jh_ctx_unref(ctx);
	th_cleanup();
	return tap_done();
}
