// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Fixtures for the loader tests; see testlib.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "testlib.h"

static void put_le(__u8 *p, __u64 val, int bytes)
{
	while (bytes--) {
		*p++ = val;
		val >>= 8;
	}
}

__u8 tl_pattern(size_t i)
{
	__u32 x = i * 2654435761U;

	return (x >> 13) ^ (i >> 7);
}

void *tl_image(size_t size, __u64 image_size, __u64 text_offset, __u64 flags)
{
	__u8 *img = malloc(size ? size : 1);
	size_t i;

	if (!img)
		abort();
	for (i = 0; i < size; i++)
		img[i] = tl_pattern(i);
	if (size < 64)
		return img;
	memset(img, 0, 64);
	put_le(img, 0x14000010, 4);		/* code0: b +0x40 */
	put_le(img + 8, text_offset, 8);
	put_le(img + 16, image_size, 8);
	put_le(img + 24, flags, 8);
	put_le(img + 56, 0x644d5241, 4);
	return img;
}

void *tl_gzip(const void *data, size_t len, size_t *out_len)
{
	return tl_gzip_level(data, len, 6, out_len);
}

void *tl_gzip_level(const void *data, size_t len, int level,
		    size_t *out_len)
{
	z_stream zs = { 0 };
	size_t cap = compressBound(len) + 64;
	__u8 *out = malloc(cap);

	if (!out || deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 8,
				 Z_DEFAULT_STRATEGY) != Z_OK)
		abort();
	zs.next_in = (Bytef *)data;
	zs.avail_in = len;
	zs.next_out = out;
	zs.avail_out = cap;
	if (deflate(&zs, Z_FINISH) != Z_STREAM_END)
		abort();
	*out_len = zs.total_out;
	deflateEnd(&zs);
	return out;
}

void tl_cell_init(struct tl_cell *cell, const char *name)
{
	memset(cell, 0, sizeof(*cell));
	memcpy(cell->desc.signature, JAILHOUSE_CELL_DESC_SIGNATURE,
	       JAILHOUSE_SIGNATURE_SIZE);
	cell->desc.architecture = JAILHOUSE_ARM64;
	cell->desc.revision = JAILHOUSE_CONFIG_REVISION;
	snprintf(cell->desc.name, sizeof(cell->desc.name), "%s", name);
	cell->desc.flags = JAILHOUSE_CELL_PASSIVE_COMMREG;
	cell->desc.cpu_set_size = sizeof(cell->cpus);
	cell->desc.num_irqchips = 1;
	cell->desc.console.address = 0x09000000;
	cell->desc.console.size = 0x1000;
	cell->desc.console.type = JAILHOUSE_CON_TYPE_PL011;
	cell->desc.console.flags = JAILHOUSE_CON_ACCESS_MMIO |
		JAILHOUSE_CON_REGDIST_4;
	cell->cpus = 0xc;
	cell->irqchips[0].address = 0x08000000;
	cell->irqchips[0].pin_base = 32;
	cell->irqchips[0].pin_bitmap[0] = 1 << 1;
	tl_cell_add_mem(cell, 0x09000000, 0x09000000, 0x1000, TL_UART_MEM);
	tl_cell_add_mem(cell, 0x7f900000, 0, 0x10000, TL_LOADER_MEM);
}

void tl_cell_add_mem(struct tl_cell *cell, __u64 phys, __u64 virt,
		     __u64 size, __u64 flags)
{
	struct jailhouse_memory *mem = &cell->mem[cell->desc.num_memory_regions++];

	mem->phys_start = phys;
	mem->virt_start = virt;
	mem->size = size;
	mem->flags = flags;
}

void *tl_cell_bytes(const struct tl_cell *cell, size_t *size)
{
	size_t mem = cell->desc.num_memory_regions * sizeof(cell->mem[0]);
	size_t chips = cell->desc.num_irqchips * sizeof(cell->irqchips[0]);
	__u8 *buf, *p;

	*size = sizeof(cell->desc) + sizeof(cell->cpus) + mem + chips;
	buf = p = malloc(*size);
	if (!buf)
		abort();
	memcpy(p, &cell->desc, sizeof(cell->desc));
	p += sizeof(cell->desc);
	memcpy(p, &cell->cpus, sizeof(cell->cpus));
	p += sizeof(cell->cpus);
	memcpy(p, cell->mem, mem);
	memcpy(p + mem, cell->irqchips, chips);
	return buf;
}

const void *tl_loader_bin(size_t *size)
{
	static __u8 bin[0x1800];
	size_t i;

	for (i = 0; i < sizeof(bin); i++)
		bin[i] = ~tl_pattern(i);
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
				 enum jhl_kind kind)
{
	unsigned int n;

	for (n = 0; n < jhl_plan_num_segments(plan); n++)
		if (jhl_plan_segment(plan, n)->kind == kind)
			return jhl_plan_segment(plan, n);
	return NULL;
}

bool tl_read_image(const struct jhl_plan *plan, enum jhl_kind kind,
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

void *tl_test_dtb(size_t *size)
{
	const char *srcdir = getenv("srcdir");
	char path[4096];

	snprintf(path, sizeof(path), "%s/tests/loader/inmate-qemu-arm64.dts",
		 srcdir ? srcdir : ".");
	return tl_dtc_file(path, size);
}
