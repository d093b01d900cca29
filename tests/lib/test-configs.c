// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Test configs: the QEMU test bed's system, gic-demo and linux-demo
 * configs rebuilt from data, and variants with one defect each.
 */
#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test-configs.h"

#define RW	(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE)
#define RWX	(RW | JAILHOUSE_MEM_EXECUTE)

static const struct jailhouse_console pl011 = {
	.address = 0x09000000,
	.size = 0x1000,
	.type = JAILHOUSE_CON_TYPE_PL011,
	.flags = JAILHOUSE_CON_ACCESS_MMIO | JAILHOUSE_CON_REGDIST_4,
};

static void add_mem(struct tc_cell *c, uint64_t phys, uint64_t virt,
		    uint64_t size, uint64_t flags)
{
	struct jailhouse_memory *m = &c->mem[c->nmem++];

	m->phys_start = phys;
	m->virt_start = virt;
	m->size = size;
	m->flags = flags;
}

void tc_qemu_system(struct tc_system *sys)
{
	memset(sys, 0, sizeof(*sys));
	strcpy(sys->root.name, "qemu-arm64");
	sys->root.cpus = 0xf;
	sys->root.cpu_set_size = 8;
	add_mem(&sys->root, 0x09000000, 0x09000000, 0x37000000,
		RW | JAILHOUSE_MEM_IO);
	add_mem(&sys->root, 0x40000000, 0x40000000, 0x3fa10000, RWX);
	add_mem(&sys->root, 0x4010000000, 0x4010000000, 0x10000000,
		RW | JAILHOUSE_MEM_IO);
	sys->root.nirq = 1;
	sys->root.irq[0].address = 0x08000000;
	sys->root.irq[0].pin_base = 32;
	memset(sys->root.irq[0].pin_bitmap, 0xff,
	       sizeof(sys->root.irq[0].pin_bitmap));
	sys->flags = JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE;
	sys->hv_start = 0x7fc00000;
	sys->hv_size = 0x00400000;
	sys->gic_version = 3;
	sys->maintenance_irq = 25;
	sys->gicd = 0x08000000;
	sys->gicr = 0x080a0000;
	sys->debug_console = pl011;
}

void tc_gic_demo(struct tc_cell *c)
{
	memset(c, 0, sizeof(*c));
	strcpy(c->name, "gic-demo");
	c->cpus = 0x2;
	c->cpu_set_size = 8;
	c->flags = JAILHOUSE_CELL_PASSIVE_COMMREG |
		   JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED;
	c->console = pl011;
	add_mem(c, 0x09000000, 0x09000000, 0x1000,
		RW | JAILHOUSE_MEM_IO | JAILHOUSE_MEM_ROOTSHARED);
	add_mem(c, 0x7fa00000, 0, 0x10000, RWX | JAILHOUSE_MEM_LOADABLE);
	add_mem(c, 0, 0x80000000, 0x1000, RW | JAILHOUSE_MEM_COMM_REGION);
}

void tc_linux_demo(struct tc_cell *c)
{
	memset(c, 0, sizeof(*c));
	strcpy(c->name, "qemu-arm64-linux-demo");
	c->cpus = 0xc;
	c->cpu_set_size = 8;
	c->flags = JAILHOUSE_CELL_PASSIVE_COMMREG |
		   JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED;
	c->console = pl011;
	add_mem(c, 0x09000000, 0x09000000, 0x1000,
		RW | JAILHOUSE_MEM_IO | JAILHOUSE_MEM_ROOTSHARED);
	add_mem(c, 0x7f900000, 0, 0x10000, RWX | JAILHOUSE_MEM_LOADABLE);
	add_mem(c, 0x70000000, 0x70000000, 0x08000000,
		RWX | JAILHOUSE_MEM_DMA | JAILHOUSE_MEM_LOADABLE);
	add_mem(c, 0, 0x80000000, 0x1000, RW | JAILHOUSE_MEM_COMM_REGION);
	c->nirq = 1;
	c->irq[0].address = 0x08000000;
	c->irq[0].pin_base = 32;
	c->irq[0].pin_bitmap[0] = 1u << (33 - 32);
}

/* Writes the descriptor's arrays behind @out; returns the end. */
static uint8_t *put_arrays(const struct tc_cell *c, uint8_t *out)
{
	memset(out, 0, c->cpu_set_size);
	memcpy(out, &c->cpus, c->cpu_set_size < 8 ? c->cpu_set_size : 8);
	out += c->cpu_set_size;
	memcpy(out, c->mem, c->nmem * sizeof(c->mem[0]));
	out += c->nmem * sizeof(c->mem[0]);
	memcpy(out, c->irq, c->nirq * sizeof(c->irq[0]));
	out += c->nirq * sizeof(c->irq[0]);
	memset(out, 0, c->npio * sizeof(struct jailhouse_pio));
	out += c->npio * sizeof(struct jailhouse_pio);
	memcpy(out, c->pci, c->npci * sizeof(c->pci[0]));
	out += c->npci * sizeof(c->pci[0]);
	return out;
}

static void fill_desc(const struct tc_cell *c, struct jailhouse_cell_desc *d)
{
	memcpy(d->name, c->name, sizeof(d->name));
	d->flags = c->flags;
	d->cpu_set_size = c->cpu_set_size;
	d->num_memory_regions = c->nmem;
	d->num_irqchips = c->nirq;
	d->num_pio_regions = c->npio;
	d->num_pci_devices = c->npci;
	d->cpu_reset_address = c->reset;
	d->console = c->console;
}

static size_t arrays_size(const struct tc_cell *c)
{
	return c->cpu_set_size + c->nmem * sizeof(struct jailhouse_memory) +
	       c->nirq * sizeof(struct jailhouse_irqchip) +
	       c->npio * sizeof(struct jailhouse_pio) +
	       c->npci * sizeof(struct jailhouse_pci_device);
}

void *tc_build_cell(const struct tc_cell *c, size_t *size)
{
	struct jailhouse_cell_desc *d;

	*size = sizeof(*d) + arrays_size(c);
	d = calloc(1, *size);
	if (!d)
		abort();
	memcpy(d->signature, JAILHOUSE_CELL_DESC_SIGNATURE,
	       JAILHOUSE_SIGNATURE_SIZE);
	d->architecture = JAILHOUSE_ARM64;
	d->revision = JAILHOUSE_CONFIG_REVISION;
	fill_desc(c, d);
	put_arrays(c, (uint8_t *)(d + 1));
	return d;
}

void *tc_build_system(const struct tc_system *s, size_t *size)
{
	struct jailhouse_system *sys;

	*size = sizeof(*sys) + arrays_size(&s->root);
	sys = calloc(1, *size);
	if (!sys)
		abort();
	memcpy(sys->signature, JAILHOUSE_SYSTEM_SIGNATURE,
	       JAILHOUSE_SIGNATURE_SIZE);
	sys->architecture = JAILHOUSE_ARM64;
	sys->revision = JAILHOUSE_CONFIG_REVISION;
	sys->flags = s->flags;
	sys->hypervisor_memory.phys_start = s->hv_start;
	sys->hypervisor_memory.size = s->hv_size;
	sys->debug_console = s->debug_console;
	sys->platform_info.pci_domain = 0xffff;
	sys->platform_info.arm.gic_version = s->gic_version;
	sys->platform_info.arm.maintenance_irq = s->maintenance_irq;
	sys->platform_info.arm.gicd_base = s->gicd;
	sys->platform_info.arm.gicr_base = s->gicr;
	fill_desc(&s->root, &sys->root_cell);
	put_arrays(&s->root, (uint8_t *)(sys + 1));
	return sys;
}

int tc_write_file(const char *path, const void *data, size_t size)
{
	FILE *f = fopen(path, "wb");
	int err = 0;

	if (!f)
		return -1;
	if (fwrite(data, 1, size, f) != size)
		err = -1;
	if (fclose(f))
		err = -1;
	return err;
}

static int write_cell(const char *dir, const char *name,
		      const struct tc_cell *c)
{
	char path[4096];
	size_t size;
	void *data;
	int err;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	data = tc_build_cell(c, &size);
	err = tc_write_file(path, data, size);
	free(data);
	return err;
}

static int write_bytes(const char *dir, const char *name, const void *data,
		       size_t size)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return tc_write_file(path, data, size);
}

/* Two PT_LOAD segments: 16 bytes (+16 zero) at 0, 8 bytes at 0x1000. */
static int write_elf(const char *dir)
{
	struct {
		Elf64_Ehdr eh;
		Elf64_Phdr ph[2];
		uint8_t seg0[16];
		uint8_t seg1[8];
	} __attribute__((packed)) elf;
	unsigned int i;

	memset(&elf, 0, sizeof(elf));
	memcpy(elf.eh.e_ident, ELFMAG, SELFMAG);
	elf.eh.e_ident[EI_CLASS] = ELFCLASS64;
	elf.eh.e_ident[EI_DATA] = ELFDATA2LSB;
	elf.eh.e_ident[EI_VERSION] = EV_CURRENT;
	elf.eh.e_type = ET_EXEC;
	elf.eh.e_machine = EM_AARCH64;
	elf.eh.e_version = EV_CURRENT;
	elf.eh.e_phoff = sizeof(elf.eh);
	elf.eh.e_ehsize = sizeof(elf.eh);
	elf.eh.e_phentsize = sizeof(elf.ph[0]);
	elf.eh.e_phnum = 2;
	for (i = 0; i < 2; i++)
		elf.ph[i].p_type = PT_LOAD;
	elf.ph[0].p_offset = offsetof(typeof(elf), seg0);
	elf.ph[0].p_filesz = 16;
	elf.ph[0].p_memsz = 32;
	elf.ph[1].p_offset = offsetof(typeof(elf), seg1);
	elf.ph[1].p_paddr = 0x1000;
	elf.ph[1].p_filesz = 8;
	elf.ph[1].p_memsz = 8;
	for (i = 0; i < 16; i++)
		elf.seg0[i] = (uint8_t)(0xa0 + i);
	memset(elf.seg1, 0x5a, sizeof(elf.seg1));
	return write_bytes(dir, "inmate.elf", &elf, sizeof(elf));
}

static int write_broken_systems(const char *dir, const struct tc_system *base)
{
	struct tc_system s = *base;
	size_t size;
	uint8_t *data;
	int err = 0;

	data = tc_build_system(&s, &size);
	err |= write_bytes(dir, "sys.cell", data, size);
	err |= write_bytes(dir, "truncated.cell", data, 100);
	err |= write_bytes(dir, "short-arrays.cell", data, size - 8);
	memcpy(data, "JHSYST", 6);
	err |= write_bytes(dir, "rev13.cell", data, size);
	memcpy(data, "XXSYS", 5);
	err |= write_bytes(dir, "bad-signature.cell", data, size);
	free(data);

	data = tc_build_system(&s, &size);
	data[5] = JAILHOUSE_X86;
	err |= write_bytes(dir, "arch-x86.cell", data, size);
	data[5] = JAILHOUSE_ARM64;
	data[6] = 12;
	err |= write_bytes(dir, "rev12.cell", data, size);
	free(data);

	/* Root RAM reaching into the hypervisor, GIC without a PPI. */
	s.root.mem[1].size = 0x3fc10000;
	s.maintenance_irq = 40;
	data = tc_build_system(&s, &size);
	err |= write_bytes(dir, "sys-bad.cell", data, size);
	free(data);
	return err;
}

/* A count far beyond the file's end. */
static int write_counts(const char *dir, const struct tc_cell *c)
{
	struct jailhouse_cell_desc *d;
	size_t size;
	int err;

	d = tc_build_cell(c, &size);
	d->num_memory_regions = 200;
	err = write_bytes(dir, "counts.cell", d, size);
	free(d);
	return err;
}

int tc_write_all(const char *dir)
{
	static const char raw[] = "raw image bytes";
	struct tc_system sys;
	struct tc_cell c;
	int err = 0;

	tc_qemu_system(&sys);
	err |= write_broken_systems(dir, &sys);

	tc_gic_demo(&c);
	err |= write_cell(dir, "gic-demo.cell", &c);
	err |= write_counts(dir, &c);

	tc_linux_demo(&c);
	err |= write_cell(dir, "linux-demo.cell", &c);

	/* Same CPUs and RAM as linux-demo under another name. */
	strcpy(c.name, "clash");
	err |= write_cell(dir, "clash.cell", &c);

	tc_gic_demo(&c);
	strcpy(c.name, "bad-cell");
	c.cpus = 0x1;
	c.mem[1].virt_start = 0x80000000;	/* onto the comm region */
	c.console.address = 0x0a000000;
	err |= write_cell(dir, "bad-cell.cell", &c);

	err |= write_bytes(dir, "inmate.bin", raw, sizeof(raw) - 1);
	err |= write_elf(dir);
	return err ? -1 : 0;
}
