// SPDX-License-Identifier: GPL-2.0
/*
 * JAILHOUSE_CELL_LOAD: stop the cell (the hypervisor maps its loadable
 * memory back into root), then copy each image into the cell's memory
 * through a mapping of its own and clean it to the point of coherency,
 * as the cell starts with caches off. Every image is checked before the
 * cell is touched: it must lie inside one writable, loadable region that
 * is none of Linux's System RAM.
 * With no images this is "cell shutdown".
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cpu.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/kernel.h>
#include <linux/minmax.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <asm/cacheflush.h>

#include <jailhouse/hvc.h>
#include <jailhouse/ioctl.h>

#include "driver.h"

/* Far more than any loader needs; a bigger count is garbage. */
#define JHD_LOAD_MAX_IMAGES	1024
#define JHD_LOAD_CHUNK		SZ_1M

/* The first region holding the target, as upstream picks it. */
static const struct jailhouse_memory *
jhd_image_region(const struct jhd_cell *cell, u64 target, unsigned int *index)
{
	const struct jailhouse_memory *mem =
		jailhouse_cell_mem_regions(cell->config);
	unsigned int n;

	for (n = 0; n < cell->config->num_memory_regions; n++, mem++) {
		if (target >= mem->virt_start &&
		    target - mem->virt_start < mem->size) {
			*index = n;
			return mem;
		}
	}
	return NULL;
}

static int jhd_image_check(const struct jhd_cell *cell, unsigned int i,
			  const struct jailhouse_preload_image *img,
			  const struct jailhouse_memory **region)
{
	const struct jailhouse_memory *mem;
	u64 room, need = img->size;
	phys_addr_t phys;
	unsigned int n;

	mem = jhd_image_region(cell, img->target_address, &n);
	if (!mem) {
		jhd_refuse("load", "image %u (%#llx bytes at %#llx) is outside the memory of cell \"%s\"\n",
			   i, need, img->target_address, cell->name);
		return -EADDRNOTAVAIL;
	}
	if ((mem->flags & (JAILHOUSE_MEM_LOADABLE | JAILHOUSE_MEM_WRITE)) !=
	    (JAILHOUSE_MEM_LOADABLE | JAILHOUSE_MEM_WRITE) ||
	    (mem->flags & JAILHOUSE_MEM_COMM_REGION)) {
		jhd_refuse("load", "image %u at %#llx: region %u (%#llx-%#llx, flags %#llx) of cell \"%s\" is not writable and loadable\n",
			   i, img->target_address, n, mem->virt_start,
			   mem->virt_start + mem->size - 1, mem->flags, cell->name);
		return -EACCES;
	}
	room = mem->size - (img->target_address - mem->virt_start);
	if (need > room) {
		jhd_refuse("load", "image %u (%#llx bytes at %#llx) overruns region %u (%#llx-%#llx) of cell \"%s\" by %#llx bytes\n",
			   i, need, img->target_address, n, mem->virt_start,
			   mem->virt_start + mem->size - 1, cell->name,
			   need - room);
		return -EFBIG;
	}
	/*
	 * Create refused loadable regions in System RAM; should Linux have
	 * gained RAM there since (hotplug), writing would still corrupt it.
	 */
	phys = mem->phys_start + (img->target_address - mem->virt_start);
	if (region_intersects(phys, need, IORESOURCE_SYSTEM_RAM,
			      IORES_DESC_NONE) != REGION_DISJOINT) {
		jhd_refuse("load", "image %u (%#llx bytes at %#llx) would overwrite Linux's System RAM at %pa in region %u of cell \"%s\"\n",
			   i, need, img->target_address, &phys, n, cell->name);
		return -EADDRINUSE;
	}
	*region = mem;
	return 0;
}

static int jhd_image_copy(const struct jhd_cell *cell, unsigned int i,
			 const struct jailhouse_preload_image *img,
			 const struct jailhouse_memory *mem)
{
	phys_addr_t phys = mem->phys_start +
			   (img->target_address - mem->virt_start);
	const u8 __user *src = u64_to_user_ptr(img->source_address);
	size_t done, chunk;
	int err = 0;
	u8 *dst;

	/* not System RAM (checked above), so a mapping of our own */
	dst = memremap(phys, img->size, MEMREMAP_WB);
	if (!dst) {
		jhd_refuse("load", "cannot map %#llx bytes at %pa for image %u\n",
			   img->size, &phys, i);
		return -ENOMEM;
	}
	for (done = 0; done < img->size; done += chunk) {
		chunk = min_t(u64, img->size - done, JHD_LOAD_CHUNK);
		if (copy_from_user(dst + done, src + done, chunk)) {
			jhd_refuse("load", "cannot read image %u from user memory\n",
				   i);
			err = -EFAULT;
			break;
		}
		if (done + chunk < img->size && fatal_signal_pending(current)) {
			err = -EINTR;
			break;
		}
		cond_resched();
	}
	/*
	 * The cell starts with its caches off: memory must hold it all. The
	 * whole range, also after a failure: a partly written chunk left
	 * dirty could be written back later over what the cell wrote. Then
	 * no CPU may keep instructions of what was here before: one
	 * broadcast invalidation of all instruction caches costs less than
	 * a second pass over the image line by line.
	 */
	jhd_dcache_clean_inval_poc(dst, img->size);
	icache_inval_all_pou();
	memunmap(dst);
	return err;
}

static int jhd_images_fetch(const struct jailhouse_cell_load __user *uload,
			   struct jailhouse_preload_image **images, u32 *num)
{
	if (get_user(*num, &uload->num_preload_images))
		return -EFAULT;
	if (*num > JHD_LOAD_MAX_IMAGES) {
		jhd_refuse("load", "%u images, limit %u\n", *num, JHD_LOAD_MAX_IMAGES);
		return -E2BIG;
	}
	*images = NULL;
	if (!*num)
		return 0;
	*images = memdup_user(uload->image, *num * sizeof(**images));
	if (IS_ERR(*images)) {
		int err = PTR_ERR(*images);

		*images = NULL;
		return err;
	}
	return 0;
}

int jhd_cmd_cell_load(const void __user *arg)
{
	const struct jailhouse_cell_load __user *uload = arg;
	const struct jailhouse_memory **regions = NULL;
	struct jailhouse_preload_image *images;
	struct jhd_cell *cell;
	unsigned int i;
	long ret;
	int err;
	u32 num;

	/* struct jailhouse_cell_load starts with the cell ID */
	err = jhd_cell_lookup(arg, &cell);
	if (!err)
		err = jhd_images_fetch(uload, &images, &num);
	if (err)
		return err;

	if (num) {
		regions = kcalloc(num, sizeof(*regions), GFP_KERNEL);
		if (!regions) {
			err = -ENOMEM;
			goto out;
		}
	}
	for (i = 0; i < num; i++) {
		if (!images[i].size)
			continue;
		err = jhd_image_check(cell, i, &images[i], &regions[i]);
		if (err)
			goto out;
	}

	cpus_read_lock();
	ret = jailhouse_call_arg1(JAILHOUSE_HC_CELL_SET_LOADABLE, cell->id);
	cpus_read_unlock();
	if (ret) {
		jhd_refuse_hv("load", "the hypervisor refused to stop cell \"%s\" (%ld)",
			      cell->name, ret);
		err = ret;
		goto out;
	}

	if (num && !cell->loaded_images)
		pr_info("loading into cell \"%s\"\n", cell->name);
	for (i = 0; i < num && !err; i++) {
		if (!images[i].size)
			continue;
		err = jhd_image_copy(cell, i, &images[i], regions[i]);
		if (!err) {
			cell->loaded_images++;
			cell->loaded_bytes += images[i].size;
		}
	}
	if (!num) {
		cell->loaded_images = 0;
		cell->loaded_bytes = 0;
		pr_info("cell \"%s\" shut down\n", cell->name);
	}
out:
	kfree(regions);
	kfree(images);
	return err;
}
