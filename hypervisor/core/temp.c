// SPDX-License-Identifier: GPL-2.0
/*
 * The temporary window: one EL2 page through which the hypervisor reads
 * memory of the root cell (the cell config that CELL_CREATE names by
 * its address) and clears a destroyed cell's memory. It shows the zero
 * page while unused.
 */
#include <jailhouse/errno.h>
#include <jailhouse/paging.h>

static u64 *temp_pte;

static u64 temp_attrs(bool writable)
{
	return paging_el2_attrs(false, writable, false) | PTE_PAGE | PTE_VALID;
}

int temp_window_init(void)
{
	int err;

	err = paging_create(&hv_paging, paging_hvirt2phys(zero_page),
			    PAGE_SIZE, TEMP_BASE,
			    paging_el2_attrs(false, false, false), 0);
	if (err)
		return err;
	temp_pte = paging_leaf_pte(&hv_paging, TEMP_BASE);
	return temp_pte ? 0 : -ENOMEM;
}

static void *temp_map_as(unsigned long phys, bool writable)
{
	WRITE_ONCE(*temp_pte, ALIGN_DOWN(phys, PAGE_SIZE) | temp_attrs(writable));
	arch_paging_flush_hv_page(TEMP_BASE);
	return (void *)(TEMP_BASE + (phys & (PAGE_SIZE - 1)));
}

const void *temp_map(unsigned long phys)
{
	return temp_map_as(phys, false);
}

void *temp_map_writable(unsigned long phys)
{
	return temp_map_as(phys, true);
}

void temp_unmap(void)
{
	WRITE_ONCE(*temp_pte, paging_hvirt2phys(zero_page) | temp_attrs(false));
	arch_paging_flush_hv_page(TEMP_BASE);
}
