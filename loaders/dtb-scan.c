// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * A bounds-checked walk over a user's DTB before libfdt sees it. libfdt
 * 1.6.1 (Debian 12) loops forever on a property length that overflows its
 * offset arithmetic and dereferences NULL on some pre-v16 blobs; both
 * were found by fuzzing. Only the structure is checked here; libfdt's
 * fdt_check_full() does the rest.
 */
#include <string.h>

#include "internal.h"

#define FDT_HDR_SIZE	40
#define TAG_BEGIN_NODE	1
#define TAG_END_NODE	2
#define TAG_PROP	3
#define TAG_NOP		4
#define TAG_END		9

static __u32 be32(const __u8 *p)
{
	return (__u32)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3];
}

struct walk {
	const __u8 *p;
	__u64 off, end;		/* structure block */
	__u64 strings_size;
	unsigned int depth;
};

static bool skip_name(struct walk *w)
{
	const __u8 *nul = memchr(w->p + w->off, 0, w->end - w->off);

	if (!nul)
		return false;
	w->off = JHL_ALIGN_UP((__u64)(nul - w->p) + 1, 4);
	w->depth++;
	return w->off <= w->end;
}

static bool skip_prop(struct walk *w)
{
	__u64 len;

	if (w->end - w->off < 8)
		return false;
	len = be32(w->p + w->off);
	if (be32(w->p + w->off + 4) >= w->strings_size)
		return false;
	w->off += 8;
	if (len > w->end - w->off)
		return false;
	w->off = JHL_ALIGN_UP(w->off + len, 4);
	return w->off <= w->end;
}

/* One tag; 1: more follow, 0: FDT_END reached properly, -1: corrupt. */
static int step(struct walk *w)
{
	__u32 tag;

	if (w->end - w->off < 4)
		return -1;
	tag = be32(w->p + w->off);
	w->off += 4;
	switch (tag) {
	case TAG_BEGIN_NODE:
		return skip_name(w) ? 1 : -1;
	case TAG_END_NODE:
		return w->depth-- ? 1 : -1;
	case TAG_PROP:
		return skip_prop(w) ? 1 : -1;
	case TAG_NOP:
		return 1;
	case TAG_END:
		return w->depth ? -1 : 0;
	}
	return -1;
}

bool jhl_dtb_scan(const void *fdt, size_t size)
{
	struct walk w = { .p = fdt };
	__u64 total, strings;
	int ret;

	if (size < FDT_HDR_SIZE)
		return false;
	total = be32(w.p + 4);
	w.off = be32(w.p + 8);
	strings = be32(w.p + 12);
	if (total > size || w.off % 4 || w.off > total || strings > total ||
	    be32(w.p + 20) < 17)
		return false;
	/* v17: sizes in the header; the blocks must fit the blob */
	w.strings_size = be32(w.p + 32);
	w.end = w.off + be32(w.p + 36);
	if (strings + w.strings_size > total || w.end > total)
		return false;
	do {
		ret = step(&w);
	} while (ret > 0);
	return ret == 0;
}
