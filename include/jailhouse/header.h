/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * Header at offset 0 of the hypervisor image (jailhouse.bin), shared by
 * the hypervisor build and the driver that loads it.
 *
 * Memory layout the driver sets up in the reserved hypervisor region:
 *   [0, core_size)                     the image, bss zeroed
 *   [core_size, + max_cpus*percpu_size) per-CPU data
 *   then the system config copy, then the hypervisor's page pool.
 */
#ifndef _JAILHOUSE_HEADER_H
#define _JAILHOUSE_HEADER_H

#include <jailhouse/types.h>

#define JAILHOUSE_SIGNATURE		"JAILHOUS"
#define JAILHOUSE_HEADER_SIGNATURE_SIZE	8

/* Linux hyp stub ABI found by the driver (arm_linux_hyp_abi). */
#define HYP_STUB_ABI_LEGACY		0
#define HYP_STUB_ABI_OPCODE		1

/*
 * Version of our driver <-> hypervisor entry protocol. The driver refuses
 * an image whose version differs, so a stale firmware file fails clearly.
 */
#define JAILHOUSE_ENTRY_PROTOCOL	1

struct jailhouse_header {
	char signature[JAILHOUSE_HEADER_SIGNATURE_SIZE];
	__u64 core_size;	/* image incl. bss, page aligned */
	__u64 percpu_size;	/* one CPU's data, page aligned */
	__u64 entry;		/* offset of the entry code in the image */
	__u64 console_page;	/* offset of struct jailhouse_console_page */
	__u64 gcov_info_head;
	/* Set by the driver before entry: */
	__u32 max_cpus;
	__u32 online_cpus;
	/* Set by the hypervisor: */
	__u64 debug_console_base;
	__u64 arm_linux_hyp_vectors;	/* stub's VBAR_EL2, restored at disable */
	/* Set by the driver: */
	__u32 arm_linux_hyp_abi;
	__u32 entry_protocol;		/* JAILHOUSE_ENTRY_PROTOCOL, by build */
};

JH_ABI_SIZE(struct jailhouse_header, 80);
JH_ABI_OFFSET(struct jailhouse_header, core_size, 8);
JH_ABI_OFFSET(struct jailhouse_header, percpu_size, 16);
JH_ABI_OFFSET(struct jailhouse_header, entry, 24);
JH_ABI_OFFSET(struct jailhouse_header, console_page, 32);
JH_ABI_OFFSET(struct jailhouse_header, gcov_info_head, 40);
JH_ABI_OFFSET(struct jailhouse_header, max_cpus, 48);
JH_ABI_OFFSET(struct jailhouse_header, online_cpus, 52);
JH_ABI_OFFSET(struct jailhouse_header, debug_console_base, 56);
JH_ABI_OFFSET(struct jailhouse_header, arm_linux_hyp_vectors, 64);
JH_ABI_OFFSET(struct jailhouse_header, arm_linux_hyp_abi, 72);
JH_ABI_OFFSET(struct jailhouse_header, entry_protocol, 76);

#endif /* !_JAILHOUSE_HEADER_H */
