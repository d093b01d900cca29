// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Builds a plan: reads and checks every input, prepares the DTB, places
 * the images and lists the loads. The DTB is prepared before placement
 * with zeroed initrd properties of their final width, so its size is
 * known; the initrd range is filled in afterwards in place.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "plan.h"

static int check_request(struct jhl_ctx *ctx, const struct jhl_request *req)
{
	if (!req->kernel || !req->loader) {
		jhl_err(ctx, "no %s given", req->kernel ? "linux-loader.bin" : "kernel");
		return -EINVAL;
	}
	if (req->cmdline && strlen(req->cmdline) >= JHL_CMDLINE_MAX) {
		jhl_err(ctx, "kernel command line of %zu characters; arm64 Linux takes at most %d",
			strlen(req->cmdline), JHL_CMDLINE_MAX - 1);
		return -E2BIG;
	}
	return 0;
}

/*
 * The parameters are written over the loader's zeroed .cmdline: a file
 * with bytes there is something else (a kernel, a config, a DTB) given
 * as the loader, or a loader whose stale parameters would follow ours.
 */
static bool params_area_empty(const __u8 *bin)
{
	unsigned int n;

	for (n = 0; n < JHL_PARAMS_AREA; n++)
		if (bin[JHL_PARAMS_OFFSET + n])
			return false;
	return true;
}

static int read_loader(struct jhl_plan *plan, const struct jhl_source *src)
{
	int err;

	if (src->size < JHL_PARAMS_OFFSET + JHL_PARAMS_AREA ||
	    src->size > 0x100000) {
		jhl_err(&plan->ctx, "%s does not look like linux-loader.bin (%llu bytes; it has its %d-byte parameter area at 0x%llx and at most 1 MiB)",
			src->name, (unsigned long long)src->size,
			JHL_PARAMS_AREA, JHL_PARAMS_OFFSET);
		return -EINVAL;
	}
	plan->loader = malloc(src->size);
	if (!plan->loader)
		return -ENOMEM;
	err = jhl_source_read(src, plan->loader, src->size, 0);
	if (err) {
		jhl_err(&plan->ctx, "%s: cannot read: %s", src->name,
			strerror(-err));
		return err;
	}
	if (!params_area_empty(plan->loader)) {
		jhl_err(&plan->ctx, "%s does not look like linux-loader.bin (its parameter area at 0x%llx is not empty)",
			src->name, JHL_PARAMS_OFFSET);
		return -EINVAL;
	}
	plan->loader_size = src->size;
	return 0;
}

static __u64 loadable_ram(const struct jhl_cell *cell)
{
	__u64 total = 0;
	unsigned int n;

	for (n = 0; n < cell->num_mem; n++)
		if (jhl_mem_placeable(&cell->mem[n]))
			total += cell->mem[n].size;
	return total;
}

static int check_initrd(struct jhl_ctx *ctx, const struct jhl_source *src)
{
	__u8 head[JHL_IMAGE_HDR_SIZE];

	if (!src->size || src->size > JHL_SIZE_MAX) {
		jhl_err(ctx, "%s: %s initrd", src->name,
			src->size ? "implausibly large" : "empty");
		return -EINVAL;
	}
	if (src->size >= sizeof(head) &&
	    !jhl_source_read(src, head, sizeof(head), 0) &&
	    head[56] == 'A' && head[57] == 'R' && head[58] == 'M' &&
	    head[59] == 0x64)
		jhl_warn(ctx, "%s: the initrd looks like an arm64 Image (arguments swapped?)",
			 src->name);
	return 0;
}

/*
 * Right on QEMU virt, wrong on most boards: say what is assumed, in one
 * warning where the DTB is generated. Without a system config, the PCI
 * host is our QEMU system config's, whether the DTB is generated or not.
 */
static void warn_assumed(struct jhl_plan *plan, const struct jhl_request *req,
			 const struct jhl_cell *cell)
{
	const struct jhl_vpci *vp = &cell->vpci;
	bool pci = vp->present && !vp->known;
	char ecam[96] = "";

	/* the defaults: bus 0 only */
	if (pci)
		snprintf(ecam, sizeof(ecam), "ECAM of bus 0 at 0x%llx, PCI domain %u",
			 (unsigned long long)vp->ecam, vp->domain);
	if (!req->dtb && !req->system && !req->gicr_base)
		jhl_warn(&plan->ctx, "the generated DTB assumes QEMU virt: GICD 0x%llx, GICR 0x%llx, MPIDR Aff1 = CPU / 16 and Aff0 = CPU %% 16, a 24 MHz UART clock%s%s; give the board's GIC with --system-config or --gic GICD,GICR, or its DTB with -d%s",
			 (unsigned long long)cell->gicd,
			 (unsigned long long)cell->gicr,
			 pci ? ", the virtual PCI host's " : "", ecam,
			 pci ? ", and its PCI host with --system-config" : "");
	else if (pci)
		jhl_warn(&plan->ctx, "the DTB's virtual PCI host assumes QEMU virt: %s; give the board's with --system-config",
			 ecam);
}

static int prepare_dtb(struct jhl_plan *plan, const struct jhl_request *req,
		       const struct jhl_cell *cell, __u64 *input_size)
{
	void *in;
	size_t size;
	int err;

	*input_size = 0;
	warn_assumed(plan, req, cell);
	if (!req->dtb)
		return jhl_dtb_generate(&plan->ctx, cell, req->cmdline,
					req->initrd, &plan->dtb,
					&plan->dtb_size);
	err = jhl_dtb_read(&plan->ctx, req->dtb, &in, &size);
	if (err)
		return err;
	*input_size = size;
	err = jhl_dtb_patch(&plan->ctx, cell, in, size, req->cmdline,
			    req->initrd, &plan->dtb, &plan->dtb_size);
	free(in);
	if (!err && plan->dtb_size > JHL_DTB_MAX) {
		jhl_err(&plan->ctx, "patched DTB has %zu bytes, more than the 2 MiB arm64 Linux accepts",
			plan->dtb_size);
		err = -E2BIG;
	}
	return err;
}

static __u64 max64(__u64 a, __u64 b)
{
	return a > b ? a : b;
}

static void layout_request(const struct jhl_plan *plan,
			   const struct jhl_request *req, __u64 dtb_input,
			   struct jhl_layout_req *lr)
{
	const struct jhl_kernel *k = &plan->kernel;
	__u64 image = JHL_ALIGN_UP(k->size, JHL_PAGE_SIZE);
	__u64 factor = req->decomp_factor;

	memset(lr, 0, sizeof(*lr));
	lr->loader_size = JHL_ALIGN_UP(max64(plan->loader_size,
					     JHL_PARAMS_OFFSET + JHL_PARAMS_AREA),
				       JHL_PAGE_SIZE) + JHL_LOADER_STACK;
	lr->text_offset = k->hdr.text_offset;
	/* image_size includes BSS; pre-3.17 kernels get twice their size */
	lr->kernel_size = k->hdr.image_size ?
		JHL_ALIGN_UP(k->hdr.image_size, JHL_PAGE_SIZE) : 2 * image;
	if (factor)
		lr->kernel_size = max64(lr->kernel_size, image * (1 + factor));
	/* upstream: a gap of F (default 1) Image sizes before the initrd */
	lr->kernel_size_compat = lr->kernel_size;
	if (req->initrd)
		lr->kernel_size_compat = max64(lr->kernel_size,
					       image * (1 + (factor ? factor : 1)));
	lr->dtb_size = JHL_ALIGN_UP(plan->dtb_size, JHL_PAGE_SIZE);
	lr->dtb_size_compat = max64(lr->dtb_size,
				    dtb_input ? JHL_ALIGN_UP(dtb_input, JHL_PAGE_SIZE) +
						JHL_PAGE_SIZE : 0);
	if (req->initrd)
		lr->initrd_size = JHL_ALIGN_UP(req->initrd->size, JHL_PAGE_SIZE);
}

static int prepare(struct jhl_plan *plan, const struct jhl_request *req,
		   const struct jhl_cell *cell, __u64 *dtb_input)
{
	int err;

	err = read_loader(plan, req->loader);
	if (err)
		return err;
	err = jhl_kernel_load(&plan->ctx, req->kernel, loadable_ram(cell),
			      &plan->kernel);
	if (err)
		return err;
	if (req->initrd) {
		err = check_initrd(&plan->ctx, req->initrd);
		if (err)
			return err;
	}
	return prepare_dtb(plan, req, cell, dtb_input);
}

static void fill_info(struct jhl_plan *plan, const struct jhl_request *req,
		      const struct jhl_cell *cell,
		      const struct jhl_layout_req *lr,
		      const struct jhl_layout *l)
{
	struct jhl_plan_info *info = &plan->info;

	info->cell_name = plan->cell_name;
	info->reset_addr = cell->reset;
	info->params_addr = cell->reset + JHL_PARAMS_OFFSET;
	info->kernel_addr = l->kernel;
	info->kernel_size = plan->kernel.size;
	info->kernel_image_size = lr->kernel_size;
	info->text_offset = plan->kernel.hdr.text_offset;
	info->kernel_gzip = plan->kernel.gzip;
	info->dtb_addr = l->dtb;
	info->dtb_size = plan->dtb_size;
	info->dtb_generated = !req->dtb;
	info->initrd_addr = req->initrd ? l->initrd : 0;
	info->initrd_size = req->initrd ? req->initrd->size : 0;
	info->upstream_layout = l->compat;
}

static int copy_cell(struct jhl_plan *plan, const struct jhl_cell *cell)
{
	memcpy(plan->cell_name, cell->name, sizeof(plan->cell_name));
	jhl_cell_cpulist(cell, plan->cpus, sizeof(plan->cpus));
	plan->num_mem = cell->num_mem;
	plan->mem = malloc((cell->num_mem ? cell->num_mem : 1) *
			   sizeof(*plan->mem));
	if (!plan->mem)
		return -ENOMEM;
	memcpy(plan->mem, cell->mem, cell->num_mem * sizeof(*plan->mem));
	return 0;
}

/* booting.rst, flags bit 3 clear: RAM below the kernel may be lost. */
static void check_placement_flag(struct jhl_plan *plan,
				 const struct jhl_cell *cell, __u64 kernel)
{
	__u64 base = kernel & ~(JHL_KERNEL_ALIGN - 1);
	unsigned int n;

	if (!plan->kernel.hdr.image_size || (plan->kernel.hdr.flags & 0x8))
		return;
	for (n = 0; n < cell->num_mem; n++)
		if (jhl_cell_mem_for_linux(&cell->mem[n]) &&
		    cell->mem[n].virt_start < base) {
			jhl_warn(&plan->ctx, "the kernel wants to sit near the start of RAM (header flags bit 3 clear); RAM below 0x%llx may be unusable to it",
				 (unsigned long long)base);
			return;
		}
}

static int place(struct jhl_plan *plan, const struct jhl_request *req,
		 const struct jhl_cell *cell, __u64 dtb_input)
{
	struct jhl_layout_req lr;
	struct jhl_layout l;
	int err;

	layout_request(plan, req, dtb_input, &lr);
	err = jhl_layout_place(&plan->ctx, cell, &lr, &l);
	if (err)
		return err;
	if (req->initrd) {
		err = jhl_dtb_set_initrd(&plan->ctx, plan->dtb, l.initrd,
					 l.initrd + req->initrd->size);
		if (err)
			return err;
	}
	fill_info(plan, req, cell, &lr, &l);
	plan->loader_reserved = lr.loader_size;
	check_placement_flag(plan, cell, l.kernel);
	if (!l.compat)
		jhl_info(&plan->ctx, "the images do not fit the upstream tool's layout (all in one region, kernel gap before the initrd); placed them first-fit");
	snprintf(plan->params, sizeof(plan->params), "kernel=0x%llx dtb=0x%llx",
		 (unsigned long long)l.kernel, (unsigned long long)l.dtb);
	return 0;
}

int jhl_plan_new(const struct jhl_request *req, struct jhl_plan **out)
{
	struct jhl_plan *plan;
	struct jhl_cell cell;
	__u64 dtb_input;
	int err;

	plan = calloc(1, sizeof(*plan));
	if (!plan)
		return -ENOMEM;
	jhl_ctx_init(&plan->ctx, req);
	plan->kernel_src = req->kernel;
	plan->dtb_src = req->dtb;
	plan->initrd_src = req->initrd;
	plan->loader_src = req->loader;
	err = check_request(&plan->ctx, req);
	if (!err)
		err = jhl_cell_from_request(&plan->ctx, req, &cell);
	if (!err)
		err = copy_cell(plan, &cell);
	if (!err)
		err = prepare(plan, req, &cell, &dtb_input);
	if (!err)
		err = place(plan, req, &cell, dtb_input);
	if (!err)
		err = jhl_plan_build_segments(plan, &cell);
	if (err) {
		jhl_plan_free(plan);
		return err;
	}
	*out = plan;
	return 0;
}

void jhl_plan_free(struct jhl_plan *plan)
{
	if (!plan)
		return;
	jhl_kernel_release(&plan->kernel);
	jhl_ctx_release(&plan->ctx);
	free(plan->segs);
	free(plan->mem);
	free(plan->loader);
	free(plan->dtb);
	free(plan);
}

const struct jhl_plan_info *jhl_plan_info(const struct jhl_plan *plan)
{
	return &plan->info;
}

const char *jhl_plan_params(const struct jhl_plan *plan)
{
	return plan->params;
}

const void *jhl_plan_dtb(const struct jhl_plan *plan, size_t *size)
{
	*size = plan->dtb_size;
	return plan->dtb;
}

unsigned int jhl_plan_num_warnings(const struct jhl_plan *plan)
{
	return plan->ctx.num_warnings;
}

const char *jhl_plan_warning(const struct jhl_plan *plan, unsigned int idx)
{
	return idx < plan->ctx.num_warnings ? plan->ctx.warnings[idx] : NULL;
}
