// SPDX-License-Identifier: GPL-2.0
/*
 * The image header at offset 0 of jailhouse.bin (see <jailhouse/header.h>).
 */
#include <jailhouse/header.h>
#include <jailhouse/console.h>
#include <jailhouse/utils.h>
#include <jailhouse/percpu.h>
#include <asm/layout.h>

extern char __page_pool[];
extern char arch_entry[];
extern struct jailhouse_console_page console_page;

struct jailhouse_header hypervisor_header __section(".header") = {
	.signature = JAILHOUSE_SIGNATURE,
	.core_size = (unsigned long)__page_pool - JAILHOUSE_BASE,
	.percpu_size = sizeof(struct per_cpu),
	.entry = (unsigned long)arch_entry - JAILHOUSE_BASE,
	.console_page = (unsigned long)&console_page - JAILHOUSE_BASE,
	.entry_protocol = JAILHOUSE_ENTRY_PROTOCOL,
};
