// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The device side of the API against the fake driver: context, enable
 * and disable, cells through their whole life, images, statistics,
 * console, waiting, and each error path with its cause.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

#include <libjailhouse.h>

#include "fake-fs.h"
#include "fake-root.h"
#include "expect.h"
#include "harness.h"
#include "configs.h"

static struct jh_ctx *ctx;
static const char *root;

/* @ret must be @err with cause @code and a message containing @msg. */
static void fails(int ret, int err, enum jh_error code, const char *msg,
		  const char *what)
{
	if (!tap_ok(th_error_is(ctx, ret, err, code, msg), "%s: %s", what,
		    jh_error_name(code)))
		th_show_error(ctx, ret);
}

/* A fresh context on a fresh fake root. */
static void fresh(unsigned int flags)
{
	jh_ctx_unref(ctx);
	root = th_root(flags);
	if (jh_ctx_new(root, &ctx))
		exit(99);
}

static struct jh_config *system_config(void)
{
	return th_system_config(ctx);
}

static struct jh_config *cell_config(void (*base)(struct fx_cell *),
				     const char *name, uint64_t cpus)
{
	struct fx_cell c;

	base(&c);
	if (name)
		strcpy(c.name, name);
	if (cpus)
		c.cpus = cpus;
	return th_cell_config(ctx, &c);
}

static void enable(void)
{
	struct jh_config *sys = system_config();

	if (jh_enable(ctx, sys)) {
		printf("# enable: %s\n", jh_ctx_last_error(ctx));
		exit(99);
	}
	jh_config_unref(sys);
}

static struct jh_cell *create(void (*base)(struct fx_cell *))
{
	struct jh_config *cfg = cell_config(base, NULL, 0);
	struct jh_cell *cell;

	if (jh_cell_create(ctx, cfg, &cell)) {
		printf("# create: %s\n", jh_ctx_last_error(ctx));
		exit(99);
	}
	jh_config_unref(cfg);
	return cell;
}

static const char *sysfs(const char *rel)
{
	static char buf[4096];
	char path[512];

	snprintf(path, sizeof(path), FAKE_SYSFS "/%s", rel);
	if (fake_read(root, path, buf, sizeof(buf)) < 0)
		return "(missing)";
	return buf;
}

static int logged;

static void log_fn(void *data, int prio, const char *msg)
{
	(void)msg;
	if (prio == LOG_DEBUG)
		(*(int *)data)++;
}

static void test_ctx(void)
{
	struct jh_ctx *c;

	tap_ok(jh_ctx_new("relative", &c) == -EINVAL, "relative root refused");
	tap_ok(!jh_ctx_new("/tmp//", &c) && !strcmp(jh_ctx_get_root(c), "/tmp"),
	       "trailing slashes dropped");
	tap_ok(jh_ctx_ref(c) == c && jh_ctx_unref(c) == c && !jh_ctx_unref(c),
	       "ref and unref");
	tap_ok(!jh_ctx_new("/", &c) && !strcmp(jh_ctx_get_root(c), "/"),
	       "root / is the live system");
	tap_ok(!jh_ctx_set_module_autoload(c, false) &&
	       !jh_ctx_set_module_autoload(c, true),
	       "autoload can be switched on the live system");
	jh_ctx_unref(c);

	fresh(0);
	fails(jh_ctx_set_module_autoload(ctx, true), -EINVAL,
	      JH_ERR_INVALID_ARGUMENT, "needs the live system", "autoload");
	tap_eq(jh_ctx_get_log_priority(ctx), LOG_ERR, "default log priority");
	jh_ctx_set_log_fn(ctx, log_fn, &logged);
	jh_ctx_set_log_priority(ctx, LOG_DEBUG);
	jh_cell_lookup(ctx, "nobody", &(struct jh_cell *){ NULL });
	tap_ok(logged > 0, "log function receives debug messages");
	jh_ctx_set_log_fn(ctx, NULL, NULL);
	jh_ctx_set_log_priority(ctx, LOG_ERR);
}

static void test_no_driver(void)
{
	struct jh_config *sys;
	struct jh_cell_list *list;
	struct jh_pool_info pool;
	struct jh_cell *cell;
	char *log;

	fresh(FAKE_ROOT_NO_DRIVER);
	sys = system_config();
	tap_ok(!jh_is_driver_loaded(ctx) && jh_is_enabled(ctx) == 0,
	       "no driver: not loaded, not enabled");
	fails(jh_enable(ctx, sys), -ENOENT, JH_ERR_NO_MODULE,
	      "/dev/jailhouse: the jailhouse driver is not loaded (modprobe jailhouse)",
	      "enable without driver");
	fails(jh_disable(ctx), -ENOENT, JH_ERR_NO_MODULE, "not loaded",
	      "disable without driver");
	tap_ok(!jh_cell_list_new(ctx, &list) && !jh_cell_list_get_count(list),
	       "no driver: empty cell list");
	jh_cell_list_free(list);
	fails(jh_get_pool_info(ctx, &pool), -ENOENT, JH_ERR_NO_MODULE,
	      "not loaded", "pool info without driver");
	fails(jh_console_get_log(ctx, &log), -ENOENT, JH_ERR_NO_MODULE,
	      "not loaded", "console log without driver");
	fails(jh_cell_lookup(ctx, "1", &cell), -ENOENT, JH_ERR_NOT_ENABLED,
	      "no cell with ID 1: the hypervisor is not enabled",
	      "lookup without driver");
	jh_config_unref(sys);

	fresh(FAKE_ROOT_NO_NODE);
	sys = system_config();
	fails(jh_enable(ctx, sys), -ENOENT, JH_ERR_SYSTEM,
	      "the driver is loaded but the device node is missing",
	      "enable without device node");

	fresh(0);
	setenv("JH_FAKE_OPEN_ERR", "EACCES", 1);
	fails(jh_enable(ctx, sys), -EACCES, JH_ERR_PERMISSION,
	      "Permission denied (root privileges needed)", "enable as non-root");
	unsetenv("JH_FAKE_OPEN_ERR");
	jh_config_unref(sys);
}

/* Every errno of the driver's ENABLE contract, as cause and message. */
static void test_enable_errnos(const struct jh_config *sys)
{
	static const struct {
		const char *err;
		int ret;
		enum jh_error code;
		const char *msg;
	} cases[] = {
		{ "ENABLE=ENOENT", -ENOENT, JH_ERR_FIRMWARE, "cannot load jailhouse.bin" },
		{ "ENABLE=ELIBBAD", -ELIBBAD, JH_ERR_FIRMWARE, "not a valid hypervisor image" },
		{ "ENABLE=ENOEXEC", -ENOEXEC, JH_ERR_FIRMWARE, "different entry protocols" },
		{ "ENABLE=EINVAL", -EINVAL, JH_ERR_HYPERVISOR, "online CPUs are not the root cell's" },
		{ "ENABLE=EPROTO", -EPROTO, JH_ERR_REVISION, "another config revision" },
		{ "ENABLE=EOPNOTSUPP", -EOPNOTSUPP, JH_ERR_ARCH, "another architecture" },
		{ "ENABLE=E2BIG", -E2BIG, JH_ERR_COUNTS, "1 MiB" },
		{ "ENABLE=EADDRNOTAVAIL", -EADDRNOTAVAIL, JH_ERR_MEMORY, "not page aligned" },
		{ "ENABLE=EADDRINUSE", -EADDRINUSE, JH_ERR_MEMORY, "overlaps System RAM: reserve it" },
		{ "ENABLE=EALREADY", -EALREADY, JH_ERR_MEMORY, "claimed by another driver" },
		{ "ENABLE=ENOSPC", -ENOSPC, JH_ERR_MEMORY, "do not fit into the hypervisor memory" },
		{ "ENABLE=EDOM", -EDOM, JH_ERR_CPU_MISMATCH, "CPU set is empty" },
		{ "ENABLE=ECHRNG", -ECHRNG, JH_ERR_CPU_MISMATCH, "an online CPU is not in the root cell's CPU set" },
		{ "ENABLE=ENXIO", -ENXIO, JH_ERR_NO_EL2, "kvm-arm.mode=none" },
		{ "ENABLE=ENOTRECOVERABLE", -ENOTRECOVERABLE, JH_ERR_UNRECOVERABLE, "Reboot" },
		{ "ENABLE=EINTR", -EINTR, JH_ERR_SYSTEM, "interrupted" },
		{ "ENABLE=EFAULT", -EFAULT, JH_ERR_SYSTEM, "could not read the config" },
		{ "ENABLE=EIO", -EIO, JH_ERR_HYPERVISOR, "failed to start: Input/output error (see its console)" },
		{ "ENABLE=EBUSY", -EBUSY, JH_ERR_HYPERVISOR, "failed to start: Device or resource busy" },
		{ "ENABLE=EPERM", -EPERM, JH_ERR_HYPERVISOR, "failed to start: Operation not permitted" },
		{ "ENABLE=ENOMEM", -ENOMEM, JH_ERR_HYPERVISOR, "out of kernel memory" },
	};
	for (unsigned int i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		setenv("JH_FAKE_IOCTL_ERR", cases[i].err, 1);
		fails(jh_enable(ctx, sys), cases[i].ret, cases[i].code,
		      cases[i].msg, cases[i].err);
	}
	unsetenv("JH_FAKE_IOCTL_ERR");
}

static void test_enable(void)
{
	struct jh_config *sys, *cell, *bad;
	struct jh_cell_list *list;
	struct jh_pool_info pool;
	struct jh_cpuset *cpus;
	struct jh_cell *c;
	struct fx_system s;
	size_t size;
	void *data;

	fresh(0);
	sys = system_config();
	cell = cell_config(fx_gic_demo, NULL, 0);
	tap_ok(!jh_get_pool_info(ctx, &pool) && !pool.mem_pool_size,
	       "pools are 0 before enable");

	fails(jh_enable(ctx, cell), -EINVAL, JH_ERR_CONFIG_KIND,
	      "cell.cell is a cell config", "enable with a cell config");
	fx_qemu_system(&s);
	s.root.mem[1].size = 0x3fc10000;
	data = fx_build_system(&s, &size);
	jh_config_new_from_buffer(ctx, data, size, "bad.cell", &bad);
	free(data);
	fails(jh_enable(ctx, bad), -EINVAL, JH_ERR_CONFIG_INVALID,
	      "bad.cell: memory region 1 (phys 0x40000000-0x7fc0ffff) overlaps the hypervisor memory",
	      "enable with an overlapping config");
	tap_eq(jh_is_enabled(ctx), 0, "a refused config never reaches the driver");
	jh_config_unref(bad);

	test_enable_errnos(sys);

	tap_ok(!jh_enable(ctx, sys), "enable");
	tap_eq(jh_is_enabled(ctx), 1, "enabled");
	fails(jh_enable(ctx, sys), -EBUSY, JH_ERR_ALREADY_ENABLED,
	      "already enabled", "enable twice");
	tap_ok(!jh_get_pool_info(ctx, &pool) && pool.mem_pool_size == 1000 &&
	       pool.mem_pool_used == 120 && pool.remap_pool_size == 64 &&
	       pool.remap_pool_used == 3, "pool info");

	tap_ok(!jh_cell_list_new(ctx, &list) && jh_cell_list_get_count(list) == 1,
	       "one cell after enable");
	c = jh_cell_list_get(list, 0);
	tap_ok(c && jh_cell_get_id(c) == 0 &&
	       !strcmp(jh_cell_get_name(c), "qemu-arm64"), "root cell 0");
	tap_ok(jh_cell_list_get(list, 1) == NULL, "list entry 1 is NULL");
	tap_ok(!jh_cell_get_cpus_assigned(c, &cpus) &&
	       !strcmp(jh_cpuset_to_string(cpus), "0-3"), "root has CPUs 0-3");
	jh_cpuset_free(cpus);
	jh_cell_list_free(list);

	fake_write(root, FAKE_SYSFS "/mem_pool_used", "many\n");
	fails(jh_get_pool_info(ctx, &pool), -EPROTO, JH_ERR_HYPERVISOR,
	      "mem_pool_used: 'many' is not a number", "garbage in sysfs");
	fake_write(root, FAKE_SYSFS "/mem_pool_used", "120\n");

	setenv("JH_FAKE_IOCTL_ERR", "DISABLE=EPERM", 1);
	fails(jh_disable(ctx), -EPERM, JH_ERR_REFUSED, "refused to shut down",
	      "disable refused");
	setenv("JH_FAKE_IOCTL_ERR", "DISABLE=EBUSY", 1);
	fails(jh_disable(ctx), -EBUSY, JH_ERR_BUSY,
	      "never entered the hypervisor", "disable busy");
	setenv("JH_FAKE_IOCTL_ERR", "DISABLE=ENOTRECOVERABLE", 1);
	fails(jh_disable(ctx), -ENOTRECOVERABLE, JH_ERR_UNRECOVERABLE, "Reboot",
	      "disable unrecoverable");
	setenv("JH_FAKE_IOCTL_ERR", "DISABLE=EIO", 1);
	fails(jh_disable(ctx), -EIO, JH_ERR_HYPERVISOR, "given up on",
	      "disable failure");
	unsetenv("JH_FAKE_IOCTL_ERR");
	tap_ok(!jh_disable(ctx) && jh_is_enabled(ctx) == 0, "disable");
	fails(jh_disable(ctx), -EINVAL, JH_ERR_NOT_ENABLED, "not enabled",
	      "disable twice");
	jh_config_unref(sys);
	jh_config_unref(cell);
}

static void test_create(void)
{
	struct jh_config *cfg, *sys;
	struct jh_cell_list *list;
	struct jh_cell *a, *b;
	struct fx_cell c;

	fresh(0);
	sys = system_config();
	cfg = cell_config(fx_gic_demo, NULL, 0);
	fails(jh_cell_create(ctx, cfg, &a), -EINVAL, JH_ERR_NOT_ENABLED,
	      "not enabled", "create before enable");
	fails(jh_cell_create(ctx, sys, &a), -EINVAL, JH_ERR_CONFIG_KIND,
	      "sys.cell is a system config", "create with a system config");
	enable();

	a = create(fx_gic_demo);
	tap_ok(jh_cell_get_id(a) == 1 && !strcmp(jh_cell_get_name(a), "gic-demo"),
	       "gic-demo is cell 1");
	tap_ok(!strcmp(sysfs("cells/1/state"), "shut down") &&
	       !strcmp(sysfs("cells/1/cpus_assigned_list"), "1") &&
	       !strcmp(sysfs("cells/0/cpus_assigned_list"), "0,2-3"),
	       "driver state after create");
	fails(jh_cell_create(ctx, cfg, NULL), -EEXIST, JH_ERR_NAME_TAKEN,
	      "cell.cell: a cell named 'gic-demo' already exists (ID 1)",
	      "name taken");
	jh_config_unref(cfg);

	fx_gic_demo(&c);
	strcpy(c.name, "hv");
	c.mem[1].phys_start = 0x7fa00800;	/* RAM not page aligned */
	cfg = th_cell_config(ctx, &c);
	fails(jh_cell_create(ctx, cfg, NULL), -EINVAL, JH_ERR_CONFIG_INVALID,
	      "is not page aligned", "create checks the config");
	jh_config_unref(cfg);

	static const struct {
		const char *err;
		int ret;
		enum jh_error code;
		const char *msg;
	} cases[] = {
		{ "CELL_CREATE=EEXIST", -EEXIST, JH_ERR_NAME_TAKEN, "already exists" },
		{ "CELL_CREATE=EBUSY", -EBUSY, JH_ERR_BUSY, "CPUs or devices" },
		{ "CELL_CREATE=EADDRINUSE", -EADDRINUSE, JH_ERR_MEMORY, "overlaps Linux's System RAM" },
		{ "CELL_CREATE=ETIMEDOUT", -ETIMEDOUT, JH_ERR_HYPERVISOR, "did not stop for the change" },
		{ "CELL_CREATE=EPERM", -EPERM, JH_ERR_REFUSED, "refused" },
		{ "CELL_CREATE=ENODATA", -ENODATA, JH_ERR_COUNTS, "truncated" },
		{ "CELL_CREATE=ENXIO", -ENXIO, JH_ERR_HYPERVISOR, "interrupt of the cell" },
		{ "CELL_CREATE=E2BIG", -E2BIG, JH_ERR_HYPERVISOR, "too large" },
		{ "CELL_CREATE=ENOMEM", -ENOMEM, JH_ERR_HYPERVISOR, "out of memory" },
		{ "CELL_CREATE=EINVAL", -EINVAL, JH_ERR_HYPERVISOR, "rejected the config" },
		{ "CELL_CREATE=EIO", -EIO, JH_ERR_HYPERVISOR, "Input/output error" },
	};
	cfg = cell_config(fx_linux_demo, NULL, 0);
	for (unsigned int i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		setenv("JH_FAKE_IOCTL_ERR", cases[i].err, 1);
		fails(jh_cell_create(ctx, cfg, NULL), cases[i].ret,
		      cases[i].code, cases[i].msg, cases[i].err);
	}
	unsetenv("JH_FAKE_IOCTL_ERR");

	/* The refusing layer's words replace the contract's; the cause stays. */
	setenv("JH_FAKE_IOCTL_ERR", "CELL_CREATE=EADDRINUSE", 1);
	setenv("JH_FAKE_REASON", "the hypervisor refused cell \"linux-demo\" (-98): Cell config: region 0 (8000000) overlaps registers the hypervisor emulates (8000000)", 1);
	fails(jh_cell_create(ctx, cfg, NULL), -EADDRINUSE, JH_ERR_MEMORY,
	      "cell.cell: the hypervisor refused cell \"linux-demo\" (-98): Cell config: region 0",
	      "the driver's reason passed up");
	tap_ok(!strstr(jh_ctx_last_error(ctx), "System RAM"),
	       "... instead of the contract's sentence");
	unsetenv("JH_FAKE_REASON");
	unsetenv("JH_FAKE_IOCTL_ERR");

	/* CPU 1 belongs to gic-demo already: the driver says EBUSY. */
	jh_config_unref(cfg);
	cfg = cell_config(fx_linux_demo, NULL, 0x6);
	fails(jh_cell_create(ctx, cfg, NULL), -EBUSY, JH_ERR_BUSY,
	      "CPUs or devices", "CPU owned by another cell");
	jh_config_unref(cfg);

	b = create(fx_linux_demo);
	tap_eq(jh_cell_get_id(b), 2, "linux-demo is cell 2");

	/* IDs sort as numbers, not strings. */
	fake_mkdir(root, FAKE_SYSFS "/cells/10");
	fake_write(root, FAKE_SYSFS "/cells/10/name", "ten\n");
	fake_mkdir(root, FAKE_SYSFS "/cells/.hidden");
	tap_ok(!jh_cell_list_new(ctx, &list) && jh_cell_list_get_count(list) == 4 &&
	       jh_cell_get_id(jh_cell_list_get(list, 2)) == 2 &&
	       jh_cell_get_id(jh_cell_list_get(list, 3)) == 10,
	       "list ordered 0, 1, 2, 10");
	jh_cell_list_free(list);
	fake_rm_rf(root, FAKE_SYSFS "/cells/10");

	jh_cell_unref(a);
	jh_cell_unref(b);
	jh_config_unref(sys);
}

static char warned[4096];

static void warn_fn(void *data, int prio, const char *msg)
{
	size_t len = strlen(warned);

	(void)data;
	if (prio == LOG_WARNING)
		snprintf(warned + len, sizeof(warned) - len, "%s\n", msg);
}

/* Checker warnings do not refuse a config but reach the log. */
static void test_check_warnings(void)
{
	struct jh_config *sys, *cfg;
	struct jh_cell *cell;
	struct fx_system s;
	struct fx_cell c;
	size_t size;
	void *data;

	fresh(0);
	jh_ctx_set_log_fn(ctx, warn_fn, NULL);
	jh_ctx_set_log_priority(ctx, LOG_WARNING);
	fx_qemu_system(&s);
	s.root.mem[0].flags |= JAILHOUSE_MEM_COMM_REGION;
	data = fx_build_system(&s, &size);
	sys = th_config_take(ctx, data, size, "sys.cell");
	warned[0] = '\0';
	tap_ok(!jh_enable(ctx, sys) &&
	       strstr(warned, "sys.cell: memory region 0 is a comm region") &&
	       strstr(warned, "[comm-region-root]"),
	       "enable logs the checker's warnings");

	fx_gic_demo(&c);
	c.nmem = 2;
	data = fx_build_cell(&c, &size);
	cfg = th_config_take(ctx, data, size, "nocomm.cell");
	warned[0] = '\0';
	tap_ok(!jh_cell_create(ctx, cfg, &cell) &&
	       strstr(warned, "nocomm.cell: no comm region") &&
	       strstr(warned, "[comm-region-missing]"),
	       "create logs the checker's warnings");
	jh_cell_unref(cell);
	jh_config_unref(cfg);

	fx_gic_demo(&c);
	c.nmem = 2;
	c.mem[1].phys_start = 0x7fa00800;	/* RAM not page aligned */
	strcpy(c.name, "hv");
	data = fx_build_cell(&c, &size);
	cfg = th_config_take(ctx, data, size, "hv.cell");
	warned[0] = '\0';
	fails(jh_cell_create(ctx, cfg, NULL), -EINVAL, JH_ERR_CONFIG_INVALID,
	      "hv.cell: memory region 1", "an error still refuses");
	tap_ok(strstr(warned, "[comm-region-missing]") &&
	       !strstr(warned, "page aligned"),
	       "with the warnings logged, not the error");
	jh_config_unref(cfg);
	jh_config_unref(sys);
	jh_ctx_set_log_fn(ctx, NULL, NULL);
	jh_ctx_set_log_priority(ctx, LOG_ERR);
}

static void test_lookup(void)
{
	struct jh_cell *c;

	tap_ok(!jh_cell_lookup_by_id(ctx, 1, &c) &&
	       !strcmp(jh_cell_get_name(c), "gic-demo"), "by ID");
	tap_ok(jh_cell_ref(c) == c && jh_cell_unref(c) == c && !jh_cell_unref(c),
	       "cell ref and unref");
	tap_ok(!jh_cell_lookup_by_name(ctx, "qemu-arm64-linux-demo", &c) &&
	       jh_cell_get_id(c) == 2, "by name");
	jh_cell_unref(c);
	tap_ok(!jh_cell_lookup(ctx, "0x1", &c) && jh_cell_get_id(c) == 1,
	       "\"0x1\" is ID 1");
	jh_cell_unref(c);
	tap_ok(!jh_cell_lookup(ctx, "gic-demo", &c) && jh_cell_get_id(c) == 1,
	       "\"gic-demo\" is a name");
	jh_cell_unref(c);
	fails(jh_cell_lookup(ctx, "7", &c), -ENOENT, JH_ERR_CELL_NOT_FOUND,
	      "no cell with ID 7", "unknown ID");
	fails(jh_cell_lookup(ctx, "nobody", &c), -ENOENT, JH_ERR_CELL_NOT_FOUND,
	      "no cell named 'nobody'", "unknown name");
	fails(jh_cell_lookup_by_id(ctx, -3, &c), -EINVAL, JH_ERR_INVALID_ARGUMENT,
	      "invalid cell ID -3", "negative ID");
	fails(jh_cell_lookup_by_name(ctx, "", &c), -EINVAL,
	      JH_ERR_INVALID_ARGUMENT, "1 to 31 characters", "empty name");
	fails(jh_cell_lookup_by_name(ctx, "0123456789012345678901234567890123",
				     &c), -EINVAL, JH_ERR_INVALID_ARGUMENT,
	      "1 to 31 characters", "long name");
	fails(jh_cell_lookup(ctx, NULL, &c), -EINVAL, JH_ERR_INVALID_ARGUMENT,
	      "no cell given", "NULL name");
}

static const char *load_log(int id)
{
	static char buf[1024];
	char rel[64];

	snprintf(rel, sizeof(rel), ".fake/cell-%d.load", id);
	if (fake_read(root, rel, buf, sizeof(buf)) < 0)
		return "(none)";
	return buf;
}

static void test_images(void)
{
	static const uint8_t raw[] = { 1, 2, 3, 4 };
	struct jh_image_set *set;
	struct jh_cell *c, *r;
	char dir[512];

	jh_cell_lookup(ctx, "gic-demo", &c);
	jh_cell_lookup(ctx, "0", &r);
	snprintf(dir, sizeof(dir), "%s/scratch", root);
	fx_write_all(dir);

	jh_image_set_new(ctx, &set);
	fails(jh_cell_load(c, set), -EINVAL, JH_ERR_INVALID_ARGUMENT,
	      "no images given", "load nothing");
	tap_ok(!jh_image_set_add_buffer(set, raw, sizeof(raw), 0x100) &&
	       !jh_image_set_add_string(set, "a=b", 0x1000) &&
	       jh_image_set_get_count(set) == 2, "buffer and string images");
	tap_ok(!jh_cell_load(c, set), "load");
	tap_ok(th_has(load_log(1), "0x100 4 01020304\n0x1000 4 613d6200"),
	       "the driver got both images");
	fails(jh_cell_load(r, set), -EINVAL, JH_ERR_ROOT_CELL,
	      "cannot load the root cell", "load into the root cell");
	jh_image_set_free(set);

	jh_image_set_new(ctx, &set);
	tap_eq(jh_image_is_elf_file(ctx, th_file("inmate.elf")), 1, "ELF detected");
	tap_eq(jh_image_is_elf_file(ctx, th_file("inmate.bin")), 0, "raw detected");
	fails(jh_image_is_elf_file(ctx, th_file("nothing")), -ENOENT,
	      JH_ERR_SYSTEM, "nothing: No such file", "probe a missing file");
	tap_ok(!jh_image_set_add_elf_file(set, th_file("inmate.elf")) &&
	       jh_image_set_get_count(set) == 2, "ELF gives two segments");
	tap_ok(!jh_image_set_add_raw_file(set, th_file("inmate.bin"), 0x2000),
	       "raw file image");
	tap_ok(!jh_cell_load(c, set) &&
	       th_has(load_log(1), "0x0 32 a0a1a2a3a4a5a6a7a8a9aaabacadaeaf\n"
			       "0x1000 8 5a5a5a5a5a5a5a5a\n0x2000 15 72617720"),
	       "ELF segments at their addresses, zero-filled, then the raw file");
	jh_image_set_free(set);

	jh_image_set_new(ctx, &set);
	fails(jh_image_set_add_elf_file(set, th_file("inmate.bin")), -EINVAL,
	      JH_ERR_IMAGE, "inmate.bin: not a valid ELF file", "raw as ELF");
	fails(jh_image_set_add_elf_file(set, th_file("gic-demo.cell")), -EINVAL,
	      JH_ERR_IMAGE, "not a valid ELF", "config as ELF");
	fails(jh_image_set_add_raw_file(set, th_file("nothing"), 0), -ENOENT,
	      JH_ERR_SYSTEM, "opening", "missing raw file");
	tap_eq(jh_image_set_get_count(set), 0, "failed adds add nothing");
	fails(jh_image_set_add_buffer(set, raw, sizeof(raw), ~0ULL), -EINVAL,
	      JH_ERR_IMAGE, "wraps around", "image wrapping around");
	jh_image_set_add_buffer(set, raw, sizeof(raw), 0x20000);
	fails(jh_cell_load(c, set), -EINVAL, JH_ERR_IMAGE,
	      "does not fit into one loadable, writable memory region",
	      "image outside the cell");
	/* ours says which image, where, and why */
	setenv("JH_FAKE_IOCTL_ERR", "CELL_LOAD=EADDRNOTAVAIL", 1);
	setenv("JH_FAKE_REASON", "image 0 (0x10 bytes at 0x20000) is outside the memory of cell \"gic-demo\"", 1);
	fails(jh_cell_load(c, set), -EADDRNOTAVAIL, JH_ERR_IMAGE,
	      "load cell 1 (gic-demo): image 0 (0x10 bytes at 0x20000) is outside the memory of cell",
	      "image outside the cell, with the driver's reason");
	jh_image_set_free(set);
	/* the image the reason names came from a file: which one */
	jh_image_set_new(ctx, &set);
	jh_image_set_add_raw_file(set, th_file("inmate.bin"), 0x20000);
	fails(jh_cell_load(c, set), -EADDRNOTAVAIL, JH_ERR_IMAGE,
	      "inmate.bin: load cell 1 (gic-demo): image 0 (0x10 bytes at 0x20000)",
	      "the refused image's file named");
	unsetenv("JH_FAKE_REASON");
	unsetenv("JH_FAKE_IOCTL_ERR");
	jh_image_set_free(set);

	jh_image_set_new(ctx, &set);
	jh_image_set_add_buffer(set, raw, sizeof(raw), 0);
	setenv("JH_FAKE_IOCTL_ERR", "CELL_LOAD=EPERM", 1);
	fails(jh_cell_load(c, set), -EPERM, JH_ERR_REFUSED, "refused",
	      "load refused");
	setenv("JH_FAKE_IOCTL_ERR", "CELL_LOAD=EBUSY", 1);
	fails(jh_cell_load(c, set), -EBUSY, JH_ERR_HYPERVISOR,
	      "cannot map the cell's memory", "load mapping failure");
	setenv("JH_FAKE_IOCTL_ERR", "CELL_LOAD=EADDRINUSE", 1);
	fails(jh_cell_load(c, set), -EADDRINUSE, JH_ERR_IMAGE,
	      "target is Linux's System RAM", "load into Linux's RAM");
	unsetenv("JH_FAKE_IOCTL_ERR");
	jh_image_set_free(set);
	jh_cell_unref(c);
	jh_cell_unref(r);
}

static void test_elf_variants(void)
{
	struct jh_image_set *set;
	uint8_t *elf;
	size_t size;
	FILE *f;

	f = fopen(th_file("inmate.elf"), "rb");
	elf = malloc(4096);
	size = fread(elf, 1, 4096, f);
	fclose(f);

	jh_image_set_new(ctx, &set);
	elf[18] = 62;	/* e_machine x86-64 */
	fails(jh_image_set_add_elf_file(set, th_write("x86.elf", elf, size)),
	      -EINVAL, JH_ERR_IMAGE, "not a 64-bit AArch64 ELF", "x86 ELF");
	elf[18] = 183;
	elf[64 + 56 + 8] = 0xff;	/* 2nd segment's p_offset beyond EOF */
	fails(jh_image_set_add_elf_file(set, th_write("cut.elf", elf, size)),
	      -EINVAL, JH_ERR_IMAGE, "program header 1 (offset 0xff", "bad offset");
	tap_eq(jh_image_set_get_count(set), 0, "no segment of a broken ELF");
	elf[64 + 56 + 8] = 0;
	elf[4] = 1;	/* EI_CLASS 32-bit */
	fails(jh_image_set_add_elf_file(set, th_write("c32.elf", elf, size)),
	      -EINVAL, JH_ERR_IMAGE, "not a 64-bit AArch64 ELF", "32-bit ELF");
	elf[4] = 2;
	elf[5] = 2;	/* EI_DATA big-endian */
	fails(jh_image_set_add_elf_file(set, th_write("be.elf", elf, size)),
	      -EINVAL, JH_ERR_IMAGE, "not a 64-bit AArch64 ELF", "big-endian ELF");
	elf[5] = 1;
	elf[56] = 0xff;	/* e_phnum: 255 headers, past the end of the file */
	fails(jh_image_set_add_elf_file(set, th_write("phnum.elf", elf, size)),
	      -EINVAL, JH_ERR_IMAGE, "unreadable program headers", "e_phnum");
	elf[56] = 2;
	elf[54] = 32;	/* e_phentsize not Elf64_Phdr's */
	fails(jh_image_set_add_elf_file(set, th_write("phent.elf", elf, size)),
	      -EINVAL, JH_ERR_IMAGE, "unreadable program headers", "e_phentsize");
	elf[54] = 56;
	fails(jh_image_set_add_elf_file(set, th_write("short.elf", elf, 63)),
	      -EINVAL, JH_ERR_IMAGE, "not a valid ELF file", "cut in the header");
	tap_ok(!jh_image_set_add_elf_file(set, th_write("same.elf", elf, size)) &&
	       jh_image_set_get_count(set) == 2, "restored ELF loads again");
	jh_image_set_free(set);
	jh_image_set_new(ctx, &set);
	elf[64] = 0;	/* 1st segment PT_NULL */
	elf[64 + 56] = 0;
	fails(jh_image_set_add_elf_file(set, th_write("none.elf", elf, size)),
	      -EINVAL, JH_ERR_IMAGE, "no loadable (PT_LOAD) segments", "no PT_LOAD");
	jh_image_set_free(set);
	free(elf);
}

static void test_run(void)
{
	enum jh_cell_state st;
	struct jh_cpuset *cpus;
	struct jh_cell *c, *r;

	jh_cell_lookup(ctx, "gic-demo", &c);
	jh_cell_lookup(ctx, "0", &r);
	tap_ok(!jh_cell_get_state(c, &st) && st == JH_CELL_SHUT_DOWN,
	       "state shut down");
	tap_ok(!jh_cell_start(c) && !jh_cell_get_state(c, &st) &&
	       st == JH_CELL_RUNNING, "start: running");
	tap_ok(!jh_cell_wait_state(c, JH_CELL_RUNNING, 100), "wait for running");
	fails(jh_cell_wait_state(c, JH_CELL_SHUT_DOWN, 60), -ETIMEDOUT,
	      JH_ERR_TIMEOUT, "still 'running' after 60 ms waiting for 'shut down'",
	      "wait times out");
	tap_ok(!jh_cell_shutdown(c) && !jh_cell_get_state(c, &st) &&
	       st == JH_CELL_SHUT_DOWN, "shutdown: shut down");
	tap_ok(!strcmp(load_log(1), ""), "shutdown loads no image");

	setenv("JH_FAKE_START_STATE", "failed", 1);
	jh_cell_start(c);
	unsetenv("JH_FAKE_START_STATE");
	fails(jh_cell_wait_state(c, JH_CELL_RUNNING, -1), -EIO,
	      JH_ERR_CELL_FAILED, "is in state 'failed' while waiting for 'running'",
	      "wait sees the cell fail");
	tap_ok(!jh_cell_wait_state(c, JH_CELL_FAILED, 0), "wait for failed");

	fake_write(root, FAKE_SYSFS "/cells/1/state", "running/locked\n");
	tap_ok(!jh_cell_get_state(c, &st) && st == JH_CELL_RUNNING_LOCKED,
	       "running/locked");
	fake_write(root, FAKE_SYSFS "/cells/1/state", "Comm ABI mismatch\n");
	tap_ok(!jh_cell_get_state(c, &st) && st == JH_CELL_FAILED_COMM_REV,
	       "Comm ABI mismatch");
	fake_write(root, FAKE_SYSFS "/cells/1/state", "banana\n");
	tap_ok(!jh_cell_get_state(c, &st) && st == JH_CELL_INVALID &&
	       !strcmp(jh_cell_state_name(st), "invalid") &&
	       !strcmp(jh_cell_state_name((enum jh_cell_state)42), "invalid"),
	       "unknown state is invalid");

	setenv("JH_FAKE_IOCTL_ERR", "CELL_START=EPERM", 1);
	fails(jh_cell_start(c), -EPERM, JH_ERR_REFUSED,
	      "start cell 1 (gic-demo): the cell refused", "start refused");
	unsetenv("JH_FAKE_IOCTL_ERR");
	fails(jh_cell_start(r), -EINVAL, JH_ERR_ROOT_CELL,
	      "cannot start the root cell", "start root");
	fails(jh_cell_shutdown(r), -EINVAL, JH_ERR_ROOT_CELL,
	      "cannot shut down the root cell", "shutdown root");
	fails(jh_cell_destroy(r), -EINVAL, JH_ERR_ROOT_CELL,
	      "cannot destroy the root cell", "destroy root");

	tap_ok(!jh_cell_get_cpus_failed(c, &cpus) &&
	       !strcmp(jh_cpuset_to_string(cpus), "") &&
	       jh_cpuset_get_count(cpus) == 0 && jh_cpuset_next(cpus, -1) == -1,
	       "no failed CPUs");
	jh_cpuset_free(cpus);
	fake_write(root, FAKE_SYSFS "/cells/1/cpus_failed_list", "1,5-7,9\n");
	tap_ok(!jh_cell_get_cpus_failed(c, &cpus) &&
	       !strcmp(jh_cpuset_to_string(cpus), "1,5-7,9") &&
	       jh_cpuset_get_count(cpus) == 5, "failed CPUs 1,5-7,9");
	jh_cpuset_free(cpus);
	/* runs across byte boundaries, and the highest CPU a set holds */
	fake_write(root, FAKE_SYSFS "/cells/1/cpus_failed_list",
		   "7-8,15,16,24-31,32767\n");
	tap_ok(!jh_cell_get_cpus_failed(c, &cpus) &&
	       !strcmp(jh_cpuset_to_string(cpus), "7-8,15-16,24-31,32767") &&
	       jh_cpuset_get_count(cpus) == 13 &&
	       jh_cpuset_next(cpus, 8) == 15 && jh_cpuset_next(cpus, 31) == 32767 &&
	       jh_cpuset_next(cpus, 32767) == -1 && jh_cpuset_contains(cpus, 24) &&
	       !jh_cpuset_contains(cpus, 23),
	       "failed CPUs 7-8,15,16,24-31,32767");
	jh_cpuset_free(cpus);
	fake_write(root, FAKE_SYSFS "/cells/1/cpus_failed_list", "3-x\n");
	fails(jh_cell_get_cpus_failed(c, &cpus), -EPROTO, JH_ERR_HYPERVISOR,
	      "cannot parse CPU list '3-x'", "garbage CPU list");
	fake_write(root, FAKE_SYSFS "/cells/1/cpus_failed_list", "\n");
	jh_cell_unref(c);
	jh_cell_unref(r);
}

static void test_stats(void)
{
	struct jh_stats *st;
	struct jh_cell *c;

	jh_cell_lookup(ctx, "qemu-arm64-linux-demo", &c);
	fake_write(root, FAKE_SYSFS "/cells/2/statistics/cpu3/vmexits_mmio", "7\n");
	fake_write(root, FAKE_SYSFS "/cells/2/statistics/cpu2/vmexits_mmio", "5\n");
	fake_stats_sum(root, 2);
	if (!tap_ok(!jh_cell_get_stats(c, &st), "statistics"))
		return;
	tap_eq(jh_stats_get_num_counters(st), 9, "9 counters");
	tap_ok(!strcmp(jh_stats_get_counter_name(st, 0), "vmexits_total") &&
	       !strcmp(jh_stats_get_counter_name(st, 1), "vmexits_hypercall") &&
	       jh_stats_get_counter_name(st, 9) == NULL,
	       "total first, then by name");
	tap_ok(jh_stats_get_num_cpus(st) == 2 && jh_stats_get_cpu(st, 0) == 2 &&
	       jh_stats_get_cpu(st, 1) == 3 && jh_stats_get_cpu(st, 2) == 0,
	       "per-CPU columns for CPUs 2 and 3");
	for (unsigned int i = 0; i < jh_stats_get_num_counters(st); i++)
		if (!strcmp(jh_stats_get_counter_name(st, i), "vmexits_mmio"))
			tap_ok(jh_stats_get_total(st, i) == 12 &&
			       jh_stats_get_cpu_value(st, 0, i) == 5 &&
			       jh_stats_get_cpu_value(st, 1, i) == 7 &&
			       jh_stats_get_cpu_value(st, 2, i) == 0,
			       "mmio: 5 + 7 = 12");
	tap_ok(jh_stats_get_total(st, 99) == 0, "out-of-range counter is 0");
	jh_stats_free(st);

	fake_rm_rf(root, FAKE_SYSFS "/cells/2/statistics");
	fails(jh_cell_get_stats(c, &st), -ENOENT, JH_ERR_NOT_SUPPORTED,
	      "statistics: No such file", "driver without statistics");
	jh_cell_unref(c);
}

static void test_destroy(void)
{
	struct jh_cell *c, *stale;
	struct jh_config *cfg;
	enum jh_cell_state st;

	jh_cell_lookup(ctx, "gic-demo", &c);
	jh_cell_lookup(ctx, "gic-demo", &stale);
	setenv("JH_FAKE_IOCTL_ERR", "CELL_DESTROY=EPERM", 1);
	fails(jh_cell_destroy(c), -EPERM, JH_ERR_REFUSED, "refused",
	      "destroy refused");
	unsetenv("JH_FAKE_IOCTL_ERR");
	tap_ok(!jh_cell_destroy(c), "destroy");
	tap_ok(!strcmp(sysfs("cells/0/cpus_assigned_list"), "0-1") &&
	       !strcmp(sysfs("cells/1/name"), "(missing)"),
	       "CPU 1 back in the root cell, cell 1 gone");
	fails(jh_cell_start(c), -ENOENT, JH_ERR_CELL_NOT_FOUND,
	      "cell 1 (gic-demo) was destroyed", "use after destroy");
	fails(jh_cell_get_state(stale, &st), -ENOENT, JH_ERR_CELL_NOT_FOUND,
	      "cell 1 (gic-demo) no longer exists", "state of a vanished cell");
	fails(jh_cell_start(stale), -ENOENT, JH_ERR_CELL_NOT_FOUND,
	      "the cell no longer exists", "start a vanished cell");
	fails(jh_cell_wait_state(stale, JH_CELL_RUNNING, 10), -ENOENT,
	      JH_ERR_CELL_NOT_FOUND, "no longer exists", "wait for a vanished cell");
	jh_cell_unref(c);

	/* a new cell with its ID: found by name, the old one still is gone */
	cfg = cell_config(fx_gic_demo, "other", 0);
	if (jh_cell_create(ctx, cfg, NULL))
		exit(99);
	jh_config_unref(cfg);
	tap_ok(!strcmp(sysfs("cells/1/name"), "other"), "another cell gets ID 1");
	fails(jh_cell_start(stale), -ENOENT, JH_ERR_CELL_NOT_FOUND,
	      "the cell no longer exists", "start a cell by name whose ID was reused");
	tap_ok(!strcmp(sysfs("cells/1/state"), "shut down"),
	       "the new cell with that ID was not started");

	tap_ok(!jh_disable(ctx) && !strcmp(sysfs("cells/2/name"), "(missing)"),
	       "disable destroys the remaining cells");
	fails(jh_cell_shutdown(stale), -EINVAL, JH_ERR_NOT_ENABLED,
	      "the hypervisor is not enabled", "shutdown after disable");
	jh_cell_unref(stale);
}

static void test_console(void)
{
	struct jh_console *con;
	char buf[512], *log;
	ssize_t n;

	fresh(0);
	fails(jh_console_open(ctx, 0x8, &con), -EINVAL, JH_ERR_INVALID_ARGUMENT,
	      "unknown console flags 0x8", "bad console flags");
	tap_ok(!jh_console_open(ctx, JH_CONSOLE_NONBLOCK, &con) &&
	       jh_console_get_fd(con) >= 0, "open console");
	fails((int)jh_console_read(con, buf, sizeof(buf)), -EAGAIN,
	      JH_ERR_NO_CONSOLE, "not enabled since the driver was loaded",
	      "read before any enable");
	enable();
	n = jh_console_read(con, buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = '\0';
	tap_ok(n > 0 && th_has(buf, "Initializing Jailhouse"), "read the log");
	tap_eq(jh_console_read(con, buf, sizeof(buf)), 0, "then nothing new");
	fake_append(root, FAKE_SYSFS "/console", "more\n");
	n = jh_console_read(con, buf, sizeof(buf));
	tap_ok(n == 5 && !memcmp(buf, "more\n", 5), "new text only");
	setenv("JH_FAKE_READ_ERR", "EPERM", 1);
	fails((int)jh_console_read(con, buf, sizeof(buf)), -EPERM,
	      JH_ERR_NO_CONSOLE, "VIRTUAL_DEBUG_CONSOLE", "console not permitted");
	setenv("JH_FAKE_READ_ERR", "EIO", 1);
	fails((int)jh_console_read(con, buf, sizeof(buf)), -EIO,
	      JH_ERR_SYSTEM, "Input/output error", "console read error");
	unsetenv("JH_FAKE_READ_ERR");
	jh_console_close(con);

	tap_ok(!jh_console_open(ctx, 0, &con), "open blocking console");
	n = jh_console_read(con, buf, sizeof(buf));
	setenv("JH_FAKE_BLOCK_MS", "30", 1);
	fails((int)jh_console_read(con, buf, sizeof(buf)), -EINTR, JH_ERR_SYSTEM,
	      "interrupted", "blocking read interrupted");
	unsetenv("JH_FAKE_BLOCK_MS");
	jh_console_close(con);
	jh_console_close(NULL);

	tap_ok(!jh_console_get_log(ctx, &log) && th_has(log, "Activating hypervisor") &&
	       th_has(log, "more\n"), "console log snapshot");
	free(log);

	setenv("JH_FAKE_OPEN_ERR", "EACCES", 1);
	fails(jh_console_open(ctx, 0, &con), -EACCES, JH_ERR_PERMISSION,
	      "root privileges", "console without permission");
	unsetenv("JH_FAKE_OPEN_ERR");
}

/* Create, load and start, or no cell left and the first cause kept */
static void test_boot(void)
{
	struct jh_config *cfg = cell_config(fx_gic_demo, "booted", 0);
	static const char raw[] = "inmate";
	struct jh_image_set *set;
	struct jh_cell *c;

	enable();
	jh_image_set_new(ctx, &set);
	jh_image_set_add_buffer(set, raw, sizeof(raw), 0);
	setenv("JH_FAKE_IOCTL_ERR", "CELL_LOAD=EADDRNOTAVAIL", 1);
	fails(jh_cell_boot(ctx, cfg, set, &c), -EADDRNOTAVAIL, JH_ERR_IMAGE,
	      "(the cell was destroyed again)", "boot: failed load undone");
	tap_ok(jh_cell_lookup(ctx, "booted", &c) == -ENOENT,
	       "boot: no cell left after the failed load");
	setenv("JH_FAKE_IOCTL_ERR", "CELL_START=EPERM,CELL_DESTROY=EBUSY", 1);
	fails(jh_cell_boot(ctx, cfg, set, NULL), -EPERM, JH_ERR_REFUSED,
	      "; and destroying the cell again failed: destroy cell 1 (booted)",
	      "boot: failed start and failed undo, both told");
	unsetenv("JH_FAKE_IOCTL_ERR");
	tap_ok(!jh_cell_lookup(ctx, "booted", &c) && !jh_cell_destroy(c),
	       "boot: the cell the undo could not destroy is there");
	jh_cell_unref(c);
	if (!tap_ok(!jh_cell_boot(ctx, cfg, set, &c) &&
		    !strcmp(jh_cell_get_name(c), "booted") &&
		    !strncmp(load_log(jh_cell_get_id(c)), "0x0 7 ", 6),
		    "boot: created, loaded and started"))
		printf("#   %s; load log %s\n", jh_ctx_last_error(ctx),
		       c ? load_log(jh_cell_get_id(c)) : "-");
	if (c) {
		jh_cell_destroy(c);
		jh_cell_unref(c);
	}
	jh_image_set_free(set);
	jh_config_unref(cfg);
	jh_disable(ctx);
}

int main(int argc, char **argv)
{
	th_init(argc, argv);
	test_ctx();
	test_no_driver();
	test_enable();
	test_create();
	test_lookup();
	test_images();
	test_elf_variants();
	test_run();
	test_stats();
	test_destroy();
	test_boot();
	test_console();
	test_check_warnings();
	jh_ctx_unref(ctx);
	th_cleanup();
	return tap_done();
}
