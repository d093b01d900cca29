// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Fuzz target: the gzip path (header, streamed inflate, trailer checks),
 * first bare, then as the kernel (inflate plus Image header check).
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "fuzz.h"

#define MAX_OUT	(16 << 20)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct jhl_kernel kernel;
	struct jhl_source src;
	struct jhl_ctx ctx;
	__u64 out_size;
	void *out;

	jhl_ctx_init(&ctx, NULL);
	jhl_source_mem(&src, "Image.gz", data, size);
	if (!jhl_gunzip(&ctx, &src, MAX_OUT, NULL, NULL, &out, &out_size)) {
		if (out_size > MAX_OUT)
			__builtin_trap();
		free(out);
	}
	if (!jhl_kernel_load(&ctx, &src, MAX_OUT, &kernel))
		jhl_kernel_release(&kernel);
	jhl_ctx_release(&ctx);
	return 0;
}
