// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Rules for the system-wide part of a system config: hypervisor memory,
 * interrupt controller and debug console.
 */
#include <jailhouse/uart-regs.h>

#include "check.h"

#define GICV2_MAX_CPUS	8

/*
 * The hypervisor maps itself with the 2 MiB blocks of one level-2 table,
 * outside the top level-0 slot (docs/entry-protocol.md).
 */
#define HV_BLOCK	0x200000ULL
#define HV_MAX_SIZE	(511 * HV_BLOCK)
#define HV_TOP_SLOT	(511ULL << 39)

static void check_hv_memory(struct jh_check *chk,
			    const struct jh_check_cell *root,
			    const struct jailhouse_memory *hv)
{
	if (!hv->size) {
		jh_check_report(chk, JH_SEVERITY_ERROR, "hv-memory", root, -1,
				NULL, -1, "the hypervisor memory has size 0");
		return;
	}
	if ((hv->phys_start | hv->size) & (JH_PAGE_SIZE - 1))
		jh_check_report(chk, JH_SEVERITY_ERROR, "hv-memory", root, -1,
				NULL, -1,
				"the hypervisor memory (0x%llx, size 0x%llx) is not page aligned",
				(unsigned long long)hv->phys_start,
				(unsigned long long)hv->size);
	if (jh_range_last(hv->phys_start, hv->size) < hv->phys_start)
		jh_check_report(chk, JH_SEVERITY_ERROR, "hv-memory", root, -1,
				NULL, -1,
				"the hypervisor memory (0x%llx, size 0x%llx) wraps around the address space",
				(unsigned long long)hv->phys_start,
				(unsigned long long)hv->size);
	if ((hv->phys_start & (HV_BLOCK - 1)) || hv->size > HV_MAX_SIZE ||
	    hv->phys_start >= HV_TOP_SLOT)
		jh_check_report(chk, JH_SEVERITY_ERROR, "hv-memory", root, -1,
				NULL, -1,
				"the hypervisor memory (0x%llx, size 0x%llx) cannot be mapped by the hypervisor: it needs a 2 MiB aligned start, at most 511 x 2 MiB, and a start below 0xff8000000000",
				(unsigned long long)hv->phys_start,
				(unsigned long long)hv->size);
}

static void gic_base(struct jh_check *chk, const struct jh_check_cell *root,
		     unsigned int version, const char *name, uint64_t base)
{
	if (!base)
		jh_check_report(chk, JH_SEVERITY_ERROR, "gic", root, -1, NULL,
				-1, "GICv%u needs %s, which is 0", version,
				name);
}

static void check_gic(struct jh_check *chk, const struct jh_check_cell *root,
		      const struct jailhouse_system *sys)
{
	unsigned int version = sys->platform_info.arm.gic_version;
	unsigned int mirq = sys->platform_info.arm.maintenance_irq;

	if (version != 2 && version != 3) {
		jh_check_report(chk, JH_SEVERITY_ERROR, "gic", root, -1, NULL,
				-1, "GIC version %u, expected 2 or 3", version);
		return;
	}
	gic_base(chk, root, version, "gicd_base",
		 sys->platform_info.arm.gicd_base);
	if (version == 3) {
		gic_base(chk, root, version, "gicr_base",
			 sys->platform_info.arm.gicr_base);
	} else {
		gic_base(chk, root, version, "gicc_base",
			 sys->platform_info.arm.gicc_base);
		gic_base(chk, root, version, "gich_base",
			 sys->platform_info.arm.gich_base);
		gic_base(chk, root, version, "gicv_base",
			 sys->platform_info.arm.gicv_base);
		/* SGIs and SPI targets are 8-bit CPU-interface masks */
		if (jailhouse_cell_cpu_span(root->desc) > GICV2_MAX_CPUS)
			jh_check_report(chk, JH_SEVERITY_ERROR, "gic", root,
					-1, NULL, -1,
					"GICv2 has CPU interfaces for CPUs 0-%u; the root cell has CPU %u",
					GICV2_MAX_CPUS - 1,
					jailhouse_cell_cpu_span(root->desc) - 1);
	}
	if (mirq < JH_GIC_PPI_FIRST || mirq > JH_GIC_PPI_LAST)
		jh_check_report(chk, JH_SEVERITY_ERROR, "gic", root, -1, NULL,
				-1,
				"maintenance interrupt %u is not a PPI (16-31)",
				mirq);
}

static void check_debug_console(struct jh_check *chk,
				const struct jh_check_cell *root,
				const struct jailhouse_console *con)
{
	if (con->type > JAILHOUSE_CON_TYPE_SCIF)
		jh_check_report(chk, JH_SEVERITY_WARNING, "console-type", root,
				-1, NULL, -1,
				"unknown debug console type %u", con->type);
	if (con->type != JAILHOUSE_CON_TYPE_NONE && !con->address)
		jh_check_report(chk, JH_SEVERITY_ERROR, "console-address", root,
				-1, NULL, -1,
				"the debug console (%s) has address 0",
				jh_console_type_name(con->type));
	else if (con->type != JAILHOUSE_CON_TYPE_NONE &&
		 con->type <= JAILHOUSE_CON_TYPE_SCIF &&
		 !JAILHOUSE_CON_TYPE_DRIVEN(con->type))
		jh_check_report(chk, JH_SEVERITY_WARNING, "console-type", root,
				-1, NULL, -1,
				"the hypervisor prints on pl011 and xuartps UARTs only; with this %s debug console its messages reach only its ring (jailhouse console)",
				jh_console_type_name(con->type));
}

void jh_check_platform(struct jh_check *chk)
{
	const struct jailhouse_system *sys = jh_check_system(chk);
	const struct jh_check_cell *cells;

	if (!sys)
		return;
	jh_check_cells(chk, &cells);
	check_hv_memory(chk, &cells[0], &sys->hypervisor_memory);
	check_gic(chk, &cells[0], sys);
	check_debug_console(chk, &cells[0], &sys->debug_console);
}
