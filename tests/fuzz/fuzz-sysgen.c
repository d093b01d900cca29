// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Fuzz target of "config create" (jh_sysgen): the input is the board's
 * device tree, read with a fixed /proc/iomem (Linux in 0x40000000-
 * 0x6fffffff) and with none, for the system config and for a Linux
 * cell. Whatever it accepts must come out as C, JSON and a .cell that
 * the library's own config parser takes.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <libjailhouse.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char iomem[] =
	"09000000-09000fff : serial\n"
	"40000000-6fffffff : System RAM\n"
	"  40210000-4176ffff : Kernel code\n";

/* A memfd holding @len bytes of @buf; its /proc path in @path. */
static int memfd_with(const char *name, const void *buf, size_t len,
		      char *path, size_t path_size)
{
	int fd = memfd_create(name, MFD_CLOEXEC);

	if (fd < 0 || write(fd, buf, len) != (ssize_t)len)
		abort();
	snprintf(path, path_size, "/proc/self/fd/%d", fd);
	return fd;
}

static void generate(struct jh_ctx *ctx, const char *dtb, const char *mem,
		     bool cell, FILE *sink)
{
	struct jh_config *cfg;
	struct jh_sysgen *gen;

	if (jh_sysgen_new(ctx, &gen))
		abort();
	jh_sysgen_set_dtb_file(gen, dtb);
	jh_sysgen_set_iomem_file(gen, mem);
	jh_sysgen_set_vpci(gen, true);
	if (cell && jh_sysgen_set_cell(gen, "cell", JH_SYSGEN_LINUX, "1",
				       0x100000, JH_SYSGEN_ANY))
		abort();
	if (!jh_sysgen_run(gen)) {
		if (jh_sysgen_write(gen, JH_SYSGEN_C, sink) ||
		    jh_sysgen_write(gen, JH_SYSGEN_JSON, sink) ||
		    jh_sysgen_write(gen, JH_SYSGEN_CELL, sink))
			abort();
		/* what it makes, the library reads back */
		if (jh_sysgen_get_config(gen, &cfg))
			abort();
		jh_config_unref(cfg);
		if (cell && jh_sysgen_get_cell_config(gen, &cfg))
			abort();
		if (cell)
			jh_config_unref(cfg);
	}
	jh_sysgen_free(gen);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct jh_ctx *ctx;
	static FILE *sink;
	char dtb[64], mem[64];
	int dtb_fd, mem_fd;

	if (!ctx && (jh_ctx_new("/", &ctx) ||
		     !(sink = fopen("/dev/null", "w"))))
		abort();
	dtb_fd = memfd_with("dtb", data, size, dtb, sizeof(dtb));
	mem_fd = memfd_with("iomem", iomem, sizeof(iomem) - 1, mem,
			    sizeof(mem));
	generate(ctx, dtb, mem, false, sink);
	generate(ctx, dtb, "", false, sink);
	generate(ctx, dtb, mem, true, sink);
	close(dtb_fd);
	close(mem_fd);
	return 0;
}
