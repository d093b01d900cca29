// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz target for the hypervisor's own checks of a new cell config
 * (hypervisor/core/cell-check.c and the GIC's SPI checks, see
 * hv-world.c). The input is what root would pass to CELL_CREATE; as in
 * cell_create(), the header is read and checked first, then the size it
 * promises is copied (zero-padded past the input: other bytes of root's
 * memory) into a buffer of exactly that size, so a read past the config
 * is an ASan finding. Each refusal must carry a documented errno and a
 * console line of its own.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "hv-world.h"

/* driver/ERRORS.md: what CELL_CREATE passes on from these checks */
static const long documented[] = {
	EINVAL, ERANGE, EEXIST, ECHRNG, EBUSY, EDOM, EADDRINUSE,
	EADDRNOTAVAIL, EPROTO, EOPNOTSUPP, ENXIO, E2BIG,
};

static void expect_refusal(long err)
{
	unsigned int n;
	int bad;

	if (!err) {
		hv_world_lines(&bad);
		if (bad)
			abort();
		return;
	}
	for (n = 0; n < sizeof(documented) / sizeof(documented[0]); n++)
		if (err == -documented[n])
			break;
	if (n == sizeof(documented) / sizeof(documented[0]))
		abort();
	if (!hv_world_lines(&bad) || bad)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned long hdr_size = hv_world_header_size(), cfg_size;
	unsigned char *hdr, *cfg;
	long err;

	if (size < hdr_size)
		return 0;
	hdr = malloc(hdr_size);
	if (!hdr)
		abort();
	memcpy(hdr, data, hdr_size);
	err = hv_world_header(hdr, &cfg_size);
	free(hdr);
	if (err) {
		expect_refusal(err);
		return 0;
	}

	cfg = calloc(1, cfg_size);
	if (!cfg)
		abort();
	memcpy(cfg, data, size < cfg_size ? size : cfg_size);
	expect_refusal(hv_world_check(cfg));
	free(cfg);
	return 0;
}
