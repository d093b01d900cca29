/* SPDX-License-Identifier: GPL-2.0 */
/*
 * System configuration (root cell) for QEMU "virt": cortex-a57, GICv3,
 * virtualization=on, 4 CPUs, 1 GiB RAM at 0x40000000. Root Linux boots
 * with mem=768M, which leaves 0x70000000-0x7fffffff to the non-root cells,
 * to the ivshmem links' shared memory and to the hypervisor (the top 4 MiB).
 *
 * Root is peer 0 of two ivshmem-v2 links on the virtual PCI host:
 *   00:00.0  the demo link (3 peers: root, gic-demo, linux-demo), INTID 128
 *   00:01.0  a network link with the Linux cell (ivshmem-net), INTID 129
 *   (INTIDs 152 and 153 with GICv2)
 *
 * Physical map of the board used below:
 *   0x08000000  GICv3 distributor, 64 KiB
 *   0x080a0000  GICv3 redistributors
 *               (GICv2: distributor, CPU interface 0x08010000, GICv2m
 *               MSI frame 0x08020000 owning INTIDs 80-143, GICH
 *               0x08030000, GICV 0x08040000; see qemu-arm64-gicv2.c)
 *   0x09000000  PL011 UART (INTID 33), shared with the hypervisor
 *   0x0a000000  virtio-mmio transports
 *   0x3f000000  virtual PCI host: ECAM of bus 0 (1 MiB), then a window
 *               for its BARs; QEMU's own PCIe host has its ECAM high up,
 *               so nothing is here. (Upstream's 0x08e00000 lies in the
 *               redistributor range Linux claims whole since 5.x.)
 *   0x40000000  RAM
 *   0x7fa10000  ivshmem demo link: state table, 60 KiB r/w, 3 x 16 KiB out
 *   0x7fb00000  ivshmem network link, 1 MiB
 *   0x4010000000 PCIe ECAM
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include "qemu-arm64-gic.h"

#ifdef QEMU_ARM64_GICV2
/* above the GICv2m frame's 80-143 and the cells' 144 and 150 */
#define VPCI_INTID	152
#else
#define VPCI_INTID	128
#endif

struct {
	struct jailhouse_system header;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[12];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_pci_device pci_devices[2];
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
			.pci_mmconfig_base = 0x3f000000,
			.pci_mmconfig_end_bus = 0,
			.pci_is_virtual = 1,
			.pci_domain = 1,
			.arm = { QEMU_ARM64_GIC },
		},
		.root_cell = {
			.name = "qemu-arm64",
			.cpu_set_size = sizeof(config.cpus),
			.num_memory_regions = ARRAY_SIZE(config.mem_regions),
			.num_irqchips = ARRAY_SIZE(config.irqchips),
			.num_pci_devices = ARRAY_SIZE(config.pci_devices),
			/* INTx of 00:00.0 is INTID VPCI_INTID, of 00:01.0 the next */
			.vpci_irq_base = VPCI_INTID - 32,
		},
	},

	/* CPUs 0-3 */
	.cpus = { 0xf },

	.mem_regions = {
		/* MMIO above the GIC: UART, RTC, GPIO, fw_cfg, virtio, PCIe
		 * windows; not the virtual PCI host, which traps */
		{
			.phys_start = 0x09000000,
			.virt_start = 0x09000000,
			.size = 0x36000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_IO,
		},
		/* RAM, up to the inmates' regions below the hypervisor */
		{
			.phys_start = 0x40000000,
			.virt_start = 0x40000000,
			.size = 0x3fa10000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_EXECUTE,
		},
		/* PCIe ECAM */
		{
			.phys_start = 0x4010000000,
			.virt_start = 0x4010000000,
			.size = 0x10000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_IO,
		},
		/* ivshmem demo link (regions 3-7): state table */
		{
			.phys_start = 0x7fa10000,
			.virt_start = 0x7fa10000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ,
		},
		/* read/write section */
		{
			.phys_start = 0x7fa11000,
			.virt_start = 0x7fa11000,
			.size = 0xf000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE,
		},
		/* output sections of peers 0 (root), 1 and 2 */
		{
			.phys_start = 0x7fa20000,
			.virt_start = 0x7fa20000,
			.size = 0x4000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE,
		},
		{
			.phys_start = 0x7fa24000,
			.virt_start = 0x7fa24000,
			.size = 0x4000,
			.flags = JAILHOUSE_MEM_READ,
		},
		{
			.phys_start = 0x7fa28000,
			.virt_start = 0x7fa28000,
			.size = 0x4000,
			.flags = JAILHOUSE_MEM_READ,
		},
		/* ivshmem network link (regions 8-11), root is peer 0 */
		JAILHOUSE_SHMEM_NET_REGIONS(0x7fb00000, 0),
	},

	/* All SPIs of the board's range, 32-159, start in the root cell. */
	.irqchips = {
		{
			.address = 0x08000000,
			.pin_base = 32,
			.pin_bitmap = {
				0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
			},
		},
	},

	.pci_devices = {
		/* 00:00.0: the demo link */
		{
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = 1,
			.bdf = 0 << 3,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
			.shmem_regions_start = 3,
			.shmem_dev_id = 0,
			.shmem_peers = 3,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_UNDEFINED,
		},
		/* 00:01.0: the network link with the Linux cell */
		{
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = 1,
			.bdf = 1 << 3,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
			.shmem_regions_start = 8,
			.shmem_dev_id = 0,
			.shmem_peers = 2,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_VETH,
		},
	},
};
