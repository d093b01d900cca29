/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the board-pattern test cells share (tests/qemu/configs): each is
 * smp-test's cell for QEMU "virt" (64 KiB of RAM at guest address 0,
 * host 0x7f800000, the shared UART, INTID 150, the comm region) with one
 * pattern of upstream's board configs in it, named in its file.
 */
#ifndef _PATTERN_H
#define _PATTERN_H

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

#define PATTERN_CELL(cpu_set, regions, console_address)					\
	.cell = {							\
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,		\
		.architecture = JAILHOUSE_ARM64,			\
		.revision = JAILHOUSE_CONFIG_REVISION,			\
		.name = "smp-test",					\
		.flags = JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED,	\
		.cpu_set_size = sizeof(__u64),				\
		.num_memory_regions = (regions),			\
		.num_irqchips = 1,					\
		.msg_reply_timeout = 50000000,				\
		.console = PATTERN_CONSOLE(console_address),		\
	},								\
	.cpus = { cpu_set }

/* the PL011's registers: inside the sub-page pattern's region too */
#define PATTERN_CONSOLE(addr) {						\
		.address = (addr),					\
		.size = 0x40,						\
		.type = JAILHOUSE_CON_TYPE_PL011,			\
		.flags = JAILHOUSE_CON_ACCESS_MMIO |			\
			 JAILHOUSE_CON_REGDIST_4,			\
	}

#define PATTERN_UART {							\
		.phys_start = 0x09000000,				\
		.virt_start = 0x09000000,				\
		.size = 0x1000,						\
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |	\
			 JAILHOUSE_MEM_IO | JAILHOUSE_MEM_ROOTSHARED,	\
	}

#define PATTERN_RAM {							\
		.phys_start = 0x7f800000,				\
		.virt_start = 0,					\
		.size = 0x00010000,					\
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |	\
			 JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE, \
	}

#define PATTERN_COMM {							\
		.virt_start = 0x80000000,				\
		.size = 0x00001000,					\
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |	\
			 JAILHOUSE_MEM_COMM_REGION,			\
	}

#define PATTERN_IRQCHIP {						\
		.address = 0x08000000,					\
		.pin_base = 32,						\
		.pin_bitmap = { 0, 0, 0, 1 << (150 - 128) },		\
	}

#endif /* !_PATTERN_H */
