// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Fuzz target: the arm64 Image header parser and the format sniffer, on
 * raw bytes as the kernel file.
 */
#include <string.h>

#include "internal.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct jhl_image_hdr hdr;
	struct jhl_ctx ctx;

	jhl_ctx_init(&ctx, NULL);
	jhl_sniff_format(data, size);
	if (!jhl_image_parse(&ctx, "Image", data, size, size, &hdr)) {
		/* what placement relies on */
		if (hdr.image_size && (hdr.image_size < size ||
				       hdr.text_offset % JHL_PAGE_SIZE))
			__builtin_trap();
	}
	jhl_ctx_release(&ctx);
	return 0;
}
