/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linux cell "ZynqMP-linux-demo" for the ZCU102 (with zynqmp-zcu102.c), in
 * the layout of upstream's config for it: CPUs 2 and 3, 128 MiB of RAM at
 * 0x810000000 (identity-mapped) plus 64 KiB at guest address 0 for the
 * loader, UART1 (SPI 22, INTID 54; shared with root) as its console, the
 * comm region at 0x80000000, and two network links on its own virtual
 * PCI host: 00:01.0 with root (peer 1, INTID 141) and 00:03.0 (peer 0,
 * INTID 143) for a second Linux cell. 64 KiB at 0x800600000 is also where
 * inmate-demo lives: the two cells do not run together.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[12];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_pci_device pci_devices[2];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.architecture = JAILHOUSE_ARM64,
		.name = "ZynqMP-linux-demo",
		.flags = JAILHOUSE_CELL_PASSIVE_COMMREG,
		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_irqchips = ARRAY_SIZE(config.irqchips),
		.num_pci_devices = ARRAY_SIZE(config.pci_devices),
		/* INTx of 00:01.0 is INTID 141, of 00:03.0 143 */
		.vpci_irq_base = 140 - 32,
		.console = {
			.address = 0xff010000,
			.type = JAILHOUSE_CON_TYPE_XUARTPS,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				 JAILHOUSE_CON_REGDIST_4,
		},
	},

	/* CPUs 2 and 3 */
	.cpus = { 0xc },

	.mem_regions = {
		/* network link 00:01.0 with root (regions 0-3), peer 1 */
		JAILHOUSE_SHMEM_NET_REGIONS(0x800400000, 1),
		/* network link 00:03.0 (regions 4-7), peer 0 */
		JAILHOUSE_SHMEM_NET_REGIONS(0x800700000, 0),
		/* UART1 */
		{
			.phys_start = 0xff010000,
			.virt_start = 0xff010000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_IO | JAILHOUSE_MEM_ROOTSHARED,
		},
		/* RAM at guest address 0 */
		{
			.phys_start = 0x800600000,
			.virt_start = 0,
			.size = 0x10000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		},
		/* RAM */
		{
			.phys_start = 0x810000000,
			.virt_start = 0x810000000,
			.size = 0x8000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA |
				 JAILHOUSE_MEM_LOADABLE,
		},
		/* comm region */
		{
			.virt_start = 0x80000000,
			.size = 0x00001000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_COMM_REGION,
		},
	},

	/* UART1 and the two links' INTx */
	.irqchips = {
		{
			.address = 0xf9010000,
			.pin_base = 32,
			.pin_bitmap = {
				1 << (54 - 32),
				0,
				0,
				(1 << (141 - 128)) | (1 << (143 - 128)),
			},
		},
	},

	.pci_devices = {
		/* 00:01.0: network link with root */
		{
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.bdf = 1 << 3,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
			.shmem_regions_start = 0,
			.shmem_dev_id = 1,
			.shmem_peers = 2,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_VETH,
		},
		/* 00:03.0: network link with a second Linux cell */
		{
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.bdf = 3 << 3,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
			.shmem_regions_start = 4,
			.shmem_dev_id = 0,
			.shmem_peers = 2,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_VETH,
		},
	},
};
