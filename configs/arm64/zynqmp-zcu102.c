/* SPDX-License-Identifier: GPL-2.0 */
/*
 * System configuration for the Xilinx ZCU102 board (ZynqMP, 4 Cortex-A53,
 * GIC-400, Cadence UARTs) in the layout of upstream Jailhouse's config for
 * it (its revision-14 form), so a user's cells for that board run
 * unchanged: the hypervisor in the first 4 MiB of the high RAM bank, the
 * two ivshmem network links right after it, root keeping both RAM banks
 * but that first 6 MiB, the MMIO from 0xfd000000 up, and the debug
 * console on UART0. Root Linux must leave 0x8_0000_0000-0x8_3fff_ffff
 * alone (a device-tree reservation or mem=); the cells take their RAM
 * from there. Runs on QEMU's xlnx-zcu102 model (tests/qemu/dts/zcu102.dts).
 *
 * The MMU-500 and its stream IDs are described as upstream does; this
 * hypervisor does not drive an IOMMU (docs/compatibility.md), and the
 * QEMU model has none.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_system header;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[12];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_pci_device pci_devices[2];
	union jailhouse_stream_id stream_ids[3];
} __attribute__((packed)) config = {
	.header = {
		.signature = JAILHOUSE_SYSTEM_SIGNATURE,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.architecture = JAILHOUSE_ARM64,
		.flags = JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE,
		.hypervisor_memory = {
			.phys_start = 0x800000000,
			.size = 0x000400000,
		},
		/* UART0, shared with root Linux's console */
		.debug_console = {
			.address = 0xff000000,
			.size = 0x1000,
			.type = JAILHOUSE_CON_TYPE_XUARTPS,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				 JAILHOUSE_CON_REGDIST_4,
		},
		.platform_info = {
			/* the virtual PCI host's ECAM, one bus */
			.pci_mmconfig_base = 0xfc000000,
			.pci_mmconfig_end_bus = 0,
			.pci_is_virtual = 1,
			/* the driver picks the first free domain */
			.pci_domain = -1,
			.iommu_units = {
				{
					.type = JAILHOUSE_IOMMU_ARM_MMU500,
					.base = 0xfd800000,
					.size = 0x20000,
				},
			},
			/* each 4 KiB GIC frame repeats over 64 KiB: the
			 * CPU interface and its virtual twin are the 8
			 * contiguous KiB at the end of their first block */
			.arm = {
				.gic_version = 2,
				.gicd_base = 0xf9010000,
				.gicc_base = 0xf902f000,
				.gich_base = 0xf9040000,
				.gicv_base = 0xf906f000,
				.maintenance_irq = 25,
			},
		},
		.root_cell = {
			.name = "ZynqMP-ZCU102",
			.cpu_set_size = sizeof(config.cpus),
			.num_memory_regions = ARRAY_SIZE(config.mem_regions),
			.num_irqchips = ARRAY_SIZE(config.irqchips),
			.num_pci_devices = ARRAY_SIZE(config.pci_devices),
			.num_stream_ids = ARRAY_SIZE(config.stream_ids),
			/* INTx of 00:01.0 is INTID 137, of 00:02.0 138 */
			.vpci_irq_base = 136 - 32,
		},
	},

	/* CPUs 0-3 */
	.cpus = { 0xf },

	.mem_regions = {
		/* network link 00:01.0 with linux-demo (regions 0-3),
		 * root is peer 0 */
		JAILHOUSE_SHMEM_NET_REGIONS(0x800400000, 0),
		/* network link 00:02.0 (regions 4-7), root is peer 0 */
		JAILHOUSE_SHMEM_NET_REGIONS(0x800500000, 0),
		/* MMIO from the SMMU's block to 4 GiB, permissive as
		 * upstream's: UARTs, timers, clocks, ... */
		{
			.phys_start = 0xfd000000,
			.virt_start = 0xfd000000,
			.size = 0x03000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_IO,
		},
		/* RAM, low bank */
		{
			.phys_start = 0x0,
			.virt_start = 0x0,
			.size = 0x80000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_EXECUTE,
		},
		/* RAM, high bank after the hypervisor and the links */
		{
			.phys_start = 0x800600000,
			.virt_start = 0x800600000,
			.size = 0x7fa00000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_EXECUTE,
		},
		/* the PCIe controller's high window */
		{
			.phys_start = 0x8000000000,
			.virt_start = 0x8000000000,
			.size = 0x1000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_IO,
		},
	},

	/* SPIs 32-159 */
	.irqchips = {
		{
			.address = 0xf9010000,
			.pin_base = 32,
			.pin_bitmap = {
				0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
			},
		},
	},

	.pci_devices = {
		/* 00:01.0: network link with linux-demo */
		{
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = 1,
			.bdf = 1 << 3,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
			.shmem_regions_start = 0,
			.shmem_dev_id = 0,
			.shmem_peers = 2,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_VETH,
		},
		/* 00:02.0: second network link */
		{
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = 1,
			.bdf = 2 << 3,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
			.shmem_regions_start = 4,
			.shmem_dev_id = 0,
			.shmem_peers = 2,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_VETH,
		},
	},

	/* the MMU-500 stream IDs root's DMA masters use (unused here) */
	.stream_ids = {
		{ .mmu500.id = 0x860, .mmu500.mask_out = 0x0 },
		{ .mmu500.id = 0x861, .mmu500.mask_out = 0x0 },
		{ .mmu500.id = 0x870, .mmu500.mask_out = 0xf },
	},
};
