// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * ivshmem-v2 links of a config: one end's peer ID, protocol, interrupt
 * and sections, and the words for what is wrong with a device. The rules
 * themselves are include/jailhouse/ivshmem.h, the hypervisor's too; only
 * the messages are ours, with the values a reader needs to fix a config.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

/* Where region @region should start: right after the last non-empty one. */
static uint64_t expected_start(const struct jailhouse_memory *mem,
			       unsigned int first, unsigned int region)
{
	uint64_t next = 0;
	unsigned int n;

	for (n = first; n < region; n++)
		if (mem[n].size)
			next = mem[n].virt_start + mem[n].size;
	return next;
}

/* The fault in words; @region is the one at fault, where there is one. */
static void fault_text(char *buf, size_t size,
		       const struct jailhouse_cell_desc *desc,
		       const struct jailhouse_pci_device *dev,
		       enum jailhouse_ivshmem_fault fault, unsigned int region)
{
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(desc);
	unsigned int first = dev->shmem_regions_start;

	switch (fault) {
	case JAILHOUSE_IVSHMEM_PEERS:
		snprintf(buf, size, "shmem_peers %u must be 1 to %u",
			 dev->shmem_peers, (unsigned int)IVSHMEM_MAX_PEERS);
		break;
	case JAILHOUSE_IVSHMEM_DEV_ID:
		snprintf(buf, size,
			 "shmem_dev_id %u must be below shmem_peers %u",
			 dev->shmem_dev_id, dev->shmem_peers);
		break;
	case JAILHOUSE_IVSHMEM_REGIONS:
		snprintf(buf, size,
			 "shmem_regions_start %u: the state table, the read/write section and %u output sections need memory regions %u-%llu, but the config has %u",
			 first, dev->shmem_peers, first,
			 (unsigned long long)first + 1 + dev->shmem_peers,
			 desc->num_memory_regions);
		break;
	case JAILHOUSE_IVSHMEM_BAR_MASK:
		snprintf(buf, size,
			 "bar_mask[0] 0x%08x must be a 4 KiB or a 64 KiB register page (0xfffff000 or 0xffff0000)",
			 dev->bar_mask[0]);
		break;
	case JAILHOUSE_IVSHMEM_MSIX:
		snprintf(buf, size,
			 "num_msix_vectors %u: MSI-X needs an ITS this GIC does not have; use INTx (JAILHOUSE_IVSHMEM_BAR_MASK_INTX)",
			 dev->num_msix_vectors);
		break;
	case JAILHOUSE_IVSHMEM_STATE_TABLE:
		snprintf(buf, size,
			 "the state table (size 0x%llx) is smaller than 4 bytes for each of the %u peers",
			 (unsigned long long)mem[region].size,
			 dev->shmem_peers);
		break;
	case JAILHOUSE_IVSHMEM_STATE_WRITABLE:
		snprintf(buf, size,
			 "the state table is writable (only the hypervisor writes it)");
		break;
	case JAILHOUSE_IVSHMEM_OUTPUT_SIZE:
		snprintf(buf, size,
			 "the output sections differ in size: 0x%llx here, 0x%llx in region %u (peer 0's)",
			 (unsigned long long)mem[region].size,
			 (unsigned long long)
			 mem[first + IVSHMEM_REGION_OUTPUT(0)].size,
			 first + IVSHMEM_REGION_OUTPUT(0));
		break;
	case JAILHOUSE_IVSHMEM_OUTPUT_WRITABLE:
		snprintf(buf, size,
			 "the output section of peer %u is writable, but this is peer %u (only its own may be)",
			 region - first - IVSHMEM_REGION_OUTPUT(0),
			 dev->shmem_dev_id);
		break;
	case JAILHOUSE_IVSHMEM_GAP:
		snprintf(buf, size,
			 "the regions are not consecutive in guest addresses: this one starts at 0x%llx, not at 0x%llx",
			 (unsigned long long)mem[region].virt_start,
			 (unsigned long long)expected_start(mem, first, region));
		break;
	default:
		snprintf(buf, size, "fault %d", (int)fault);
	}
}

/* See internal.h. */
void jh_ivshmem_fault_message(char *buf, size_t size,
			      const struct jailhouse_cell_desc *desc,
			      unsigned int n,
			      enum jailhouse_ivshmem_fault fault,
			      unsigned int region)
{
	const struct jailhouse_pci_device *dev =
		&jailhouse_cell_pci_devices(desc)[n];
	int len;

	/* Faults before the state table's are about fields, not a region. */
	if (fault < JAILHOUSE_IVSHMEM_STATE_TABLE)
		len = snprintf(buf, size, "PCI device %u (" JAILHOUSE_BDF_FMT "): ", n,
			       JAILHOUSE_BDF_ARGS(dev->bdf));
	else
		len = snprintf(buf, size,
			       "PCI device %u (" JAILHOUSE_BDF_FMT "), region %u: ", n,
			       JAILHOUSE_BDF_ARGS(dev->bdf), region);
	if (len >= 0 && (size_t)len < size)
		fault_text(buf + len, size - (size_t)len, desc, dev, fault,
			   region);
}

/*
 * PCI device @idx as a link end whose sections can be read: of type
 * ivshmem, with a peer count and regions that fit the config. @mem gets
 * its first region, the state table.
 */
static int get_link(const struct jh_config *cfg, unsigned int idx,
		    const struct jailhouse_pci_device **dev,
		    const struct jailhouse_memory **mem)
{
	const struct jailhouse_cell_desc *desc = jh_config_desc(cfg);
	enum jailhouse_ivshmem_fault fault;
	unsigned int region;
	char text[384];
	int err;

	err = jh_config_pci_device(cfg, idx, dev);
	if (err)
		return err;
	if ((*dev)->type != JAILHOUSE_PCI_TYPE_IVSHMEM)
		return jh_fail(jh_config_get_ctx(cfg), EINVAL,
			       JH_ERR_INVALID_ARGUMENT,
			       "%s: PCI device %u (" JAILHOUSE_BDF_FMT ") is of type %u, not an ivshmem device (type %u)",
			       jh_config_get_source(cfg), idx,
			       JAILHOUSE_BDF_ARGS((*dev)->bdf), (*dev)->type,
			       JAILHOUSE_PCI_TYPE_IVSHMEM);
	fault = jailhouse_ivshmem_fault(desc, *dev, &region);
	if (fault != JAILHOUSE_IVSHMEM_PEERS &&
	    fault != JAILHOUSE_IVSHMEM_REGIONS) {
		*mem = jailhouse_cell_mem_regions(desc) +
		       (*dev)->shmem_regions_start;
		return 0;
	}
	jh_ivshmem_fault_message(text, sizeof(text), desc, idx, fault, region);
	return jh_fail(jh_config_get_ctx(cfg), EINVAL, JH_ERR_CONFIG_INVALID,
		       "%s: %s", jh_config_get_source(cfg), text);
}

JH_EXPORT int jh_config_get_ivshmem(const struct jh_config *cfg,
				    unsigned int idx,
				    struct jh_ivshmem *ivshmem)
{
	const struct jailhouse_pci_device *dev;
	const struct jailhouse_memory *mem;
	int err = get_link(cfg, idx, &dev, &mem);

	if (err)
		return err;
	memset(ivshmem, 0, sizeof(*ivshmem));
	ivshmem->bdf = dev->bdf;
	ivshmem->protocol = dev->shmem_protocol;
	ivshmem->id = dev->shmem_dev_id;
	ivshmem->peers = dev->shmem_peers;
	ivshmem->regions_start = dev->shmem_regions_start;
	ivshmem->intid = jailhouse_ivshmem_intid(jh_config_desc(cfg),
						 dev->bdf);
	memcpy(ivshmem->bar_mask, dev->bar_mask, sizeof(ivshmem->bar_mask));
	ivshmem->address = mem[IVSHMEM_REGION_STATE_TABLE].virt_start;
	ivshmem->state_table_size = mem[IVSHMEM_REGION_STATE_TABLE].size;
	ivshmem->rw_size = mem[IVSHMEM_REGION_RW].size;
	ivshmem->output_size = mem[IVSHMEM_REGION_OUTPUT(0)].size;
	return 0;
}

JH_EXPORT int jh_config_get_ivshmem_section(const struct jh_config *cfg,
					    unsigned int idx,
					    unsigned int section,
					    struct jh_ivshmem_section *sec)
{
	const struct jailhouse_pci_device *dev;
	const struct jailhouse_memory *mem;
	int err = get_link(cfg, idx, &dev, &mem);

	if (err)
		return err;
	if (section >= IVSHMEM_NUM_REGIONS(dev->shmem_peers))
		return jh_fail(jh_config_get_ctx(cfg), ERANGE,
			       JH_ERR_INVALID_ARGUMENT,
			       "%s: PCI device %u (" JAILHOUSE_BDF_FMT ") has no section %u (its link has %u peers, so %u sections)",
			       jh_config_get_source(cfg), idx,
			       JAILHOUSE_BDF_ARGS(dev->bdf), section,
			       dev->shmem_peers,
			       IVSHMEM_NUM_REGIONS(dev->shmem_peers));
	memset(sec, 0, sizeof(*sec));
	sec->region = dev->shmem_regions_start + section;
	sec->phys_start = mem[section].phys_start;
	sec->virt_start = mem[section].virt_start;
	sec->size = mem[section].size;
	sec->flags = mem[section].flags;
	return 0;
}

JH_EXPORT const char *jh_ivshmem_protocol_name(uint16_t protocol)
{
	if (protocol >= JAILHOUSE_SHMEM_PROTO_VIRTIO_BACK)
		return "virtio-back";
	if (protocol >= JAILHOUSE_SHMEM_PROTO_VIRTIO_FRONT)
		return "virtio-front";
	if (protocol >= JAILHOUSE_SHMEM_PROTO_CUSTOM)
		return "custom";
	if (protocol == JAILHOUSE_SHMEM_PROTO_VETH)
		return "veth";
	if (protocol == JAILHOUSE_SHMEM_PROTO_UNDEFINED)
		return "undefined";
	return "reserved";
}
