// SPDX-License-Identifier: GPL-2.0
/*
 * ivshmem-v2: devices of the same slot in different cells form a link
 * over shared memory (include/jailhouse/ivshmem.h). Each peer has an ID,
 * a state the others read in the state table, and a doorbell that rings
 * another peer's interrupt. The memory itself is mapped by the configs;
 * the hypervisor keeps the state table, which no peer may write, and
 * delivers the interrupts. A peer's cell CPUs and the management CPU
 * meet here at any time: a link's lock covers its members and their
 * interrupt state.
 */
#include <jailhouse/errno.h>
#include <jailhouse/pci.h>
#include <jailhouse/printk.h>
#include <jailhouse/string.h>
#include <asm/irqchip.h>

/* Links at once: each is one slot shared by up to 12 cells */
#define IVSHMEM_MAX_LINKS	64

struct ivshmem_link {
	unsigned int members;
	bool reserved;			/* for a cell being created */
	u16 bdf;
	u32 *state_table;		/* EL2 view of its first page */
	struct pci_device *peer[IVSHMEM_MAX_PEERS];
	spinlock_t lock;
};

static struct ivshmem_link links[IVSHMEM_MAX_LINKS];

static bool link_in_use(const struct ivshmem_link *link)
{
	return link->members || link->reserved;
}

static struct ivshmem_link *link_find(u16 bdf)
{
	unsigned int n;

	for (n = 0; n < IVSHMEM_MAX_LINKS; n++)
		if (link_in_use(&links[n]) && links[n].bdf == bdf)
			return &links[n];
	return NULL;
}

static const struct jailhouse_memory *
dev_region(const struct pci_device *dev, unsigned int n)
{
	return jailhouse_cell_mem_regions(dev->cell->config) +
	       dev->info->shmem_regions_start + n;
}

static void link_release(struct ivshmem_link *link)
{
	paging_unmap_ram(link->state_table, PAGE_SIZE);
	link->state_table = NULL;
	link->reserved = false;
}

/* A reservation of a cell that was not created goes back */
static void link_unreserve(u16 bdf)
{
	struct ivshmem_link *link = link_find(bdf);

	if (link && link->reserved && !link->members)
		link_release(link);
}

/*
 * What can fail of joining the links, before the cell exists: a slot
 * and the state table's mapping for each link the cell opens. Only
 * management changes links, one command at a time, so nothing else
 * takes them before ivshmem_link().
 */
int ivshmem_links_reserve(const struct cell *cell)
{
	const struct pci_device *dev;
	struct ivshmem_link *link;
	unsigned int n, slot = 0;

	for (n = 0; n < cell->config->num_pci_devices; n++) {
		dev = &cell->pci_devices[n];
		if (link_find(dev->info->bdf))
			continue;
		while (slot < IVSHMEM_MAX_LINKS && link_in_use(&links[slot]))
			slot++;
		if (slot == IVSHMEM_MAX_LINKS) {
			printk("Cell config: PCI device %u: all %u ivshmem links are in use\n",
			       n, IVSHMEM_MAX_LINKS);
			return -ENOSPC;
		}
		link = &links[slot];
		link->state_table = paging_map_ram(
			dev_region(dev, IVSHMEM_REGION_STATE_TABLE)->phys_start,
			PAGE_SIZE);
		if (!link->state_table)
			return -ENOMEM;
		link->bdf = dev->info->bdf;
		link->reserved = true;
		/* whatever was there is nobody's state */
		memset(link->state_table, 0, 4 * dev->info->shmem_peers);
	}
	return 0;
}

/* Raises vector 0, the only one with INTx, on a peer if it listens */
static void link_ring(struct pci_device *target)
{
	if (!(target->int_ctrl & IVSHMEM_INT_ENABLE) ||
	    (READ_ONCE(target->command) & PCI_CMD_INTX_OFF))
		return;
	if (target->priv_ctrl & IVSHMEM_PRIV_ONESHOT)
		target->int_ctrl &= ~IVSHMEM_INT_ENABLE;
	irqchip->set_pending(target->intid);
}

/* Under the link's lock: publish a new state, tell the others */
static void link_set_state(struct pci_device *dev, u32 state)
{
	struct ivshmem_link *link = dev->link;
	unsigned int id;

	if (dev->state == state)
		return;
	dev->state = state;
	WRITE_ONCE(link->state_table[dev->info->shmem_dev_id], state);
	for (id = 0; id < dev->info->shmem_peers; id++)
		if (link->peer[id] && link->peer[id] != dev)
			link_ring(link->peer[id]);
}

void ivshmem_link(struct pci_device *dev)
{
	struct ivshmem_link *link = link_find(dev->info->bdf);

	spin_lock(&link->lock);
	link->reserved = false;
	link->members++;
	link->peer[dev->info->shmem_dev_id] = dev;
	dev->link = link;
	spin_unlock(&link->lock);
}

void ivshmem_reset(struct pci_device *dev)
{
	if (dev->link) {
		spin_lock(&dev->link->lock);
		link_set_state(dev, 0);
		dev->int_ctrl = 0;
		dev->priv_ctrl = 0;
		spin_unlock(&dev->link->lock);
	}
}

void ivshmem_unlink(struct pci_device *dev)
{
	struct ivshmem_link *link = dev->link;

	if (!link) {
		link_unreserve(dev->info->bdf);
		return;
	}
	spin_lock(&link->lock);
	link_set_state(dev, 0);
	link->peer[dev->info->shmem_dev_id] = NULL;
	dev->link = NULL;
	link->members--;
	spin_unlock(&link->lock);
	if (!link->members)
		link_release(link);
}

/* The vendor capability (0x40-0x5f); nothing else up to 0x80 */
u32 ivshmem_cfg_read(const struct pci_device *dev, unsigned int reg)
{
	const struct jailhouse_memory *table =
		dev_region(dev, IVSHMEM_REGION_STATE_TABLE);
	u64 val;

	switch (reg) {
	case IVSHMEM_CFG_VNDR_CAP:
		return (u32)dev->priv_ctrl << 24 | IVSHMEM_CFG_VNDR_LEN << 16 |
		       PCI_CAP_VNDR;
	case IVSHMEM_CFG_STATE_TAB_SZ:
		return table->size;
	case IVSHMEM_CFG_RW_SECTION_SZ:
	case IVSHMEM_CFG_RW_SECTION_SZ + 4:
		val = dev_region(dev, IVSHMEM_REGION_RW)->size;
		break;
	case IVSHMEM_CFG_OUTPUT_SECTION_SZ:
	case IVSHMEM_CFG_OUTPUT_SECTION_SZ + 4:
		val = dev_region(dev, IVSHMEM_REGION_OUTPUT(0))->size;
		break;
	case IVSHMEM_CFG_ADDRESS:
	case IVSHMEM_CFG_ADDRESS + 4:
		val = table->virt_start;
		break;
	default:
		return 0;
	}
	return reg & 4 ? val >> 32 : (u32)val;
}

/* Only the one-shot bit is the guest's; the rest reads as it is */
void ivshmem_cfg_write(struct pci_device *dev, unsigned int reg, u32 mask,
		       u32 val)
{
	if (reg != IVSHMEM_CFG_VNDR_CAP || !(mask & 0xff000000))
		return;
	if (dev->link)
		spin_lock(&dev->link->lock);
	dev->priv_ctrl = (val >> 24) & IVSHMEM_PRIV_ONESHOT;
	if (dev->link)
		spin_unlock(&dev->link->lock);
}

static void doorbell(struct pci_device *dev, u32 val)
{
	unsigned int id = val >> 16, vector = val & 0xffff;
	struct pci_device *target;

	/* INTx has one vector; other IDs and vectors ring nothing */
	if (vector || id >= dev->info->shmem_peers)
		return;
	target = dev->link->peer[id];
	if (target)
		link_ring(target);
}

enum mmio_result ivshmem_register_access(struct pci_device *dev,
					 struct mmio_access *access)
{
	struct ivshmem_link *link = dev->link;

	if (access->size != 4 || access->address % 4) {
		printk("Cell \"%s\": %u-byte ivshmem register access at offset 0x%lx\n",
		       dev->cell->config->name, access->size, access->address);
		return MMIO_ERROR;
	}
	if (!link)	/* its cell's CPUs run only while it is linked */
		return MMIO_ERROR;
	spin_lock(&link->lock);
	if (!access->is_write) {
		switch (access->address) {
		case IVSHMEM_REG_ID:
			access->value = dev->info->shmem_dev_id;
			break;
		case IVSHMEM_REG_MAX_PEERS:
			access->value = dev->info->shmem_peers;
			break;
		case IVSHMEM_REG_INT_CTRL:
			access->value = dev->int_ctrl;
			break;
		case IVSHMEM_REG_STATE:
			access->value = dev->state;
			break;
		default:
			access->value = 0;
		}
	} else {
		switch (access->address) {
		case IVSHMEM_REG_INT_CTRL:
			dev->int_ctrl = access->value & IVSHMEM_INT_ENABLE;
			break;
		case IVSHMEM_REG_DOORBELL:
			doorbell(dev, access->value);
			break;
		case IVSHMEM_REG_STATE:
			link_set_state(dev, access->value);
			break;
		}
	}
	spin_unlock(&link->lock);
	return MMIO_HANDLED;
}
