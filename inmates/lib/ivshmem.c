// SPDX-License-Identifier: GPL-2.0
/*
 * ivshmem-v2 for inmates: find the sizes and the address in the vendor
 * capability, place the register page, map the sections, take the INTx.
 */
#include <inmate/inmate.h>
#include <inmate/ivshmem.h>
#include <inmate/mmu.h>
#include <inmate/pci.h>

static u64 cfg_read64(u16 bdf, unsigned int reg)
{
	return pci_read(bdf, reg, 4) | (u64)pci_read(bdf, reg + 4, 4) << 32;
}

int ivshmem_open(struct ivshmem *dev, u16 bdf, unsigned long bar)
{
	unsigned int cap = pci_find_cap(bdf, PCI_CAP_VNDR);
	u64 base, total;
	u32 table_size;

	if (cap != IVSHMEM_CFG_VNDR_CAP) {
		printk("ivshmem " JAILHOUSE_BDF_FMT ": no vendor capability at 0x%x\n",
		       JAILHOUSE_BDF_ARGS(bdf), IVSHMEM_CFG_VNDR_CAP);
		return -1;
	}
	dev->bdf = bdf;
	table_size = pci_read(bdf, IVSHMEM_CFG_STATE_TAB_SZ, 4);
	dev->rw_size = cfg_read64(bdf, IVSHMEM_CFG_RW_SECTION_SZ);
	dev->out_size = cfg_read64(bdf, IVSHMEM_CFG_OUTPUT_SECTION_SZ);
	base = cfg_read64(bdf, IVSHMEM_CFG_ADDRESS);

	pci_write(bdf, PCI_CFG_BAR0, bar, 4);
	pci_write(bdf, PCI_CFG_COMMAND, PCI_CMD_MEM, 2);
	dev->regs = bar;
	dev->id = mmio_read32(bar + IVSHMEM_REG_ID);
	dev->peers = mmio_read32(bar + IVSHMEM_REG_MAX_PEERS);

	total = table_size + dev->rw_size + dev->peers * dev->out_size;
	if (mmu_map_normal(base, total)) {
		printk("ivshmem: cannot map %lx-%lx cached\n", base,
		       base + total - 1);
		return -1;
	}
	dev->state_table = (volatile u32 *)base;
	dev->rw = (volatile u8 *)(base + table_size);
	dev->out = dev->rw + dev->rw_size;
	dev->intid = 32 + comm_region()->vpci_irq_base +
		     jailhouse_ivshmem_pin(bdf) - 1;
	return 0;
}

void ivshmem_set_state(struct ivshmem *dev, u32 state)
{
	mmio_write32(dev->regs + IVSHMEM_REG_STATE, state);
}

void ivshmem_enable_irq(struct ivshmem *dev, bool on)
{
	if (on)
		gic_enable_spi(dev->intid);
	mmio_write32(dev->regs + IVSHMEM_REG_INT_CTRL,
		     on ? IVSHMEM_INT_ENABLE : 0);
	if (!on)
		gic_disable_spi(dev->intid);
}

void ivshmem_ring(struct ivshmem *dev, unsigned int peer)
{
	/* what was written before must be seen before the interrupt */
	dsb(ish);
	mmio_write32(dev->regs + IVSHMEM_REG_DOORBELL,
		     IVSHMEM_DOORBELL(peer, 0));
}
