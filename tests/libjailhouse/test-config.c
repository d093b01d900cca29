// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Loading .cell files: every validation error with its cause and message,
 * and the accessors on the QEMU configs.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <libjailhouse.h>

#include "harness.h"
#include "configs.h"

static struct jh_ctx *ctx;

static bool has(const char *text, const char *part)
{
	bool ok = strstr(text, part) != NULL;

	if (!ok)
		printf("#   '%s' lacks '%s'\n", text, part);
	return ok;
}

/* Loads a buffer that must fail with @code and a message containing @msg. */
static void expect_fail(const void *buf, size_t size, const char *what,
			enum jh_error code, const char *msg)
{
	struct jh_config *cfg = NULL;
	int err;

	err = jh_config_new_from_buffer(ctx, buf, size, what, &cfg);
	tap_ok(err == -EINVAL && !cfg, "%s: rejected with -EINVAL (%d)", what,
	       err);
	tap_ok(jh_ctx_last_error_code(ctx) == code, "%s: cause %s (got %s)",
	       what, jh_error_name(code),
	       jh_error_name(jh_ctx_last_error_code(ctx)));
	tap_ok(has(jh_ctx_last_error(ctx), msg) &&
	       has(jh_ctx_last_error(ctx), what), "%s: message names the cause",
	       what);
}

static void test_validation(void)
{
	struct fx_system s;
	struct fx_cell c;
	uint8_t *sys, *cell;
	size_t ssize, csize;

	fx_qemu_system(&s);
	sys = fx_build_system(&s, &ssize);
	fx_gic_demo(&c);
	cell = fx_build_cell(&c, &csize);

	expect_fail(sys, 0, "empty.cell", JH_ERR_TRUNCATED, "0 bytes");
	expect_fail(sys, 3, "tiny.cell", JH_ERR_TRUNCATED, "not even a signature");
	expect_fail(sys, 100, "truncated.cell", JH_ERR_TRUNCATED,
		    "header needs 488");
	expect_fail(cell, 60, "truncated-cell.cell", JH_ERR_TRUNCATED,
		    "header needs 132");
	expect_fail(sys, ssize - 1, "short.cell", JH_ERR_COUNTS,
		    "the counts need 624 bytes but the file has 623");

	memcpy(sys, "JHSYST", 6);
	expect_fail(sys, ssize, "rev13.cell", JH_ERR_REVISION,
		    "revision 13 or older, expected revision 14");
	memcpy(sys, "ABCDE", 5);
	expect_fail(sys, ssize, "sig.cell", JH_ERR_SIGNATURE,
		    "wrong signature \"ABCDE\"");
	sys[0] = 0x01;
	expect_fail(sys, ssize, "sig2.cell", JH_ERR_SIGNATURE, "\\x01BCDE");
	memcpy(sys, JAILHOUSE_SYSTEM_SIGNATURE, 5);

	sys[5] = JAILHOUSE_X86;
	expect_fail(sys, ssize, "x86.cell", JH_ERR_ARCH,
		    "architecture x86 (0), expected arm64 (2)");
	sys[5] = 7;
	expect_fail(sys, ssize, "arch7.cell", JH_ERR_ARCH, "unknown (7)");
	sys[5] = JAILHOUSE_ARM64;
	sys[6] = 13;
	expect_fail(sys, ssize, "rev.cell", JH_ERR_REVISION,
		    "revision 13, expected 14");
	sys[6] = JAILHOUSE_CONFIG_REVISION;

	((struct jailhouse_cell_desc *)cell)->num_memory_regions = 0x10000000;
	expect_fail(cell, csize, "counts.cell", JH_ERR_COUNTS,
		    "more than the 65536 a cell config may have");
	((struct jailhouse_cell_desc *)cell)->num_memory_regions = 100;
	expect_fail(cell, csize, "counts2.cell", JH_ERR_COUNTS,
		    "but the file has 236 (cpu_set_size 8, 100 memory regions");
	((struct jailhouse_cell_desc *)cell)->num_memory_regions = c.nmem;
	((struct jailhouse_cell_desc *)cell)->cpu_set_size = 0xffffffff;
	expect_fail(cell, csize, "cpuset.cell", JH_ERR_COUNTS,
		    "the counts give 4294967523 bytes");
	((struct jailhouse_cell_desc *)cell)->cpu_set_size = 8;
	memset(((struct jailhouse_cell_desc *)cell)->name, 'x', 32);
	expect_fail(cell, csize, "name.cell", JH_ERR_MALFORMED,
		    "not NUL-terminated");
	free(sys);
	free(cell);
}

static void test_files(void)
{
	struct jh_config *cfg = NULL;
	struct fx_system s;
	size_t size;
	void *data;
	int err;

	err = jh_config_new_from_file(ctx, th_file("missing.cell"), &cfg);
	tap_ok(err == -ENOENT && jh_ctx_last_error_code(ctx) == JH_ERR_SYSTEM &&
	       has(jh_ctx_last_error(ctx), "missing.cell: No such file"),
	       "missing file: -ENOENT naming the file");
	err = jh_config_new_from_file(ctx, th_file(""), &cfg);
	tap_ok(err == -EINVAL && has(jh_ctx_last_error(ctx), "not a regular file"),
	       "directory: not a regular file");

	fx_qemu_system(&s);
	data = fx_build_system(&s, &size);
	err = jh_config_new_from_file(ctx, th_write("sys.cell", data, size), &cfg);
	tap_ok(!err && cfg, "system config loads from a file");
	if (cfg)
		tap_ok(!strcmp(jh_config_get_source(cfg), th_file("sys.cell")),
		       "source is the file name");
	jh_config_unref(cfg);
	free(data);
}

static void test_system_fields(void)
{
	struct jh_console_desc con;
	struct jh_mem_region mem;
	struct jh_platform p;
	struct jh_irqchip irq;
	struct jh_cpuset *cpus;
	struct jh_config *cfg;
	struct fx_system s;
	uint32_t flags;
	size_t size;
	void *data;

	fx_qemu_system(&s);
	data = fx_build_system(&s, &size);
	if (!tap_ok(!jh_config_new_from_buffer(ctx, data, size, "qemu", &cfg),
		    "QEMU system config loads"))
		return;
	free(data);

	tap_eq(jh_config_get_kind(cfg), JH_CONFIG_SYSTEM, "kind system");
	tap_ok(!strcmp(jh_config_get_name(cfg), "qemu-arm64"), "root cell name");
	tap_eq(jh_config_get_size(cfg), 624, "size 488 + 8 + 3 * 32 + 32");
	tap_eq(jh_config_get_trailing_bytes(cfg), 0, "no trailing bytes");
	tap_eq(jh_config_get_num_mem_regions(cfg), 3, "3 memory regions");
	tap_ok(!jh_config_get_mem_region(cfg, 1, &mem) &&
	       mem.phys_start == 0x40000000 && mem.size == 0x3fa10000,
	       "region 1 is the RAM");
	tap_ok(jh_config_get_mem_region(cfg, 3, &mem) == -ERANGE,
	       "region 3 is out of range");
	tap_ok(!jh_config_get_irqchip(cfg, 0, &irq) && irq.pin_base == 32 &&
	       irq.pin_bitmap[3] == 0xffffffff, "irqchip 0");
	tap_ok(jh_config_get_irqchip(cfg, 1, &irq) == -ERANGE,
	       "irqchip 1 is out of range");
	tap_ok(!jh_config_get_platform(cfg, &p) && p.gic_version == 3 &&
	       p.gicd_base == 0x08000000 && p.hv_phys_start == 0x7fc00000 &&
	       p.maintenance_irq == 25, "platform info");
	tap_ok(!jh_config_get_system_flags(cfg, &flags) &&
	       flags == JH_SYS_VIRTUAL_DEBUG_CONSOLE, "system flags");
	tap_ok(!jh_config_get_debug_console(cfg, &con) && con.type == 3 &&
	       !strcmp(jh_console_type_name(con.type), "pl011"),
	       "debug console is a PL011");
	tap_ok(!jh_config_get_cpus(cfg, &cpus), "CPU set");
	tap_ok(!strcmp(jh_cpuset_to_string(cpus), "0-3") &&
	       jh_cpuset_get_count(cpus) == 4 && jh_cpuset_contains(cpus, 3) &&
	       !jh_cpuset_contains(cpus, 4) && jh_cpuset_next(cpus, 1) == 2 &&
	       jh_cpuset_next(cpus, 3) == -1, "CPUs 0-3");
	jh_cpuset_free(cpus);
	jh_config_unref(cfg);
}

static void test_cell_fields(void)
{
	struct jh_console_desc con;
	struct jh_pci_device dev;
	struct jh_platform p;
	struct jh_cpuset *cpus;
	struct jh_config *cfg;
	struct fx_cell c;
	uint32_t flags;
	uint8_t *data;
	size_t size;

	fx_linux_demo(&c);
	c.npci = 1;
	c.pci[0].type = JAILHOUSE_PCI_TYPE_IVSHMEM;
	c.pci[0].bdf = 0x08;
	c.pci[0].shmem_protocol = 1;
	data = fx_build_cell(&c, &size);
	data = realloc(data, size + 5);
	memset(data + size, 0, 5);
	if (!tap_ok(!jh_config_new_from_buffer(ctx, data, size + 5, NULL, &cfg),
		    "linux-demo config with 5 trailing bytes loads"))
		return;
	free(data);

	tap_eq(jh_config_get_kind(cfg), JH_CONFIG_CELL, "kind cell");
	tap_ok(!strcmp(jh_config_get_source(cfg), "<buffer>"), "default label");
	tap_eq(jh_config_get_trailing_bytes(cfg), 5, "5 trailing bytes");
	tap_eq(jh_config_get_flags(cfg), c.flags, "cell flags");
	tap_eq(jh_config_get_num_irqchips(cfg), 1, "1 irqchip");
	tap_eq(jh_config_get_num_pci_devices(cfg), 1, "1 PCI device");
	tap_ok(!jh_config_get_pci_device(cfg, 0, &dev) && dev.type == 3 &&
	       dev.bdf == 8 && dev.shmem_protocol == 1, "PCI device 0");
	tap_ok(jh_config_get_pci_device(cfg, 1, &dev) == -ERANGE,
	       "PCI device 1 out of range");
	tap_eq(jh_config_get_num_pci_caps(cfg) + jh_config_get_num_stream_ids(cfg) +
	       jh_config_get_num_cache_regions(cfg) +
	       jh_config_get_num_pio_regions(cfg), 0, "no other arrays");
	tap_eq(jh_config_get_cpu_reset_address(cfg) +
	       jh_config_get_msg_reply_timeout(cfg) +
	       jh_config_get_vpci_irq_base(cfg), 0, "zero scalars");
	jh_config_get_console(cfg, &con);
	tap_ok(con.address == 0x09000000 && con.size == 0x1000,
	       "cell console");
	tap_ok(!jh_config_get_cpus(cfg, &cpus) &&
	       !strcmp(jh_cpuset_to_string(cpus), "2-3"), "CPUs 2-3");
	jh_cpuset_free(cpus);
	tap_ok(jh_config_get_platform(cfg, &p) == -EINVAL &&
	       jh_ctx_last_error_code(ctx) == JH_ERR_CONFIG_KIND,
	       "no platform info in a cell config");
	tap_ok(jh_config_get_system_flags(cfg, &flags) == -EINVAL &&
	       jh_config_get_debug_console(cfg, &con) == -EINVAL,
	       "no system flags or debug console in a cell config");
	jh_config_unref(cfg);
}

static struct jh_config *load_cell(const struct fx_cell *c)
{
	struct jh_config *cfg;
	size_t size;
	void *data;

	data = fx_build_cell(c, &size);
	if (jh_config_new_from_buffer(ctx, data, size, "link.cell", &cfg))
		exit(99);
	free(data);
	return cfg;
}

/* linux-demo as peer 2 of a link of 3 at 00:02.0, INTID 140 + 2 */
static void test_ivshmem(void)
{
	struct jh_ivshmem_section sec;
	struct jh_ivshmem link;
	struct jh_config *cfg;
	struct fx_cell c;

	fx_linux_demo(&c);
	c.vpci_irq_base = 140 - 32;
	fx_cell_add_ivshmem(&c, 0x10, 2, 3, 0x7fa10000, false);
	c.pci[0].shmem_protocol = JAILHOUSE_SHMEM_PROTO_VIRTIO_BACK + 1;
	c.npci = 2;
	c.pci[1].type = JAILHOUSE_PCI_TYPE_DEVICE;
	c.pci[1].bdf = 0x18;
	cfg = load_cell(&c);

	tap_ok(!jh_config_get_ivshmem(cfg, 0, &link) && link.bdf == 0x10 &&
	       link.id == 2 && link.peers == 3 && link.regions_start == 4 &&
	       link.protocol == 0xc001 && link.intid == 142 &&
	       link.bar_mask[0] == 0xfffff000 && !link.bar_mask[1],
	       "link end: BDF, peer 2 of 3, protocol, INTx INTID 142, BAR0");
	tap_ok(link.address == 0x7fa10000 && link.state_table_size == 0x1000 &&
	       link.rw_size == 0xf000 && link.output_size == 0x4000,
	       "link end: guest address and section sizes");
	tap_ok(!jh_config_get_ivshmem_section(cfg, 0,
					      JH_IVSHMEM_SECTION_OUTPUT(2),
					      &sec) &&
	       sec.region == 8 && sec.phys_start == 0x7fa28000 &&
	       sec.virt_start == 0x7fa28000 && sec.size == 0x4000 &&
	       (sec.flags & JH_MEM_WRITE),
	       "own output section: region 8, writable");
	tap_ok(!jh_config_get_ivshmem_section(cfg, 0,
					      JH_IVSHMEM_SECTION_STATE_TABLE,
					      &sec) &&
	       sec.region == 4 && !(sec.flags & JH_MEM_WRITE),
	       "state table: region 4, read-only");
	tap_ok(jh_config_get_ivshmem_section(cfg, 0, 5, &sec) == -ERANGE &&
	       has(jh_ctx_last_error(ctx),
		   "link.cell: PCI device 0 (00:02.0) has no section 5 (its link has 3 peers, so 5 sections)"),
	       "section 5 of a link of 3: -ERANGE");
	tap_ok(jh_config_get_ivshmem(cfg, 1, &link) == -EINVAL &&
	       jh_ctx_last_error_code(ctx) == JH_ERR_INVALID_ARGUMENT &&
	       has(jh_ctx_last_error(ctx),
		   "PCI device 1 (00:03.0) is of type 1, not an ivshmem device"),
	       "a device of another type: -EINVAL");
	tap_ok(jh_config_get_ivshmem(cfg, 2, &link) == -ERANGE,
	       "no device 2: -ERANGE");
	jh_config_unref(cfg);

	c.pci[0].shmem_regions_start = 6;
	cfg = load_cell(&c);
	tap_ok(jh_config_get_ivshmem(cfg, 0, &link) == -EINVAL &&
	       jh_ctx_last_error_code(ctx) == JH_ERR_CONFIG_INVALID &&
	       has(jh_ctx_last_error(ctx),
		   "link.cell: PCI device 0 (00:02.0): shmem_regions_start 6: "),
	       "regions past the config's: -EINVAL, says which field");
	jh_config_unref(cfg);

	tap_ok(!strcmp(jh_ivshmem_protocol_name(0), "undefined") &&
	       !strcmp(jh_ivshmem_protocol_name(1), "veth") &&
	       !strcmp(jh_ivshmem_protocol_name(2), "reserved") &&
	       !strcmp(jh_ivshmem_protocol_name(0x4000), "custom") &&
	       !strcmp(jh_ivshmem_protocol_name(0x8001), "virtio-front") &&
	       !strcmp(jh_ivshmem_protocol_name(0xffff), "virtio-back"),
	       "protocol names");
}

/* The tree's linux-demo: both its links read back whole. */
static void test_tree_links(void)
{
	struct jh_ivshmem_section sec;
	struct jh_ivshmem link;
	struct jh_config *cfg;
	unsigned int i, s;
	uint64_t next;
	const void *data;
	size_t size;
	bool ok = true;

	data = fx_arm64_linux_demo(&size);
	if (jh_config_new_from_buffer(ctx, data, size, "linux-demo", &cfg))
		exit(99);
	for (i = 0; i < jh_config_get_num_pci_devices(cfg); i++) {
		if (jh_config_get_ivshmem(cfg, i, &link))
			ok = false;
		next = link.address;
		/* the sections follow each other from the state table on */
		for (s = 0; ok && s < link.peers + 2u; s++) {
			if (jh_config_get_ivshmem_section(cfg, i, s, &sec))
				ok = false;
			else if (sec.size && sec.virt_start != next)
				ok = false;
			next += sec.size;
		}
	}
	tap_ok(ok && i == 2, "the tree's linux-demo: %u links, sections in a row",
	       i);
	jh_config_unref(cfg);
}

static void test_names(void)
{
	tap_ok(!strcmp(jh_error_name(JH_ERR_REVISION), "revision") &&
	       !strcmp(jh_error_name(JH_ERR_NONE), "none") &&
	       !strcmp(jh_error_name((enum jh_error)999), "unknown"),
	       "error names");
	tap_ok(!strcmp(jh_console_type_name(0xa), "scif") &&
	       !strcmp(jh_console_type_name(0x99), "unknown"),
	       "console type names");
	tap_ok(!strcmp(jh_version(), PACKAGE_VERSION), "library version");
}

int main(int argc, char **argv)
{
	th_init(argc, argv);
	th_root(0);
	if (jh_ctx_new(NULL, &ctx))
		return 99;
	test_validation();
	test_files();
	test_system_fields();
	test_cell_fields();
	test_ivshmem();
	test_tree_links();
	test_names();
	jh_ctx_unref(ctx);
	th_cleanup();
	return tap_done();
}
