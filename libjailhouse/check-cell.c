// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Rules about one cell at a time that are not memory, CPUs or interrupts:
 * names, comm region, console, entry point and x86-only arrays (PCI
 * devices: check-pci.c).
 */
#include <stdio.h>
#include <string.h>

#include "check.h"

/* Names come from the file: control bytes must not reach a terminal. */
static const char *escape_name(char *buf, size_t size, const char *name)
{
	const unsigned char *p;
	size_t len = 0;

	for (p = (const unsigned char *)name; *p && len + 5 <= size; p++) {
		if (*p >= 0x20 && *p < 0x7f && *p != '\\')
			buf[len++] = (char)*p;
		else
			len += (size_t)snprintf(buf + len, size - len, "\\x%02x",
						*p);
	}
	buf[len] = '\0';
	return buf;
}

static void check_names(struct jh_check *chk,
			const struct jh_check_cell *cells, unsigned int n)
{
	char name[(JAILHOUSE_CELL_NAME_MAXLEN + 1) * 4];
	unsigned int i, j;

	for (i = 0; i < n; i++) {
		if (!cells[i].desc->name[0])
			jh_check_report(chk, JH_SEVERITY_ERROR, "name",
					&cells[i], -1, NULL, -1,
					"the cell has no name");
		for (j = 0; j < i; j++)
			if (cells[i].desc->name[0] &&
			    !strcmp(cells[i].desc->name, cells[j].desc->name))
				jh_check_report(chk, JH_SEVERITY_ERROR,
						"name-taken", &cells[i], -1,
						&cells[j], -1,
						"cell name '%s' is also used by %s",
						escape_name(name, sizeof(name),
							    cells[i].desc->name),
						cells[j].src);
	}
}

static void check_comm_region(struct jh_check *chk,
			      const struct jh_check_cell *cell)
{
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(cell->desc);
	unsigned int i, count = 0;
	int first = -1;

	for (i = 0; i < cell->desc->num_memory_regions; i++) {
		/* an empty region is nothing, whatever its flags */
		if (!(mem[i].flags & JAILHOUSE_MEM_COMM_REGION) ||
		    !mem[i].size)
			continue;
		if (first < 0)
			first = (int)i;
		count++;
		if (cell->root)
			jh_check_report(chk, JH_SEVERITY_WARNING,
					"comm-region-root", cell, (int)i, NULL,
					-1,
					"memory region %u is a comm region, which the root cell does not have",
					i);
		else if (count > 1)
			jh_check_report(chk, JH_SEVERITY_ERROR,
					"comm-region-count", cell, (int)i, NULL,
					-1,
					"memory region %u is a second comm region (the first is region %d)",
					i, first);
		else if (mem[i].size != JH_PAGE_SIZE)
			jh_check_report(chk, JH_SEVERITY_ERROR,
					"comm-region-size", cell, (int)i, NULL,
					-1,
					"memory region %u is a comm region of 0x%llx bytes: the hypervisor gives one page",
					i, (unsigned long long)mem[i].size);
	}
	if (!cell->root && !count)
		jh_check_report(chk, JH_SEVERITY_WARNING, "comm-region-missing",
				cell, -1, NULL, -1,
				"no comm region: inmates cannot talk to the hypervisor");
}

/* The index of a region whose guest range holds [addr, addr+size), or -1. */
static int find_region(const struct jailhouse_cell_desc *desc, uint64_t addr,
		       uint64_t size, uint64_t need_flags)
{
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(desc);
	unsigned int i;

	for (i = 0; i < desc->num_memory_regions; i++) {
		if (!mem[i].size || (mem[i].flags & need_flags) != need_flags)
			continue;
		if (addr >= mem[i].virt_start &&
		    jh_range_last(addr, size) <=
		    jh_range_last(mem[i].virt_start, mem[i].size) &&
		    jh_range_last(addr, size) >= addr)
			return (int)i;
	}
	return -1;
}

static void check_console(struct jh_check *chk,
			  const struct jh_check_cell *cell)
{
	const struct jailhouse_console *con = &cell->desc->console;

	if (cell->root || con->type == JAILHOUSE_CON_TYPE_NONE ||
	    con->type == JAILHOUSE_CON_TYPE_EFIFB ||
	    !(con->flags & JAILHOUSE_CON_ACCESS_MMIO))
		return;
	if (find_region(cell->desc, con->address, con->size ? con->size : 1,
			0) < 0)
		jh_check_report(chk, JH_SEVERITY_WARNING, "console-unmapped",
				cell, -1, NULL, -1,
				"the console (%s at 0x%llx, size 0x%x) is not inside any memory region of the cell, which cannot use it",
				jh_console_type_name(con->type),
				(unsigned long long)con->address, con->size);
}

static void check_reset_address(struct jh_check *chk,
				const struct jh_check_cell *cell)
{
	uint64_t addr = cell->desc->cpu_reset_address;

	if (cell->root)
		return;
	if (find_region(cell->desc, addr, 4, JAILHOUSE_MEM_EXECUTE) < 0)
		jh_check_report(chk, JH_SEVERITY_WARNING, "reset-address", cell,
				-1, NULL, -1,
				"the CPU reset address 0x%llx is not in an executable memory region",
				(unsigned long long)addr);
}

/* AArch32 cells: refused by the hypervisor (and the Linux loader) */
static void check_arch(struct jh_check *chk, const struct jh_check_cell *cell)
{
	if (!cell->root && (cell->desc->flags & JAILHOUSE_CELL_AARCH32))
		jh_check_report(chk, JH_SEVERITY_ERROR, "aarch32", cell, -1,
				NULL, -1,
				"the cell is flagged AArch32 (JAILHOUSE_CELL_AARCH32): only AArch64 cells run");
}

static void check_arrays(struct jh_check *chk, const struct jh_check_cell *cell)
{
	size_t trailing = jh_config_get_trailing_bytes(cell->cfg);

	if (cell->desc->num_pio_regions || cell->desc->num_cache_regions)
		jh_check_report(chk, JH_SEVERITY_WARNING, "x86-only", cell, -1,
				NULL, -1,
				"%u PIO and %u cache regions are x86 only and ignored on arm64",
				cell->desc->num_pio_regions,
				cell->desc->num_cache_regions);
	if (trailing)
		jh_check_report(chk, JH_SEVERITY_WARNING, "trailing-bytes",
				cell, -1, NULL, -1,
				"%zu bytes after the last array are ignored",
				trailing);
}

void jh_check_cell_misc(struct jh_check *chk)
{
	const struct jh_check_cell *cells;
	unsigned int i, n;

	n = jh_check_cells(chk, &cells);
	check_names(chk, cells, n);
	for (i = 0; i < n; i++) {
		check_comm_region(chk, &cells[i]);
		check_console(chk, &cells[i]);
		check_reset_address(chk, &cells[i]);
		check_arch(chk, &cells[i]);
		check_arrays(chk, &cells[i]);
	}
}
