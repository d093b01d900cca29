/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What uio_ivshmem and ivshmem_net both read from an ivshmem-v2 device's
 * vendor capability: where the shared memory is and how it is cut up.
 */
#ifndef _JHD_IVSHMEM_PCI_H
#define _JHD_IVSHMEM_PCI_H

#include <linux/pci.h>

#include <jailhouse/ivshmem.h>

struct ivshmem_layout {
	int cap;		/* the capability's offset in config space */
	u32 table_size;		/* state table */
	u64 rw_size;		/* the section every peer writes */
	u64 out_size;		/* each peer's output section */
	u64 base;		/* the state table's address */
};

/* A register of the vendor capability (IVSHMEM_CFG_*), wherever it sits */
static inline int ivshmem_cap_reg(const struct ivshmem_layout *l, int reg)
{
	return l->cap + reg - IVSHMEM_CFG_VNDR_CAP;
}

static inline u64 ivshmem_cfg_read64(struct pci_dev *pdev, int reg)
{
	u32 lo, hi;

	pci_read_config_dword(pdev, reg, &lo);
	pci_read_config_dword(pdev, reg + 4, &hi);
	return (u64)hi << 32 | lo;
}

/* -ENODEV, said in the log, without the capability */
static inline int ivshmem_read_layout(struct pci_dev *pdev,
				      struct ivshmem_layout *l)
{
	l->cap = pci_find_capability(pdev, PCI_CAP_ID_VNDR);
	if (!l->cap) {
		dev_err(&pdev->dev, "no ivshmem vendor capability\n");
		return -ENODEV;
	}
	pci_read_config_dword(pdev, ivshmem_cap_reg(l, IVSHMEM_CFG_STATE_TAB_SZ),
			      &l->table_size);
	l->rw_size = ivshmem_cfg_read64(pdev,
			ivshmem_cap_reg(l, IVSHMEM_CFG_RW_SECTION_SZ));
	l->out_size = ivshmem_cfg_read64(pdev,
			ivshmem_cap_reg(l, IVSHMEM_CFG_OUTPUT_SECTION_SZ));
	l->base = ivshmem_cfg_read64(pdev,
			ivshmem_cap_reg(l, IVSHMEM_CFG_ADDRESS));
	return 0;
}

#endif /* !_JHD_IVSHMEM_PCI_H */
