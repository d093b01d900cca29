/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What changed in the kernel interfaces the modules use, between the
 * kernels they are built for (6.1, the test bed's, up to current ones).
 * One place for the version tests.
 */
#ifndef _JHD_COMPAT_H
#define _JHD_COMPAT_H

#include <linux/mm.h>
#include <linux/of.h>
#include <linux/version.h>

/* 6.6 added the node the overlay's targets are relative to */
static inline int jhd_overlay_fdt_apply(const void *fdt, u32 size, int *id)
{
#if KERNEL_VERSION(6, 6, 0) <= LINUX_VERSION_CODE
	return of_overlay_fdt_apply(fdt, size, id, NULL);
#else
	return of_overlay_fdt_apply(fdt, size, id);
#endif
}

/* 6.3 made vm_flags writable only through helpers */
static inline void jhd_vma_clear_flags(struct vm_area_struct *vma,
				       unsigned long flags)
{
#if KERNEL_VERSION(6, 3, 0) <= LINUX_VERSION_CODE
	vm_flags_clear(vma, flags);
#else
	vma->vm_flags &= ~flags;
#endif
}

#endif /* !_JHD_COMPAT_H */
