// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Plans on the QEMU linux-demo cell and on synthetic cells: where each
 * image lands, that the bytes read back from the segments are the input
 * bytes, the upstream-compatible layout, the fallback placement, images
 * crossing region boundaries, and every refusal with its message.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <libfdt.h>

#include "tap.h"
#include "testlib.h"

static const void *demo;
static size_t demo_size;

static struct jhl_plan *plan_ok(struct tl_req *r, const char *what)
{
	struct jhl_plan *plan = NULL;
	int err = jhl_plan_new(&r->req, &plan);

	if (!tap_eq(err, 0, "%s: plan made", what))
		tl_log_dump();
	return err ? NULL : plan;
}

static void plan_fails(struct tl_req *r, int want, const char *msg,
		       const char *what)
{
	struct jhl_plan *plan = NULL;
	int err = jhl_plan_new(&r->req, &plan);

	jhl_plan_free(plan);
	tap_eq(err, want, "%s: refused", what);
	if (!tap_ok(tl_log_has_level(JHL_LOG_ERR, msg), "%s: says \"%s\"", what, msg))
		tl_log_dump();
}

static void check_seg(const struct jhl_plan *plan, enum jh_linux_image kind,
		      __u64 addr, __u64 size, unsigned int region,
		      const char *what)
{
	const struct jhl_segment *seg = tl_seg(plan, kind);

	if (!tap_ok(seg != NULL, "%s: has a %s segment", what, jh_linux_image_name(kind)))
		return;
	tap_eq(seg->guest_addr, addr, "%s: %s at 0x%llx", what,
	       jh_linux_image_name(kind), (unsigned long long)addr);
	if (size)
		tap_eq(seg->size, size, "%s: %s size", what, jh_linux_image_name(kind));
	tap_eq(seg->region, region, "%s: %s in region %u", what,
	       jh_linux_image_name(kind), region);
}

static void check_bytes(const struct jhl_plan *plan, enum jh_linux_image kind,
			const void *want, size_t len, const char *what)
{
	void *buf = malloc(len);

	tap_ok(buf && tl_read_image(plan, kind, buf, len) &&
	       !memcmp(buf, want, len), "%s: %s bytes read back equal", what,
	       jh_linux_image_name(kind));
	free(buf);
}

static __u64 chosen_u64(const void *fdt, const char *name)
{
	int len, node = fdt_path_offset(fdt, "/chosen");
	const fdt64_t *val = fdt_getprop(fdt, node, name, &len);

	return val && len == 8 ? fdt64_to_cpu(*val) : ~0ULL;
}

/* Raw Image, generated DTB, no initrd: the simplest boot. */
static void test_demo_raw(void)
{
	const char *what = "demo raw";
	__u8 *img = fx_image(FX_MIB, 2 * FX_MIB, 0, 0xa);
	const struct jhl_plan_info *info;
	const void *dtb, *bin;
	struct jhl_plan *plan;
	struct tl_req r;
	size_t size;

	tl_req_init(&r, demo, demo_size, img, FX_MIB);
	plan = plan_ok(&r, what);
	if (!plan)
		goto out;
	info = jhl_plan_info(plan);
	tap_eq(jhl_plan_num_segments(plan), 4, "%s: four loads", what);
	tap_eq(jhl_plan_segment(plan, 0)->kind, JH_LINUX_LOADER, "%s: loader first", what);
	tap_eq(jhl_plan_segment(plan, 3)->kind, JH_LINUX_PARAMS, "%s: parameters last", what);
	check_seg(plan, JH_LINUX_LOADER, 0, 0x1800, 1, what);
	check_seg(plan, JH_LINUX_DTB, 0x70000000, 0, 2, what);
	check_seg(plan, JH_LINUX_KERNEL, 0x70200000, FX_MIB, 2, what);
	check_seg(plan, JH_LINUX_PARAMS, 0x1000, 33, 1, what);
	tap_eq(tl_seg(plan, JH_LINUX_KERNEL)->reserved, 2 * FX_MIB,
	       "%s: kernel reserves image_size", what);
	tap_ok(!strcmp(jhl_plan_params(plan), "kernel=0x70200000 dtb=0x70000000"),
	       "%s: parameters \"%s\"", what, jhl_plan_params(plan));
	tap_ok(!memcmp(tl_seg(plan, JH_LINUX_PARAMS)->data, jhl_plan_params(plan), 33),
	       "%s: parameter bytes end with NUL", what);
	tap_ok(info->upstream_layout && info->dtb_generated && !info->kernel_gzip,
	       "%s: upstream layout, generated DTB, raw kernel", what);
	check_bytes(plan, JH_LINUX_KERNEL, img, FX_MIB, what);
	bin = tl_loader_bin(&size);
	check_bytes(plan, JH_LINUX_LOADER, bin, size, what);
	dtb = jhl_plan_dtb(plan, &size);
	tap_ok(!fdt_check_full(dtb, size), "%s: DTB is valid", what);
	check_bytes(plan, JH_LINUX_DTB, dtb, size, what);
	/* the GIC and the PCI host (two ivshmem devices) in one warning */
	tap_eq(jhl_plan_num_warnings(plan), 1, "%s: one warning", what);
	tap_ok(tl_log_has_level(JHL_LOG_WARN, "generated DTB assumes QEMU virt") &&
	       tl_log_has_level(JHL_LOG_WARN, "PCI host's ECAM of bus 0 at 0x3f000000"),
	       "%s: the generated DTB's QEMU virt guess, PCI host included", what);
	jhl_plan_free(plan);
out:
	free(img);
}

/* Image.gz, a given DTB, a small initrd: upstream's addresses exactly. */
static void test_demo_gz_initrd(void)
{
	const char *what = "demo gz+dtb+initrd";
	size_t size = 2 * FX_MIB + 5, gz_len, dtb_size, initrd_len = 100 * 1024;
	__u8 *img = fx_image(size, 3 * FX_MIB, 0, 0xa);
	__u8 *gz = fx_gzip(img, size, &gz_len);
	__u8 *initrd = fx_image(initrd_len, 0, 0, 0);
	void *dtb_in = tl_test_dtb(&dtb_size);
	const void *dtb;
	struct jhl_plan *plan;
	struct tl_req r;
	const char *args;
	int node;

	tl_req_init(&r, demo, demo_size, gz, gz_len);
	initrd[56] = 0;
	tl_req_initrd(&r, initrd, initrd_len);
	tl_req_dtb(&r, dtb_in, dtb_size);
	r.req.cmdline = "console=ttyAMA0 rdinit=/init";
	plan = plan_ok(&r, what);
	if (!plan)
		goto out;
	check_seg(plan, JH_LINUX_DTB, 0x70000000, 0, 2, what);
	check_seg(plan, JH_LINUX_KERNEL, 0x70200000, size, 2, what);
	/* upstream: kernel_addr + 2 * page_align(Image) */
	check_seg(plan, JH_LINUX_INITRD, 0x70200000 + 0x402000, initrd_len, 2, what);
	tap_ok(jhl_plan_info(plan)->upstream_layout && jhl_plan_info(plan)->kernel_gzip,
	       "%s: upstream layout, gzip kernel", what);
	check_bytes(plan, JH_LINUX_KERNEL, img, size, what);
	check_bytes(plan, JH_LINUX_INITRD, initrd, initrd_len, what);
	dtb = jhl_plan_dtb(plan, &dtb_size);
	tap_eq(chosen_u64(dtb, "linux,initrd-start"), 0x70602000,
	       "%s: DTB initrd-start", what);
	tap_eq(chosen_u64(dtb, "linux,initrd-end"), 0x70602000 + initrd_len,
	       "%s: DTB initrd-end", what);
	node = fdt_path_offset(dtb, "/chosen");
	args = fdt_getprop(dtb, node, "bootargs", NULL);
	tap_ok(args && !strcmp(args, "console=ttyAMA0 rdinit=/init"),
	       "%s: DTB bootargs", what);
	check_bytes(plan, JH_LINUX_DTB, dtb, dtb_size, what);
	jhl_plan_free(plan);
out:
	free(dtb_in);
	free(initrd);
	free(gz);
	free(img);
}

/* The upstream layout cannot hold a big initrd: first fit does. */
static void test_demo_big_initrd(void)
{
	const char *what = "big initrd";
	__u8 *img = fx_image(8 * FX_MIB, 10 * FX_MIB, 0, 0xa);
	__u8 head[4096] = { 1, 2, 3 };
	struct jhl_plan *plan;
	struct tl_req r;

	tl_req_init(&r, demo, demo_size, img, 8 * FX_MIB);
	tl_file_source(&r.initrd, "initrd.cpio", head, sizeof(head), 111 * FX_MIB);
	r.req.initrd = &r.initrd;
	plan = plan_ok(&r, what);
	if (plan) {
		check_seg(plan, JH_LINUX_KERNEL, 0x70000000, 8 * FX_MIB, 2, what);
		check_seg(plan, JH_LINUX_INITRD, 0x70a00000, 111 * FX_MIB, 2, what);
		check_seg(plan, JH_LINUX_DTB, 0x70a00000 + 111 * FX_MIB, 0, 2, what);
		tap_ok(!jhl_plan_info(plan)->upstream_layout,
		       "%s: not the upstream layout", what);
		tap_ok(tl_log_has_level(JHL_LOG_INFO, "upstream tool's layout"),
		       "%s: says why the layout differs", what);
		tap_ok(tl_seg(plan, JH_LINUX_INITRD)->data == NULL,
		       "%s: initrd is read from its file", what);
		check_bytes(plan, JH_LINUX_KERNEL, img, 8 * FX_MIB, what);
		jhl_plan_free(plan);
	}
	jhl_source_close(&r.initrd);

	tl_req_init(&r, demo, demo_size, img, 8 * FX_MIB);
	tl_file_source(&r.initrd, "initrd.cpio", head, sizeof(head), 130 * FX_MIB);
	r.req.initrd = &r.initrd;
	plan_fails(&r, -ENOSPC, "no room for the initrd: it needs 130 MiB",
		   "initrd too big");
	tap_ok(tl_log_has("128 MiB of loadable RAM") &&
	       tl_log_has("free: 0x70a00000-0x77ffffff (118 MiB)"),
	       "initrd too big: says what is available");
	jhl_source_close(&r.initrd);
	free(img);
}

/* Two guest-contiguous regions: the kernel is split between them. */
static void test_spanning(void)
{
	const char *what = "spanning";
	__u8 *img = fx_image(6 * FX_MIB, 6 * FX_MIB, 0, 0xa);
	const struct jhl_segment *seg;
	struct jhl_plan *plan;
	struct fx_cell cell;
	struct tl_req r;
	void *bytes;
	size_t size;
	int n = 0;

	fx_small_cell(&cell, "spanning");
	fx_cell_add_mem(&cell, 0x60000000, 0x70000000, 4 * FX_MIB, FX_MEM_RAM);
	fx_cell_add_mem(&cell, 0x61000000, 0x70400000, 60 * FX_MIB, FX_MEM_RAM);
	bytes = fx_build_cell(&cell, &size);
	tl_req_init(&r, bytes, size, img, 6 * FX_MIB);
	plan = plan_ok(&r, what);
	if (plan) {
		for (n = 0; (seg = jhl_plan_segment(plan, n)); n++)
			if (seg->kind == JH_LINUX_KERNEL)
				break;
		tap_ok(seg && seg->guest_addr == 0x70200000 &&
		       seg->size == 2 * FX_MIB && seg->region == 2 &&
		       !seg->offset, "%s: first kernel part fills region 2", what);
		seg = jhl_plan_segment(plan, n + 1);
		tap_ok(seg && seg->kind == JH_LINUX_KERNEL &&
		       seg->guest_addr == 0x70400000 && seg->size == 4 * FX_MIB &&
		       seg->region == 3 && seg->offset == 2 * FX_MIB,
		       "%s: second kernel part in region 3 from byte 2 MiB", what);
		check_bytes(plan, JH_LINUX_KERNEL, img, 6 * FX_MIB, what);
		jhl_plan_free(plan);
	}
	free(bytes);
	free(img);
}

/* The first RAM region is too small: everything goes to the second. */
static void test_second_region(void)
{
	const char *what = "second region";
	__u8 *img = fx_image(FX_MIB, 4 * FX_MIB, 0, 0xa);
	struct jhl_plan *plan;
	struct fx_cell cell;
	struct tl_req r;
	void *bytes;
	size_t size;

	fx_small_cell(&cell, "two-regions");
	fx_cell_add_mem(&cell, 0x70000000, 0x70000000, FX_MIB, FX_MEM_RAM);
	fx_cell_add_mem(&cell, 0x60000000, 0x60000000, 64 * FX_MIB, FX_MEM_RAM);
	bytes = fx_build_cell(&cell, &size);
	tl_req_init(&r, bytes, size, img, FX_MIB);
	plan = plan_ok(&r, what);
	if (plan) {
		check_seg(plan, JH_LINUX_DTB, 0x60000000, 0, 3, what);
		check_seg(plan, JH_LINUX_KERNEL, 0x60200000, FX_MIB, 3, what);
		tap_ok(jhl_plan_info(plan)->upstream_layout,
		       "%s: still the upstream layout", what);
		jhl_plan_free(plan);
	}
	free(bytes);
	free(img);
}

static void *small_cell(__u64 ram, __u64 flags, size_t *size)
{
	struct fx_cell cell;

	fx_small_cell(&cell, "small");
	fx_cell_add_mem(&cell, 0x70000000, 0x70000000, ram, flags);
	return fx_build_cell(&cell, size);
}

static void test_no_room(void)
{
	__u8 *img = fx_image(FX_MIB, 4 * FX_MIB, 0, 0xa);
	struct tl_req r;
	void *bytes;
	size_t size;

	bytes = small_cell(4 * FX_MIB, FX_MEM_RAM, &size);
	tl_req_init(&r, bytes, size, img, FX_MIB);
	plan_fails(&r, -ENOSPC, "no room for the DTB: it needs 4 KiB",
		   "DTB without room");
	tap_ok(tl_log_has("kernel 0x70000000-0x703fffff"),
	       "DTB without room: lists what is placed");
	free(bytes);

	bytes = small_cell(128 * FX_MIB, FX_MEM_RAM, &size);
	free(img);
	img = fx_image(FX_MIB, 200 * FX_MIB, 0, 0xa);
	tl_req_init(&r, bytes, size, img, FX_MIB);
	plan_fails(&r, -ENOSPC, "no room for the kernel: it needs 200 MiB at a 2 MiB boundary",
		   "kernel too big");
	free(bytes);

	bytes = small_cell(128 * FX_MIB, FX_MEM_RAM & ~JAILHOUSE_MEM_LOADABLE, &size);
	tl_req_init(&r, bytes, size, img, FX_MIB);
	plan_fails(&r, -ENOSPC, "has no loadable RAM", "RAM not loadable");
	free(bytes);
	free(img);
}

static void test_loader_placement(void)
{
	__u8 *img = fx_image(FX_MIB, 2 * FX_MIB, 0, 0xa);
	const char *what = "reset in RAM";
	struct jhl_plan *plan;
	struct fx_cell cell;
	struct tl_req r;
	void *bytes;
	size_t size;

	fx_small_cell(&cell, "reset");
	cell.reset = 0x1000000;
	fx_cell_add_mem(&cell, 0x70000000, 0x70000000, 64 * FX_MIB, FX_MEM_RAM);
	bytes = fx_build_cell(&cell, &size);
	tl_req_init(&r, bytes, size, img, FX_MIB);
	plan_fails(&r, -ENOSPC, "no memory region of cell \"reset\" covers 0x1000000",
		   "reset address outside the cell");
	free(bytes);

	cell.reset = 0;
	cell.mem[1].flags &= ~JAILHOUSE_MEM_LOADABLE;
	bytes = fx_build_cell(&cell, &size);
	tl_req_init(&r, bytes, size, img, FX_MIB);
	plan_fails(&r, -EINVAL, "memory region 1 at 0x0 holds cpu_reset_address but is not LOADABLE; linux-loader.bin runs there and needs READ, WRITE, EXECUTE and LOADABLE",
		   "loader region not loadable");
	free(bytes);

	/* The loader runs from its region: it must be executable too. */
	cell.mem[1].flags = FX_MEM_LOADER & ~JAILHOUSE_MEM_EXECUTE;
	bytes = fx_build_cell(&cell, &size);
	tl_req_init(&r, bytes, size, img, FX_MIB);
	plan_fails(&r, -EINVAL, "holds cpu_reset_address but is not EXECUTE;",
		   "loader region not executable");
	free(bytes);

	cell.mem[1].flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_LOADABLE;
	bytes = fx_build_cell(&cell, &size);
	tl_req_init(&r, bytes, size, img, FX_MIB);
	plan_fails(&r, -EINVAL, "holds cpu_reset_address but is not WRITE or EXECUTE;",
		   "loader region read-only");
	free(bytes);
	cell.mem[1].flags = FX_MEM_LOADER;

	cell.reset = 0x800;
	bytes = fx_build_cell(&cell, &size);
	tl_req_init(&r, bytes, size, img, FX_MIB);
	plan_fails(&r, -EINVAL, "cpu_reset_address 0x800 is not 4 KiB aligned",
		   "misaligned reset address");
	free(bytes);

	/* Like the zephyr demo: the loader starts in the RAM region. */
	cell.reset = 0x70000000;
	bytes = fx_build_cell(&cell, &size);
	tl_req_init(&r, bytes, size, img, FX_MIB);
	plan = plan_ok(&r, what);
	if (plan) {
		check_seg(plan, JH_LINUX_LOADER, 0x70000000, 0x1800, 2, what);
		check_seg(plan, JH_LINUX_PARAMS, 0x70001000, 0, 2, what);
		check_seg(plan, JH_LINUX_DTB, 0x70006000, 0, 2, what);
		check_seg(plan, JH_LINUX_KERNEL, 0x70200000, FX_MIB, 2, what);
		jhl_plan_free(plan);
	}
	free(bytes);
	free(img);
}

/* Kernels without header flag bit 3 lose the RAM below their base. */
static void test_placement_flag(void)
{
	__u8 *img = fx_image(8 * FX_MIB, 10 * FX_MIB, 0, 0x2);
	__u8 head[64] = { 0 };
	struct jhl_plan *plan;
	struct tl_req r;

	tl_req_init(&r, demo, demo_size, img, 8 * FX_MIB);
	plan = plan_ok(&r, "flags bit 3 clear");
	tap_ok(tl_log_has_level(JHL_LOG_WARN, "RAM below 0x70200000 may be unusable"),
	       "flags bit 3 clear: warned about the 2 MiB below the kernel");
	jhl_plan_free(plan);

	tl_req_init(&r, demo, demo_size, img, 8 * FX_MIB);
	tl_file_source(&r.initrd, "initrd", head, sizeof(head), 111 * FX_MIB);
	r.req.initrd = &r.initrd;
	plan = plan_ok(&r, "flags bit 3 clear, first fit");
	tap_ok(!tl_log_has("bit 3"),
	       "flags bit 3 clear, first fit: at the start of RAM, no warning");
	jhl_plan_free(plan);
	jhl_source_close(&r.initrd);
	free(img);
}

static void test_decomp_factor(void)
{
	const char *what = "-k 3";
	__u8 *img = fx_image(FX_MIB, FX_MIB + FX_MIB / 2, 0, 0xa);
	__u8 initrd[4096] = { 0 };
	struct jhl_plan *plan;
	struct tl_req r;

	tl_req_init(&r, demo, demo_size, img, FX_MIB);
	tl_req_initrd(&r, initrd, sizeof(initrd));
	r.req.decomp_factor = 3;
	plan = plan_ok(&r, what);
	if (plan) {
		check_seg(plan, JH_LINUX_INITRD, 0x70200000 + 4 * FX_MIB,
			  sizeof(initrd), 2, what);
		jhl_plan_free(plan);
	}
	free(img);
}

static void test_file_sources(void)
{
	const char *what = "file sources";
	__u8 *img = fx_image(3 * FX_MIB + 77, 4 * FX_MIB, 0, 0xa);
	__u8 *initrd = fx_image(FX_MIB + 5, 0, 0, 0);
	struct jhl_plan *plan;
	struct tl_req r;

	initrd[56] = 0;
	tl_req_init(&r, demo, demo_size, NULL, 0);
	tl_file_source(&r.kernel, "Image", img, 3 * FX_MIB + 77, 3 * FX_MIB + 77);
	tl_file_source(&r.initrd, "initrd", initrd, FX_MIB + 5, FX_MIB + 5);
	r.req.initrd = &r.initrd;
	plan = plan_ok(&r, what);
	if (plan) {
		tap_ok(!tl_seg(plan, JH_LINUX_KERNEL)->data,
		       "%s: raw kernel stays in its file", what);
		check_bytes(plan, JH_LINUX_KERNEL, img, 3 * FX_MIB + 77, what);
		check_bytes(plan, JH_LINUX_INITRD, initrd, FX_MIB + 5, what);
		jhl_plan_free(plan);
	}
	jhl_source_close(&r.kernel);
	jhl_source_close(&r.initrd);
	free(initrd);
	free(img);
}

static void test_bad_requests(void)
{
	__u8 *img = fx_image(FX_MIB, 2 * FX_MIB, 0, 0xa);
	char *cmdline = malloc(2048 + 1);
	struct jailhouse_memory *mem;
	__u8 cfg[2048];
	struct tl_req r;

	memset(cmdline, 'x', 2048);
	cmdline[2048] = 0;
	tl_req_init(&r, demo, demo_size, img, FX_MIB);
	r.req.cmdline = cmdline;
	plan_fails(&r, -E2BIG, "at most 2047", "2048-character command line");

	memcpy(cfg, demo, demo_size);
	((struct jailhouse_cell_desc *)cfg)->flags |= JAILHOUSE_CELL_AARCH32;
	tl_req_init(&r, cfg, demo_size, img, FX_MIB);
	plan_fails(&r, -EINVAL, "starts in AArch32", "AArch32 cell");

	memcpy(cfg, demo, demo_size);
	cfg[sizeof(struct jailhouse_cell_desc)] = 0;
	tl_req_init(&r, cfg, demo_size, img, FX_MIB);
	plan_fails(&r, -EINVAL, "has no CPUs", "cell without CPUs");

	memcpy(cfg, demo, demo_size);
	mem = (struct jailhouse_memory *)(cfg + sizeof(struct jailhouse_cell_desc) + 8);
	mem[2].size = ~0ULL - 0x1000;
	tl_req_init(&r, cfg, demo_size, img, FX_MIB);
	plan_fails(&r, -EINVAL, "memory region 2 (0x70000000, size 0xffffffffffffefff) wraps",
		   "wrapping region");

	img[56] = 0;
	tl_req_init(&r, demo, demo_size, img, FX_MIB);
	plan_fails(&r, -ENOEXEC, "not an arm64 Image", "not an Image");
	free(cmdline);
	free(img);
}

static void test_initrd_checks(void)
{
	__u8 *img = fx_image(FX_MIB, 2 * FX_MIB, 0, 0xa);
	struct jhl_plan *plan;
	struct tl_req r;

	tl_req_init(&r, demo, demo_size, img, FX_MIB);
	tl_req_initrd(&r, img, 0);
	plan_fails(&r, -EINVAL, "empty initrd", "empty initrd");

	tl_req_init(&r, demo, demo_size, img, FX_MIB);
	tl_req_initrd(&r, img, FX_MIB);
	plan = plan_ok(&r, "Image as initrd");
	tap_ok(tl_log_has_level(JHL_LOG_WARN, "arguments swapped?"),
	       "Image as initrd: warned about");
	jhl_plan_free(plan);
	free(img);
}

/* A cell whose RAM starts at guest address 0, the loader elsewhere. */
static void *ram_at_0_cell(__u64 ram, size_t *size)
{
	struct fx_cell cell;

	fx_small_cell(&cell, "ram-at-0");
	cell.mem[1].virt_start = 0x10000000;
	cell.reset = 0x10000000;
	fx_cell_add_mem(&cell, 0x60000000, 0, ram, FX_MEM_RAM);
	return fx_build_cell(&cell, size);
}

/* Address 0 is "no DTB" to Linux and "missing" to loaders: never used. */
static void test_ram_at_0(void)
{
	__u8 *img = fx_image(FX_MIB, 2 * FX_MIB, 0, 0xa);
	const char *what = "RAM at 0";
	__u8 head[4096] = { 0 };
	struct jhl_plan *plan;
	struct tl_req r;
	void *bytes;
	size_t size;

	bytes = ram_at_0_cell(128 * FX_MIB, &size);
	tl_req_init(&r, bytes, size, img, FX_MIB);
	plan = plan_ok(&r, what);
	if (plan) {
		check_seg(plan, JH_LINUX_DTB, 0x1000, 0, 2, what);
		check_seg(plan, JH_LINUX_KERNEL, 0x200000, FX_MIB, 2, what);
		tap_ok(!strcmp(jhl_plan_params(plan), "kernel=0x200000 dtb=0x1000"),
		       "%s: parameters \"%s\"", what, jhl_plan_params(plan));
		tap_ok(jhl_plan_info(plan)->upstream_layout,
		       "%s: still the upstream layout", what);
		jhl_plan_free(plan);
	}

	/* first fit puts the kernel first: not at 0 either */
	what = "RAM at 0, first fit";
	free(img);
	img = fx_image(8 * FX_MIB, 10 * FX_MIB, 0, 0xa);
	tl_req_init(&r, bytes, size, img, 8 * FX_MIB);
	tl_file_source(&r.initrd, "initrd", head, sizeof(head), 111 * FX_MIB);
	r.req.initrd = &r.initrd;
	plan = plan_ok(&r, what);
	if (plan) {
		tap_ok(!jhl_plan_info(plan)->upstream_layout,
		       "%s: not the upstream layout", what);
		check_seg(plan, JH_LINUX_KERNEL, 0x200000, 8 * FX_MIB, 2, what);
		check_seg(plan, JH_LINUX_INITRD, 0xc00000, 111 * FX_MIB, 2, what);
		check_seg(plan, JH_LINUX_DTB, 0x1000, 0, 2, what);
		jhl_plan_free(plan);
	}
	jhl_source_close(&r.initrd);
	free(bytes);
	free(img);
}

/*
 * A small RAM region at 0 is the loader's and not in /memory: neither the
 * DTB nor the initrd may go there, or Linux would not know of them.
 */
static void test_loader_ram_not_for_linux(void)
{
	const char *what = "loader RAM at 0";
	__u8 *img = fx_image(8 * FX_MIB, 10 * FX_MIB, 0, 0xa);
	__u8 initrd[16384] = { 0 };
	struct jhl_plan *plan;
	struct fx_cell cell;
	struct tl_req r;
	void *bytes;
	size_t size;

	fx_small_cell(&cell, "loader-ram");
	cell.mem[1].flags = FX_MEM_RAM;		/* RAM, but at most 64 KiB at 0 */
	fx_cell_add_mem(&cell, 0x70000000, 0x70000000, 16 * FX_MIB, FX_MEM_RAM);
	bytes = fx_build_cell(&cell, &size);
	tl_req_init(&r, bytes, size, img, 8 * FX_MIB);
	tl_req_initrd(&r, initrd, sizeof(initrd));
	plan = plan_ok(&r, what);
	if (plan) {
		tap_ok(!jhl_plan_info(plan)->upstream_layout,
		       "%s: first fit", what);
		check_seg(plan, JH_LINUX_LOADER, 0, 0, 1, what);
		check_seg(plan, JH_LINUX_KERNEL, 0x70000000, 8 * FX_MIB, 2, what);
		check_seg(plan, JH_LINUX_INITRD, 0x70a00000, sizeof(initrd), 2, what);
		check_seg(plan, JH_LINUX_DTB, 0x70a04000, 0, 2, what);
		jhl_plan_free(plan);
	}
	free(bytes);

	/* No other loadable RAM: the message says why it does not count. */
	cell.mem[2].flags &= ~JAILHOUSE_MEM_LOADABLE;
	bytes = fx_build_cell(&cell, &size);
	tl_req_init(&r, bytes, size, img, 8 * FX_MIB);
	plan_fails(&r, -ENOSPC, "has no loadable RAM", "only loader RAM");
	tap_ok(tl_log_has("at most 64 KiB at address 0 is the loader's"),
	       "only loader RAM: says why it is not used");
	free(bytes);
	free(img);
}

/* linux-loader.bin is recognised by its empty parameter area. */
static void test_loader_file(void)
{
	__u8 *img = fx_image(FX_MIB, 2 * FX_MIB, 0, 0xa);
	struct jhl_plan *plan;
	const void *good;
	struct tl_req r;
	size_t size;
	__u8 *bin;

	good = tl_loader_bin(&size);
	bin = malloc(size);
	memcpy(bin, good, size);
	bin[0x1000 + TL_PARAMS_AREA - 1] = 'x';
	tl_req_init(&r, demo, demo_size, img, FX_MIB);
	jhl_source_mem(&r.loader, "Image", bin, size);
	plan_fails(&r, -EINVAL, "Image does not look like linux-loader.bin (its parameter area at 0x1000 is not empty)",
		   "loader with bytes in its parameter area");

	/* a kernel given as the loader */
	tl_req_init(&r, demo, demo_size, img, FX_MIB);
	jhl_source_mem(&r.loader, "Image", img, FX_MIB);
	plan_fails(&r, -EINVAL, "Image does not look like linux-loader.bin",
		   "kernel as loader");

	tl_req_init(&r, demo, demo_size, img, FX_MIB);
	jhl_source_mem(&r.loader, "short.bin", bin, 0x1000 + TL_PARAMS_AREA - 1);
	plan_fails(&r, -EINVAL, "short.bin does not look like linux-loader.bin (4352 bytes; it has its 257-byte parameter area at 0x1000",
		   "loader ending in its parameter area");

	tl_req_init(&r, demo, demo_size, img, FX_MIB);
	jhl_source_mem(&r.loader, "exact.bin", good, 0x1000 + TL_PARAMS_AREA);
	plan = plan_ok(&r, "loader ending with its parameter area");
	jhl_plan_free(plan);
	free(bin);
	free(img);
}

int main(void)
{
	tl_need_dtc();
	demo = fx_arm64_linux_demo(&demo_size);
	tap_eq(demo_size, sizeof(struct jailhouse_cell_desc) + 8 +
	       13 * sizeof(struct jailhouse_memory) +
	       sizeof(struct jailhouse_irqchip) +
	       2 * sizeof(struct jailhouse_pci_device),
	       "linux-demo config: 13 regions, an irqchip, 2 PCI devices");
	test_demo_raw();
	test_demo_gz_initrd();
	test_demo_big_initrd();
	test_spanning();
	test_second_region();
	test_no_room();
	test_loader_placement();
	test_placement_flag();
	test_decomp_factor();
	test_file_sources();
	test_bad_requests();
	test_initrd_checks();
	test_ram_at_0();
	test_loader_ram_not_for_linux();
	test_loader_file();
	tl_log_reset();
	return tap_done();
}
