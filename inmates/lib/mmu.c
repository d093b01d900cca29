// SPDX-License-Identifier: GPL-2.0
/*
 * Stage-1 identity map of the low 4 GiB, then MMU and caches on.
 *
 * Normal write-back memory: the 2 MiB block(s) holding the image and the
 * 1 GiB holding the comm region. Everything else is Device-nGnRE and not
 * executable, so the CPU never speculates into device registers or into
 * memory the cell does not own. Running with the MMU off would make all
 * data accesses Device accesses: uncached, alignment-checked, and not
 * coherent with the hypervisor's cached view of the comm region.
 */
#include <inmate/inmate.h>
#include <inmate/mmu.h>
#include <inmate/sections.h>

#define PTES			512
#define SZ_2M			(1UL << 21)
#define SZ_1G			(1UL << 30)
#define VA_GIBS			4

/* Block and table descriptors, 4 KiB granule */
#define PTE_BLOCK		0x1UL
#define PTE_TABLE		0x3UL
#define PTE_ATTR(idx)		((u64)(idx) << 2)
#define PTE_SH_INNER		(3UL << 8)
#define PTE_AF			BIT(10)
#define PTE_PXN			BIT(53)
#define PTE_UXN			BIT(54)

/* MAIR index 0: normal, write-back RW-allocate; 1: Device-nGnRE */
#define MAIR_VALUE		(0xffUL | (0x04UL << 8))
#define PTE_NORMAL		(PTE_BLOCK | PTE_ATTR(0) | PTE_SH_INNER | PTE_AF)
#define PTE_DEVICE		(PTE_BLOCK | PTE_ATTR(1) | PTE_AF | \
				 PTE_PXN | PTE_UXN)

/*
 * TCR_EL1: T0SZ = 32 (4 GiB, walk starts at level 1), walks write-back
 * inner shareable, 4 KiB granule, no TTBR1 walks, 32-bit output size.
 */
#define TCR_T0SZ_4G		32UL
#define TCR_IRGN0_WBWA		(1UL << 8)
#define TCR_ORGN0_WBWA		(1UL << 10)
#define TCR_SH0_INNER		(3UL << 12)
#define TCR_EPD1		BIT(23)
#define TCR_VALUE		(TCR_T0SZ_4G | TCR_IRGN0_WBWA | \
				 TCR_ORGN0_WBWA | TCR_SH0_INNER | TCR_EPD1)

static u64 level1[PTES] __aligned(4096);
static u64 level2[PTES] __aligned(4096);
/* For one more GiB with normal memory in it (mmu_map_normal()) */
static u64 level2_extra[PTES] __aligned(4096);
static unsigned int extra_gib_1;	/* its GiB + 1; 0: none yet (bss) */

static bool is_normal(unsigned long start, unsigned long size)
{
	unsigned long img_start = (unsigned long)__image_start;
	unsigned long img_end = (unsigned long)__image_end;

	if (start < img_end && img_start < start + size)
		return true;
	return COMM_REGION_BASE >= start && COMM_REGION_BASE < start + size;
}

static u64 block(unsigned long start, unsigned long size)
{
	return start | (is_normal(start, size) ? PTE_NORMAL : PTE_DEVICE);
}

void mmu_enable(void)
{
	asm volatile("ic iallu; tlbi vmalle1" : : : "memory");
	dsb(nsh);
	isb();

	write_sysreg(mair_el1, MAIR_VALUE);
	write_sysreg(tcr_el1, TCR_VALUE);
	write_sysreg(ttbr0_el1, (u64)level1);
	isb();
	write_sysreg(sctlr_el1,
		     read_sysreg(sctlr_el1) | SCTLR_M | SCTLR_C | SCTLR_I);
	isb();
}

void mmu_init(void)
{
	unsigned long image_gib = (unsigned long)__image_start / SZ_1G;
	unsigned int i;

	for (i = 0; i < VA_GIBS; i++)
		level1[i] = i == image_gib ? (u64)level2 | PTE_TABLE :
					     block(i * SZ_1G, SZ_1G);
	for (i = 0; i < PTES; i++)
		level2[i] = block(image_gib * SZ_1G + i * SZ_2M, SZ_2M);

	/* Drops stale lines over memory written while the caches were off. */
	dcache_inval(__bss_start, __image_end - __bss_start);
	mmu_enable();
}


static void tlb_flush(void)
{
	dsb(ishst);
	asm volatile("tlbi vmalle1" : : : "memory");
	dsb(ish);
	isb();
}

/* Splits a GiB block into 2 MiB blocks of the same kind, or finds it split */
static u64 *gib_table(unsigned int gib)
{
	unsigned long image_gib = (unsigned long)__image_start / SZ_1G;
	unsigned int i;

	if (gib == image_gib)
		return level2;
	if (gib + 1 == extra_gib_1)
		return level2_extra;
	if (extra_gib_1)
		return NULL;
	for (i = 0; i < PTES; i++)
		level2_extra[i] = level1[gib];	/* the block's attributes */
	for (i = 0; i < PTES; i++)
		level2_extra[i] += (u64)i * SZ_2M;
	extra_gib_1 = gib + 1;
	/* break before make: no TLB may hold the block and the table */
	level1[gib] = 0;
	tlb_flush();
	level1[gib] = (u64)level2_extra | PTE_TABLE;
	tlb_flush();
	return level2_extra;
}

int mmu_map_normal(unsigned long start, unsigned long size)
{
	unsigned long addr = start & ~(SZ_2M - 1), end = start + size;
	u64 *table;

	if (!size || end < start || end > VA_GIBS * SZ_1G)
		return -1;
	for (; addr < end; addr += SZ_2M) {
		table = gib_table(addr / SZ_1G);
		if (!table)
			return -1;
		if (!(table[(addr % SZ_1G) / SZ_2M] & PTE_UXN))
			continue;	/* normal already */
		table[(addr % SZ_1G) / SZ_2M] = 0;
		tlb_flush();
		table[(addr % SZ_1G) / SZ_2M] = addr | PTE_NORMAL;
	}
	tlb_flush();
	return 0;
}
