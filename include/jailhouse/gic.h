/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * The GIC's register windows as configs meet them: the hypervisor traps
 * the distributor and the redistributors of the system's CPUs (GICv3),
 * or keeps the distributor, CPU interface, virtual interface control and
 * virtual CPU interface (GICv2), so no cell region may map them;
 * generated device trees describe them. One definition for the
 * hypervisor, the loader and the checker.
 */
#ifndef _JAILHOUSE_GIC_H
#define _JAILHOUSE_GIC_H

/* Distributor, GICv3 */
#define JAILHOUSE_GICD_SIZE		0x10000
/* Redistributor per CPU: RD and SGI frames (GICv3), plus VLPI ones (v4) */
#define JAILHOUSE_GICR_V3_STRIDE	0x20000
#define JAILHOUSE_GICR_V4_STRIDE	0x40000

/* GICv2 (GIC-400): distributor, CPU interface, GICH, virtual CPU interface */
#define JAILHOUSE_GICD_V2_SIZE		0x1000
#define JAILHOUSE_GICC_SIZE		0x2000
#define JAILHOUSE_GICH_SIZE		0x1000
#define JAILHOUSE_GICV_SIZE		0x2000
/*
 * The hypervisor keeps whole 64 KiB blocks around each GICv2 frame: SoCs
 * alias the 4 KiB frames over 64 KiB (ZynqMP), and a cell that reached a
 * GICH alias could write list registers for interrupts not its own.
 */
#define JAILHOUSE_GICV2_BLOCK		0x10000
/* First byte of the blocks a frame touches, and the end of the last */
#define JAILHOUSE_GICV2_BLOCKS_START(base)				\
	((base) & ~(JAILHOUSE_GICV2_BLOCK - 1ULL))
#define JAILHOUSE_GICV2_BLOCKS_END(base, size)				\
	(((base) + (size) + JAILHOUSE_GICV2_BLOCK - 1) &		\
	 ~(JAILHOUSE_GICV2_BLOCK - 1ULL))

#endif /* !_JAILHOUSE_GIC_H */
