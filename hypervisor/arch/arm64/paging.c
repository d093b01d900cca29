// SPDX-License-Identifier: GPL-2.0
/*
 * Descriptor attributes of the EL2 stage-1 tables.
 */
#include <jailhouse/paging.h>
#include <asm/processor.h>
#include <asm/sysregs.h>

u64 paging_el2_attrs(bool device, bool writable, bool executable)
{
	u64 attrs = PTE_AF | PTE_AP1_RES1;

	if (device)
		attrs |= PTE_ATTRIDX(MAIR_IDX_DEVICE);
	else
		attrs |= PTE_ATTRIDX(MAIR_IDX_NORMAL) | PTE_SH_INNER;
	if (!writable)
		attrs |= PTE_AP_RO;
	if (!executable)
		attrs |= PTE_XN;
	return attrs;
}

/* Table walks are coherent; new entries only need to be visible. */
void arch_paging_flush(void)
{
	dsb(ishst);
	isb();
}

void arch_paging_flush_hv_page(unsigned long virt)
{
	dsb(ishst);
	asm volatile("tlbi vae2is, %0" : : "r" (virt >> PAGE_SHIFT) : "memory");
	dsb(ish);
	isb();
}

void arch_paging_flush_hv_page_local(unsigned long virt)
{
	dsb(ishst);
	asm volatile("tlbi vae2, %0" : : "r" (virt >> PAGE_SHIFT) : "memory");
	dsb(nsh);
	isb();
}

/* Clean and invalidate to the PoC, for readers with caches off. */
void arch_dcache_flush(const void *start, unsigned long size)
{
	unsigned long line = 4UL << ((read_sysreg(ctr_el0) >> 16) & 0xf);
	unsigned long addr = ALIGN_DOWN((unsigned long)start, line);

	for (; addr < (unsigned long)start + size; addr += line)
		asm volatile("dc civac, %0" : : "r" (addr) : "memory");
	dsb(sy);
}
