// SPDX-License-Identifier: GPL-2.0
/*
 * The reserved hypervisor memory region: checking it against Linux's
 * memory map, claiming and mapping it, and laying out image, per-CPU area
 * and config copy in it (include/jailhouse/header.h).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/mm.h>
#include <linux/overflow.h>
#include <linux/sizes.h>
#include <linux/string.h>
#include <asm/barrier.h>
#include <asm/cacheflush.h>
#include <asm/sysreg.h>

#include "driver.h"

/*
 * Clean and invalidate to the point of coherency, so code running with
 * the MMU off sees our writes and we later see its writes. The kernel's
 * dcache_clean_inval_poc() is not exported.
 */
void jhd_dcache_clean_inval_poc(const void *addr, size_t size)
{
	/* CTR_EL0.DminLine: log2 of the smallest line in 4-byte words */
	unsigned long line = 4UL << ((read_sysreg(ctr_el0) >> 16) & 0xf);
	unsigned long p = (unsigned long)addr & ~(line - 1);
	unsigned long end = (unsigned long)addr + size;

	for (; p < end; p += line)
		asm volatile("dc civac, %0" : : "r" (p) : "memory");
	dsb(sy);
}

/* What one level-2 table of 2 MiB blocks maps (see hypervisor entry.S). */
#define JHD_HVMEM_MAX_SIZE	(511ULL * SZ_2M)

int jhd_hvmem_check(const struct jailhouse_system *cfg)
{
	u64 start = cfg->hypervisor_memory.phys_start;
	u64 size = cfg->hypervisor_memory.size;
	u64 end;

	if (!size || !PAGE_ALIGNED(start) || !PAGE_ALIGNED(size) ||
	    check_add_overflow(start, size, &end)) {
		jhd_refuse("enable", "hypervisor memory %#llx size %#llx is empty, unaligned or out of range\n",
			   start, size);
		return -EADDRNOTAVAIL;
	}
	/*
	 * The hypervisor maps itself with 2 MiB blocks from one page table
	 * and checks this too, but before it has a console to say why.
	 */
	if (!IS_ALIGNED(start, SZ_2M) || size > JHD_HVMEM_MAX_SIZE ||
	    (start >> 39) == 511) {
		jhd_refuse("enable", "hypervisor memory %#llx size %#llx: needs a 2 MiB aligned start, at most %#llx bytes, and a start below 0xff8000000000\n",
			   start, size, (u64)JHD_HVMEM_MAX_SIZE);
		return -EADDRNOTAVAIL;
	}
	if (region_intersects(start, size, IORESOURCE_SYSTEM_RAM,
			      IORES_DESC_NONE) != REGION_DISJOINT) {
		jhd_refuse("enable", "hypervisor memory %#llx-%#llx overlaps Linux's System RAM; reserve it (mem=, memmap= or reserved-memory)\n",
			   start, end - 1);
		return -EADDRINUSE;
	}
	return 0;
}

/* Whether image, per-CPU data and config copy fit into the region. */
int jhd_hvmem_check_fit(const struct jailhouse_header *hdr,
		       unsigned int max_cpus, size_t cfg_size, size_t region)
{
	u64 percpu, need;

	if (check_mul_overflow((u64)max_cpus, hdr->percpu_size, &percpu) ||
	    check_add_overflow(hdr->core_size, percpu, &need) ||
	    check_add_overflow(need, (u64)cfg_size, &need) || need > region) {
		jhd_refuse("enable", "hypervisor memory too small: image %#llx + %u CPUs * %#llx + config %#zx > %#zx\n",
			   hdr->core_size, max_cpus, hdr->percpu_size, cfg_size,
			   region);
		return -ENOSPC;
	}
	return 0;
}

int jhd_hvmem_claim(const struct jailhouse_system *cfg)
{
	jhd_hv.phys = cfg->hypervisor_memory.phys_start;
	jhd_hv.size = cfg->hypervisor_memory.size;

	jhd_hv.res = request_mem_region(jhd_hv.phys, jhd_hv.size,
				       "Jailhouse hypervisor");
	if (!jhd_hv.res) {
		jhd_refuse("enable", "hypervisor memory %pa size %#zx is claimed by someone else (see /proc/iomem)\n",
			   &jhd_hv.phys, jhd_hv.size);
		return -EALREADY;
	}

	/* Not System RAM, so this is a fresh cacheable mapping. */
	jhd_hv.mem = memremap(jhd_hv.phys, jhd_hv.size, MEMREMAP_WB);
	if (!jhd_hv.mem) {
		jhd_refuse("enable", "cannot map hypervisor memory\n");
		release_mem_region(jhd_hv.phys, jhd_hv.size);
		jhd_hv.res = NULL;
		return -ENOMEM;
	}
	return 0;
}

void jhd_hvmem_release(void)
{
	memunmap(jhd_hv.mem);
	jhd_hv.mem = NULL;
	release_mem_region(jhd_hv.phys, jhd_hv.size);
	jhd_hv.res = NULL;
}

/*
 * Copies image and config into the claimed region, zeroes what lies
 * between them (.bss, the per-CPU areas) and cleans them to PoC: the
 * hypervisor starts with MMU and caches off and reads or writes nothing
 * else before it turns them on. The page pool behind the config is the
 * hypervisor's to prepare: it zeroes each page as it hands it out, with
 * caches on, so it neither needs zeros nor a clean from here (4 MiB of
 * them were a fifth of enable).
 */
void jhd_hvmem_load(const struct firmware *fw, unsigned int max_cpus,
		   const struct jailhouse_system *cfg, size_t cfg_size)
{
	struct jailhouse_header *hdr = jhd_hv.mem;
	u64 cfg_off;

	memcpy(jhd_hv.mem, fw->data, fw->size);

	hdr->max_cpus = max_cpus;
	hdr->online_cpus = num_online_cpus();
	hdr->arm_linux_hyp_abi = HYP_STUB_ABI_OPCODE;
	/* The stub's vectors are not exported; the hypervisor reads VBAR_EL2. */
	hdr->arm_linux_hyp_vectors = 0;
	jhd_hv.header = *hdr;

	cfg_off = hdr->core_size + (u64)max_cpus * hdr->percpu_size;
	memset(jhd_hv.mem + fw->size, 0, cfg_off - fw->size);
	memcpy(jhd_hv.mem + cfg_off, cfg, cfg_size);

	/* Stale instructions of an earlier image must not survive. */
	caches_clean_inval_pou((unsigned long)jhd_hv.mem,
			       (unsigned long)jhd_hv.mem + fw->size);
	jhd_dcache_clean_inval_poc(jhd_hv.mem, cfg_off + cfg_size);
}
