// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Helpers of the loader tests; see testlib.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "testlib.h"

const void *tl_loader_bin(size_t *size)
{
	static __u8 bin[0x1800];
	size_t i;

	for (i = 0; i < sizeof(bin); i++)
		bin[i] = ~fx_pattern(i, FX_IMAGE_SEED);
	/* like the real one: an empty parameter area (.cmdline) */
	memset(bin + 0x1000, 0, TL_PARAMS_AREA);
	*size = sizeof(bin);
	return bin;
}

struct logged {
	enum jhl_log_level level;
	char *msg;
};

static struct logged logs[4096];
static unsigned int num_logs;

void tl_log(void *data, enum jhl_log_level level, const char *msg)
{
	(void)data;
	if (num_logs < ARRAY_SIZE(logs)) {
		logs[num_logs].level = level;
		logs[num_logs++].msg = strdup(msg);
	}
}

void tl_log_reset(void)
{
	while (num_logs)
		free(logs[--num_logs].msg);
}

bool tl_log_has_level(enum jhl_log_level level, const char *substr)
{
	unsigned int n;

	for (n = 0; n < num_logs; n++)
		if (logs[n].level == level && strstr(logs[n].msg, substr))
			return true;
	return false;
}

bool tl_log_has(const char *substr)
{
	unsigned int n;

	for (n = 0; n < num_logs; n++)
		if (strstr(logs[n].msg, substr))
			return true;
	return false;
}

void tl_log_dump(void)
{
	static const char *const names[] = { "error", "warning", "info" };
	unsigned int n;

	for (n = 0; n < num_logs; n++)
		printf("#   %s: %s\n", names[logs[n].level], logs[n].msg);
}

void tl_req_init(struct tl_req *r, const void *cell, size_t cell_size,
		 const void *kernel, size_t kernel_size)
{
	const void *loader;
	size_t loader_size;

	/* The loader takes configs the library parsed: fixtures must fit. */
	if (cell_size < sizeof(struct jailhouse_cell_desc) ||
	    jailhouse_cell_config_size(cell) > cell_size)
		abort();
	memset(r, 0, sizeof(*r));
	loader = tl_loader_bin(&loader_size);
	jhl_source_mem(&r->kernel, "Image", kernel, kernel_size);
	jhl_source_mem(&r->loader, "linux-loader.bin", loader, loader_size);
	r->req.cell = cell;
	r->req.kernel = &r->kernel;
	r->req.loader = &r->loader;
	r->req.log = tl_log;
	tl_log_reset();
}

void tl_req_dtb(struct tl_req *r, const void *dtb, size_t size)
{
	jhl_source_mem(&r->dtb, "cell.dtb", dtb, size);
	r->req.dtb = &r->dtb;
}

void tl_req_initrd(struct tl_req *r, const void *data, size_t size)
{
	jhl_source_mem(&r->initrd, "initrd", data, size);
	r->req.initrd = &r->initrd;
}

const struct jhl_segment *tl_seg(const struct jhl_plan *plan,
				 enum jh_linux_image kind)
{
	unsigned int n;

	for (n = 0; n < jhl_plan_num_segments(plan); n++)
		if (jhl_plan_segment(plan, n)->kind == kind)
			return jhl_plan_segment(plan, n);
	return NULL;
}

bool tl_read_image(const struct jhl_plan *plan, enum jh_linux_image kind,
		   void *buf, size_t len)
{
	size_t covered = 0;
	unsigned int n;

	for (n = 0; n < jhl_plan_num_segments(plan); n++) {
		const struct jhl_segment *seg = jhl_plan_segment(plan, n);

		if (seg->kind != kind)
			continue;
		if (seg->offset + seg->size > len ||
		    jhl_segment_read(seg, (__u8 *)buf + seg->offset,
				     seg->size, 0))
			return false;
		covered += seg->size;
	}
	return covered == len;
}

void tl_file_source(struct jhl_source *src, const char *name,
		    const void *data, size_t len, __u64 size)
{
	char path[] = "/tmp/jhl-src-XXXXXX";
	int fd = mkstemp(path);

	if (fd < 0 || write(fd, data, len) != (ssize_t)len ||
	    ftruncate(fd, size) || close(fd) || jhl_source_open(src, path))
		abort();
	unlink(path);
	src->name = name;
}

void tl_need_dtc(void)
{
	if (system("dtc --version >/dev/null 2>&1")) {
		printf("1..0 # SKIP dtc (device-tree-compiler) not installed\n");
		exit(0);
	}
}

void *tl_dtc_file(const char *path, size_t *size)
{
	char out[] = "/tmp/jhl-dtb-XXXXXX";
	char cmd[4200];
	void *buf;
	FILE *f;
	long len;
	int fd;

	fd = mkstemp(out);
	if (fd < 0)
		return NULL;
	close(fd);
	snprintf(cmd, sizeof(cmd), "dtc -q -I dts -O dtb -o %s %s 2>&1", out,
		 path);
	f = system(cmd) ? NULL : fopen(out, "rb");
	remove(out);
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	rewind(f);
	buf = malloc(len);
	if (!buf || fread(buf, 1, len, f) != (size_t)len)
		abort();
	fclose(f);
	*size = len;
	return buf;
}

void *tl_dtc(const char *dts, size_t *size)
{
	char src[] = "/tmp/jhl-dts-XXXXXX";
	void *buf;
	FILE *f;
	int fd;

	fd = mkstemp(src);
	if (fd < 0)
		return NULL;
	f = fdopen(fd, "w");
	fputs(dts, f);
	fclose(f);
	buf = tl_dtc_file(src, size);
	remove(src);
	return buf;
}

static char *read_text(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *text;
	long len;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	rewind(f);
	text = malloc(len + 1);
	if (!text || fread(text, 1, len, f) != (size_t)len)
		abort();
	text[len] = 0;
	fclose(f);
	return text;
}

char *tl_dts(const void *dtb, size_t size, char **warnings)
{
	char in[] = "/tmp/jhl-dtb-XXXXXX", out[] = "/tmp/jhl-dts-XXXXXX";
	char err[] = "/tmp/jhl-err-XXXXXX", cmd[256];
	char *text = NULL;
	int fds[3] = { mkstemp(in), mkstemp(out), mkstemp(err) };

	*warnings = NULL;
	if (fds[0] >= 0 && fds[1] >= 0 && fds[2] >= 0 &&
	    write(fds[0], dtb, size) == (ssize_t)size) {
		snprintf(cmd, sizeof(cmd), "dtc -I dtb -O dts -o %s %s 2>%s",
			 out, in, err);
		if (!system(cmd))
			text = read_text(out);
		*warnings = read_text(err);
	}
	close(fds[0]);
	close(fds[1]);
	close(fds[2]);
	remove(in);
	remove(out);
	remove(err);
	return text;
}

void *tl_test_dtb(size_t *size)
{
	const char *srcdir = getenv("srcdir");
	char path[4096];

	snprintf(path, sizeof(path), "%s/tests/loader/inmate-qemu-arm64.dts",
		 srcdir ? srcdir : ".");
	return tl_dtc_file(path, size);
}
