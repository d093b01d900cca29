// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The parts of a cell config (and optional system config) the loader
 * needs, and whether Linux can boot in that cell. libjailhouse's parser
 * has checked the header and that every array is inside the bytes; what
 * is refused here is what the loader cannot work with.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <jailhouse/gic.h>
#include <jailhouse/ivshmem.h>

#include "internal.h"


static unsigned int count_cpus(const __u8 *set, unsigned int size)
{
	unsigned int n, cpus = 0;

	for (n = 0; n < size; n++)
		cpus += __builtin_popcount(set[n]);
	return cpus;
}

static int parse_system(struct jhl_ctx *ctx, const struct jhl_request *req,
			struct jhl_cell *cell)
{
	const struct jailhouse_system *sys = req->system;
	const char *what = "system config";
	unsigned int span;

	cell->gic_version = sys->platform_info.arm.gic_version;
	if (cell->gic_version != 3 && cell->gic_version != 2) {
		jhl_err(ctx, "%s: GIC version %u; cells with Linux need GICv3 or GICv2",
			what, cell->gic_version);
		return -EINVAL;
	}
	cell->gicd = sys->platform_info.arm.gicd_base;
	if (cell->gic_version == 2) {
		cell->gicc = sys->platform_info.arm.gicc_base;
	} else {
		cell->gicr = sys->platform_info.arm.gicr_base;
		/* a redistributor frame up to the highest CPU, at least one */
		span = jailhouse_cell_cpu_span(&sys->root_cell);
		cell->gicr_size = (__u64)JAILHOUSE_GICR_V3_STRIDE *
			(span ? span : 1);
	}
	cell->gic_known = true;
	return 0;
}

/* Override, then system config, then the irqchips' GICD, then QEMU virt. */
static void pick_gic(const struct jhl_request *req, struct jhl_cell *cell)
{
	if (!cell->gic_known) {
		cell->gic_version = 3;
		cell->gicd = cell->num_irqchips ? cell->irqchips[0].address
						: JHL_QEMU_VIRT_GICD;
		cell->gicr = JHL_QEMU_VIRT_GICR;
		cell->gicr_size = JHL_QEMU_VIRT_GICR_SIZE;
	}
	if (req->gicd_base) {
		cell->gicd = req->gicd_base;
		cell->gic_known = true;
	}
	if (req->gicr_base) {
		cell->gicr = req->gicr_base;
		cell->gic_known = true;
	}
}

/*
 * The virtual PCI host: the system config's, else our QEMU virt system
 * config's (plan.c says so). The BAR window follows the ECAM.
 */
static void pick_vpci(struct jhl_ctx *ctx, const struct jhl_request *req,
		      struct jhl_cell *cell)
{
	const struct jailhouse_system *sys = req->system;
	struct jhl_vpci *vp = &cell->vpci;

	vp->ecam = JHL_QEMU_VIRT_ECAM;
	vp->end_bus = JHL_QEMU_VIRT_PCI_END_BUS;
	vp->domain = JHL_QEMU_VIRT_PCI_DOMAIN;
	if (sys) {
		if (!sys->platform_info.pci_is_virtual ||
		    !sys->platform_info.pci_mmconfig_base) {
			if (cell->num_pci_devices)
				jhl_warn(ctx, "the system config has no virtual PCI host; the DTB gets none for the %u PCI devices of cell \"%s\"",
					 cell->num_pci_devices, cell->name);
			return;
		}
		vp->ecam = sys->platform_info.pci_mmconfig_base;
		vp->end_bus = sys->platform_info.pci_mmconfig_end_bus;
		vp->domain = sys->platform_info.pci_domain;
		vp->known = true;
	}
	vp->ecam_size = (__u64)(vp->end_bus + 1) << 20;
	vp->window = vp->ecam + vp->ecam_size;
	vp->window_size = (__u64)cell->num_pci_devices *
		IVSHMEM_BAR_WINDOW_PER_DEVICE;
	vp->present = cell->num_pci_devices > 0;
}

/* A region of the cell over [addr, addr + size), or -1. */
static int overlapping_region(const struct jhl_cell *cell, __u64 addr,
			      __u64 size)
{
	unsigned int n;

	for (n = 0; n < cell->num_mem; n++)
		if (cell->mem[n].size && addr < cell->mem[n].virt_start +
		    cell->mem[n].size && cell->mem[n].virt_start < addr + size)
			return n;
	return -1;
}

/*
 * What would keep the cell's Linux from using its PCI devices: BARs are
 * 32-bit, accesses to ECAM and BARs must trap, INTx lines be granted.
 */
static void check_vpci(struct jhl_ctx *ctx,
		       const struct jailhouse_cell_desc *desc,
		       struct jhl_cell *cell)
{
	const __u64 limit = 0x100000000ULL;
	struct jhl_vpci *vp = &cell->vpci;
	unsigned int n, intid;
	int region;

	if (!vp->present)
		return;
	if (vp->ecam >= limit ||
	    limit - vp->ecam < vp->ecam_size + vp->window_size) {
		jhl_warn(ctx, "the virtual PCI host's BAR window 0x%llx-0x%llx (after its ECAM at 0x%llx) is not below 4 GiB, where the 32-bit BARs of its devices must lie; the DTB gets no PCI host",
			 (unsigned long long)vp->window,
			 (unsigned long long)(vp->window + vp->window_size - 1),
			 (unsigned long long)vp->ecam);
		vp->present = false;
		return;
	}
	region = overlapping_region(cell, vp->ecam,
				    vp->ecam_size + vp->window_size);
	if (region >= 0)
		jhl_warn(ctx, "memory region %d of cell \"%s\" overlaps the virtual PCI host's ECAM and BAR window 0x%llx-0x%llx; accesses there must trap to the hypervisor",
			 region, cell->name, (unsigned long long)vp->ecam,
			 (unsigned long long)(vp->window + vp->window_size - 1));
	for (n = 0; n < cell->num_pci_devices; n++) {
		__u16 bdf = cell->pci_devices[n].bdf;

		intid = jailhouse_ivshmem_intid(desc, bdf);
		if (!jhl_cell_irq_granted(cell, intid))
			jhl_warn(ctx, "PCI device %02x:%02x.%x of cell \"%s\" signals INTx on INTID %u, which the cell is not granted; Linux gets no interrupts from it",
				 bdf >> 8, (bdf >> 3) & 0x1f, bdf & 7,
				 cell->name, intid);
	}
}

static void fill_cell(const struct jailhouse_cell_desc *desc,
		      struct jhl_cell *cell)
{
	memcpy(cell->name, desc->name, JAILHOUSE_CELL_NAME_MAXLEN);
	cell->name[JAILHOUSE_CELL_NAME_MAXLEN] = 0;
	cell->flags = desc->flags;
	cell->reset = desc->cpu_reset_address;
	cell->cpu_set = jailhouse_cell_cpu_set(desc);
	cell->cpu_set_size = desc->cpu_set_size;
	cell->num_cpus = count_cpus(cell->cpu_set, cell->cpu_set_size);
	cell->mem = jailhouse_cell_mem_regions(desc);
	cell->num_mem = desc->num_memory_regions;
	cell->irqchips = jailhouse_cell_irqchips(desc);
	cell->num_irqchips = desc->num_irqchips;
	cell->pci_devices = jailhouse_cell_pci_devices(desc);
	cell->num_pci_devices = desc->num_pci_devices;
	cell->vpci_irq_base = desc->vpci_irq_base;
	memcpy(&cell->console, &desc->console, sizeof(cell->console));
}

/* Placement does arithmetic on region ends: none may wrap. */
static int check_regions(struct jhl_ctx *ctx, const char *what,
			 const struct jhl_cell *cell)
{
	unsigned int n;

	for (n = 0; n < cell->num_mem; n++) {
		const struct jailhouse_memory *mem = &cell->mem[n];

		if (mem->virt_start + mem->size < mem->virt_start ||
		    mem->phys_start + mem->size < mem->phys_start) {
			jhl_err(ctx, "%s: memory region %u (0x%llx, size 0x%llx) wraps around the address space",
				what, n, (unsigned long long)mem->virt_start,
				(unsigned long long)mem->size);
			return -EINVAL;
		}
	}
	return 0;
}

int jhl_cell_from_request(struct jhl_ctx *ctx, const struct jhl_request *req,
		   struct jhl_cell *cell)
{
	const struct jailhouse_cell_desc *desc = req->cell;
	const char *what = "cell config";
	int err;

	memset(cell, 0, sizeof(*cell));
	if (!desc) {
		jhl_err(ctx, "%s: none given", what);
		return -EINVAL;
	}
	fill_cell(desc, cell);
	err = check_regions(ctx, what, cell);
	if (err)
		return err;
	if (!cell->num_cpus) {
		jhl_err(ctx, "%s: cell \"%s\" has no CPUs", what, cell->name);
		return -EINVAL;
	}
	if (cell->flags & JAILHOUSE_CELL_AARCH32) {
		jhl_err(ctx, "%s: cell \"%s\" starts in AArch32; an arm64 Image needs AArch64",
			what, cell->name);
		return -EINVAL;
	}
	if (req->system) {
		err = parse_system(ctx, req, cell);
		if (err)
			return err;
	}
	pick_gic(req, cell);
	pick_vpci(ctx, req, cell);
	check_vpci(ctx, desc, cell);
	cell->uart_irq = req->uart_irq;
	return 0;
}

bool jhl_cell_has_cpu(const struct jhl_cell *cell, unsigned int cpu)
{
	if (cpu / 8 >= cell->cpu_set_size)
		return false;
	return cell->cpu_set[cpu / 8] & (1 << (cpu % 8));
}

bool jhl_mem_is_ram(const struct jailhouse_memory *mem)
{
	const __u64 mask = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
		JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA | JAILHOUSE_MEM_IO |
		JAILHOUSE_MEM_COMM_REGION | JAILHOUSE_MEM_ROOTSHARED;
	const __u64 ram = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
		JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA;

	return (mem->flags & mask) == ram && mem->size;
}

bool jhl_cell_mem_for_linux(const struct jailhouse_memory *mem)
{
	/* Upstream leaves out a small region at 0: the loader's. */
	return jhl_mem_is_ram(mem) &&
		!(mem->virt_start == 0 && mem->size <= 0x10000);
}

bool jhl_mem_placeable(const struct jailhouse_memory *mem)
{
	return jhl_cell_mem_for_linux(mem) &&
		(mem->flags & JAILHOUSE_MEM_LOADABLE);
}

/* QEMU virt with GICv3 puts 16 CPUs in a cluster (Aff1). */
#define CPUS_PER_CLUSTER	16

__u64 jhl_cpu_mpidr(unsigned int cpu)
{
	return (__u64)(cpu / CPUS_PER_CLUSTER) << 8 | cpu % CPUS_PER_CLUSTER;
}

int jhl_mpidr_cpu(__u64 mpidr)
{
	__u64 aff0 = mpidr & 0xff, aff1 = (mpidr >> 8) & 0xff;

	if (aff0 >= CPUS_PER_CLUSTER || (mpidr & ~0xffffULL))
		return -1;
	return aff1 * CPUS_PER_CLUSTER + aff0;
}

unsigned int jhl_cell_first_cpu(const struct jhl_cell *cell)
{
	unsigned int cpu;

	for (cpu = 0; cpu < cell->cpu_set_size * 8; cpu++)
		if (jhl_cell_has_cpu(cell, cpu))
			return cpu;
	return 0;
}

bool jhl_cell_covers(const struct jhl_cell *cell, __u64 addr, __u64 size)
{
	const struct jailhouse_memory *mem;
	__u64 room;
	int n;

	/* Regions that touch may share a range between them. */
	while (size) {
		n = jhl_cell_find_region(cell, addr, 1);
		if (n < 0)
			return false;
		mem = &cell->mem[n];
		room = mem->virt_start + mem->size - addr;
		if (size <= room)
			return true;
		addr += room;
		size -= room;
	}
	return true;
}

int jhl_cell_find_region(const struct jhl_cell *cell, __u64 addr, __u64 size)
{
	unsigned int n;

	for (n = 0; n < cell->num_mem; n++) {
		const struct jailhouse_memory *mem = &cell->mem[n];

		if (addr >= mem->virt_start &&
		    addr - mem->virt_start < mem->size &&
		    size <= mem->size - (addr - mem->virt_start))
			return n;
	}
	return -1;
}

bool jhl_cell_irq_granted(const struct jhl_cell *cell, unsigned int intid)
{
	unsigned int n, bit;

	for (n = 0; n < cell->num_irqchips; n++) {
		const struct jailhouse_irqchip *chip = &cell->irqchips[n];

		if (chip->address != cell->gicd || intid < chip->pin_base ||
		    intid - chip->pin_base >= 128)
			continue;
		bit = intid - chip->pin_base;
		if (chip->pin_bitmap[bit / 32] & (1U << (bit % 32)))
			return true;
	}
	return false;
}

static bool is_vpci_intx(const struct jhl_cell *cell, unsigned int intid)
{
	unsigned int base = 32 + cell->vpci_irq_base;

	return cell->num_pci_devices && intid >= base && intid < base + 4;
}

unsigned int jhl_cell_guess_uart_irq(const struct jhl_cell *cell)
{
	unsigned int intid;

	for (intid = 32; intid < 1020; intid++)
		if (jhl_cell_irq_granted(cell, intid) &&
		    !is_vpci_intx(cell, intid))
			return intid;
	return 0;
}

void jhl_cell_cpulist(const struct jhl_cell *cell, char *buf, size_t len)
{
	unsigned int cpu, first, max = cell->cpu_set_size * 8;
	size_t pos = 0;

	buf[0] = 0;
	for (cpu = 0; cpu < max && pos < len; cpu++) {
		if (!jhl_cell_has_cpu(cell, cpu))
			continue;
		first = cpu;
		while (cpu + 1 < max && jhl_cell_has_cpu(cell, cpu + 1))
			cpu++;
		if (first == cpu)
			pos += snprintf(buf + pos, len - pos, "%s%u",
					pos ? "," : "", cpu);
		else
			pos += snprintf(buf + pos, len - pos, "%s%u-%u",
					pos ? "," : "", first, cpu);
	}
}
