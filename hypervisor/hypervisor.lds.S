/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Image layout, linked at JAILHOUSE_BASE: the header first (offset 0),
 * text (mapped read-only and executable), the trampoline page (also
 * identity-mapped), data, the console page, bss, then __page_pool, where
 * the driver's per-CPU areas begin.
 */
#include <asm/layout.h>

OUTPUT_FORMAT("elf64-littleaarch64")
OUTPUT_ARCH(aarch64)
ENTRY(arch_entry)

SECTIONS
{
	. = JAILHOUSE_BASE;
	.header : { KEEP(*(.header)) }

	. = ALIGN(PAGE_SIZE);
	__text_start = .;
	.text : { *(.text) *(.text.*) }

	. = ALIGN(PAGE_SIZE);
	__trampoline_start = .;
	.trampoline : { *(.trampoline) }
	ASSERT(SIZEOF(.trampoline) <= PAGE_SIZE, "trampoline over a page")

	. = ALIGN(PAGE_SIZE);
	__text_end = .;
	.rodata : { *(.rodata) *(.rodata.*) }
	.data : { *(.data) *(.data.*) }

	. = ALIGN(PAGE_SIZE);
	.console : { *(.console) }

	. = ALIGN(PAGE_SIZE);
	.bss : {
		*(.bss.boot_pt)
		*(.bss) *(.bss.*) *(COMMON)
	}

	. = ALIGN(PAGE_SIZE);
	__page_pool = .;

	/DISCARD/ : { *(.eh_frame*) *(.note*) *(.comment) }
}
