/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * The ivshmem-v2 device as the hypervisor presents it on the virtual PCI
 * host, and the rules a config's ivshmem devices follow. The hypervisor
 * emulates it, the UIO driver and the inmate library drive it, the
 * checker and the hypervisor judge configs by the same rules below.
 */
#ifndef _JAILHOUSE_IVSHMEM_H
#define _JAILHOUSE_IVSHMEM_H

#include <jailhouse/cell-config.h>

#define IVSHMEM_VENDOR_ID		0x110a
#define IVSHMEM_DEVICE_ID		0x4106
/* PCI class "other": the protocol fills sub-class and interface */
#define IVSHMEM_CLASS			0xff
/* Peers of one link: the state table holds one u32 per peer */
#define IVSHMEM_MAX_PEERS		12

/* Config space: what is emulated; reads above it give all ones */
#define IVSHMEM_CFG_SIZE		0x80
/* The vendor capability: section sizes and where the memory is */
#define IVSHMEM_CFG_VNDR_CAP		0x40
#define IVSHMEM_CFG_VNDR_LEN		0x20
#define IVSHMEM_CFG_PRIV_CTRL		0x43	/* byte; bit 0: one-shot */
#define IVSHMEM_CFG_STATE_TAB_SZ	0x44	/* u32 */
#define IVSHMEM_CFG_RW_SECTION_SZ	0x48	/* u64 */
#define IVSHMEM_CFG_OUTPUT_SECTION_SZ	0x50	/* u64 */
#define IVSHMEM_CFG_ADDRESS		0x58	/* u64: the state table's */
#define IVSHMEM_PRIV_ONESHOT		0x01

/* The register page behind BAR0: aligned 32-bit accesses */
#define IVSHMEM_REG_ID			0x00	/* this peer's ID (RO) */
#define IVSHMEM_REG_MAX_PEERS		0x04	/* RO */
#define IVSHMEM_REG_INT_CTRL		0x08	/* bit 0: enable */
#define IVSHMEM_REG_DOORBELL		0x0c	/* WO: peer << 16 | vector */
#define IVSHMEM_REG_STATE		0x10	/* this peer's state */
#define IVSHMEM_INT_ENABLE		0x01
#define IVSHMEM_DOORBELL(peer, vector)	((__u32)(peer) << 16 | (vector))

/* The memory regions of a link, from shmem_regions_start on */
#define IVSHMEM_REGION_STATE_TABLE	0
#define IVSHMEM_REGION_RW		1
#define IVSHMEM_REGION_OUTPUT(peer)	(2U + (peer))
#define IVSHMEM_NUM_REGIONS(peers)	(2U + (peers))

/*
 * Where a guest's OS places the BARs: a window right after the ECAM that
 * the cell does not map, so accesses trap; room for a 64 KiB BAR0 and
 * BAR1 per device. Root's overlay and a Linux cell's DTB both use it.
 */
#define IVSHMEM_BAR_WINDOW_PER_DEVICE	0x20000

/* The INTx pin of a device: INTA..INTD by slot, as on real hosts */
static inline unsigned int jailhouse_ivshmem_pin(__u16 bdf)
{
	return ((bdf >> 3) & 3) + 1;
}

/* The GIC INTID that rings a cell's device at bdf (INTx) */
static inline unsigned int
jailhouse_ivshmem_intid(const struct jailhouse_cell_desc *cell, __u16 bdf)
{
	return 32 + cell->vpci_irq_base + jailhouse_ivshmem_pin(bdf) - 1;
}

/* What is wrong with one ivshmem device of a config, first fault first */
enum jailhouse_ivshmem_fault {
	JAILHOUSE_IVSHMEM_OK,
	JAILHOUSE_IVSHMEM_PEERS,	/* shmem_peers not 1..MAX_PEERS */
	JAILHOUSE_IVSHMEM_REGIONS,	/* regions past the config's */
	JAILHOUSE_IVSHMEM_DEV_ID,	/* shmem_dev_id not below peers */
	JAILHOUSE_IVSHMEM_BAR_MASK,	/* BAR0 not a 4 or 64 KiB page */
	JAILHOUSE_IVSHMEM_MSIX,		/* MSI-X vectors: not on this GIC */
	JAILHOUSE_IVSHMEM_STATE_TABLE,	/* too small for the peers */
	JAILHOUSE_IVSHMEM_STATE_WRITABLE, /* state table writable */
	JAILHOUSE_IVSHMEM_OUTPUT_SIZE,	/* output sections differ */
	JAILHOUSE_IVSHMEM_OUTPUT_WRITABLE, /* another peer's is writable */
	JAILHOUSE_IVSHMEM_GAP,		/* sections not consecutive */
};

/*
 * Checks the device's own fields and its regions; *region gets the index
 * (in the config) of the region at fault, where one is.
 */
static inline enum jailhouse_ivshmem_fault
jailhouse_ivshmem_fault(const struct jailhouse_cell_desc *cell,
			const struct jailhouse_pci_device *dev,
			unsigned int *region)
{
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(cell);
	unsigned int first = dev->shmem_regions_start, n, peer;
	__u64 next = 0;

	*region = first;
	if (dev->shmem_peers < 1 || dev->shmem_peers > IVSHMEM_MAX_PEERS)
		return JAILHOUSE_IVSHMEM_PEERS;
	/* early: callers index the regions unless PEERS or REGIONS */
	if (first > cell->num_memory_regions ||
	    cell->num_memory_regions - first <
	    IVSHMEM_NUM_REGIONS(dev->shmem_peers))
		return JAILHOUSE_IVSHMEM_REGIONS;
	if (dev->shmem_dev_id >= dev->shmem_peers)
		return JAILHOUSE_IVSHMEM_DEV_ID;
	if (dev->bar_mask[0] != 0xfffff000 && dev->bar_mask[0] != 0xffff0000)
		return JAILHOUSE_IVSHMEM_BAR_MASK;
	if (dev->num_msix_vectors)
		return JAILHOUSE_IVSHMEM_MSIX;

	mem += first;
	if (mem[IVSHMEM_REGION_STATE_TABLE].size < 4 * dev->shmem_peers)
		return JAILHOUSE_IVSHMEM_STATE_TABLE;
	if (mem[IVSHMEM_REGION_STATE_TABLE].flags & JAILHOUSE_MEM_WRITE)
		return JAILHOUSE_IVSHMEM_STATE_WRITABLE;
	for (peer = 0; peer < dev->shmem_peers; peer++) {
		const struct jailhouse_memory *out =
			&mem[IVSHMEM_REGION_OUTPUT(peer)];

		*region = first + IVSHMEM_REGION_OUTPUT(peer);
		if (out->size != mem[IVSHMEM_REGION_OUTPUT(0)].size)
			return JAILHOUSE_IVSHMEM_OUTPUT_SIZE;
		if (peer != dev->shmem_dev_id &&
		    (out->flags & JAILHOUSE_MEM_WRITE))
			return JAILHOUSE_IVSHMEM_OUTPUT_WRITABLE;
	}
	/* one block in the guest: peers find a section by its offset */
	for (n = 0; n < IVSHMEM_NUM_REGIONS(dev->shmem_peers); n++) {
		*region = first + n;
		if (!mem[n].size)
			continue;
		if (n && mem[n].virt_start != next)
			return JAILHOUSE_IVSHMEM_GAP;
		next = mem[n].virt_start + mem[n].size;
	}
	*region = first;
	return JAILHOUSE_IVSHMEM_OK;
}

/* What makes two devices of the same BDF in two cells not one link */
enum jailhouse_ivshmem_link_fault {
	JAILHOUSE_IVSHMEM_LINK_OK,
	JAILHOUSE_IVSHMEM_LINK_PEERS,	 /* shmem_peers differ */
	JAILHOUSE_IVSHMEM_LINK_PROTOCOL, /* shmem_protocol differs */
	JAILHOUSE_IVSHMEM_LINK_ID,	 /* both claim one shmem_dev_id */
	JAILHOUSE_IVSHMEM_LINK_MEMORY,	 /* a region's host range differs */
};

/* Both devices passed jailhouse_ivshmem_fault(); *n: the section at fault */
static inline enum jailhouse_ivshmem_link_fault
jailhouse_ivshmem_link_fault(const struct jailhouse_cell_desc *cell_a,
			     const struct jailhouse_pci_device *a,
			     const struct jailhouse_cell_desc *cell_b,
			     const struct jailhouse_pci_device *b,
			     unsigned int *n)
{
	const struct jailhouse_memory *mem_a =
		jailhouse_cell_mem_regions(cell_a) + a->shmem_regions_start;
	const struct jailhouse_memory *mem_b =
		jailhouse_cell_mem_regions(cell_b) + b->shmem_regions_start;

	*n = 0;
	if (a->shmem_peers != b->shmem_peers)
		return JAILHOUSE_IVSHMEM_LINK_PEERS;
	if (a->shmem_protocol != b->shmem_protocol)
		return JAILHOUSE_IVSHMEM_LINK_PROTOCOL;
	if (a->shmem_dev_id == b->shmem_dev_id)
		return JAILHOUSE_IVSHMEM_LINK_ID;
	for (*n = 0; *n < IVSHMEM_NUM_REGIONS(a->shmem_peers); (*n)++)
		if (mem_a[*n].size != mem_b[*n].size ||
		    (mem_a[*n].size &&
		     mem_a[*n].phys_start != mem_b[*n].phys_start))
			return JAILHOUSE_IVSHMEM_LINK_MEMORY;
	return JAILHOUSE_IVSHMEM_LINK_OK;
}

#endif /* !_JAILHOUSE_IVSHMEM_H */
