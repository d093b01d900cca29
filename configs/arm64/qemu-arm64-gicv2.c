/* SPDX-License-Identifier: GPL-2.0 */
/*
 * System configuration for QEMU "virt" with gic-version=2: the board and
 * the root cell of qemu-arm64.c, with a GICv2 and the INTx of the
 * virtual PCI devices above the GICv2m MSI frame's INTIDs.
 */
#define QEMU_ARM64_GICV2
#include "qemu-arm64.c"
