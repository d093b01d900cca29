// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Checks the .cell files the build produced from configs/arm64: the
 * header words, the size implied by the counts against the file size, and
 * the fields the QEMU test bed depends on.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jailhouse/cell-config.h>

#include "tap.h"

static const char *cell_dir;

static void *slurp(const char *name, size_t *size)
{
	char path[4096];
	char *buf = NULL;
	size_t len = 0, cap = 0;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", cell_dir, name);
	f = fopen(path, "rb");
	if (!f) {
		printf("# %s: %s\n", path, strerror(errno));
		return NULL;
	}
	for (;;) {
		if (len == cap) {
			cap = cap ? cap * 2 : 4096;
			buf = realloc(buf, cap);
			if (!buf)
				abort();
		}
		size_t n = fread(buf + len, 1, cap - len, f);

		if (!n)
			break;
		len += n;
	}
	fclose(f);
	*size = len;
	return buf;
}

static const struct jailhouse_memory *
find_region(const struct jailhouse_cell_desc *cell, __u64 virt)
{
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(cell);
	__u32 n;

	for (n = 0; n < cell->num_memory_regions; n++)
		if (mem[n].virt_start == virt)
			return &mem[n];
	return NULL;
}

static void check_cell_header(const struct jailhouse_cell_desc *cell,
			      const char *file, const char *name)
{
	tap_ok(!memcmp(cell->signature, JAILHOUSE_CELL_DESC_SIGNATURE,
		       JAILHOUSE_SIGNATURE_SIZE), "%s: signature JHCLL", file);
	tap_eq(cell->architecture, JAILHOUSE_ARM64, "%s: architecture arm64", file);
	tap_eq(cell->revision, JAILHOUSE_CONFIG_REVISION, "%s: revision 14", file);
	tap_ok(!strcmp(cell->name, name), "%s: name %s", file, name);
	tap_eq(cell->cpu_set_size % 8, 0, "%s: CPU set in whole u64 words", file);
}

static void test_system(void)
{
	const char *file = "qemu-arm64.cell";
	const struct jailhouse_system *sys;
	const struct jailhouse_memory *ram;
	size_t size;

	sys = slurp(file, &size);
	if (!tap_ok(sys && size >= sizeof(*sys), "%s: readable, whole header", file))
		return;
	tap_ok(!memcmp(sys->signature, JAILHOUSE_SYSTEM_SIGNATURE,
		       JAILHOUSE_SIGNATURE_SIZE), "%s: signature JHSYS", file);
	tap_eq(sys->architecture, JAILHOUSE_ARM64, "%s: architecture arm64", file);
	tap_eq(sys->revision, JAILHOUSE_CONFIG_REVISION, "%s: revision 14", file);
	tap_eq(size, jailhouse_system_config_size(sys), "%s: size matches counts", file);
	tap_eq(size, 488 + 8 + 12 * 32 + 32 + 2 * 56,
	       "%s: 488 + 8 + 12*32 + 32 + 2*56 bytes", file);
	tap_eq(sys->hypervisor_memory.phys_start, 0x7fc00000, "%s: hypervisor at 0x7fc00000", file);
	tap_eq(sys->hypervisor_memory.size, 0x400000, "%s: hypervisor 4 MiB", file);
	tap_eq(sys->debug_console.type, JAILHOUSE_CON_TYPE_PL011, "%s: PL011 debug console", file);
	tap_eq(sys->debug_console.address, 0x09000000, "%s: UART at 0x09000000", file);
	tap_eq(sys->platform_info.arm.gic_version, 3, "%s: GICv3", file);
	tap_eq(sys->platform_info.arm.gicd_base, 0x08000000, "%s: GICD", file);
	tap_eq(sys->platform_info.arm.gicr_base, 0x080a0000, "%s: GICR", file);
	tap_eq(sys->platform_info.arm.maintenance_irq, 25, "%s: maintenance IRQ 25", file);
	tap_ok(!strcmp(sys->root_cell.name, "qemu-arm64"), "%s: root cell name", file);
	tap_eq(jailhouse_cell_cpu_set(&sys->root_cell)[0], 0xf, "%s: root CPUs 0-3", file);
	ram = find_region(&sys->root_cell, 0x40000000);
	tap_ok(ram && ram->size == 0x3fa10000 && !(ram->flags & JAILHOUSE_MEM_IO),
	       "%s: root RAM 0x40000000 + 0x3fa10000", file);
	tap_ok(ram && ram->phys_start + ram->size <= sys->hypervisor_memory.phys_start,
	       "%s: root RAM ends below the hypervisor", file);
	tap_eq(sys->root_cell.num_irqchips, 1, "%s: one irqchip", file);
	tap_ok(sys->platform_info.pci_is_virtual &&
	       sys->platform_info.pci_mmconfig_base == 0x3f000000 &&
	       sys->platform_info.pci_mmconfig_end_bus == 0,
	       "%s: virtual PCI host, bus 0 at 0x3f000000", file);
	tap_eq(sys->root_cell.num_pci_devices, 2, "%s: two ivshmem links", file);
	free((void *)sys);
}

static void test_gic_demo(void)
{
	const char *file = "qemu-arm64-gic-demo.cell";
	const struct jailhouse_cell_desc *cell;
	const struct jailhouse_memory *mem;
	size_t size;

	cell = slurp(file, &size);
	if (!tap_ok(cell && size >= sizeof(*cell), "%s: readable, whole header", file))
		return;
	check_cell_header(cell, file, "gic-demo");
	tap_eq(size, jailhouse_cell_config_size(cell), "%s: size matches counts", file);
	tap_eq(jailhouse_cell_cpu_set(cell)[0], 0x2, "%s: CPU 1 only", file);
	mem = find_region(cell, 0);
	tap_ok(mem && mem->phys_start == 0x7fa00000 &&
	       (mem->flags & JAILHOUSE_MEM_LOADABLE), "%s: loadable RAM at guest 0", file);
	mem = find_region(cell, 0x80000000);
	tap_ok(mem && (mem->flags & JAILHOUSE_MEM_COMM_REGION),
	       "%s: comm region at 0x80000000", file);
	tap_eq(cell->console.type, JAILHOUSE_CON_TYPE_PL011, "%s: PL011 console", file);
	free((void *)cell);
}

static void test_linux_demo(void)
{
	const char *file = "qemu-arm64-linux-demo.cell";
	const struct jailhouse_cell_desc *cell;
	const struct jailhouse_memory *mem;
	size_t size;

	cell = slurp(file, &size);
	if (!tap_ok(cell && size >= sizeof(*cell), "%s: readable, whole header", file))
		return;
	check_cell_header(cell, file, "qemu-arm64-linux-demo");
	tap_eq(size, jailhouse_cell_config_size(cell), "%s: size matches counts", file);
	tap_eq(jailhouse_cell_cpu_set(cell)[0], 0xc, "%s: CPUs 2-3", file);
	mem = find_region(cell, 0x70000000);
	tap_ok(mem && mem->size == 128 << 20 && (mem->flags & JAILHOUSE_MEM_DMA) &&
	       (mem->flags & JAILHOUSE_MEM_LOADABLE), "%s: 128 MiB loadable RAM", file);
	mem = find_region(cell, 0);
	tap_ok(mem && mem->phys_start == 0x7f900000 &&
	       (mem->flags & JAILHOUSE_MEM_LOADABLE), "%s: loader region at guest 0", file);
	tap_eq(cell->cpu_reset_address, 0, "%s: starts in the loader", file);
	tap_eq(jailhouse_cell_irqchips(cell)[0].pin_bitmap[0], 1u << 1,
	       "%s: UART SPI (INTID 33)", file);
	tap_eq(jailhouse_cell_irqchips(cell)[0].pin_bitmap[3], 3u << 12,
	       "%s: ivshmem INTx (INTIDs 140, 141)", file);
	tap_eq(cell->num_pci_devices, 2, "%s: both ivshmem links", file);
	free((void *)cell);
}

int main(void)
{
	cell_dir = getenv("JH_CELL_DIR");
	if (!cell_dir) {
		printf("1..0 # SKIP JH_CELL_DIR not set\n");
		return 77;
	}
	test_system();
	test_gic_demo();
	test_linux_demo();
	return tap_done();
}
