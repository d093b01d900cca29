/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Writing a flattened device tree into fixed buffers (fdt-write.c). A
 * step that does not fit marks the tree failed; finish then gives NULL.
 */
#ifndef _JHD_FDT_WRITE_H
#define _JHD_FDT_WRITE_H

#include <linux/types.h>

#define JHD_FDT_MAX		2048	/* per block: structure, strings */
#define JHD_FDT_MAX_CELLS	64	/* per property */

struct jhd_fdt {
	u8 structure[JHD_FDT_MAX];
	u8 strings[JHD_FDT_MAX];
	size_t struct_len;
	size_t strings_len;
	bool failed;
};

void jhd_fdt_begin_node(struct jhd_fdt *fdt, const char *name);
void jhd_fdt_end_node(struct jhd_fdt *fdt);
void jhd_fdt_prop(struct jhd_fdt *fdt, const char *name, const void *val,
		  size_t len);
void jhd_fdt_prop_str(struct jhd_fdt *fdt, const char *name, const char *val);
void jhd_fdt_prop_cells(struct jhd_fdt *fdt, const char *name,
			const u32 *cells, unsigned int num);
/* The blob (kfree() it) and its size; NULL if anything failed */
void *jhd_fdt_finish(struct jhd_fdt *fdt, size_t *size);

#endif /* !_JHD_FDT_WRITE_H */
