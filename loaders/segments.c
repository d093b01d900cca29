// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The plan's list of loads. An image crossing from one region into a
 * guest-contiguous next one becomes one load per region, because the
 * driver accepts a load only inside a single region. The finished list is
 * checked once more: all in LOADABLE regions, nothing overlapping except
 * the parameters, which overwrite the loader's parameter area on purpose.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "plan.h"

static int loadable_region(const struct jhl_cell *cell, __u64 addr)
{
	unsigned int n;

	for (n = 0; n < cell->num_mem; n++) {
		const struct jailhouse_memory *mem = &cell->mem[n];

		if ((mem->flags & JAILHOUSE_MEM_LOADABLE) &&
		    addr >= mem->virt_start && addr - mem->virt_start < mem->size)
			return n;
	}
	return -1;
}

static int add(struct jhl_plan *plan, const struct jhl_segment *seg)
{
	struct jhl_segment *segs;

	segs = realloc(plan->segs, (plan->num_segs + 1) * sizeof(*segs));
	if (!segs)
		return -ENOMEM;
	segs[plan->num_segs++] = *seg;
	plan->segs = segs;
	return 0;
}

static int add_image(struct jhl_plan *plan, const struct jhl_cell *cell,
		     const struct jhl_segment *whole)
{
	struct jhl_segment seg;
	__u64 off = 0, room;
	int region, err;

	while (off < whole->size) {
		seg = *whole;
		seg.guest_addr = whole->guest_addr + off;
		region = loadable_region(cell, seg.guest_addr);
		if (region < 0) {
			jhl_err(&plan->ctx, "internal error: %s at 0x%llx is in no loadable region",
				jh_linux_image_name(seg.kind),
				(unsigned long long)seg.guest_addr);
			return -EFAULT;
		}
		room = cell->mem[region].virt_start + cell->mem[region].size -
			seg.guest_addr;
		seg.region = region;
		seg.offset = off;
		seg.size = whole->size - off < room ? whole->size - off : room;
		seg.reserved = seg.size;
		if (off + seg.size == whole->size)
			seg.reserved = whole->reserved - off < room ?
				whole->reserved - off : room;
		seg.data = whole->data ? (const __u8 *)whole->data + off : NULL;
		seg.src_off = whole->src_off + off;
		err = add(plan, &seg);
		if (err)
			return err;
		off += seg.size;
	}
	return 0;
}

static bool allowed_overlap(const struct jhl_segment *a,
			    const struct jhl_segment *b)
{
	return (a->kind == JH_LINUX_LOADER && b->kind == JH_LINUX_PARAMS) ||
		(a->kind == JH_LINUX_PARAMS && b->kind == JH_LINUX_LOADER);
}

static int verify(struct jhl_plan *plan)
{
	unsigned int i, j;

	for (i = 0; i < plan->num_segs; i++) {
		const struct jhl_segment *a = &plan->segs[i];

		for (j = i + 1; j < plan->num_segs; j++) {
			const struct jhl_segment *b = &plan->segs[j];

			if (a->guest_addr < b->guest_addr + b->reserved &&
			    b->guest_addr < a->guest_addr + a->reserved &&
			    !allowed_overlap(a, b)) {
				jhl_err(&plan->ctx, "internal error: %s and %s overlap",
					jh_linux_image_name(a->kind),
					jh_linux_image_name(b->kind));
				return -EFAULT;
			}
		}
	}
	return 0;
}

static int add_kernel_dtb_initrd(struct jhl_plan *plan,
				 const struct jhl_cell *cell)
{
	const struct jhl_plan_info *info = &plan->info;
	const struct jhl_source *ksrc = plan->kernel.src;
	struct jhl_segment seg = {
		.kind = JH_LINUX_KERNEL,
		.guest_addr = info->kernel_addr,
		.size = plan->kernel.size,
		.reserved = info->kernel_image_size,
		.data = plan->kernel.gz ? NULL : ksrc->data,
		.src = plan->kernel.gz ? NULL : ksrc,
		.gz = plan->kernel.gz,
	};
	int err;

	err = add_image(plan, cell, &seg);
	if (err)
		return err;
	seg = (struct jhl_segment){
		.kind = JH_LINUX_DTB,
		.guest_addr = info->dtb_addr,
		.size = plan->dtb_size,
		.reserved = JHL_ALIGN_UP(plan->dtb_size, JHL_PAGE_SIZE),
		.data = plan->dtb,
	};
	err = add_image(plan, cell, &seg);
	if (err || !plan->initrd_src)
		return err;
	seg = (struct jhl_segment){
		.kind = JH_LINUX_INITRD,
		.guest_addr = info->initrd_addr,
		.size = info->initrd_size,
		.reserved = JHL_ALIGN_UP(info->initrd_size, JHL_PAGE_SIZE),
		.data = plan->initrd_src->data,
		.src = plan->initrd_src->data ? NULL : plan->initrd_src,
	};
	return add_image(plan, cell, &seg);
}

int jhl_plan_build_segments(struct jhl_plan *plan, const struct jhl_cell *cell)
{
	struct jhl_segment seg = {
		.kind = JH_LINUX_LOADER,
		.guest_addr = cell->reset,
		.size = plan->loader_size,
		.reserved = plan->loader_reserved,
		.data = plan->loader,
	};
	int err;

	err = add_image(plan, cell, &seg);
	if (!err)
		err = add_kernel_dtb_initrd(plan, cell);
	if (err)
		return err;
	/* Last: it overwrites the loader's parameter area. */
	seg = (struct jhl_segment){
		.kind = JH_LINUX_PARAMS,
		.guest_addr = plan->info.params_addr,
		.size = strlen(plan->params) + 1,
		.reserved = strlen(plan->params) + 1,
		.data = plan->params,
	};
	err = add_image(plan, cell, &seg);
	return err ? err : verify(plan);
}

unsigned int jhl_plan_num_segments(const struct jhl_plan *plan)
{
	return plan->num_segs;
}

const struct jhl_segment *jhl_plan_segment(const struct jhl_plan *plan,
					   unsigned int idx)
{
	return idx < plan->num_segs ? &plan->segs[idx] : NULL;
}

int jhl_segment_read(const struct jhl_segment *seg, void *buf, size_t len,
		     __u64 off)
{
	if (off > seg->size || len > seg->size - off)
		return -EINVAL;
	if (seg->data) {
		memcpy(buf, (const __u8 *)seg->data + off, len);
		return 0;
	}
	if (seg->gz)
		return jhl_gunzip_read(seg->gz, buf, len, seg->src_off + off);
	return jhl_source_read(seg->src, buf, len, seg->src_off + off);
}

int jhl_plan_verify(const struct jhl_plan *plan)
{
	return plan->kernel.gz ? jhl_gunzip_verify(plan->kernel.gz) : 0;
}
