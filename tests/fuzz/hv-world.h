/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The hypervisor's checks of a new cell config, run in a host process:
 * hv-world.c links hypervisor/core/cell-check.c and the GIC's SPI checks
 * into a world like QEMU virt's after "gic-demo" was created, and offers
 * cell_create()'s steps up to them to a libc caller.
 */
#ifndef TESTS_FUZZ_HV_WORLD_H
#define TESTS_FUZZ_HV_WORLD_H

/* Bytes cell_create() reads first: the config's header. */
unsigned long hv_world_header_size(void);
/* Header checks and the whole size it promises; 0 or -errno. */
long hv_world_header(const void *hdr, unsigned long *size);
/* cell_config_check() on the whole config; 0 or -errno. */
long hv_world_check(const void *cfg);
/*
 * Console lines since the last call, and whether one of them did not
 * look like "Cell config: ...\n".
 */
unsigned int hv_world_lines(int *malformed);
/* The last console line, for a test's diagnostics ("" before any) */
const char *hv_world_last_line(void);

#endif /* !TESTS_FUZZ_HV_WORLD_H */
