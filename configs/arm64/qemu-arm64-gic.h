/* SPDX-License-Identifier: GPL-2.0 */
/*
 * QEMU "virt"'s GIC as a system config names it (platform_info.arm),
 * for the system configs of that board: gic-version=3, or 2 where the
 * config defines QEMU_ARM64_GICV2.
 */
#ifdef QEMU_ARM64_GICV2
#define QEMU_ARM64_GIC					\
	.gic_version = 2,				\
	.gicd_base = 0x08000000,			\
	.gicc_base = 0x08010000,			\
	.gich_base = 0x08030000,			\
	.gicv_base = 0x08040000,			\
	.maintenance_irq = 25
#else
#define QEMU_ARM64_GIC					\
	.gic_version = 3,				\
	.gicd_base = 0x08000000,			\
	.gicr_base = 0x080a0000,			\
	.maintenance_irq = 25
#endif
