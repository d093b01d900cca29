// SPDX-License-Identifier: GPL-2.0
/*
 * Stage-2 translation of the cells: 4 KiB granule, IPA size from
 * ID_AA64MMFR0_EL1.PARange, VMID = cell id.
 */
#include <jailhouse/cell.h>
#include <jailhouse/errno.h>
#include <jailhouse/printk.h>
#include <asm/stage2.h>
#include <asm/sysregs.h>

extern struct jailhouse_console_page console_page;

unsigned int ipa_bits;
static unsigned int s2_start_level, s2_root_pages;
static u64 vtcr_cell;

static const unsigned char parange_bits[] = { 32, 36, 40, 42, 44, 48, 52 };

void stage2_init(void)
{
	unsigned int parange = ID_AA64MMFR0_PARANGE(read_sysreg(id_aa64mmfr0_el1));
	unsigned int sl0;

	if (parange >= ARRAY_SIZE(parange_bits))
		parange = ARRAY_SIZE(parange_bits) - 1;
	ipa_bits = parange_bits[parange];
	if (ipa_bits > 48) {	/* 52 bits would need 64 KiB pages */
		ipa_bits = 48;
		parange = 5;
	}

	/* Start at L1 with up to 16 concatenated tables, else at L0. */
	if (ipa_bits <= 43) {
		s2_start_level = 1;
		s2_root_pages = ipa_bits > 39 ? 1 << (ipa_bits - 39) : 1;
		sl0 = 1;
	} else {
		s2_start_level = 0;
		s2_root_pages = 1;
		sl0 = 2;
	}
	vtcr_cell = TCR_T0SZ(ipa_bits) | (sl0 << VTCR_SL0_SHIFT) |
		TCR_IRGN0_WBWA | TCR_ORGN0_WBWA | TCR_SH0_INNER |
		((u64)parange << TCR_PS_SHIFT) | VTCR_EL2_RES1;
}

/* The root table(s) of a cell's stage 2, concatenated where it starts at L1 */
int stage2_root_alloc(struct cell *cell)
{
	cell->s2.root = page_alloc(&mem_pool, s2_root_pages, s2_root_pages);
	if (!cell->s2.root)
		return -ENOMEM;
	cell->s2.start_level = s2_start_level;
	cell->s2.root_pages = s2_root_pages;
	return 0;
}

void stage2_root_free(struct cell *cell)
{
	page_free(&mem_pool, cell->s2.root, cell->s2.root_pages);
	cell->s2.root = NULL;
}

unsigned long arch_ipa_limit(void)
{
	return 1UL << ipa_bits;
}

bool arch_s2_readable_ram(u64 pte)
{
	return (pte & S2_AP_READ) &&
	       (pte & S2_MEMATTR_MASK) == S2_MEMATTR_NORMAL;
}

/* Stage-2 TLB entries of the cell's VMID, on every CPU. */
void arch_cell_flush_tlb(struct cell *cell)
{
	u64 vttbr = read_sysreg(vttbr_el2);

	write_sysreg(vttbr_el2, paging_hvirt2phys(cell->s2.root) |
		     ((u64)cell->id << 48));
	isb();
	dsb(ishst);
	asm volatile("tlbi vmalls12e1is" : : : "memory");
	dsb(ish);
	write_sysreg(vttbr_el2, vttbr);
	isb();
}

u64 paging_s2_attrs(u64 mem_flags)
{
	u64 attrs = PTE_AF;

	if (mem_flags & JAILHOUSE_MEM_IO)
		attrs |= S2_MEMATTR_DEVICE;
	else
		attrs |= S2_MEMATTR_NORMAL | PTE_SH_INNER;
	if (mem_flags & JAILHOUSE_MEM_READ)
		attrs |= S2_AP_READ;
	if (mem_flags & JAILHOUSE_MEM_WRITE)
		attrs |= S2_AP_WRITE;
	if (!(mem_flags & JAILHOUSE_MEM_EXECUTE))
		attrs |= PTE_XN;
	return attrs;
}

int arch_map_memory_region(struct cell *cell,
			   const struct jailhouse_memory *mem)
{
	if (mem->virt_start + mem->size > (1UL << ipa_bits) ||
	    mem->virt_start + mem->size < mem->virt_start)
		return -ERANGE;
	return paging_create(&cell->s2, mem->phys_start, mem->size,
			     mem->virt_start, paging_s2_attrs(mem->flags),
			     mem->flags & JAILHOUSE_MEM_NO_HUGEPAGES ?
			     0 : PAGING_HUGE);
}

/*
 * Root keeps a read-only view of the hypervisor region so the driver's
 * mapping stays valid: a shared zero page everywhere, except the console
 * page, which the driver reads when the system config allows it.
 */
int arch_map_hypervisor_placeholder(struct cell *cell)
{
	unsigned long base = system_config->hypervisor_memory.phys_start;
	unsigned long size = system_config->hypervisor_memory.size;
	unsigned long con = paging_hvirt2phys(&console_page);
	u64 attrs = paging_s2_attrs(JAILHOUSE_MEM_READ);
	unsigned long zero = paging_hvirt2phys(zero_page);
	int err;

	if (!SYS_FLAGS_VIRTUAL_DEBUG_CONSOLE(system_config->flags))
		return paging_create(&cell->s2, zero, size, base, attrs,
				     PAGING_REPEAT);
	/* zeros before and after the console page */
	err = paging_create(&cell->s2, zero, con - base, base, attrs,
			    PAGING_REPEAT);
	if (!err)
		err = paging_create(&cell->s2, con, PAGE_SIZE, con, attrs, 0);
	if (!err)
		err = paging_create(&cell->s2, zero,
				    base + size - con - PAGE_SIZE,
				    con + PAGE_SIZE, attrs, PAGING_REPEAT);
	return err;
}

void stage2_cpu_init(struct cell *cell)
{
	write_sysreg(vtcr_el2, vtcr_cell);
	write_sysreg(vttbr_el2, paging_hvirt2phys(cell->s2.root) |
		     ((u64)cell->id << 48));
	isb();
	asm volatile("tlbi vmalls12e1" : : : "memory");
	dsb(nsh);
	isb();
}
