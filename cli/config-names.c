// SPDX-License-Identifier: GPL-2.0-only
/*
 * Names of a config's flag bits and PCI device types, as "config show"
 * prints them, in text and JSON alike.
 */
#include "cli.h"
#include "config-names.h"

const struct flag_name config_mem_flags[] = {
	{ JH_MEM_READ, "R" }, { JH_MEM_WRITE, "W" }, { JH_MEM_EXECUTE, "X" },
	{ JH_MEM_DMA, "DMA" }, { JH_MEM_IO, "IO" },
	{ JH_MEM_COMM_REGION, "COMM" }, { JH_MEM_LOADABLE, "LOAD" },
	{ JH_MEM_ROOTSHARED, "ROOTSHARED" },
	{ JH_MEM_NO_HUGEPAGES, "NOHUGE" }, { JH_MEM_IO_UNALIGNED, "UNALIGNED" },
	{ JH_MEM_IO_8, "IO8" }, { JH_MEM_IO_16, "IO16" },
	{ JH_MEM_IO_32, "IO32" }, { JH_MEM_IO_64, "IO64" }, { 0, NULL },
};

const struct flag_name config_cell_flags[] = {
	{ JH_CELL_PASSIVE_COMMREG, "PASSIVE_COMMREG" },
	{ JH_CELL_TEST_DEVICE, "TEST_DEVICE" },
	{ JH_CELL_AARCH32, "AARCH32" },
	{ JH_CELL_VIRTUAL_CONSOLE_PERMITTED, "VIRTUAL_CONSOLE_PERMITTED" },
	{ JH_CELL_VIRTUAL_CONSOLE_ACTIVE, "VIRTUAL_CONSOLE_ACTIVE" },
	{ 0, NULL },
};

const struct flag_name config_sys_flags[] = {
	{ JH_SYS_VIRTUAL_DEBUG_CONSOLE, "VIRTUAL_DEBUG_CONSOLE" }, { 0, NULL },
};

const struct flag_name config_con_flags[] = {
	{ 0x0001, "MMIO" }, { 0x0002, "REGDIST_4" }, { 0x0004, "FB_1920x1080" },
	{ 0x1000, "INVERTED_GATE" }, { 0x2000, "MDR_QUIRK" }, { 0, NULL },
};

const char *config_pci_type_name(unsigned int type)
{
	static const char *const types[] = { "?", "device", "bridge", "ivshmem" };

	return type < 4 ? types[type] : "?";
}
