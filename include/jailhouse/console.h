/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * Console descriptions (in configs and the comm region) and the
 * hypervisor's in-memory console ring that the driver reads.
 */
#ifndef _JAILHOUSE_CONSOLE_H
#define _JAILHOUSE_CONSOLE_H

#include <jailhouse/types.h>

#define JAILHOUSE_CON_TYPE_NONE		0x0000
#define JAILHOUSE_CON_TYPE_EFIFB	0x0001
#define JAILHOUSE_CON_TYPE_8250		0x0002
#define JAILHOUSE_CON_TYPE_PL011	0x0003
#define JAILHOUSE_CON_TYPE_XUARTPS	0x0004
#define JAILHOUSE_CON_TYPE_MVEBU	0x0005
#define JAILHOUSE_CON_TYPE_HSCIF	0x0006
#define JAILHOUSE_CON_TYPE_SCIFA	0x0007
#define JAILHOUSE_CON_TYPE_IMX		0x0008
#define JAILHOUSE_CON_TYPE_IMX_LPUART	0x0009
#define JAILHOUSE_CON_TYPE_SCIF		0x000a

/* Console flags */
#define JAILHOUSE_CON_ACCESS_PIO	0x0000
#define JAILHOUSE_CON_ACCESS_MMIO	0x0001
#define JAILHOUSE_CON_REGDIST_1		0x0000
#define JAILHOUSE_CON_REGDIST_4		0x0002
#define JAILHOUSE_CON_FB_1024x768	0x0000
#define JAILHOUSE_CON_FB_1920x1080	0x0004
#define JAILHOUSE_CON_INVERTED_GATE	0x1000
#define JAILHOUSE_CON_MDR_QUIRK		0x2000

#define CON_IS_MMIO(flags)		!!((flags) & JAILHOUSE_CON_ACCESS_MMIO)
#define CON_USES_REGDIST_4(flags)	!!((flags) & JAILHOUSE_CON_REGDIST_4)
#define CON_HAS_INVERTED_GATE(flags)	!!((flags) & JAILHOUSE_CON_INVERTED_GATE)
#define CON_HAS_MDR_QUIRK(flags)	!!((flags) & JAILHOUSE_CON_MDR_QUIRK)

struct jailhouse_console {
	__u64 address;
	__u32 size;
	__u16 type;
	__u16 flags;
	__u32 divider;		/* 0: keep what firmware/Linux set up */
	__u32 gate_nr;
	__u64 clock_reg;	/* 0: no clock gating */
} __attribute__((packed));

/*
 * The hypervisor's console ring. "tail" counts every byte ever written;
 * byte i lives at content[i % JAILHOUSE_CONSOLE_SIZE]. A writer sets
 * "busy" around an update; a reader waits while busy is set, copies, and
 * retries if tail moved meanwhile.
 */
#define JAILHOUSE_CONSOLE_SIZE		2048

struct jailhouse_console_page {
	__u32 busy;
	__u32 tail;
	char content[JAILHOUSE_CONSOLE_SIZE];
};

JH_ABI_SIZE(struct jailhouse_console, 32);
JH_ABI_OFFSET(struct jailhouse_console, type, 12);
JH_ABI_OFFSET(struct jailhouse_console, divider, 16);
JH_ABI_OFFSET(struct jailhouse_console, clock_reg, 24);
JH_ABI_SIZE(struct jailhouse_console_page, 2056);
JH_ABI_OFFSET(struct jailhouse_console_page, content, 8);

#endif /* !_JAILHOUSE_CONSOLE_H */
