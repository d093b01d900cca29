// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * A user's DTB (-d): read and validate it, check it against the cell, then
 * write /memory and /chosen into a copy with room to grow.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <libfdt.h>

#include "internal.h"

/* New nodes, properties and their names; more than the edits need. */
#define DTB_GROWTH	8192

int jhl_dtb_read(struct jhl_ctx *ctx, const struct jhl_source *src,
		 void **out, size_t *size)
{
	void *buf;
	int err;

	if (src->size > JHL_DTB_MAX || src->size < sizeof(struct fdt_header)) {
		jhl_err(ctx, "%s: %llu bytes; a DTB for arm64 Linux has a header and at most 2 MiB",
			src->name, (unsigned long long)src->size);
		return -EINVAL;
	}
	buf = malloc(src->size);
	if (!buf)
		return -ENOMEM;
	err = jhl_source_read(src, buf, src->size, 0);
	if (err) {
		jhl_err(ctx, "%s: cannot read: %s", src->name, strerror(-err));
		goto err_free;
	}
	err = -EINVAL;
	if (fdt_magic(buf) != FDT_MAGIC) {
		const char *what = jhl_sniff_format(buf, src->size);

		jhl_err(ctx, "%s: not a device tree blob%s%s", src->name,
			what ? ": " : "", what ? what : "");
		goto err_free;
	}
	if (fdt_version(buf) < 17 || fdt_last_comp_version(buf) > 17) {
		jhl_err(ctx, "%s: device tree version %u (compatible with %u); version 17 is needed (dtc's output)",
			src->name, fdt_version(buf), fdt_last_comp_version(buf));
		err = -EINVAL;
		goto err_free;
	}
	err = jhl_dtb_scan(buf, src->size) ? fdt_check_full(buf, src->size)
					   : -FDT_ERR_BADSTRUCTURE;
	if (err) {
		jhl_err(ctx, "%s: corrupt device tree: %s", src->name,
			fdt_strerror(err));
		err = -EINVAL;
		goto err_free;
	}
	*out = buf;
	*size = src->size;
	return 0;

err_free:
	free(buf);
	return err;
}

static const char *stdout_path(struct jhl_ctx *ctx, const void *fdt,
			       const struct jhl_cell *cell, char *buf,
			       int len)
{
	int node;

	if (cell->console.type == JAILHOUSE_CON_TYPE_NONE)
		return NULL;
	node = jhl_dtb_find_uart(fdt, cell->console.address);
	if (node < 0 || fdt_get_path(fdt, node, buf, len)) {
		jhl_info(ctx, "DTB: no UART node at the cell's console address 0x%llx: stdout-path not set",
			 (unsigned long long)cell->console.address);
		return NULL;
	}
	return buf;
}

static int edit(struct jhl_ctx *ctx, const struct jhl_cell *cell, void *fdt,
		const char *cmdline, bool initrd)
{
	const char *out;
	char path[256];
	int err;

	/*
	 * Memory nodes go first ("/chosen" would also find a "chosen@..."
	 * memory node); /chosen is added before the new memory node, so a
	 * second patch run gives the same bytes.
	 */
	out = stdout_path(ctx, fdt, cell, path, sizeof(path));
	err = jhl_dtb_drop_memory(ctx, fdt);
	if (!err)
		err = jhl_dtb_put_chosen(ctx, fdt, cmdline, initrd, out);
	return err ? err : jhl_dtb_put_memory(ctx, fdt, cell);
}

int jhl_dtb_patch(struct jhl_ctx *ctx, const struct jhl_cell *cell,
		  const void *in, size_t in_size, const char *cmdline,
		  bool initrd, void **out, size_t *out_size)
{
	size_t size = in_size + DTB_GROWTH + cell->num_mem * 16 +
		(cmdline ? strlen(cmdline) + 1 : 0);
	void *fdt;
	int err;

	err = jhl_dtb_check(ctx, in, cell);
	if (err)
		return err;
	fdt = malloc(size);
	if (!fdt)
		return -ENOMEM;
	err = fdt_open_into(in, fdt, size);
	if (err) {
		err = jhl_fdt_fail(ctx, "opening", err);
		goto err_free;
	}
	err = edit(ctx, cell, fdt, cmdline, initrd);
	if (err)
		goto err_free;
	err = fdt_pack(fdt);
	if (err) {
		err = jhl_fdt_fail(ctx, "packing", err);
		goto err_free;
	}
	*out = fdt;
	*out_size = fdt_totalsize(fdt);
	return 0;

err_free:
	free(fdt);
	return err;
}
