/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * The GIC's register windows as configs meet them: the hypervisor traps
 * the distributor and the redistributors of the system's CPUs, so no
 * cell region may map them; generated device trees describe them. One
 * definition for the hypervisor, the loader and the checker.
 */
#ifndef _JAILHOUSE_GIC_H
#define _JAILHOUSE_GIC_H

/* Distributor, GICv3 */
#define JAILHOUSE_GICD_SIZE		0x10000
/* Redistributor per CPU: RD and SGI frames (GICv3), plus VLPI ones (v4) */
#define JAILHOUSE_GICR_V3_STRIDE	0x20000
#define JAILHOUSE_GICR_V4_STRIDE	0x40000

#endif /* !_JAILHOUSE_GIC_H */
