// SPDX-License-Identifier: GPL-2.0
/*
 * Offsets and constants the assembly needs from C structures, generated
 * at build time into <generated/asm-offsets.h>: compiled to assembly
 * only, each DEFINE leaves a "->NAME value" line that the makefile turns
 * into a #define. Nothing of it is linked.
 */
#include <jailhouse/cell-config.h>
#include <jailhouse/errno.h>
#include <jailhouse/header.h>
#include <jailhouse/hypercall.h>
#include <jailhouse/percpu.h>
#include <asm/sysregs.h>

#define DEFINE(sym, val) \
	asm volatile("\n.ascii \"->" #sym " %c0\"" : : "i" (val))
#define OFFSET(sym, type, member) \
	DEFINE(sym, __builtin_offsetof(type, member))

void asm_offsets(void);

void asm_offsets(void)
{
	/* the Linux stub's EL2 state, saved by entry.S per CPU */
	OFFSET(PERCPU_LINUX_VBAR, struct per_cpu, arch.linux_vbar);
	OFFSET(PERCPU_LINUX_TPIDR, struct per_cpu, arch.linux_tpidr);
	OFFSET(PERCPU_LINUX_SCTLR, struct per_cpu, arch.linux_sctlr);
	OFFSET(PERCPU_LINUX_TCR, struct per_cpu, arch.linux_tcr);
	OFFSET(PERCPU_LINUX_MAIR, struct per_cpu, arch.linux_mair);

	/* what entry.S reads of the image header and the system config */
	OFFSET(HEADER_CORE_SIZE, struct jailhouse_header, core_size);
	OFFSET(HEADER_PERCPU_SIZE, struct jailhouse_header, percpu_size);
	OFFSET(HEADER_MAX_CPUS, struct jailhouse_header, max_cpus);
	OFFSET(SYSCFG_HV_PHYS, struct jailhouse_system,
	       hypervisor_memory.phys_start);
	OFFSET(SYSCFG_HV_SIZE, struct jailhouse_system,
	       hypervisor_memory.size);

	DEFINE(EINVAL_RET, -EINVAL);

	/* exception.S: the ESR of "hvc #0x4a48" from AArch64, and the one
	 * hypercall that leaves through the whole exit frame */
	DEFINE(ESR_JAILHOUSE_HVC, (u32)(EC_HVC64 << ESR_EC_SHIFT | ESR_IL |
					JAILHOUSE_HVC_CODE));
	DEFINE(HC_DISABLE, JAILHOUSE_HC_DISABLE);
	/* and the data aborts it takes a short way: EC, ISV and SRT */
	DEFINE(ESR_EC_SHIFT, ESR_EC_SHIFT);
	DEFINE(ESR_EC_DABT_LOW, EC_DABT_LOW);
	DEFINE(ISS_ISV_SHIFT, ISS_ISV_SHIFT);
	DEFINE(ISS_SRT_SHIFT, ISS_SRT_SHIFT);
	OFFSET(PERCPU_STAT_VMEXITS_TOTAL, struct per_cpu,
	       stats[JAILHOUSE_CPU_STAT_VMEXITS_TOTAL]);
	OFFSET(PERCPU_PARK_REQ, struct per_cpu, park_req);
}
