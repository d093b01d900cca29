/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * The binary configuration format, revision 14 (".cell" files).
 *
 * A system config is a struct jailhouse_system followed by the arrays of
 * its root cell; a cell config is a struct jailhouse_cell_desc followed by
 * its arrays. Everything is little-endian and packed. The identifiers are
 * those of the upstream format, so existing C config sources build
 * unchanged against this header.
 */
#ifndef _JAILHOUSE_CELL_CONFIG_H
#define _JAILHOUSE_CELL_CONFIG_H

#include <jailhouse/types.h>
#include <jailhouse/console.h>

#define JAILHOUSE_CONFIG_REVISION	14

#define JAILHOUSE_SYSTEM_SIGNATURE	"JHSYS"
#define JAILHOUSE_CELL_DESC_SIGNATURE	"JHCLL"
#define JAILHOUSE_SIGNATURE_SIZE	5

/* Architecture byte following the signature. */
#define JAILHOUSE_X86			0
#define JAILHOUSE_ARM			1
#define JAILHOUSE_ARM64			2

#define JAILHOUSE_CELL_NAME_MAXLEN	31

#define JAILHOUSE_MAX_IOMMU_UNITS	8

/* Cell flags */
#define JAILHOUSE_CELL_PASSIVE_COMMREG		0x00000001
#define JAILHOUSE_CELL_TEST_DEVICE		0x00000002
#define JAILHOUSE_CELL_AARCH32			0x00000004
#define JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED 0x40000000
#define JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE	0x80000000

#define CELL_FLAGS_VIRTUAL_CONSOLE_ACTIVE(flags) \
	!!((flags) & JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE)
#define CELL_FLAGS_VIRTUAL_CONSOLE_PERMITTED(flags) \
	!!((flags) & JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED)

struct jailhouse_cell_desc {
	char signature[JAILHOUSE_SIGNATURE_SIZE];
	__u8 architecture;
	__u16 revision;

	char name[JAILHOUSE_CELL_NAME_MAXLEN + 1];
	__u32 id;		/* filled in by the driver */
	__u32 flags;

	__u32 cpu_set_size;	/* bytes of CPU bitmap */
	__u32 num_memory_regions;
	__u32 num_cache_regions;
	__u32 num_irqchips;
	__u32 num_pio_regions;
	__u32 num_pci_devices;
	__u32 num_pci_caps;
	__u32 num_stream_ids;

	__u32 vpci_irq_base;

	__u64 cpu_reset_address;
	__u64 msg_reply_timeout;	/* polling iterations; 0: no limit of
					   its own (ours stops at 2 s) */

	struct jailhouse_console console;
} __attribute__((packed));

/* Memory region flags */
#define JAILHOUSE_MEM_READ		0x0001
#define JAILHOUSE_MEM_WRITE		0x0002
#define JAILHOUSE_MEM_EXECUTE		0x0004
#define JAILHOUSE_MEM_DMA		0x0008
#define JAILHOUSE_MEM_IO		0x0010
#define JAILHOUSE_MEM_COMM_REGION	0x0020
#define JAILHOUSE_MEM_LOADABLE		0x0040
#define JAILHOUSE_MEM_ROOTSHARED	0x0080
#define JAILHOUSE_MEM_NO_HUGEPAGES	0x0100
#define JAILHOUSE_MEM_IO_UNALIGNED	0x8000
#define JAILHOUSE_MEM_IO_WIDTH_SHIFT	16 /* width in bytes << shift */
#define JAILHOUSE_MEM_IO_8		(1 << JAILHOUSE_MEM_IO_WIDTH_SHIFT)
#define JAILHOUSE_MEM_IO_16		(2 << JAILHOUSE_MEM_IO_WIDTH_SHIFT)
#define JAILHOUSE_MEM_IO_32		(4 << JAILHOUSE_MEM_IO_WIDTH_SHIFT)
#define JAILHOUSE_MEM_IO_64		(8 << JAILHOUSE_MEM_IO_WIDTH_SHIFT)

struct jailhouse_memory {
	__u64 phys_start;
	__u64 virt_start;
	__u64 size;
	__u64 flags;
} __attribute__((packed));

/* Shared-memory (ivshmem) region helpers, as used by config sources. */
#define JAILHOUSE_SHMEM_NET_REGIONS(start, dev_id)			\
	{								\
		.phys_start = start,					\
		.virt_start = start,					\
		.size = 0x1000,						\
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,	\
	},								\
	{ 0 },								\
	{								\
		.phys_start = (start) + 0x1000,				\
		.virt_start = (start) + 0x1000,				\
		.size = 0x7f000,					\
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED | \
			 ((dev_id == 0) ? JAILHOUSE_MEM_WRITE : 0),	\
	},								\
	{								\
		.phys_start = (start) + 0x80000,			\
		.virt_start = (start) + 0x80000,			\
		.size = 0x7f000,					\
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED | \
			 ((dev_id == 1) ? JAILHOUSE_MEM_WRITE : 0),	\
	}

/* Cache allocation regions (x86 CAT; never used on arm64). */
#define JAILHOUSE_CACHE_L3_CODE		0x01
#define JAILHOUSE_CACHE_L3_DATA		0x02
#define JAILHOUSE_CACHE_L3		(JAILHOUSE_CACHE_L3_CODE | \
					 JAILHOUSE_CACHE_L3_DATA)
#define JAILHOUSE_CACHE_ROOTSHARED	0x0001

struct jailhouse_cache {
	__u32 start;
	__u32 size;
	__u8 type;
	__u8 padding;
	__u16 flags;
} __attribute__((packed));

/*
 * Interrupt chip: on arm64 an entry applies when its address is the GIC
 * distributor's. Bit k of pin_bitmap[w] grants INTID pin_base + 32 * w + k.
 * What a cell can be granted are the GIC's shared peripheral interrupts.
 */
#define JAILHOUSE_GIC_SPI_FIRST		32
#define JAILHOUSE_GIC_SPI_LAST		1019

struct jailhouse_irqchip {
	__u64 address;
	__u32 id;
	__u32 pin_base;
	__u32 pin_bitmap[4];
} __attribute__((packed));

/* Port I/O ranges (x86 only). */
struct jailhouse_pio {
	__u16 base;
	__u16 length;
} __attribute__((packed));

#define PIO_RANGE(__base, __length)	\
	{				\
		.base = __base,		\
		.length = __length,	\
	}

#define JAILHOUSE_PCI_TYPE_DEVICE	0x01
#define JAILHOUSE_PCI_TYPE_BRIDGE	0x02
#define JAILHOUSE_PCI_TYPE_IVSHMEM	0x03

#define JAILHOUSE_SHMEM_PROTO_UNDEFINED		0x0000
#define JAILHOUSE_SHMEM_PROTO_VETH		0x0001
#define JAILHOUSE_SHMEM_PROTO_CUSTOM		0x4000	/* 0x4000..0x7fff */
#define JAILHOUSE_SHMEM_PROTO_VIRTIO_FRONT	0x8000	/* 0x8000..0xbfff */
#define JAILHOUSE_SHMEM_PROTO_VIRTIO_BACK	0xc000	/* 0xc000..0xffff */

#define VIRTIO_DEV_NET				1
#define VIRTIO_DEV_BLOCK			2
#define VIRTIO_DEV_CONSOLE			3

#define JAILHOUSE_IVSHMEM_BAR_MASK_INTX			\
	{ 0xfffff000, 0x00000000, 0x00000000,		\
	  0x00000000, 0x00000000, 0x00000000 }
#define JAILHOUSE_IVSHMEM_BAR_MASK_MSIX			\
	{ 0xfffff000, 0xfffff000, 0x00000000,		\
	  0x00000000, 0x00000000, 0x00000000 }
#define JAILHOUSE_IVSHMEM_BAR_MASK_INTX_64K		\
	{ 0xffff0000, 0x00000000, 0x00000000,		\
	  0x00000000, 0x00000000, 0x00000000 }
#define JAILHOUSE_IVSHMEM_BAR_MASK_MSIX_64K		\
	{ 0xffff0000, 0xffff0000, 0x00000000,		\
	  0x00000000, 0x00000000, 0x00000000 }

/* A device's bus:device.function from its bdf, as lspci prints it */
#define JAILHOUSE_BDF_FMT		"%02x:%02x.%x"
#define JAILHOUSE_BDF_ARGS(bdf)		(bdf) >> 8, ((bdf) >> 3) & 0x1f, (bdf) & 7

struct jailhouse_pci_device {
	__u8 type;
	__u8 iommu;		/* index into iommu_units */
	__u16 domain;
	__u16 bdf;		/* bus << 8 | device << 3 | function */
	__u32 bar_mask[6];
	__u16 caps_start;	/* index into the capability array */
	__u16 num_caps;
	__u8 num_msi_vectors;
	__u8 msi_64bits:1;
	__u8 msi_maskable:1;
	__u16 num_msix_vectors;
	__u16 msix_region_size;
	__u64 msix_address;
	__u32 shmem_regions_start;	/* first memory region of ivshmem */
	__u8 shmem_dev_id;
	__u8 shmem_peers;
	__u16 shmem_protocol;
} __attribute__((packed));

#define JAILHOUSE_PCI_EXT_CAP		0x8000
#define JAILHOUSE_PCICAPS_WRITE		0x0001

struct jailhouse_pci_capability {
	__u16 id;
	__u16 start;
	__u16 len;
	__u16 flags;
} __attribute__((packed));

/* SMMU stream IDs; the MMU-500 view splits the word into ID and mask. */
union jailhouse_stream_id {
	__u32 id;
	struct {
		__u16 id;
		__u16 mask_out;
	} __attribute__((packed)) mmu500;
} __attribute__((packed));

#define JAILHOUSE_IOMMU_UNUSED		0
#define JAILHOUSE_IOMMU_AMD		1
#define JAILHOUSE_IOMMU_INTEL		2
#define JAILHOUSE_IOMMU_SMMUV3		3
#define JAILHOUSE_IOMMU_PVU		4
#define JAILHOUSE_IOMMU_ARM_MMU500	5

struct jailhouse_iommu {
	__u32 type;
	__u64 base;
	__u32 size;
	union {
		struct {
			__u16 bdf;
			__u8 base_cap;
			__u8 msi_cap;
			__u32 features;
		} __attribute__((packed)) amd;
		struct {
			__u64 tlb_base;
			__u32 tlb_size;
		} __attribute__((packed)) tipvu;
	};
} __attribute__((packed));

/* System flags */
#define JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE	0x0001

#define SYS_FLAGS_VIRTUAL_DEBUG_CONSOLE(flags) \
	!!((flags) & JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE)

/* pci_domain -1: Linux numbers the virtual PCI host like any other */
#define JAILHOUSE_PCI_DOMAIN_ANY	0xffff

/* The root cell's descriptor is embedded; its arrays follow this struct. */
struct jailhouse_system {
	char signature[JAILHOUSE_SIGNATURE_SIZE];
	__u8 architecture;
	__u16 revision;

	__u32 flags;

	/* Only phys_start and size are used. */
	struct jailhouse_memory hypervisor_memory;
	struct jailhouse_console debug_console;
	struct {
		__u64 pci_mmconfig_base;
		__u8 pci_mmconfig_end_bus;
		__u8 pci_is_virtual;
		__u16 pci_domain;	/* or JAILHOUSE_PCI_DOMAIN_ANY */
		struct jailhouse_iommu iommu_units[JAILHOUSE_MAX_IOMMU_UNITS];
		union {
			struct {
				__u16 pm_timer_address;
				__u8 apic_mode;
				__u8 padding;
				__u32 vtd_interrupt_limit;
				__u32 tsc_khz;
				__u32 apic_khz;
			} __attribute__((packed)) x86;
			struct {
				__u8 maintenance_irq;
				__u8 gic_version;
				__u8 padding[2];
				__u64 gicd_base;
				__u64 gicc_base;
				__u64 gich_base;
				__u64 gicv_base;
				__u64 gicr_base;
			} __attribute__((packed)) arm;
		} __attribute__((packed));
	} __attribute__((packed)) platform_info;
	struct jailhouse_cell_desc root_cell;
} __attribute__((packed));

/*
 * Accessors for the arrays behind a descriptor. They trust the counts:
 * whoever reads an untrusted file checks its size with
 * jailhouse_cell_config_size() against the real length first.
 */
static inline __u64 jailhouse_cell_config_size(const struct jailhouse_cell_desc *cell)
{
	return sizeof(struct jailhouse_cell_desc) +
		(__u64)cell->cpu_set_size +
		(__u64)cell->num_memory_regions * sizeof(struct jailhouse_memory) +
		(__u64)cell->num_cache_regions * sizeof(struct jailhouse_cache) +
		(__u64)cell->num_irqchips * sizeof(struct jailhouse_irqchip) +
		(__u64)cell->num_pio_regions * sizeof(struct jailhouse_pio) +
		(__u64)cell->num_pci_devices * sizeof(struct jailhouse_pci_device) +
		(__u64)cell->num_pci_caps * sizeof(struct jailhouse_pci_capability) +
		(__u64)cell->num_stream_ids * sizeof(union jailhouse_stream_id);
}

static inline __u64 jailhouse_system_config_size(const struct jailhouse_system *sys)
{
	return sizeof(*sys) - sizeof(sys->root_cell) +
		jailhouse_cell_config_size(&sys->root_cell);
}

static inline const __u8 *jailhouse_cell_cpu_set(const struct jailhouse_cell_desc *cell)
{
	return (const __u8 *)cell + sizeof(struct jailhouse_cell_desc);
}

/* One past the highest CPU in a cell's set; 0 for an empty set. */
static inline unsigned int jailhouse_cell_cpu_span(const struct jailhouse_cell_desc *cell)
{
	const __u8 *set = jailhouse_cell_cpu_set(cell);
	unsigned int n = cell->cpu_set_size * 8;

	while (n > 0 && !(set[(n - 1) / 8] & (1U << ((n - 1) % 8))))
		n--;
	return n;
}

static inline const struct jailhouse_memory *
jailhouse_cell_mem_regions(const struct jailhouse_cell_desc *cell)
{
	return (const struct jailhouse_memory *)
		(jailhouse_cell_cpu_set(cell) + cell->cpu_set_size);
}

static inline const struct jailhouse_cache *
jailhouse_cell_cache_regions(const struct jailhouse_cell_desc *cell)
{
	return (const struct jailhouse_cache *)
		(jailhouse_cell_mem_regions(cell) + cell->num_memory_regions);
}

static inline const struct jailhouse_irqchip *
jailhouse_cell_irqchips(const struct jailhouse_cell_desc *cell)
{
	return (const struct jailhouse_irqchip *)
		(jailhouse_cell_cache_regions(cell) + cell->num_cache_regions);
}

static inline const struct jailhouse_pio *
jailhouse_cell_pio(const struct jailhouse_cell_desc *cell)
{
	return (const struct jailhouse_pio *)
		(jailhouse_cell_irqchips(cell) + cell->num_irqchips);
}

static inline const struct jailhouse_pci_device *
jailhouse_cell_pci_devices(const struct jailhouse_cell_desc *cell)
{
	return (const struct jailhouse_pci_device *)
		(jailhouse_cell_pio(cell) + cell->num_pio_regions);
}

static inline const struct jailhouse_pci_capability *
jailhouse_cell_pci_caps(const struct jailhouse_cell_desc *cell)
{
	return (const struct jailhouse_pci_capability *)
		(jailhouse_cell_pci_devices(cell) + cell->num_pci_devices);
}

static inline const union jailhouse_stream_id *
jailhouse_cell_stream_ids(const struct jailhouse_cell_desc *cell)
{
	return (const union jailhouse_stream_id *)
		(jailhouse_cell_pci_caps(cell) + cell->num_pci_caps);
}

/* For config sources; the kernel has its own, type-checked one. */
#if !defined(__KERNEL__) && !defined(ARRAY_SIZE)
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#endif

/* Layout of revision 14, pinned. */
JH_ABI_SIZE(struct jailhouse_memory, 32);
JH_ABI_SIZE(struct jailhouse_cache, 12);
JH_ABI_SIZE(struct jailhouse_irqchip, 32);
JH_ABI_SIZE(struct jailhouse_pio, 4);
JH_ABI_SIZE(struct jailhouse_pci_device, 56);
JH_ABI_SIZE(struct jailhouse_pci_capability, 8);
JH_ABI_SIZE(union jailhouse_stream_id, 4);
JH_ABI_SIZE(struct jailhouse_iommu, 28);
JH_ABI_SIZE(struct jailhouse_cell_desc, 132);
JH_ABI_SIZE(struct jailhouse_system, 488);

JH_ABI_OFFSET(struct jailhouse_cell_desc, architecture, 5);
JH_ABI_OFFSET(struct jailhouse_cell_desc, revision, 6);
JH_ABI_OFFSET(struct jailhouse_cell_desc, name, 8);
JH_ABI_OFFSET(struct jailhouse_cell_desc, id, 40);
JH_ABI_OFFSET(struct jailhouse_cell_desc, flags, 44);
JH_ABI_OFFSET(struct jailhouse_cell_desc, cpu_set_size, 48);
JH_ABI_OFFSET(struct jailhouse_cell_desc, num_memory_regions, 52);
JH_ABI_OFFSET(struct jailhouse_cell_desc, num_cache_regions, 56);
JH_ABI_OFFSET(struct jailhouse_cell_desc, num_irqchips, 60);
JH_ABI_OFFSET(struct jailhouse_cell_desc, num_pio_regions, 64);
JH_ABI_OFFSET(struct jailhouse_cell_desc, num_pci_devices, 68);
JH_ABI_OFFSET(struct jailhouse_cell_desc, num_pci_caps, 72);
JH_ABI_OFFSET(struct jailhouse_cell_desc, num_stream_ids, 76);
JH_ABI_OFFSET(struct jailhouse_cell_desc, vpci_irq_base, 80);
JH_ABI_OFFSET(struct jailhouse_cell_desc, cpu_reset_address, 84);
JH_ABI_OFFSET(struct jailhouse_cell_desc, msg_reply_timeout, 92);
JH_ABI_OFFSET(struct jailhouse_cell_desc, console, 100);

JH_ABI_OFFSET(struct jailhouse_system, flags, 8);
JH_ABI_OFFSET(struct jailhouse_system, hypervisor_memory, 12);
JH_ABI_OFFSET(struct jailhouse_system, debug_console, 44);
JH_ABI_OFFSET(struct jailhouse_system, platform_info, 76);
JH_ABI_OFFSET(struct jailhouse_system, platform_info.pci_mmconfig_end_bus, 84);
JH_ABI_OFFSET(struct jailhouse_system, platform_info.pci_is_virtual, 85);
JH_ABI_OFFSET(struct jailhouse_system, platform_info.pci_domain, 86);
JH_ABI_OFFSET(struct jailhouse_system, platform_info.iommu_units, 88);
JH_ABI_OFFSET(struct jailhouse_system, platform_info.arm.maintenance_irq, 312);
JH_ABI_OFFSET(struct jailhouse_system, platform_info.arm.gic_version, 313);
JH_ABI_OFFSET(struct jailhouse_system, platform_info.arm.gicd_base, 316);
JH_ABI_OFFSET(struct jailhouse_system, platform_info.arm.gicc_base, 324);
JH_ABI_OFFSET(struct jailhouse_system, platform_info.arm.gich_base, 332);
JH_ABI_OFFSET(struct jailhouse_system, platform_info.arm.gicv_base, 340);
JH_ABI_OFFSET(struct jailhouse_system, platform_info.arm.gicr_base, 348);
JH_ABI_OFFSET(struct jailhouse_system, platform_info.x86.tsc_khz, 320);
JH_ABI_OFFSET(struct jailhouse_system, root_cell, 356);

JH_ABI_OFFSET(struct jailhouse_pci_device, bdf, 4);
JH_ABI_OFFSET(struct jailhouse_pci_device, bar_mask, 6);
JH_ABI_OFFSET(struct jailhouse_pci_device, caps_start, 30);
JH_ABI_OFFSET(struct jailhouse_pci_device, num_msi_vectors, 34);
JH_ABI_OFFSET(struct jailhouse_pci_device, num_msix_vectors, 36);
JH_ABI_OFFSET(struct jailhouse_pci_device, msix_address, 40);
JH_ABI_OFFSET(struct jailhouse_pci_device, shmem_regions_start, 48);
JH_ABI_OFFSET(struct jailhouse_pci_device, shmem_dev_id, 52);
JH_ABI_OFFSET(struct jailhouse_pci_device, shmem_protocol, 54);

JH_ABI_OFFSET(struct jailhouse_iommu, base, 4);
JH_ABI_OFFSET(struct jailhouse_iommu, size, 12);
JH_ABI_OFFSET(struct jailhouse_iommu, amd.features, 20);
JH_ABI_OFFSET(struct jailhouse_iommu, tipvu.tlb_size, 24);

JH_ABI_OFFSET(struct jailhouse_irqchip, pin_base, 12);
JH_ABI_OFFSET(struct jailhouse_irqchip, pin_bitmap, 16);

#endif /* !_JAILHOUSE_CELL_CONFIG_H */
