// SPDX-License-Identifier: GPL-2.0
/*
 * A small writer of flattened device trees (version 17): enough to build
 * the overlay that adds the virtual PCI host. The kernel's libfdt is not
 * exported to modules, and the tree is a few hundred bytes.
 */
#include <linux/slab.h>
#include <linux/string.h>

#include "fdt-write.h"

#define FDT_MAGIC		0xd00dfeed
#define FDT_BEGIN_NODE		1
#define FDT_END_NODE		2
#define FDT_PROP		3
#define FDT_END			9
#define FDT_HEADER_SIZE		40
#define FDT_RSVMAP_SIZE		16	/* the terminating entry only */

static void *room(struct jhd_fdt *fdt, bool strings, size_t len)
{
	size_t *used = strings ? &fdt->strings_len : &fdt->struct_len;
	u8 *buf = strings ? fdt->strings : fdt->structure;
	void *at;

	if (fdt->failed || *used + ALIGN(len, 4) > JHD_FDT_MAX) {
		fdt->failed = true;
		return NULL;
	}
	at = buf + *used;
	memset(at, 0, ALIGN(len, 4));
	*used += strings ? len : ALIGN(len, 4);
	return at;
}

static void put_token(struct jhd_fdt *fdt, u32 token)
{
	__be32 *at = room(fdt, false, 4);

	if (at)
		*at = cpu_to_be32(token);
}

void jhd_fdt_begin_node(struct jhd_fdt *fdt, const char *name)
{
	void *at;

	put_token(fdt, FDT_BEGIN_NODE);
	at = room(fdt, false, strlen(name) + 1);
	if (at)
		strcpy(at, name);
}

void jhd_fdt_end_node(struct jhd_fdt *fdt)
{
	put_token(fdt, FDT_END_NODE);
}

void jhd_fdt_prop(struct jhd_fdt *fdt, const char *name, const void *val,
		  size_t len)
{
	size_t nameoff = fdt->strings_len;
	char *str;
	__be32 *hdr;
	void *at;

	str = room(fdt, true, strlen(name) + 1);
	if (str)
		strcpy(str, name);
	put_token(fdt, FDT_PROP);
	hdr = room(fdt, false, 8);
	if (hdr) {
		hdr[0] = cpu_to_be32(len);
		hdr[1] = cpu_to_be32(nameoff);
	}
	at = len ? room(fdt, false, len) : NULL;
	if (at)
		memcpy(at, val, len);
}

void jhd_fdt_prop_str(struct jhd_fdt *fdt, const char *name, const char *val)
{
	jhd_fdt_prop(fdt, name, val, strlen(val) + 1);
}

void jhd_fdt_prop_cells(struct jhd_fdt *fdt, const char *name,
			const u32 *cells, unsigned int num)
{
	__be32 be[JHD_FDT_MAX_CELLS];
	unsigned int n;

	if (num > JHD_FDT_MAX_CELLS) {
		fdt->failed = true;
		return;
	}
	for (n = 0; n < num; n++)
		be[n] = cpu_to_be32(cells[n]);
	jhd_fdt_prop(fdt, name, be, num * sizeof(be[0]));
}

void *jhd_fdt_finish(struct jhd_fdt *fdt, size_t *size)
{
	size_t off_struct = FDT_HEADER_SIZE + FDT_RSVMAP_SIZE;
	size_t off_strings, total;
	__be32 *hdr;
	u8 *blob;

	put_token(fdt, FDT_END);
	if (fdt->failed)
		return NULL;
	off_strings = off_struct + fdt->struct_len;
	total = off_strings + fdt->strings_len;
	blob = kzalloc(total, GFP_KERNEL);
	if (!blob)
		return NULL;
	hdr = (__be32 *)blob;
	hdr[0] = cpu_to_be32(FDT_MAGIC);
	hdr[1] = cpu_to_be32(total);
	hdr[2] = cpu_to_be32(off_struct);
	hdr[3] = cpu_to_be32(off_strings);
	hdr[4] = cpu_to_be32(FDT_HEADER_SIZE);	/* reserve map */
	hdr[5] = cpu_to_be32(17);		/* version */
	hdr[6] = cpu_to_be32(16);		/* last compatible version */
	hdr[8] = cpu_to_be32(fdt->strings_len);
	hdr[9] = cpu_to_be32(fdt->struct_len);
	memcpy(blob + off_struct, fdt->structure, fdt->struct_len);
	memcpy(blob + off_strings, fdt->strings, fdt->strings_len);
	*size = total;
	return blob;
}
