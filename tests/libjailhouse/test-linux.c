// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Booting Linux in a cell through libjailhouse's jh_linux_ API against the
 * fake driver: the request, dry-run plans, what lands where (byte-checked
 * in the fake driver's memory file), streamed and split loads, and that
 * every refusal or failure leaves no cell behind. Built without the
 * loader, it checks that the API says so.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libjailhouse.h>

#include "fake-fs.h"
#include "expect.h"
#include "harness.h"
#include "json-check.h"
#include "images.h"
#include "configs.h"

#define IMG_SIZE	(3 * FX_MIB)
#define KERNEL_ADDR	0x70200000ULL
#define DTB_ADDR	0x70000000ULL
#define INITRD_ADDR	0x70800000ULL
#define PARAMS		"kernel=0x70200000 dtb=0x70000000"

static struct jh_ctx *ctx;
static const char *root;
static void *image, *loader;

/* @ret must be @err with cause @code and a message containing @msg. */
static void fails(int ret, int err, enum jh_error code, const char *msg,
		  const char *what)
{
	if (!tap_ok(th_error_is(ctx, ret, err, code, msg), "%s: %s", what,
		    jh_error_name(code)))
		th_show_error(ctx, ret);
}

static struct jh_config *system_config(void)
{
	return th_system_config(ctx);
}

static struct jh_config *cell_config(const struct fx_cell *c)
{
	return th_cell_config(ctx, c);
}

static struct jh_config *linux_demo(void)
{
	struct fx_cell c;

	fx_linux_demo(&c);
	return cell_config(&c);
}

/* A fresh fake root with the hypervisor enabled (or not). */
static void fresh(bool enabled)
{
	struct jh_config *sys;

	jh_ctx_unref(ctx);
	root = th_root(0);
	if (jh_ctx_new(root, &ctx))
		exit(99);
	if (!enabled)
		return;
	sys = system_config();
	if (jh_enable(ctx, sys)) {
		printf("# enable: %s\n", jh_ctx_last_error(ctx));
		exit(99);
	}
	jh_config_unref(sys);
}

/* A request for @cfg with the stand-in loader; consumes @cfg. */
static struct jh_linux *request(struct jh_config *cfg)
{
	struct jh_linux *req;

	if (jh_linux_new(ctx, cfg, &req) ||
	    jh_linux_set_buffer(req, JH_LINUX_LOADER, loader, 0x1800,
				"test-loader"))
		exit(99);
	jh_config_unref(cfg);
	return req;
}

/* Non-root cells in the fake sysfs. */
static unsigned int num_cells(void)
{
	struct jh_cell_list *list;
	unsigned int n;

	if (jh_cell_list_new(ctx, &list))
		return 99;
	n = jh_cell_list_get_count(list);
	jh_cell_list_free(list);
	return n ? n - 1 : 0;
}

/* The fake driver's copy of the cell's memory. */
static const char *mem_path(int id)
{
	static char path[4096];

	snprintf(path, sizeof(path), "%s/.fake/cell-%d.mem", root, id);
	return path;
}

/* Does the cell's memory hold @len bytes of @want at @addr? */
static bool landed(int id, uint64_t addr, const void *want, size_t len)
{
	int fd = open(mem_path(id), O_RDONLY);
	char *got = malloc(len);
	bool ok;

	ok = fd >= 0 && got &&
	     pread(fd, got, len, (off_t)addr) == (ssize_t)len &&
	     !memcmp(got, want, len);
	if (fd >= 0)
		close(fd);
	free(got);
	return ok;
}

/* The fake driver's list of loads, "ADDR SIZE" per line. */
static const char *loads(int id)
{
	static char buf[8192];
	char rel[64];

	snprintf(rel, sizeof(rel), ".fake/cell-%d.loads", id);
	if (fake_read_raw(root, rel, buf, sizeof(buf)) < 0)
		return "(none)";
	return buf;
}

static unsigned int count_lines(const char *text, const char *prefix)
{
	unsigned int n = 0;
	const char *p;

	for (p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : p)
		if (!strncmp(p, prefix, strlen(prefix)))
			n++;
	return n;
}

static const char *sysfs_name(int id)
{
	static char buf[64];
	char rel[128];

	snprintf(rel, sizeof(rel), FAKE_SYSFS "/cells/%d/name", id);
	if (fake_read(root, rel, buf, sizeof(buf)) < 0)
		return "(none)";
	return buf;
}

static bool no_cell_left(const char *what)
{
	return tap_ok(num_cells() == 0 &&
		      access(mem_path(1), F_OK),
		      "%s: no cell left behind", what);
}

static void test_unsupported(void)
{
	struct jh_linux_plan *plan;
	struct jh_linux *req;

	fresh(true);
	req = request(linux_demo());
	jh_linux_set_file(req, JH_LINUX_KERNEL, "Image");
	fails(jh_linux_plan(req, &plan), -ENOTSUP, JH_ERR_NOT_SUPPORTED,
	      "built without the Linux loader", "plan without the loader");
	fails(jh_linux_boot(req, NULL), -ENOTSUP, JH_ERR_NOT_SUPPORTED,
	      "built without the Linux loader", "boot without the loader");
	no_cell_left("without the loader");
	jh_linux_free(req);
}

static void test_request(void)
{
	struct jh_config *sys, *cell;
	struct jh_linux *req;

	fresh(false);
	sys = system_config();
	cell = linux_demo();
	fails(jh_linux_new(ctx, sys, &req), -EINVAL, JH_ERR_CONFIG_KIND,
	      "is a system config", "request on a system config");
	req = request(linux_demo());
	tap_ok(!strcmp(jh_linux_get_name(req), "qemu-arm64-linux-demo"),
	       "the request names the config's cell");
	fails(jh_linux_set_file(req, JH_LINUX_PARAMS, "x"), -EINVAL,
	      JH_ERR_INVALID_ARGUMENT, "params is not an input", "set params");
	fails(jh_linux_set_file(req, JH_LINUX_KERNEL, ""), -EINVAL,
	      JH_ERR_INVALID_ARGUMENT, "empty file name", "empty kernel path");
	fails(jh_linux_set_name(req, "0123456789012345678901234567890123"),
	      -EINVAL, JH_ERR_INVALID_ARGUMENT, "1 to 31 characters",
	      "long cell name");
	fails(jh_linux_set_uart_irq(req, 2000), -EINVAL,
	      JH_ERR_INVALID_ARGUMENT, "no GIC INTID", "UART INTID 2000");
	fails(jh_linux_set_system_config(req, cell), -EINVAL,
	      JH_ERR_CONFIG_KIND, "where a system config is needed",
	      "cell config as system config");
	tap_ok(!jh_linux_set_system_config(req, sys) &&
	       !jh_linux_set_system_config(req, NULL), "system config set and dropped");
	tap_ok(!jh_linux_set_name(req, "linux2") &&
	       !strcmp(jh_linux_get_name(req), "linux2"), "name override");
	jh_linux_free(req);

	/* The request shares the caller's config; renaming leaves it be. */
	tap_ok(!jh_linux_new(ctx, cell, &req) && !jh_linux_set_name(req, "x") &&
	       !strcmp(jh_config_get_name(cell), "qemu-arm64-linux-demo"),
	       "renaming the request's cell changes no shared config");
	tap_ok(jh_config_ref(cell) == cell && !jh_config_unref(sys) &&
	       jh_config_unref(cell) == cell, "config references counted");
	tap_ok(!strcmp(jh_linux_image_name(JH_LINUX_INITRD), "initrd") &&
	       !strcmp(jh_linux_image_name(JH_LINUX_PARAMS), "params") &&
	       !strcmp(jh_linux_image_name(42), "unknown"), "image names");
	jh_linux_free(req);
	jh_linux_free(NULL);
	jh_config_unref(cell);
}

static bool segments_in_order(struct jh_linux_plan *plan)
{
	static const enum jh_linux_image order[] = {
		JH_LINUX_LOADER, JH_LINUX_KERNEL, JH_LINUX_DTB,
		JH_LINUX_INITRD, JH_LINUX_PARAMS,
	};
	struct jh_linux_segment seg;
	unsigned int i, n = jh_linux_plan_get_num_segments(plan);

	for (i = 0; i < n && i < 5; i++)
		if (jh_linux_plan_get_segment(plan, i, &seg) ||
		    seg.image != order[i])
			return false;
	return n == 5 && jh_linux_plan_get_segment(plan, 5, &seg) == -ERANGE;
}

/* Prints the plan into a file and reads it back. */
static char *printed(struct jh_linux_plan *plan, unsigned int flags)
{
	static char buf[16384];
	FILE *f = tmpfile();
	size_t n;

	if (!f || jh_linux_plan_print(plan, f, flags))
		return NULL;
	rewind(f);
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static void check_plan_outputs(struct jh_linux_plan *plan)
{
	const char *dtb_path = th_file("out.dtb");
	const unsigned char *dtb;
	char *text, cmds[4096];
	size_t size, at;
	FILE *f;

	text = printed(plan, 0);
	tap_ok(text && th_has(text, "Layout: same as the upstream") &&
	       th_has(text, "initrd  0x0070800000"), "text plan");
	text = printed(plan, JH_LINUX_PRINT_JSON);
	tap_ok(text && !json_check(text, strlen(text), &at) &&
	       th_has(text, "\"parameters\": \"" PARAMS "\""), "JSON plan is valid");
	dtb = jh_linux_plan_get_dtb(plan, &size);
	tap_ok(dtb && size > 40 && dtb[0] == 0xd0 && dtb[1] == 0x0d,
	       "the plan's DTB is an FDT");
	tap_ok(!jh_linux_plan_write_dtb(plan, dtb_path), "DTB written");
	f = fmemopen(cmds, sizeof(cmds), "w");
	tap_ok(f && !jh_linux_plan_print_commands(plan, f, "linux.cell",
						  "out.dtb"), "commands printed");
	if (f)
		fclose(f);
	tap_ok(th_has(cmds, "jailhouse cell load qemu-arm64-linux-demo test-loader -a 0x0 -s \"" PARAMS "\""),
	       "the commands load the plan");
	fails(jh_linux_plan_write_dtb(plan, "/nonexistent/x.dtb"), -ENOENT,
	      JH_ERR_SYSTEM, "writing the DTB to /nonexistent/x.dtb",
	      "DTB to a missing directory");
}

static void test_plan(void)
{
	struct jh_linux_plan *plan;
	struct jh_linux_info info;
	struct jh_linux *req;
	void *initrd = fx_bytes(300 * 1024, 2);

	fresh(false);
	req = request(linux_demo());
	jh_linux_set_file(req, JH_LINUX_KERNEL, th_write("Image", image, IMG_SIZE));
	jh_linux_set_buffer(req, JH_LINUX_INITRD, initrd, 300 * 1024, NULL);
	jh_linux_set_cmdline(req, "console=ttyAMA0");
	if (!tap_ok(!jh_linux_plan(req, &plan), "plan without a hypervisor")) {
		printf("#   %s\n", jh_ctx_last_error(ctx));
		exit(1);
	}
	/* The plan keeps its own copies. */
	jh_linux_free(req);
	free(initrd);
	jh_linux_plan_get_info(plan, &info);
	tap_ok(info.kernel_addr == KERNEL_ADDR && info.dtb_addr == DTB_ADDR &&
	       info.initrd_addr == INITRD_ADDR && info.upstream_layout &&
	       info.dtb_generated && !info.kernel_gzip &&
	       info.kernel_reserved == 4 * FX_MIB, "upstream's addresses");
	tap_ok(!strcmp(jh_linux_plan_get_params(plan), PARAMS),
	       "loader parameters");
	tap_ok(!strcmp(jh_linux_plan_get_name(plan), "qemu-arm64-linux-demo"),
	       "plan names the cell");
	tap_ok(segments_in_order(plan), "segments in load order");
	/* generated DTB, no system config: the QEMU virt guess is said */
	tap_eq(jh_linux_plan_get_num_warnings(plan), 1, "one warning");
	tap_ok(strstr(jh_linux_plan_get_warning(plan, 0) ?: "",
		      "assumes QEMU virt") != NULL, "the QEMU virt warning");
	check_plan_outputs(plan);
	tap_ok(num_cells() == 0 && !fake_exists(root, ".fake"),
	       "planning touches no driver");
	jh_linux_plan_free(plan);
	jh_linux_plan_free(NULL);
}

/* Boots @req and checks the cell runs; returns its ID or -1. */
static int boot(struct jh_linux *req, const char *what)
{
	enum jh_cell_state state;
	struct jh_cell *cell;
	int id;

	if (!tap_ok(!jh_linux_boot(req, &cell), "%s: boots", what)) {
		printf("#   %s\n", jh_ctx_last_error(ctx));
		return -1;
	}
	id = jh_cell_get_id(cell);
	tap_ok(!jh_cell_get_state(cell, &state) && state == JH_CELL_RUNNING,
	       "%s: cell %d runs", what, id);
	jh_cell_unref(cell);
	return id;
}

static void check_loader(int id)
{
	const char *params = PARAMS;
	size_t plen = strlen(params) + 1;

	tap_ok(landed(id, 0, loader, 0x1000) &&
	       landed(id, 0x1000, params, plen) &&
	       landed(id, 0x1000 + plen, (char *)loader + 0x1000 + plen,
		      0x800 - plen),
	       "loader at 0, its parameter area overwritten with the parameters");
}

static void test_boot_raw(void)
{
	void *initrd = fx_bytes(300 * 1024, 2);
	struct jh_linux_plan *plan;
	const void *dtb;
	struct jh_linux *req;
	size_t dtb_size;
	int id;

	fresh(true);
	req = request(linux_demo());
	jh_linux_set_file(req, JH_LINUX_KERNEL, th_write("Image", image, IMG_SIZE));
	jh_linux_set_file(req, JH_LINUX_INITRD,
			  th_write("initrd", initrd, 300 * 1024));
	jh_linux_set_cmdline(req, "console=ttyAMA0 rdinit=/init");
	if (jh_linux_plan(req, &plan))
		exit(99);
	dtb = jh_linux_plan_get_dtb(plan, &dtb_size);
	id = boot(req, "raw Image");
	tap_ok(landed(id, KERNEL_ADDR, image, IMG_SIZE), "Image at 0x70200000");
	tap_ok(landed(id, DTB_ADDR, dtb, dtb_size), "generated DTB at 0x70000000");
	tap_ok(landed(id, INITRD_ADDR, initrd, 300 * 1024), "initrd at 0x70800000");
	check_loader(id);
	tap_ok(!strncmp(loads(id), "0x0 6144\n", 9) &&
	       th_has(loads(id), "0x70200000 262144\n0x70240000 262144\n") &&
	       th_has(loads(id), "0x704c0000 262144\n0x70000000 ") &&
	       th_has(loads(id), "0x1000 33\n") &&
	       strlen(strstr(loads(id), "0x1000 33\n")) == 10,
	       "loader first, the raw Image in 256 KiB chunks, parameters last");
	jh_linux_plan_free(plan);
	jh_linux_free(req);
	free(initrd);
}

static void test_boot_gzip_dtb(void)
{
	struct jh_linux_plan *plan;
	struct jh_linux_info info;
	struct jh_linux *req;
	size_t gz_size, dtb_size;
	const void *given;
	void *gz, *dtb;
	int id;

	fresh(true);
	gz = fx_gzip(image, IMG_SIZE, &gz_size);
	/* A DTB to patch: one the loader generated for a similar request. */
	req = request(linux_demo());
	jh_linux_set_buffer(req, JH_LINUX_KERNEL, image, IMG_SIZE, "Image");
	jh_linux_set_cmdline(req, "old");
	if (jh_linux_plan(req, &plan))
		exit(99);
	dtb = malloc(65536);
	given = jh_linux_plan_get_dtb(plan, &dtb_size);
	memcpy(dtb, given, dtb_size);
	jh_linux_plan_free(plan);

	jh_linux_set_file(req, JH_LINUX_KERNEL, th_write("Image.gz", gz, gz_size));
	jh_linux_set_file(req, JH_LINUX_DTB, th_write("given.dtb", dtb, dtb_size));
	jh_linux_set_cmdline(req, "console=ttyAMA0 quiet");
	jh_linux_set_name(req, "linux2");
	if (jh_linux_plan(req, &plan))
		exit(99);
	jh_linux_plan_get_info(plan, &info);
	tap_ok(info.kernel_gzip && !info.dtb_generated &&
	       info.kernel_size == IMG_SIZE, "gzip kernel, given DTB");
	id = boot(req, "Image.gz with -d");
	tap_ok(landed(id, KERNEL_ADDR, image, IMG_SIZE),
	       "decompressed Image at 0x70200000");
	tap_ok(count_lines(loads(id), "0x702") + count_lines(loads(id), "0x703") +
	       count_lines(loads(id), "0x704") == 12 &&
	       th_has(loads(id), "0x70200000 262144\n0x70240000 262144\n") &&
	       th_has(loads(id), "0x704c0000 262144\n0x70000000 "),
	       "the kernel inflated into 12 loads of 256 KiB, in order");
	given = jh_linux_plan_get_dtb(plan, &dtb_size);
	tap_ok(landed(id, DTB_ADDR, given, dtb_size), "patched DTB at 0x70000000");
	tap_ok(th_has(sysfs_name(id), "linux2"), "cell created under the new name");
	jh_linux_plan_free(plan);
	jh_linux_free(req);
	free(gz);
	free(dtb);
}

/* Image.gz with a broken stream behind a plausible trailer. */
static void *broken_gz(size_t *size, bool cut)
{
	uint8_t *gz = fx_gzip(image, IMG_SIZE, size);

	if (cut) {
		/* half the data, the real trailer: only inflating tells */
		memmove(gz + *size / 2, gz + *size - 8, 8);
		*size = *size / 2 + 8;
	} else {
		gz[*size - 8] ^= 0xff;		/* CRC-32 */
	}
	return gz;
}

/* The Image.gz is checked as it is loaded: refusals during the boot. */
static void test_gzip_stream(void)
{
	struct jh_linux_plan *plan;
	enum jh_cell_state state;
	struct jh_cell *cell;
	struct jh_linux *req;
	char *before;
	size_t size;
	void *gz;
	int id;

	fresh(true);
	req = request(linux_demo());
	gz = fx_gzip(image, IMG_SIZE, &size);
	jh_linux_set_buffer(req, JH_LINUX_KERNEL, gz, size, "mem.gz");
	free(gz);
	if (jh_linux_plan(req, &plan))
		exit(99);
	tap_eq(jh_linux_plan_verify(plan), 0, "a sound Image.gz verifies");
	tap_ok(num_cells() == 0 && access(mem_path(1), F_OK),
	       "verifying makes no cell");
	tap_ok(!jh_linux_plan_boot(plan, NULL), "Image.gz from a buffer boots");
	tap_ok(landed(1, KERNEL_ADDR, image, IMG_SIZE),
	       "buffer Image.gz inflated at 0x70200000");
	/* the cell runs: not rebooted unless asked to */
	fails(jh_linux_plan_boot(plan, NULL), -EBUSY, JH_ERR_NAME_TAKEN,
	      "is running: shut it down or destroy it first, or ask for a reboot",
	      "a second boot into the running cell");
	tap_ok(jh_cell_lookup(ctx, "1", &cell) == 0 &&
	       !jh_cell_get_state(cell, &state) && state == JH_CELL_RUNNING,
	       "a second boot into the running cell: it keeps running");
	jh_cell_unref(cell);
	jh_linux_plan_free(plan);
	jh_linux_set_reboot(req, true);
	if (jh_linux_plan(req, &plan))
		exit(99);
	tap_ok(!jh_linux_plan_boot(plan, NULL) &&
	       landed(1, KERNEL_ADDR, image, IMG_SIZE) && num_cells() == 1,
	       "with reboot the same boots again into the same cell, inflated anew");
	jh_linux_plan_free(plan);
	jh_linux_free(req);

	fresh(true);
	req = request(linux_demo());
	gz = broken_gz(&size, false);
	jh_linux_set_file(req, JH_LINUX_KERNEL, th_write("crc.gz", gz, size));
	free(gz);
	if (!tap_ok(!jh_linux_plan(req, &plan), "bad CRC: planning passes"))
		exit(1);
	fails(jh_linux_plan_verify(plan), -EBADMSG, JH_ERR_IMAGE,
	      "crc.gz: CRC-32 mismatch", "bad CRC: verify refuses it");
	tap_ok(num_cells() == 0 && access(mem_path(1), F_OK),
	       "bad CRC: verifying makes no cell");
	fails(jh_linux_plan_boot(plan, NULL), -EBADMSG, JH_ERR_IMAGE,
	      "booting Linux in cell 'qemu-arm64-linux-demo': loading the kernel (3145728 bytes at 0x70200000): ",
	      "bad CRC: refused while loading");
	tap_ok(th_has(jh_ctx_last_error(ctx), "crc.gz: CRC-32 mismatch (data 0x") &&
	       th_has(jh_ctx_last_error(ctx), "; cell 1 was destroyed again"),
	       "bad CRC: the message names the file, the CRCs and the cell's end");
	no_cell_left("bad CRC at boot");
	jh_linux_plan_free(plan);

	gz = broken_gz(&size, true);
	jh_linux_set_file(req, JH_LINUX_KERNEL, th_write("cut.gz", gz, size));
	free(gz);
	fails(jh_linux_boot(req, NULL), -EBADMSG, JH_ERR_IMAGE,
	      "cut.gz: gzip data ends early, after ",
	      "truncated Image.gz: refused while loading");
	no_cell_left("truncated Image.gz at boot");

	/* a failed piece of the inflated kernel: the cell goes too */
	gz = fx_gzip(image, IMG_SIZE, &size);
	jh_linux_set_file(req, JH_LINUX_KERNEL, th_write("Image.gz", gz, size));
	free(gz);
	setenv("JH_FAKE_IOCTL_ERR", "CELL_LOAD@5=EIO", 1);
	fails(jh_linux_boot(req, NULL), -EIO, JH_ERR_HYPERVISOR,
	      "loading the kernel (3145728 bytes at 0x70200000)",
	      "third inflated piece fails to load");
	unsetenv("JH_FAKE_IOCTL_ERR");
	no_cell_left("third inflated piece fails");

	/* an existing cell is checked for before it is touched, and kept */
	id = boot(req, "Image.gz");
	jh_linux_set_reboot(req, true);
	before = strdup(loads(id));
	jh_linux_set_file(req, JH_LINUX_KERNEL, th_file("crc.gz"));
	fails(jh_linux_boot(req, NULL), -EBADMSG, JH_ERR_IMAGE,
	      "CRC-32 mismatch", "bad CRC into an existing cell");
	tap_ok(th_has(jh_ctx_last_error(ctx), "cell 1 existed before and is left as it was") &&
	       num_cells() == 1 && id == 1,
	       "bad CRC into an existing cell: the cell is kept");
	tap_ok(before && !strcmp(before, loads(id)) &&
	       jh_cell_lookup(ctx, "1", &cell) == 0 &&
	       !jh_cell_get_state(cell, &state) && state == JH_CELL_RUNNING,
	       "bad CRC into an existing cell: not stopped, nothing loaded");
	jh_cell_unref(cell);
	free(before);
	jh_linux_free(req);
}

/* A 9 MiB + 5 initrd from a file goes in 256 KiB pieces, back to back. */
static void test_streamed(void)
{
	size_t size = 9 * FX_MIB + 5;
	void *big = fx_bytes(size, 3);
	struct jh_linux *req;
	int id;

	fresh(true);
	req = request(linux_demo());
	jh_linux_set_file(req, JH_LINUX_KERNEL, th_write("Image", image, IMG_SIZE));
	jh_linux_set_file(req, JH_LINUX_INITRD, th_write("big", big, size));
	id = boot(req, "9 MiB initrd");
	tap_ok(landed(id, INITRD_ADDR, big, size), "big initrd byte for byte");
	tap_ok(count_lines(loads(id), "0x7") == 12 + 1 + 37 &&
	       th_has(loads(id), "0x70800000 262144\n0x70840000 262144\n") &&
	       th_has(loads(id), "0x71100000 5\n"), "streamed in 37 loads");
	jh_linux_free(req);
	free(big);
}

/* RAM in two guest-contiguous regions: the kernel crosses the border. */
static void test_split(void)
{
	struct jh_linux_plan *plan;
	struct jh_linux_segment seg;
	struct jh_linux *req;
	struct fx_cell c;
	unsigned int i, kernels = 0;
	int id;

	fresh(true);
	fx_linux_demo(&c);
	c.mem[2].size = 4 * FX_MIB;
	c.mem[c.nmem] = c.mem[2];
	c.mem[c.nmem].phys_start += 4 * FX_MIB;
	c.mem[c.nmem].virt_start += 4 * FX_MIB;
	c.mem[c.nmem++].size = 60 * FX_MIB;
	req = request(cell_config(&c));
	jh_linux_set_file(req, JH_LINUX_KERNEL, th_write("Image", image, IMG_SIZE));
	if (jh_linux_plan(req, &plan)) {
		printf("# %s\n", jh_ctx_last_error(ctx));
		exit(99);
	}
	for (i = 0; !jh_linux_plan_get_segment(plan, i, &seg); i++)
		if (seg.image == JH_LINUX_KERNEL)
			kernels += seg.offset == 2 * FX_MIB &&
				   seg.guest_addr == 0x70400000 ? 10 : 1;
	tap_eq(kernels, 11, "kernel split at the region border");
	id = boot(req, "kernel across two regions");
	tap_ok(landed(id, KERNEL_ADDR, image, IMG_SIZE),
	       "kernel bytes on both sides of the border");
	jh_linux_plan_free(plan);
	jh_linux_free(req);
}

/* Planning refusals: the cause, and no cell made. */
static void refuse(struct jh_linux *req, int err, enum jh_error code,
		   const char *msg, const char *what)
{
	fails(jh_linux_boot(req, NULL), err, code, msg, what);
	no_cell_left(what);
}

static void test_refusals(void)
{
	size_t gz_size;
	uint8_t *gz = fx_gzip(image, IMG_SIZE, &gz_size);
	void *junk = fx_bytes(IMG_SIZE, 5);
	struct jh_linux *req;
	int fd;

	fresh(true);
	req = request(linux_demo());
	refuse(req, -EINVAL, JH_ERR_INVALID_ARGUMENT, "no kernel given",
	       "no kernel");
	jh_linux_set_file(req, JH_LINUX_KERNEL, th_file("missing"));
	refuse(req, -ENOENT, JH_ERR_SYSTEM, "reading the kernel", "missing kernel");
	jh_linux_set_file(req, JH_LINUX_KERNEL, th_write("junk", junk, IMG_SIZE));
	refuse(req, -ENOEXEC, JH_ERR_IMAGE, "not an arm64 Image", "not an Image");
	jh_linux_set_file(req, JH_LINUX_KERNEL,
			  th_write("trunc.gz", gz, gz_size / 2));
	refuse(req, -EBADMSG, JH_ERR_IMAGE, "trunc.gz", "truncated gzip");
	gz[gz_size - 8] ^= 0xff;
	jh_linux_set_file(req, JH_LINUX_KERNEL, th_write("crc.gz", gz, gz_size));
	refuse(req, -EBADMSG, JH_ERR_IMAGE, "CRC-32 mismatch", "bad gzip CRC");

	jh_linux_set_file(req, JH_LINUX_KERNEL, th_write("Image", image, IMG_SIZE));
	fd = open(th_file("huge"), O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || ftruncate(fd, 200 * FX_MIB) || close(fd))
		exit(99);
	jh_linux_set_file(req, JH_LINUX_INITRD, th_file("huge"));
	refuse(req, -ENOSPC, JH_ERR_IMAGE, "no room for the initrd",
	       "initrd too big");
	jh_linux_set_file(req, JH_LINUX_INITRD, NULL);
	jh_linux_set_file(req, JH_LINUX_DTB, th_write("bad.dtb", junk, 4096));
	refuse(req, -EINVAL, JH_ERR_IMAGE, "not a device tree", "not a DTB");
	jh_linux_set_file(req, JH_LINUX_DTB, NULL);
	jh_linux_set_file(req, JH_LINUX_LOADER, th_file("no-loader"));
	refuse(req, -ENOENT, JH_ERR_SYSTEM, "reading the loader", "missing loader");
	jh_linux_free(req);

	fresh(false);
	req = request(linux_demo());
	jh_linux_set_file(req, JH_LINUX_KERNEL, th_write("Image", image, IMG_SIZE));
	refuse(req, -EINVAL, JH_ERR_NOT_ENABLED,
	       "booting Linux in cell 'qemu-arm64-linux-demo': creating the cell: the hypervisor is not enabled",
	       "hypervisor off");
	jh_linux_free(req);
	free(gz);
	free(junk);
}

/* linux-loader.bin: below the root by default, or from the environment. */
static void test_loader_path(void)
{
	struct jh_config *cfg;
	struct jh_linux_plan *plan;
	struct jh_linux *req;
	char rel[4096];

	fresh(false);
	cfg = linux_demo();
	if (jh_linux_new(ctx, cfg, &req))
		exit(99);
	jh_config_unref(cfg);
	jh_linux_set_buffer(req, JH_LINUX_KERNEL, image, IMG_SIZE, "Image");
	fails(jh_linux_plan(req, &plan), -ENOENT, JH_ERR_SYSTEM,
	      JH_LINUX_LOADER_BIN ": No such file", "no installed loader");
	tap_ok(th_has(jh_ctx_last_error(ctx), root) &&
	       th_has(jh_ctx_last_error(ctx), "JAILHOUSE_LINUX_LOADER"),
	       "the message names the path below the root and the variable");
	snprintf(rel, sizeof(rel), "%s", JH_LINUX_LOADER_BIN);
	*strrchr(rel, '/') = '\0';
	fake_mkdir(root, rel);
	snprintf(rel, sizeof(rel), "%s%s", root, JH_LINUX_LOADER_BIN);
	fx_write_file(rel, loader, 0x1800);
	tap_ok(!jh_linux_plan(req, &plan), "installed loader below the root");
	jh_linux_plan_free(plan);
	setenv("JAILHOUSE_LINUX_LOADER", th_file("env-loader"), 1);
	fails(jh_linux_plan(req, &plan), -ENOENT, JH_ERR_SYSTEM, "env-loader",
	      "JAILHOUSE_LINUX_LOADER wins");
	unsetenv("JAILHOUSE_LINUX_LOADER");
	jh_linux_free(req);
}

/* Scripted driver failures at each step: the cell goes again. */
static void inject(const char *script, const char *msg, const char *what)
{
	struct jh_linux *req;
	int ret;

	req = request(linux_demo());
	jh_linux_set_file(req, JH_LINUX_KERNEL, th_write("Image", image, IMG_SIZE));
	setenv("JH_FAKE_IOCTL_ERR", script, 1);
	ret = jh_linux_boot(req, NULL);
	unsetenv("JH_FAKE_IOCTL_ERR");
	if (!tap_ok(ret < 0 && th_has(jh_ctx_last_error(ctx), msg), "%s", what))
		printf("#   got %d: %s\n", ret, jh_ctx_last_error(ctx));
	no_cell_left(what);
	jh_linux_free(req);
}

static void test_failures(void)
{
	struct jh_linux *req;
	int id;

	fresh(true);
	inject("CELL_CREATE=EBUSY", "creating the cell: cell.cell: the cell's CPUs",
	       "create fails");
	inject("CELL_LOAD=ENOMEM", "stopping the cell for loading", "stop fails");
	inject("CELL_LOAD@2=EFBIG",
	       "loading the loader (6144 bytes at 0x0): load cell 1 (qemu-arm64-linux-demo): an image runs past the end of its memory region; cell 1 was destroyed again",
	       "loader load fails");
	inject("CELL_LOAD@4=EIO", "loading the kernel (3145728 bytes at 0x70200000)",
	       "second kernel chunk fails");
	/* stop, loader, 12 kernel pieces, DTB, parameters */
	inject("CELL_LOAD@16=EINVAL", "loading the params", "parameters fail");
	inject("CELL_START=EIO", "starting the cell: start cell 1", "start fails");

	req = request(linux_demo());
	jh_linux_set_file(req, JH_LINUX_KERNEL, th_write("Image", image, IMG_SIZE));
	setenv("JH_FAKE_IOCTL_ERR", "CELL_START=EIO,CELL_DESTROY=EPERM", 1);
	fails(jh_linux_boot(req, NULL), -EIO, JH_ERR_HYPERVISOR,
	      "destroying the half-made cell 1 failed too", "destroy fails too");
	unsetenv("JH_FAKE_IOCTL_ERR");
	tap_eq(num_cells(), 1, "a cell that cannot be destroyed stays");
	id = boot(req, "after the failures");
	tap_eq(id, 1, "the stuck cell is reused");
	jh_linux_free(req);
}

/* An existing cell of the name is reused if its CPUs match. */
static void test_reuse(void)
{
	struct jh_config *cfg = linux_demo();
	struct jh_cell *cell;
	struct jh_linux *req;
	struct fx_cell c;

	fresh(true);
	if (jh_cell_create(ctx, cfg, &cell))
		exit(99);
	jh_cell_unref(cell);
	req = request(cfg);
	jh_linux_set_file(req, JH_LINUX_KERNEL, th_write("Image", image, IMG_SIZE));
	setenv("JH_FAKE_IOCTL_ERR", "CELL_START=EIO", 1);
	fails(jh_linux_boot(req, NULL), -EIO, JH_ERR_HYPERVISOR,
	      "cell 1 existed before and is left shut down, partly loaded",
	      "failure on a reused cell");
	unsetenv("JH_FAKE_IOCTL_ERR");
	tap_eq(num_cells(), 1, "the existing cell stays");
	tap_eq(boot(req, "existing cell"), 1, "reuses cell 1");
	jh_linux_free(req);

	fresh(true);
	fx_linux_demo(&c);
	c.cpus = 0x2;
	cfg = cell_config(&c);
	if (jh_cell_create(ctx, cfg, &cell))
		exit(99);
	jh_cell_unref(cell);
	jh_config_unref(cfg);
	req = request(linux_demo());
	jh_linux_set_file(req, JH_LINUX_KERNEL, th_write("Image", image, IMG_SIZE));
	fails(jh_linux_boot(req, NULL), -EEXIST, JH_ERR_NAME_TAKEN,
	      "has CPUs 1, the config 2-3", "same name, other CPUs");
	tap_eq(num_cells(), 1, "the other cell is left alone");
	jh_linux_free(req);
}

int main(int argc, char **argv)
{
	th_init(argc, argv);
	unsetenv("JAILHOUSE_LINUX_LOADER");
	image = fx_image(IMG_SIZE, 4 * FX_MIB, 0, FX_IMAGE_FLAGS);
	loader = fx_bytes(0x1800, 4);
	/* the planner wants the real loader's empty parameter area */
	memset((char *)loader + 0x1000, 0, 257);
	if (!JH_TEST_LINUX_LOADER) {
		test_unsupported();
	} else {
		test_request();
		test_plan();
		test_boot_raw();
		test_boot_gzip_dtb();
		test_gzip_stream();
		test_streamed();
		test_split();
		test_refusals();
		test_loader_path();
		test_failures();
		test_reuse();
	}
	free(image);
	free(loader);
	jh_ctx_unref(ctx);
	th_cleanup();
	return tap_done();
}
