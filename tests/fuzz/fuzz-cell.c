// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Fuzz target: a whole plan from untrusted cell config bytes (parsing,
 * placement, DTB generation, segment list), with a small fixed Image.
 * Every accepted plan must keep its loads inside their regions.
 */
#include <string.h>

#include "jhloader.h"
#include "fuzz.h"

static __u8 image[8192];
static __u8 loader[0x1200];

static void make_image(void)
{
	image[8] = 0;			/* text_offset 0 */
	image[18] = 0x01;		/* image_size 64 KiB */
	image[24] = 0x0a;		/* LE, 4 KiB pages, anywhere */
	memcpy(image + 56, "ARM\x64", 4);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct jhl_source kernel, boot;
	struct jhl_request req = {
		.cell_config = data,
		.cell_config_size = size,
		.kernel = &kernel,
		.loader = &boot,
		.cmdline = "console=ttyAMA0",
	};
	const struct jhl_segment *seg;
	struct jhl_plan *plan;
	unsigned int n;

	make_image();
	jhl_source_mem(&kernel, "Image", image, sizeof(image));
	jhl_source_mem(&boot, "linux-loader.bin", loader, sizeof(loader));
	if (jhl_plan_new(&req, &plan))
		return 0;
	for (n = 0; (seg = jhl_plan_segment(plan, n)); n++)
		if (!seg->size || seg->reserved < seg->size)
			__builtin_trap();
	jhl_plan_free(plan);
	return 0;
}
