/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Builds .cell images for the tests: the QEMU test bed's configs as a
 * base, which each test bends into the broken variant it needs.
 */
#ifndef TESTS_LIB_TEST_CONFIGS_H
#define TESTS_LIB_TEST_CONFIGS_H

#include <stddef.h>

#include <jailhouse/cell-config.h>

#define TC_MAX_MEM	16
#define TC_MAX_IRQ	4
#define TC_MAX_PCI	2

struct tc_cell {
	char name[JAILHOUSE_CELL_NAME_MAXLEN + 1];
	uint64_t cpus;
	unsigned int cpu_set_size;	/* bytes, 8 unless a test says else */
	uint32_t flags;
	uint64_t reset;
	struct jailhouse_console console;
	unsigned int nmem, nirq, npci, npio;
	struct jailhouse_memory mem[TC_MAX_MEM];
	struct jailhouse_irqchip irq[TC_MAX_IRQ];
	struct jailhouse_pci_device pci[TC_MAX_PCI];
};

struct tc_system {
	struct tc_cell root;
	uint32_t flags;
	uint64_t hv_start, hv_size;
	uint8_t gic_version, maintenance_irq;
	uint64_t gicd, gicr;
	struct jailhouse_console debug_console;
};

void tc_qemu_system(struct tc_system *sys);
void tc_gic_demo(struct tc_cell *cell);
void tc_linux_demo(struct tc_cell *cell);

/* malloc()ed images; free() them. */
void *tc_build_cell(const struct tc_cell *cell, size_t *size);
void *tc_build_system(const struct tc_system *sys, size_t *size);

int tc_write_file(const char *path, const void *data, size_t size);
/* Writes the named configs and images the CLI tests use into @dir. */
int tc_write_all(const char *dir);

#endif /* TESTS_LIB_TEST_CONFIGS_H */
