// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Fuzz target: a user's DTB and kernel command line through validation,
 * the check against the QEMU linux-demo cell, patching and the in-place
 * initrd fixup. Bytes after the DTB's own size are the command line.
 * Whatever is accepted must come out as a valid DTB whose bootargs are
 * that command line.
 */
#include <stdlib.h>
#include <string.h>
#include <libfdt.h>

#include "internal.h"
#include "fuzz.h"

#define RW	(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE)
#define RWX	(RW | JAILHOUSE_MEM_EXECUTE)

/* The linux-demo cell: CPUs 2-3, UART, loader region, RAM, comm region. */
static const struct {
	struct jailhouse_cell_desc desc;
	__u64 cpus;
	struct jailhouse_memory mem[4];
	struct jailhouse_irqchip irqchip;
} __attribute__((packed)) cell_config = {
	.desc = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.architecture = JAILHOUSE_ARM64,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.name = "fuzz",
		.cpu_set_size = 8,
		.num_memory_regions = 4,
		.num_irqchips = 1,
		.console = { .address = 0x09000000, .size = 0x1000,
			     .type = JAILHOUSE_CON_TYPE_PL011 },
	},
	.cpus = 0xc,
	.mem = {
		{ 0x09000000, 0x09000000, 0x1000, RW | JAILHOUSE_MEM_IO |
		  JAILHOUSE_MEM_ROOTSHARED },
		{ 0x7f900000, 0, 0x10000, RWX | JAILHOUSE_MEM_LOADABLE },
		{ 0x70000000, 0x70000000, 0x8000000, RWX | JAILHOUSE_MEM_DMA |
		  JAILHOUSE_MEM_LOADABLE },
		{ 0, 0x80000000, 0x1000, RW | JAILHOUSE_MEM_COMM_REGION },
	},
	.irqchip = { .address = 0x08000000, .pin_base = 32,
		     .pin_bitmap = { 2 } },
};

#define DEFAULT_CMDLINE	"console=ttyAMA0"

/*
 * Bytes past the DTB's totalsize, up to the first NUL and as many as a
 * plan accepts (plan.c refuses longer ones), are the command line.
 */
static const char *split_cmdline(const uint8_t *data, size_t *size,
				 char *buf)
{
	size_t dtb, n;

	if (*size < 8)
		return DEFAULT_CMDLINE;
	dtb = (size_t)data[4] << 24 | data[5] << 16 | data[6] << 8 | data[7];
	if (dtb >= *size)
		return DEFAULT_CMDLINE;
	n = strnlen((const char *)data + dtb, *size - dtb);
	if (n > JHL_CMDLINE_MAX - 1)
		n = JHL_CMDLINE_MAX - 1;
	memcpy(buf, data + dtb, n);
	buf[n] = '\0';
	*size = dtb;
	return buf;
}

/* The patched DTB's /chosen/bootargs is the command line given. */
static int bootargs_kept(const void *fdt, const char *cmdline)
{
	int node = fdt_path_offset(fdt, "/chosen"), len;
	const char *args;

	if (node < 0)
		return 0;
	args = fdt_getprop(fdt, node, "bootargs", &len);
	return args && len == (int)strlen(cmdline) + 1 &&
	       !memcmp(args, cmdline, len);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char cmdline_buf[JHL_CMDLINE_MAX];
	struct jhl_request req = {
		.cell = &cell_config.desc,
	};
	struct jhl_source src;
	struct jhl_cell cell;
	struct jhl_ctx ctx;
	void *in, *out;
	size_t in_size, out_size;
	const char *cmdline = split_cmdline(data, &size, cmdline_buf);

	jhl_ctx_init(&ctx, NULL);
	if (jhl_cell_from_request(&ctx, &req, &cell))
		__builtin_trap();
	jhl_source_mem(&src, "fuzz.dtb", data, size);
	if (jhl_dtb_read(&ctx, &src, &in, &in_size))
		goto out;
	if (!jhl_dtb_patch(&ctx, &cell, in, in_size, cmdline, true,
			   &out, &out_size)) {
		if (jhl_dtb_set_initrd(&ctx, out, 0x71000000, 0x71001000) ||
		    fdt_check_full(out, out_size) ||
		    !bootargs_kept(out, cmdline))
			__builtin_trap();
		free(out);
	}
	free(in);
out:
	jhl_ctx_release(&ctx);
	return 0;
}
