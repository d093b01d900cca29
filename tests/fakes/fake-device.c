// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * LD_PRELOAD stand-in for the jailhouse driver (in the spirit of kmod's
 * testsuite traps). It answers open/ioctl/read/close on
 * "$JH_FAKE_ROOT/dev/jailhouse" and keeps every bit of state in the fake
 * sysfs tree below $JH_FAKE_ROOT, so state survives from one CLI process
 * to the next and tests can inspect or edit it with plain file access.
 *
 * Why a preload rather than a test back end inside the library: the
 * library and the CLI under test are the very binaries that get
 * installed, including their real open()/ioctl()/read() paths.
 *
 * CELL_LOAD also writes each image's bytes into the sparse file
 * .fake/cell-<id>.mem at its guest address and appends "ADDR SIZE" to
 * .fake/cell-<id>.loads, so tests can check what landed where.
 *
 * Scripting (environment):
 *   JH_FAKE_ROOT       the fake root directory (required to trap anything)
 *   JH_FAKE_OPEN_ERR   errno name that open() of the device fails with
 *   JH_FAKE_IOCTL_ERR  "NAME=ERRNO,..." with NAME one of ENABLE, DISABLE,
 *                      CELL_CREATE, CELL_LOAD, CELL_START, CELL_DESTROY;
 *                      "NAME@N=ERRNO" fails only the Nth such call of the
 *                      process (counted since the variable last changed);
 *                      ERRNO SIGINT, SIGTERM, SIGHUP or SIGQUIT: the call
 *                      raises that signal in the process, then succeeds
 *   JH_FAKE_REASON     what JAILHOUSE_GET_REASON answers (after any
 *                      command); unset: EINVAL, as upstream's driver
 *   JH_FAKE_READ_ERR   errno name that console reads fail with
 *   JH_FAKE_START_STATE  state string a started cell gets ("running")
 *   JH_FAKE_BLOCK_MS   how long a blocking console read waits for new
 *                      text before failing with EINTR (default 3000)
 */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <jailhouse/cell-config.h>
#include <jailhouse/config-rules.h>
#include <jailhouse/ioctl.h>

#include "fake-fs.h"
#include "ioctl-errnos.h"

#define MAX_FDS		64
#define MAX_CELLS	64
#define CONSOLE_MAX	65536

struct fake_fd {
	bool used;
	size_t cursor;
};

static struct fake_fd fake_fds[MAX_FDS];

/* Errno names scripts may use beyond those of the contract */
static const struct {
	const char *name;
	int value;
} errno_names[] = {
	{ "EIO", EIO }, { "EAGAIN", EAGAIN }, { "ENODEV", ENODEV },
	{ "ENOSYS", ENOSYS },
};

static void *next_fn(const char *name)
{
	return dlsym(RTLD_NEXT, name);
}

static int errno_by_name(const char *name, size_t len)
{
	char copy[32];
	size_t i;
	int err;

	if (len < sizeof(copy)) {
		memcpy(copy, name, len);
		copy[len] = '\0';
		err = jh_ioctl_errno_by_name(copy);
		if (err)
			return err;
	}
	for (i = 0; i < sizeof(errno_names) / sizeof(errno_names[0]); i++)
		if (strlen(errno_names[i].name) == len &&
		    !strncmp(errno_names[i].name, name, len))
			return errno_names[i].value;
	return EIO;
}

static int env_errno(const char *var)
{
	const char *v = getenv(var);

	return v && *v ? errno_by_name(v, strlen(v)) : 0;
}

/* in the order of enum jh_ioctl_req */
static const char *const ioctl_names[JH_REQ_COUNT] = {
	"ENABLE", "DISABLE", "CELL_CREATE", "CELL_LOAD", "CELL_START",
	"CELL_DESTROY",
};

#define NUM_IOCTLS	(sizeof(ioctl_names) / sizeof(ioctl_names[0]))

/* Calls of each ioctl since JH_FAKE_IOCTL_ERR last changed. */
static unsigned int ioctl_calls[NUM_IOCTLS];
static char ioctl_err_seen[512];

static void count_call(const char *script, unsigned int idx)
{
	if (strncmp(script, ioctl_err_seen, sizeof(ioctl_err_seen))) {
		memset(ioctl_calls, 0, sizeof(ioctl_calls));
		snprintf(ioctl_err_seen, sizeof(ioctl_err_seen), "%s", script);
	}
	ioctl_calls[idx]++;
}

/* Does the entry "NAME" or "NAME@N" (up to @end) name this call? */
static bool entry_matches(const char *p, const char *end, unsigned int idx)
{
	const char *name = ioctl_names[idx], *at;
	size_t len = strlen(name);

	at = memchr(p, '@', (size_t)(end - p));
	if ((size_t)((at ? at : end) - p) != len || strncmp(p, name, len))
		return false;
	return !at || strtoul(at + 1, NULL, 10) == ioctl_calls[idx];
}

/*
 * An errno to fail with, or a signal to send before succeeding: to the
 * process, as a terminal's Ctrl-C would, so that a thread which blocks
 * it (libjailhouse's loading thread) leaves it to one that handles it.
 */
static int scripted_action(const char *what, size_t len)
{
	static const struct { const char *name; int sig; } sigs[] = {
		{ "SIGINT", SIGINT }, { "SIGTERM", SIGTERM },
		{ "SIGHUP", SIGHUP }, { "SIGQUIT", SIGQUIT },
	};
	size_t i;

	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		if (strlen(sigs[i].name) == len &&
		    !strncmp(what, sigs[i].name, len)) {
			kill(getpid(), sigs[i].sig);
			return 0;
		}
	return errno_by_name(what, len);
}

/* Looks the call up in "NAME[@N]=ERRNO,NAME[@N]=ERRNO". */
static int scripted_ioctl_errno(unsigned int idx)
{
	const char *p = getenv("JH_FAKE_IOCTL_ERR");

	count_call(p ? p : "", idx);
	while (p && *p) {
		const char *eq = strchr(p, '='), *end;

		if (!eq)
			return 0;
		end = strchr(eq, ',');
		if (!end)
			end = eq + strlen(eq);
		if (entry_matches(p, eq, idx))
			return scripted_action(eq + 1, (size_t)(end - eq - 1));
		p = *end ? end + 1 : end;
	}
	return 0;
}

static const char *fake_root(void)
{
	return getenv("JH_FAKE_ROOT");
}

static bool is_device(const char *path)
{
	const char *root = fake_root();
	char dev[PATH_MAX];

	if (!root || !path)
		return false;
	snprintf(dev, sizeof(dev), "%s/dev/jailhouse", root);
	return !strcmp(path, dev);
}

static bool is_fake_fd(int fd)
{
	return fd >= 0 && fd < MAX_FDS && fake_fds[fd].used;
}

/* ---- state in the fake tree --------------------------------------- */

static bool enabled(const char *root)
{
	char buf[8];

	return fake_read(root, FAKE_SYSFS "/enabled", buf, sizeof(buf)) > 0 &&
	       buf[0] == '1';
}

static bool cell_exists(const char *root, int id)
{
	char rel[128];

	snprintf(rel, sizeof(rel), FAKE_SYSFS "/cells/%d", id);
	return fake_exists(root, rel);
}

static int cell_by_name(const char *root, const char *name)
{
	char rel[128], buf[64];
	int id;

	for (id = 0; id < MAX_CELLS; id++) {
		snprintf(rel, sizeof(rel), FAKE_SYSFS "/cells/%d/name", id);
		if (fake_read(root, rel, buf, sizeof(buf)) >= 0 &&
		    !strcmp(buf, name))
			return id;
	}
	return -1;
}

static int cell_attr(const char *root, int id, const char *attr,
		     const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static int cell_attr(const char *root, int id, const char *attr,
		     const char *fmt, ...)
{
	char rel[128], text[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	snprintf(rel, sizeof(rel), FAKE_SYSFS "/cells/%d/%s", id, attr);
	return fake_write(root, rel, "%s", text);
}

static uint64_t cell_cpus(const char *root, int id)
{
	char rel[128], buf[256];

	snprintf(rel, sizeof(rel), FAKE_SYSFS "/cells/%d/cpus_assigned_list", id);
	if (fake_read(root, rel, buf, sizeof(buf)) < 0)
		return 0;
	return fake_parse_cpus(buf);
}

static void set_cell_cpus(const char *root, int id, uint64_t mask)
{
	char list[256];

	fake_format_cpus(mask, list, sizeof(list));
	cell_attr(root, id, "cpus_assigned_list", "%s\n", list);
	cell_attr(root, id, "cpus_assigned", "%04llx\n", (unsigned long long)mask);
	cell_attr(root, id, "cpus_failed_list", "\n");
	cell_attr(root, id, "cpus_failed", "0000\n");
}

static void console_log(const char *root, const char *text)
{
	fake_append(root, FAKE_SYSFS "/console", text);
}

static void write_pools(const char *root, bool on)
{
	fake_write(root, FAKE_SYSFS "/mem_pool_size", "%d\n", on ? 1000 : 0);
	fake_write(root, FAKE_SYSFS "/mem_pool_used", "%d\n", on ? 120 : 0);
	fake_write(root, FAKE_SYSFS "/remap_pool_size", "%d\n", on ? 64 : 0);
	fake_write(root, FAKE_SYSFS "/remap_pool_used", "%d\n", on ? 3 : 0);
}

static uint64_t bitmap_mask(const struct jailhouse_cell_desc *desc)
{
	const uint8_t *bits = jailhouse_cell_cpu_set(desc);
	uint64_t mask = 0;
	unsigned int i;

	for (i = 0; i < desc->cpu_set_size && i < 8; i++)
		mask |= (uint64_t)bits[i] << (8 * i);
	return mask;
}

/* Moves the statistics directories of @mask from one cell to another. */
static void move_cpus(const char *root, int from, int to, uint64_t mask)
{
	char a[128], b[128];
	unsigned int cpu;

	snprintf(b, sizeof(b), FAKE_SYSFS "/cells/%d/statistics", to);
	fake_mkdir(root, b);
	for (cpu = 0; cpu < 64; cpu++) {
		if (!(mask & (1ULL << cpu)))
			continue;
		snprintf(a, sizeof(a), FAKE_SYSFS "/cells/%d/statistics/cpu%u",
			 from, cpu);
		/* Counters restart when a CPU changes cells. */
		fake_rm_rf(root, a);
		fake_stats_cpu(root, to, cpu);
	}
	fake_stats_sum(root, from);
	fake_stats_sum(root, to);
}

/* ---- ioctls ------------------------------------------------------- */

static int write_bytes(const char *root, const char *rel, const void *data,
		       size_t size)
{
	char path[PATH_MAX];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	f = fopen(path, "wb");
	if (!f)
		return EIO;
	fwrite(data, 1, size, f);
	return fclose(f) ? EIO : 0;
}


/* The driver's answers to a header that breaks the rule (ERRORS.md) */
static int header_errno(enum jailhouse_header_fault fault)
{
	switch (fault) {
	case JAILHOUSE_HEADER_SIGNATURE:
		return EINVAL;
	case JAILHOUSE_HEADER_REVISION:
		return EPROTO;
	case JAILHOUSE_HEADER_ARCH:
		return EOPNOTSUPP;
	default:
		return 0;
	}
}

static int do_enable(const char *root, const struct jailhouse_system *sys)
{
	uint64_t mask;
	unsigned int cpu;
	char line[128];
	int err;

	if (enabled(root))
		return EBUSY;
	err = header_errno(jailhouse_system_header_fault(sys));
	if (err)
		return err;
	mask = bitmap_mask(&sys->root_cell);
	if (!mask)
		return EINVAL;

	fake_mkdir(root, FAKE_SYSFS "/cells/0/statistics");
	if (write_bytes(root, FAKE_SYSFS "/cells/0/config", sys,
			jailhouse_system_config_size(sys)))
		return EIO;
	cell_attr(root, 0, "name", "%s\n", sys->root_cell.name);
	cell_attr(root, 0, "state", "running\n");
	set_cell_cpus(root, 0, mask);
	for (cpu = 0; cpu < 64; cpu++)
		if (mask & (1ULL << cpu))
			fake_stats_cpu(root, 0, cpu);
	fake_stats_sum(root, 0);
	write_pools(root, true);
	fake_write(root, FAKE_SYSFS "/enabled", "1\n");

	console_log(root, "\nInitializing Jailhouse hypervisor (fake) on CPU 0\n");
	snprintf(line, sizeof(line), "Activating hypervisor for '%s'\n",
		 sys->root_cell.name);
	console_log(root, line);
	return 0;
}

/* The files a cell leaves in .fake/: config, loads, memory. */
static void forget_cell(const char *root, int id)
{
	static const char *const ext[] = { "cell", "load", "loads", "mem" };
	char rel[64];
	unsigned int i;

	for (i = 0; i < sizeof(ext) / sizeof(ext[0]); i++) {
		snprintf(rel, sizeof(rel), ".fake/cell-%d.%s", id, ext[i]);
		fake_rm_rf(root, rel);
	}
}

static int do_disable(const char *root)
{
	int id;

	if (!enabled(root))
		return EINVAL;
	for (id = 1; id < MAX_CELLS; id++) {
		char rel[128];

		snprintf(rel, sizeof(rel), FAKE_SYSFS "/cells/%d", id);
		fake_rm_rf(root, rel);
		forget_cell(root, id);
	}
	fake_rm_rf(root, FAKE_SYSFS "/cells/0");
	write_pools(root, false);
	fake_write(root, FAKE_SYSFS "/enabled", "0\n");
	console_log(root, "Shutting down hypervisor\n");
	return 0;
}

/* The config, kept as the driver keeps it: also in the cell's sysfs */
static int save_config(const char *root, int id, const void *data, size_t size)
{
	char rel[128];

	fake_mkdir(root, ".fake");
	snprintf(rel, sizeof(rel), ".fake/cell-%d.cell", id);
	if (write_bytes(root, rel, data, size))
		return EIO;
	snprintf(rel, sizeof(rel), FAKE_SYSFS "/cells/%d", id);
	fake_mkdir(root, rel);
	snprintf(rel, sizeof(rel), FAKE_SYSFS "/cells/%d/config", id);
	return write_bytes(root, rel, data, size);
}

static int do_create(const char *root, const struct jailhouse_cell_create *arg)
{
	const struct jailhouse_cell_desc *desc =
		(const void *)(uintptr_t)arg->config_address;
	uint64_t mask, root_mask;
	char rel[128];
	int id, err;

	if (!enabled(root))
		return EINVAL;
	if (arg->config_size < sizeof(*desc))
		return EINVAL;
	err = header_errno(jailhouse_cell_header_fault(desc));
	if (err)
		return err;
	if (cell_by_name(root, desc->name) >= 0)
		return EEXIST;
	mask = bitmap_mask(desc);
	root_mask = cell_cpus(root, 0);
	if (!mask || (mask & ~root_mask))
		return EBUSY;
	for (id = 1; id < MAX_CELLS && cell_exists(root, id); id++)
		;
	if (id == MAX_CELLS)
		return ENOMEM;

	forget_cell(root, id);
	if (save_config(root, id, desc, arg->config_size))
		return EIO;
	snprintf(rel, sizeof(rel), FAKE_SYSFS "/cells/%d/statistics", id);
	fake_mkdir(root, rel);
	cell_attr(root, id, "name", "%s\n", desc->name);
	cell_attr(root, id, "state", "shut down\n");
	set_cell_cpus(root, id, mask);
	set_cell_cpus(root, 0, root_mask & ~mask);
	move_cpus(root, 0, id, mask);
	return 0;
}

static int lookup(const char *root, const struct jailhouse_cell_id *cid,
		  int *id)
{
	char name[JAILHOUSE_CELL_ID_NAMELEN + 1];

	if (!enabled(root))
		return EINVAL;
	if (cid->id >= 0) {
		*id = cid->id;
		return cell_exists(root, cid->id) ? 0 : ENOENT;
	}
	if (cid->id != JAILHOUSE_CELL_ID_UNUSED)
		return ENOENT;
	memcpy(name, cid->name, sizeof(name));
	name[sizeof(name) - 1] = '\0';
	*id = cell_by_name(root, name);
	return *id < 0 ? ENOENT : 0;
}

static void *load_config(const char *root, int id, size_t *size)
{
	char rel[64], path[PATH_MAX];
	struct stat st;
	void *buf;
	FILE *f;

	snprintf(rel, sizeof(rel), ".fake/cell-%d.cell", id);
	snprintf(path, sizeof(path), "%s/%s", root, rel);
	if (stat(path, &st))
		return NULL;
	f = fopen(path, "rb");
	if (!f)
		return NULL;
	buf = malloc((size_t)st.st_size + 1);
	if (buf)
		*size = fread(buf, 1, (size_t)st.st_size, f);
	fclose(f);
	return buf;
}

/* Like the driver: the first region containing the target must hold it all. */
static int check_image(const struct jailhouse_cell_desc *desc,
		       const struct jailhouse_preload_image *img)
{
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(desc);
	uint64_t need = JAILHOUSE_MEM_WRITE | JAILHOUSE_MEM_LOADABLE;
	unsigned int i;

	for (i = 0; i < desc->num_memory_regions; i++) {
		if (img->target_address < mem[i].virt_start ||
		    img->target_address >= mem[i].virt_start + mem[i].size)
			continue;
		if (img->target_address + img->size >
		    mem[i].virt_start + mem[i].size ||
		    (mem[i].flags & need) != need)
			return EINVAL;
		return 0;
	}
	return EINVAL;
}

static void log_image(FILE *log, const struct jailhouse_preload_image *img)
{
	const uint8_t *data = (const void *)(uintptr_t)img->source_address;
	uint64_t i;

	fprintf(log, "0x%llx %llu ", (unsigned long long)img->target_address,
		(unsigned long long)img->size);
	for (i = 0; i < img->size && i < 16; i++)
		fprintf(log, "%02x", data[i]);
	fputc('\n', log);
}

/* The cell's memory as a sparse file: byte A is guest address A. */
static int store_image(const char *root, int id, FILE *loads,
		       const struct jailhouse_preload_image *img)
{
	const void *data = (const void *)(uintptr_t)img->source_address;
	char path[PATH_MAX];
	ssize_t n;
	int fd;

	fprintf(loads, "0x%llx %llu\n", (unsigned long long)img->target_address,
		(unsigned long long)img->size);
	snprintf(path, sizeof(path), "%s/.fake/cell-%d.mem", root, id);
	fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
	if (fd < 0)
		return EIO;
	n = pwrite(fd, data, img->size, (off_t)img->target_address);
	close(fd);
	return n == (ssize_t)img->size ? 0 : EIO;
}

/* Like the driver: every image is checked before anything is written. */
static int do_load(const char *root, const struct jailhouse_cell_load *arg)
{
	const struct jailhouse_cell_desc *desc;
	char path[PATH_MAX];
	FILE *log, *loads;
	size_t size = 0;
	unsigned int i;
	int id, err;

	err = lookup(root, &arg->cell_id, &id);
	if (err)
		return err;
	if (id == 0)
		return EINVAL;
	desc = load_config(root, id, &size);
	if (!desc)
		return EIO;
	for (i = 0; !err && i < arg->num_preload_images; i++)
		if (arg->image[i].size)
			err = check_image(desc, &arg->image[i]);
	free((void *)desc);
	if (err)
		return err;
	cell_attr(root, id, "state", "shut down\n");

	snprintf(path, sizeof(path), "%s/.fake/cell-%d.load", root, id);
	log = fopen(path, "w");
	snprintf(path, sizeof(path), "%s/.fake/cell-%d.loads", root, id);
	loads = fopen(path, "a");
	err = log && loads ? 0 : EIO;
	for (i = 0; !err && i < arg->num_preload_images; i++) {
		if (!arg->image[i].size)
			continue;
		log_image(log, &arg->image[i]);
		err = store_image(root, id, loads, &arg->image[i]);
	}
	if (log)
		fclose(log);
	if (loads)
		fclose(loads);
	return err;
}

static int do_start(const char *root, const struct jailhouse_cell_id *cid)
{
	const char *state = getenv("JH_FAKE_START_STATE");
	int id, err;

	err = lookup(root, cid, &id);
	if (err)
		return err;
	if (id == 0)
		return EINVAL;
	cell_attr(root, id, "state", "%s\n", state && *state ? state : "running");
	return 0;
}

static int do_destroy(const char *root, const struct jailhouse_cell_id *cid)
{
	char rel[128];
	uint64_t mask;
	int id, err;

	err = lookup(root, cid, &id);
	if (err)
		return err;
	if (id == 0)
		return EINVAL;
	mask = cell_cpus(root, id);
	set_cell_cpus(root, 0, cell_cpus(root, 0) | mask);
	move_cpus(root, id, 0, mask);
	snprintf(rel, sizeof(rel), FAKE_SYSFS "/cells/%d", id);
	fake_rm_rf(root, rel);
	forget_cell(root, id);
	return 0;
}

static int get_reason(struct jailhouse_reason *r)
{
	const char *text = getenv("JH_FAKE_REASON");

	if (!text)
		return EINVAL;
	memset(r, 0, sizeof(*r));
	strncpy(r->text, text, sizeof(r->text) - 1);
	return 0;
}

/*
 * What the fake decides itself must be in the driver's contract
 * (libjailhouse/ioctl-errnos.c); scripted errnos may be anything.
 */
static int contracted(enum jh_ioctl_req req, int err)
{
	if (err && !jh_ioctl_errno_find(req, err)) {
		fprintf(stderr, "fake driver: %s answered errno %d, which the contract does not have\n",
			ioctl_names[req], err);
		abort();
	}
	return err;
}

static int dispatch(unsigned long req, void *arg)
{
	const char *root = fake_root();

	switch (req) {
	case JAILHOUSE_ENABLE:
		return scripted_ioctl_errno(JH_REQ_ENABLE) ?:
		       contracted(JH_REQ_ENABLE, do_enable(root, arg));
	case JAILHOUSE_DISABLE:
		return scripted_ioctl_errno(JH_REQ_DISABLE) ?:
		       contracted(JH_REQ_DISABLE, do_disable(root));
	case JAILHOUSE_CELL_CREATE:
		return scripted_ioctl_errno(JH_REQ_CREATE) ?:
		       contracted(JH_REQ_CREATE, do_create(root, arg));
	case JAILHOUSE_CELL_LOAD:
		return scripted_ioctl_errno(JH_REQ_LOAD) ?:
		       contracted(JH_REQ_LOAD, do_load(root, arg));
	case JAILHOUSE_CELL_START:
		return scripted_ioctl_errno(JH_REQ_START) ?:
		       contracted(JH_REQ_START, do_start(root, arg));
	case JAILHOUSE_CELL_DESTROY:
		return scripted_ioctl_errno(JH_REQ_DESTROY) ?:
		       contracted(JH_REQ_DESTROY, do_destroy(root, arg));
	case JAILHOUSE_GET_REASON:
		return get_reason(arg);
	default:
		return EINVAL;
	}
}

/* ---- console ------------------------------------------------------ */

static ssize_t console_chunk(const char *root, struct fake_fd *f, void *buf,
			     size_t size)
{
	static char text[CONSOLE_MAX];
	size_t avail;
	int len;

	len = fake_read_raw(root, FAKE_SYSFS "/console", text, sizeof(text));
	if (len < 0 || f->cursor >= (size_t)len)
		return 0;
	avail = (size_t)len - f->cursor;
	if (avail > size)
		avail = size;
	memcpy(buf, text + f->cursor, avail);
	f->cursor += avail;
	return (ssize_t)avail;
}

static ssize_t console_read(int fd, void *buf, size_t size)
{
	const char *root = fake_root();
	const char *ms = getenv("JH_FAKE_BLOCK_MS");
	int (*real_fcntl)(int, int, ...) = next_fn("fcntl");
	long waited = 0, limit = ms ? atol(ms) : 3000;
	struct timespec pause = { 0, 10 * 1000000L };
	ssize_t n;
	int err;

	err = env_errno("JH_FAKE_READ_ERR");
	if (err) {
		errno = err;
		return -1;
	}
	for (;;) {
		n = console_chunk(root, &fake_fds[fd], buf, size);
		if (n)
			return n;
		if (real_fcntl(fd, F_GETFL) & O_NONBLOCK) {
			char buf1[4];

			if (!enabled(root) &&
			    fake_read(root, FAKE_SYSFS "/console", buf1,
				      sizeof(buf1)) <= 0) {
				errno = EAGAIN;
				return -1;
			}
			return 0;
		}
		if (waited >= limit) {
			errno = EINTR;
			return -1;
		}
		nanosleep(&pause, NULL);
		waited += 10;
	}
}

/* ---- the trapped libc functions ----------------------------------- */

static int fake_open(const char *path, int flags, mode_t mode,
		     int (*real)(const char *, int, ...))
{
	int err = env_errno("JH_FAKE_OPEN_ERR");
	int fd;

	if (err) {
		errno = err;
		return -1;
	}
	/* The placeholder file stands for the node: no file, no device. */
	fd = real(path, flags, mode);
	if (fd < 0)
		return fd;
	if (fd >= MAX_FDS) {
		close(fd);
		errno = EMFILE;
		return -1;
	}
	fake_fds[fd].used = true;
	fake_fds[fd].cursor = 0;
	return fd;
}

static mode_t open_mode(int flags, va_list ap)
{
	if (flags & (O_CREAT | __O_TMPFILE))
		return (mode_t)va_arg(ap, int);
	return 0;
}

#define DEFINE_OPEN(fn)							\
int fn(const char *path, int flags, ...)				\
{									\
	int (*real)(const char *, int, ...) = next_fn(#fn);		\
	va_list ap;							\
	mode_t mode;							\
									\
	va_start(ap, flags);						\
	mode = open_mode(flags, ap);					\
	va_end(ap);							\
	if (is_device(path))						\
		return fake_open(path, flags, mode, real);		\
	return real(path, flags, mode);					\
}

DEFINE_OPEN(open)
DEFINE_OPEN(open64)

#define DEFINE_OPENAT(fn)						\
int fn(int dirfd, const char *path, int flags, ...)			\
{									\
	int (*real)(int, const char *, int, ...) = next_fn(#fn);	\
	int (*real_open)(const char *, int, ...) = next_fn("open");	\
	va_list ap;							\
	mode_t mode;							\
									\
	va_start(ap, flags);						\
	mode = open_mode(flags, ap);					\
	va_end(ap);							\
	if (is_device(path))						\
		return fake_open(path, flags, mode, real_open);		\
	return real(dirfd, path, flags, mode);				\
}

DEFINE_OPENAT(openat)
DEFINE_OPENAT(openat64)

int __open_2(const char *path, int flags);
int __open_2(const char *path, int flags)
{
	return open(path, flags);
}

int __open64_2(const char *path, int flags);
int __open64_2(const char *path, int flags)
{
	return open(path, flags);
}

int close(int fd)
{
	int (*real)(int) = next_fn("close");

	if (fd >= 0 && fd < MAX_FDS)
		fake_fds[fd].used = false;
	return real(fd);
}

ssize_t read(int fd, void *buf, size_t size)
{
	ssize_t (*real)(int, void *, size_t) = next_fn("read");

	if (is_fake_fd(fd))
		return console_read(fd, buf, size);
	return real(fd, buf, size);
}

ssize_t __read_chk(int fd, void *buf, size_t size, size_t buflen);
ssize_t __read_chk(int fd, void *buf, size_t size, size_t buflen)
{
	(void)buflen;
	return read(fd, buf, size);
}

int ioctl(int fd, unsigned long req, ...)
{
	int (*real)(int, unsigned long, ...) = next_fn("ioctl");
	va_list ap;
	void *arg;
	int err;

	va_start(ap, req);
	arg = va_arg(ap, void *);
	va_end(ap);
	if (!is_fake_fd(fd))
		return real(fd, req, arg);
	err = dispatch(req, arg);
	if (err) {
		errno = err;
		return -1;
	}
	return 0;
}
