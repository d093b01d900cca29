/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * Hypercall codes, cell and CPU states, statistics, and the communication
 * region shared between the hypervisor and a non-root cell (revision 2,
 * arm64 layout).
 *
 * arm64 calling convention: "hvc #0x4a48", code in x0, arguments in x1
 * and x2, signed result in x0 (negative errno on failure). See
 * <jailhouse/hvc.h> for the callers' inline helpers.
 */
#ifndef _JAILHOUSE_HYPERCALL_H
#define _JAILHOUSE_HYPERCALL_H

#include <jailhouse/types.h>
#include <jailhouse/console.h>

#define JAILHOUSE_HVC_CODE			0x4a48	/* "JH" */

#define JAILHOUSE_HC_DISABLE			0
#define JAILHOUSE_HC_CELL_CREATE		1
#define JAILHOUSE_HC_CELL_START			2
#define JAILHOUSE_HC_CELL_SET_LOADABLE		3
#define JAILHOUSE_HC_CELL_DESTROY		4
#define JAILHOUSE_HC_HYPERVISOR_GET_INFO	5
#define JAILHOUSE_HC_CELL_GET_STATE		6
#define JAILHOUSE_HC_CPU_GET_INFO		7
#define JAILHOUSE_HC_DEBUG_CONSOLE_PUTC		8

/* HYPERVISOR_GET_INFO types */
#define JAILHOUSE_INFO_MEM_POOL_SIZE		0
#define JAILHOUSE_INFO_MEM_POOL_USED		1
#define JAILHOUSE_INFO_REMAP_POOL_SIZE		2
#define JAILHOUSE_INFO_REMAP_POOL_USED		3
#define JAILHOUSE_INFO_NUM_CELLS		4

/* CPU_GET_INFO types: the state, or statistic k as STAT_BASE + k */
#define JAILHOUSE_CPU_INFO_STATE		0
#define JAILHOUSE_CPU_INFO_STAT_BASE		1000

#define JAILHOUSE_CPU_RUNNING			0
#define JAILHOUSE_CPU_FAILED			2

/* Per-CPU statistics on arm64 */
#define JAILHOUSE_CPU_STAT_VMEXITS_TOTAL	0
#define JAILHOUSE_CPU_STAT_VMEXITS_MMIO		1
#define JAILHOUSE_CPU_STAT_VMEXITS_MANAGEMENT	2
#define JAILHOUSE_CPU_STAT_VMEXITS_HYPERCALL	3
#define JAILHOUSE_CPU_STAT_VMEXITS_MAINTENANCE	4
#define JAILHOUSE_CPU_STAT_VMEXITS_VIRQ		5
#define JAILHOUSE_CPU_STAT_VMEXITS_VSGI		6
#define JAILHOUSE_CPU_STAT_VMEXITS_PSCI		7
#define JAILHOUSE_CPU_STAT_VMEXITS_SMCCC	8
#define JAILHOUSE_NUM_CPU_STATS			9

/* Counters are reported with bit 31 masked off. */
#define JAILHOUSE_CPU_STAT_MASK			0x7fffffff

/* sysfs names ("vmexits_<name>") of the statistics, in index order. */
#define JAILHOUSE_CPU_STAT_NAMES				\
	"total", "mmio", "management", "hypercall",		\
	"maintenance", "virt_irq", "virt_sgi", "psci", "smccc"

/* Cell states (comm region cell_state, CELL_GET_STATE result) */
#define JAILHOUSE_CELL_RUNNING			0
#define JAILHOUSE_CELL_RUNNING_LOCKED		1
#define JAILHOUSE_CELL_SHUT_DOWN		2	/* terminal */
#define JAILHOUSE_CELL_FAILED			3	/* terminal */
#define JAILHOUSE_CELL_FAILED_COMM_REV		4	/* terminal */

/* Messages to a cell */
#define JAILHOUSE_MSG_NONE			0
#define JAILHOUSE_MSG_SHUTDOWN_REQUEST		1
#define JAILHOUSE_MSG_RECONFIG_COMPLETED	2

/* Replies from a cell */
#define JAILHOUSE_MSG_UNKNOWN			1
#define JAILHOUSE_MSG_REQUEST_DENIED		2
#define JAILHOUSE_MSG_REQUEST_APPROVED		3
#define JAILHOUSE_MSG_RECEIVED			4

#define JAILHOUSE_COMM_SIGNATURE		"JHCOMM"
#define JAILHOUSE_COMM_SIGNATURE_SIZE		6
#define JAILHOUSE_COMM_REGION_ABI_REVISION	2

/* Comm region flags */
#define JAILHOUSE_COMM_FLAG_DBG_PUTC_PERMITTED	0x0001
#define JAILHOUSE_COMM_FLAG_DBG_PUTC_ACTIVE	0x0002

#define JAILHOUSE_COMM_REGION_SIZE		0x1000

struct jailhouse_comm_region {
	/* Only signature, revision and cell_state are stable across ABIs. */
	char signature[JAILHOUSE_COMM_SIGNATURE_SIZE];
	__u16 revision;
	volatile __u32 cell_state;	/* written by the cell */
	volatile __u32 msg_to_cell;	/* written by the hypervisor */
	volatile __u32 reply_from_cell;	/* written by the cell */
	__u32 flags;
	struct jailhouse_console console;
	__u64 pci_mmconfig_base;
	/* arm64 part */
	__u8 gic_version;
	__u8 padding[7];
	__u64 gicd_base;
	__u64 gicc_base;
	__u64 gicr_base;
	__u32 vpci_irq_base;
} __attribute__((packed));

JH_ABI_SIZE(struct jailhouse_comm_region, 100);
JH_ABI_OFFSET(struct jailhouse_comm_region, cell_state, 8);
JH_ABI_OFFSET(struct jailhouse_comm_region, flags, 20);
JH_ABI_OFFSET(struct jailhouse_comm_region, console, 24);
JH_ABI_OFFSET(struct jailhouse_comm_region, pci_mmconfig_base, 56);
JH_ABI_OFFSET(struct jailhouse_comm_region, gic_version, 64);
JH_ABI_OFFSET(struct jailhouse_comm_region, gicd_base, 72);
JH_ABI_OFFSET(struct jailhouse_comm_region, gicr_base, 88);
JH_ABI_OFFSET(struct jailhouse_comm_region, vpci_irq_base, 96);

#endif /* !_JAILHOUSE_HYPERCALL_H */
