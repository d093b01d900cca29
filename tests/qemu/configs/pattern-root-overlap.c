/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pattern: a system config whose root regions overlap one another, as
 * upstream ships for the Jetson TX1/TX2, LS1046A-RDB and i.MX8DXL. Here,
 * for QEMU "virt" (4 CPUs, GICv3 or with QEMU_ARM64_GICV2 a GICv2, RAM
 * at 0x40000000 with Linux on
 * mem=768M): the UART page once more inside the MMIO region, and the
 * cells' RAM at the top once more inside root's RAM, without EXECUTE.
 * Where regions overlap, the later one's flags apply (config check
 * notes it: root-mem-overlap). No virtual PCI host.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include "../../../configs/arm64/qemu-arm64-gic.h"

struct {
	struct jailhouse_system header;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[5];
	struct jailhouse_irqchip irqchips[1];
} __attribute__((packed)) config = {
	.header = {
		.signature = JAILHOUSE_SYSTEM_SIGNATURE,
		.architecture = JAILHOUSE_ARM64,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.flags = JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE,
		.hypervisor_memory = {
			.phys_start = 0x7fc00000,
			.size = 0x00400000,
		},
		.debug_console = {
			.address = 0x09000000,
			.size = 0x1000,
			.type = JAILHOUSE_CON_TYPE_PL011,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				 JAILHOUSE_CON_REGDIST_4,
		},
		.platform_info = {
			.arm = { QEMU_ARM64_GIC },
		},
		.root_cell = {
			.name = "qemu-arm64",
			.cpu_set_size = sizeof(config.cpus),
			.num_memory_regions = ARRAY_SIZE(config.mem_regions),
			.num_irqchips = ARRAY_SIZE(config.irqchips),
		},
	},

	/* CPUs 0-3 */
	.cpus = { 0xf },

	.mem_regions = {
		/* MMIO from the UART up to RAM */
		{
			.phys_start = 0x09000000,
			.virt_start = 0x09000000,
			.size = 0x37000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_IO,
		},
		/* the UART page once more, inside the MMIO region */
		{
			.phys_start = 0x09000000,
			.virt_start = 0x09000000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_IO,
		},
		/* RAM below the hypervisor */
		{
			.phys_start = 0x40000000,
			.virt_start = 0x40000000,
			.size = 0x3fc00000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_EXECUTE,
		},
		/* the cells' RAM once more, inside the RAM region */
		{
			.phys_start = 0x7f000000,
			.virt_start = 0x7f000000,
			.size = 0x00c00000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE,
		},
		/* QEMU's PCIe ECAM */
		{
			.phys_start = 0x4010000000,
			.virt_start = 0x4010000000,
			.size = 0x10000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_IO,
		},
	},

	/* SPIs 32-159 */
	.irqchips = {
		{
			.address = 0x08000000,
			.pin_base = 32,
			.pin_bitmap = {
				0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
			},
		},
	},
};
