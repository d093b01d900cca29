// SPDX-License-Identifier: GPL-2.0
/*
 * The temporary window: one EL2 page through which the hypervisor reads
 * memory of the root cell (the cell config that CELL_CREATE names by
 * its address) and clears a destroyed cell's memory. It shows the zero
 * page while unused.
 *
 * Only the CPU running the management command touches the window,
 * between temp_map*() and temp_unmap(), so moving it invalidates that
 * CPU's TLB alone; temp_unmap() invalidates on every CPU, so none keeps
 * what another may have walked to meanwhile. Clearing a 128 MiB cell
 * moves it 32768 times: a broadcast each time is slow on hardware and,
 * under QEMU with many vCPUs, stopped every vCPU each time (a destroy
 * took 90 s on 16 vCPUs and 2 host cores).
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

/* Break before make: the TLB never holds two pages for the window. */
static void temp_set(u64 pte, bool all_cpus)
{
	WRITE_ONCE(*temp_pte, 0);
	if (all_cpus)
		arch_paging_flush_hv_page(TEMP_BASE);
	else
		arch_paging_flush_hv_page_local(TEMP_BASE);
	WRITE_ONCE(*temp_pte, pte);
	arch_paging_flush();
}

static void *temp_map_as(unsigned long phys, bool writable)
{
	temp_set(ALIGN_DOWN(phys, PAGE_SIZE) | temp_attrs(writable), false);
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
	temp_set(paging_hvirt2phys(zero_page) | temp_attrs(false), true);
}
