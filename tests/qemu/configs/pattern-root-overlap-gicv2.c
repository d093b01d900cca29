/* SPDX-License-Identifier: GPL-2.0 */
/* The root-overlap pattern on QEMU "virt" with gic-version=2. */
#define QEMU_ARM64_GICV2
#include "pattern-root-overlap.c"
