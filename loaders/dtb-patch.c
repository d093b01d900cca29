// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * A user's DTB (-d): read and validate it, then in a copy with room to
 * grow: check it against the cell and fit it (CPUs, unmapped devices, a
 * PCI host at the cell's ECAM that is not the cell's), drop what describes
 * the root's own boot, add the cell's virtual PCI host, write /memory and
 * /chosen.
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

/*
 * /chosen properties of the root's own boot, as in /sys/firmware/fdt of a
 * root started by EFI or kexec: the cell's Linux would take the root's
 * usable RAM range, EFI tables and memory map, or crash dump header.
 */
static const char *const stale_chosen[] = {
	"linux,usable-memory-range",
	"linux,uefi-system-table",
	"linux,uefi-mmap-start",
	"linux,uefi-mmap-size",
	"linux,uefi-mmap-desc-size",
	"linux,uefi-mmap-desc-ver",
	"linux,elfcorehdr",
	"linux,booted-from-kexec",
};

static int drop_stale_chosen(struct jhl_ctx *ctx, void *fdt)
{
	int node = fdt_path_offset(fdt, "/chosen"), err;
	char removed[256];
	size_t pos = 0;
	unsigned int n;

	if (node < 0)
		return 0;
	removed[0] = 0;
	for (n = 0; n < ARRAY_SIZE(stale_chosen); n++) {
		err = fdt_delprop(fdt, node, stale_chosen[n]);
		if (err == -FDT_ERR_NOTFOUND)
			continue;
		if (err)
			return jhl_fdt_fail(ctx, stale_chosen[n], err);
		pos += snprintf(removed + pos, sizeof(removed) - pos, "%s%s",
				pos ? ", " : "", stale_chosen[n]);
	}
	if (pos)
		jhl_info(ctx, "DTB: removed /chosen properties of the root's own boot (EFI, kexec) that would mislead the cell's Linux: %s",
			 removed);
	return 0;
}

static int edit(struct jhl_ctx *ctx, const struct jhl_cell *cell, void *fdt,
		const char *cmdline, bool initrd)
{
	const char *out;
	char path[256];
	int err;

	/*
	 * Memory nodes go first ("/chosen" would also find a "chosen@..."
	 * memory node); the PCI host and /chosen are added before the new
	 * memory node, so a second patch run gives the same bytes.
	 */
	out = stdout_path(ctx, fdt, cell, path, sizeof(path));
	err = jhl_dtb_drop_memory(ctx, fdt);
	if (!err)
		err = drop_stale_chosen(ctx, fdt);
	if (!err)
		err = jhl_dtb_put_vpci(ctx, fdt, cell);
	if (!err)
		err = jhl_dtb_put_chosen(ctx, fdt, cmdline, initrd, out);
	return err ? err : jhl_dtb_put_memory(ctx, fdt, cell);
}

static size_t count_nodes(const void *fdt)
{
	size_t count = 0;
	int node;

	for (node = fdt_next_node(fdt, -1, NULL); node >= 0;
	     node = fdt_next_node(fdt, node, NULL))
		count++;
	return count;
}

int jhl_dtb_patch(struct jhl_ctx *ctx, const struct jhl_cell *cell,
		  const void *in, size_t in_size, const char *cmdline,
		  bool initrd, void **out, size_t *out_size)
{
	/* any node may get status = "disabled": 24 bytes */
	size_t size = in_size + DTB_GROWTH + cell->num_mem * 16 +
		(cmdline ? strlen(cmdline) + 1 : 0) + 24 * count_nodes(in) +
		JHL_VPCI_DTB_ROOM;
	void *fdt;
	int err;

	fdt = malloc(size);
	if (!fdt)
		return -ENOMEM;
	err = fdt_open_into(in, fdt, size);
	if (err) {
		err = jhl_fdt_fail(ctx, "opening", err);
		goto err_free;
	}
	/* checks, and fits CPUs and devices to the cell */
	err = jhl_dtb_check(ctx, fdt, cell);
	if (!err)
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
