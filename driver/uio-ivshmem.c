// SPDX-License-Identifier: GPL-2.0
/*
 * uio_ivshmem: ivshmem-v2 devices (include/jailhouse/ivshmem.h) as UIO
 * devices, for stock kernels, which have no driver for them. Userspace
 * maps the register page and the shared memory and waits for the
 * doorbell interrupt by read() on /dev/uioN.
 *
 * The maps, in the order users of Jailhouse's uio_ivshmem rely on (a
 * map of size 0 is left out, the later ones move up):
 *   0 "registers"       the register page (BAR0), uncached
 *   1 "state_table"     one u32 per peer, read-only
 *   2 "rw_section"      the section every peer writes
 *   3 "input_sections"  all peers' output sections, read-only
 *   4 "output_section"  this peer's output section
 * Shared memory is mapped cached, as the other peers map it.
 *
 * Interrupts are one-shot: the device disables them on each delivery
 * and userspace enables them again by writing 1 to the interrupt control
 * register (or to /dev/uioN). Protocols 0 (undefined) and the custom
 * range bind here; networking and virtio have drivers of their own.
 */
#include <linux/io.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/uio_driver.h>

#include <jailhouse/ivshmem.h>

#include "compat.h"
#include "ivshmem-pci.h"

#define DRV_NAME	"uio_ivshmem"

struct uio_ivshmem {
	struct uio_info info;
	struct pci_dev *pdev;
	void __iomem *regs;
	char name[48];
	/* maps userspace may only read */
	unsigned long readonly;
};

static irqreturn_t uio_ivshmem_irq(int irq, struct uio_info *info)
{
	/* the doorbell needs no acknowledgement: edge, one-shot */
	return IRQ_HANDLED;
}

static int uio_ivshmem_irqcontrol(struct uio_info *info, s32 on)
{
	struct uio_ivshmem *dev = info->priv;

	writel(on ? IVSHMEM_INT_ENABLE : 0, dev->regs + IVSHMEM_REG_INT_CTRL);
	return 0;
}

/* A peer that closes its device has left: the others see state 0 */
static int uio_ivshmem_release(struct uio_info *info, struct inode *inode)
{
	struct uio_ivshmem *dev = info->priv;

	writel(0, dev->regs + IVSHMEM_REG_STATE);
	return 0;
}

static int uio_ivshmem_mmap(struct uio_info *info, struct vm_area_struct *vma)
{
	struct uio_ivshmem *dev = info->priv;
	unsigned int n = vma->vm_pgoff;
	struct uio_mem *mem;
	unsigned long size = vma->vm_end - vma->vm_start;

	if (n >= MAX_UIO_MAPS || !info->mem[n].size)
		return -EINVAL;
	mem = &info->mem[n];
	if (size > PAGE_ALIGN(mem->size))
		return -EINVAL;
	if (test_bit(n, &dev->readonly)) {
		if (vma->vm_flags & VM_WRITE)
			return -EACCES;
		jhd_vma_clear_flags(vma, VM_MAYWRITE);
	}
	if (mem->memtype == UIO_MEM_PHYS)
		vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	/* the shared memory keeps the cached attributes of a normal map */
	return remap_pfn_range(vma, vma->vm_start, mem->addr >> PAGE_SHIFT,
			       size, vma->vm_page_prot);
}

static void add_map(struct uio_ivshmem *dev, unsigned int *n,
		    const char *name, phys_addr_t addr, u64 size,
		    bool readonly, int memtype)
{
	struct uio_mem *mem;

	if (!size)
		return;
	mem = &dev->info.mem[(*n)++];
	mem->name = name;
	mem->addr = addr;
	mem->size = size;
	mem->memtype = memtype;
	if (readonly)
		__set_bit(*n - 1, &dev->readonly);
}

static int uio_ivshmem_maps(struct uio_ivshmem *dev)
{
	struct pci_dev *pdev = dev->pdev;
	struct ivshmem_layout l;
	u32 id, peers;
	u64 base;
	unsigned int n = 0;
	int err;

	err = ivshmem_read_layout(pdev, &l);
	if (err)
		return err;
	if (l.cap != IVSHMEM_CFG_VNDR_CAP) {
		dev_err(&pdev->dev, "no ivshmem vendor capability\n");
		return -ENODEV;
	}
	base = l.base;
	id = readl(dev->regs + IVSHMEM_REG_ID);
	peers = readl(dev->regs + IVSHMEM_REG_MAX_PEERS);
	if (!l.table_size || id >= peers || peers > IVSHMEM_MAX_PEERS) {
		dev_err(&pdev->dev, "state table of %u bytes, ID %u of %u peers\n",
			l.table_size, id, peers);
		return -ENODEV;
	}

	add_map(dev, &n, "registers", pci_resource_start(pdev, 0),
		pci_resource_len(pdev, 0), false, UIO_MEM_PHYS);
	add_map(dev, &n, "state_table", base, l.table_size, true, UIO_MEM_IOVA);
	base += l.table_size;
	add_map(dev, &n, "rw_section", base, l.rw_size, false, UIO_MEM_IOVA);
	base += l.rw_size;
	add_map(dev, &n, "input_sections", base, peers * l.out_size, true,
		UIO_MEM_IOVA);
	add_map(dev, &n, "output_section", base + id * l.out_size, l.out_size,
		false, UIO_MEM_IOVA);
	dev_info(&pdev->dev, "peer %u of %u, state table %u bytes, r/w %llu, output %llu bytes\n",
		 id, peers, l.table_size, l.rw_size, l.out_size);
	return 0;
}

static int uio_ivshmem_probe(struct pci_dev *pdev,
			     const struct pci_device_id *id)
{
	u16 protocol = pdev->class & 0xffff;	/* sub-class, interface */
	struct uio_ivshmem *dev;
	int err;

	if (protocol != JAILHOUSE_SHMEM_PROTO_UNDEFINED &&
	    (protocol < JAILHOUSE_SHMEM_PROTO_CUSTOM ||
	     protocol >= JAILHOUSE_SHMEM_PROTO_VIRTIO_FRONT))
		return -ENODEV;
	dev = devm_kzalloc(&pdev->dev, sizeof(*dev), GFP_KERNEL);
	if (!dev)
		return -ENOMEM;
	dev->pdev = pdev;
	err = pcim_enable_device(pdev);
	if (err)
		return err;
	err = pcim_iomap_regions(pdev, BIT(0), DRV_NAME);
	if (err)
		return err;
	dev->regs = pcim_iomap_table(pdev)[0];
	err = uio_ivshmem_maps(dev);
	if (err)
		return err;

	/* one-shot: a doorbell rings once until userspace wants more */
	pci_write_config_byte(pdev, IVSHMEM_CFG_PRIV_CTRL,
			      IVSHMEM_PRIV_ONESHOT);
	snprintf(dev->name, sizeof(dev->name), DRV_NAME "[%s]",
		 pci_name(pdev));
	dev->info.name = dev->name;
	dev->info.version = "1";
	dev->info.irq = pdev->irq;
	dev->info.irq_flags = IRQF_SHARED;
	dev->info.handler = uio_ivshmem_irq;
	dev->info.irqcontrol = uio_ivshmem_irqcontrol;
	dev->info.release = uio_ivshmem_release;
	dev->info.mmap = uio_ivshmem_mmap;
	dev->info.priv = dev;
	if (!pdev->irq)
		dev->info.irq = UIO_IRQ_NONE;
	err = devm_uio_register_device(&pdev->dev, &dev->info);
	if (err)
		return err;
	pci_set_drvdata(pdev, dev);
	return 0;
}

static void uio_ivshmem_remove(struct pci_dev *pdev)
{
	struct uio_ivshmem *dev = pci_get_drvdata(pdev);

	/* nothing rings a device nobody listens to */
	writel(0, dev->regs + IVSHMEM_REG_INT_CTRL);
	writel(0, dev->regs + IVSHMEM_REG_STATE);
}

static const struct pci_device_id uio_ivshmem_ids[] = {
	{ PCI_DEVICE(IVSHMEM_VENDOR_ID, IVSHMEM_DEVICE_ID),
	  .class = IVSHMEM_CLASS << 16, .class_mask = 0xff0000 },
	{ }
};
MODULE_DEVICE_TABLE(pci, uio_ivshmem_ids);

static struct pci_driver uio_ivshmem_driver = {
	.name = DRV_NAME,
	.id_table = uio_ivshmem_ids,
	.probe = uio_ivshmem_probe,
	.remove = uio_ivshmem_remove,
};
module_pci_driver(uio_ivshmem_driver);

MODULE_DESCRIPTION("UIO driver for ivshmem-v2 shared-memory devices");
MODULE_LICENSE("GPL");
