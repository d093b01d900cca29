// SPDX-License-Identifier: GPL-2.0
/*
 * The checker agrees with the hypervisor on cell configs (TAP). The
 * tree's linux-demo config, bent in many ways (its PCI devices and link
 * regions, its other regions and console, CPUs, interrupts, flags and
 * name), goes to the hypervisor's own checks (built for the host in
 * tests/fuzz/hv-world.c: the QEMU system enabled, gic-demo created) and
 * to the library's checker with the same system and gic-demo: either
 * both accept it or both refuse it. Linked with hypervisor code, hence
 * GPL like it.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <libjailhouse.h>
#include <jailhouse/cell-config.h>

#include "configs.h"
#include "hv-world.h"
#include "tap.h"

#define ROUNDS		30000

static struct jh_ctx *ctx;
static struct jh_config *sys, *gic_demo;
static uint32_t rnd_state = 4711;

static uint32_t rnd(uint32_t limit)
{
	rnd_state = rnd_state * 1103515245u + 12345u;
	return (rnd_state >> 8) % limit;
}

static uint32_t pick(const uint32_t *values, unsigned int n)
{
	return values[rnd(n)];
}

#define PICK(...) ({							\
	static const uint32_t v[] = { __VA_ARGS__ };			\
	pick(v, sizeof(v) / sizeof(v[0]));				\
})
#define PICK64(...) ({							\
	static const uint64_t v[] = { __VA_ARGS__ };			\
	v[rnd(sizeof(v) / sizeof(v[0]))];				\
})

/* One change to a region 0-3 (UART, RAM, comm region); says which. */
static const char *bend_region(struct jailhouse_cell_desc *d)
{
	struct jailhouse_memory *mem = (struct jailhouse_memory *)
		jailhouse_cell_mem_regions(d) + rnd(4);

	switch (rnd(7)) {
	case 0:
		mem->phys_start = PICK64(0x09000000, 0x09000800, 0x08000000,
				       0x080a0000, 0x7fa00000, 0x7fc00000,
				       0x3f000000, 0x70000000, 0x40000000,
				       0x100000000000ULL);
		return "a region's host address";
	case 1:
		mem->virt_start = PICK64(0, 0x1000, 0x09000000, 0x09000040,
				       0x70000000, 0x80000000,
				       0xfffffffffffff000ULL);
		return "a region's guest address";
	case 2:
		mem->size = PICK(0, 0x20, 0x800, 0x1000, 0x1800, 0x10000,
				 0x200000, 0x8000000, 0x10000000);
		return "a region's size";
	case 3:
		mem->flags ^= PICK(JAILHOUSE_MEM_IO, JAILHOUSE_MEM_ROOTSHARED,
				   JAILHOUSE_MEM_COMM_REGION,
				   JAILHOUSE_MEM_LOADABLE, JAILHOUSE_MEM_WRITE,
				   JAILHOUSE_MEM_IO_32 | JAILHOUSE_MEM_IO_8);
		return "a region's flags";
	case 4:
		d->console.address = PICK(0x09000000, 0x09001000, 0x0a000000,
					  0x70000000, 0);
		return "the console address";
	case 5:
		d->console.type = (uint16_t)PICK(0, 1, 2, 3, 0x100);
		return "the console type";
	default:
		/* a bare copy of another region */
		*mem = *((struct jailhouse_memory *)
			 jailhouse_cell_mem_regions(d) + rnd(4));
		return "a region copied over another";
	}
}

/* One change to the CPUs, interrupts, flags or name; says which. */
static const char *bend_cell(struct jailhouse_cell_desc *d)
{
	struct jailhouse_irqchip *chip = (struct jailhouse_irqchip *)
		jailhouse_cell_irqchips(d);
	uint8_t *cpus = (uint8_t *)jailhouse_cell_cpu_set(d);

	switch (rnd(6)) {
	case 0:
		/* gic-demo has CPU 1, root 0-3 of the system's 4 */
		cpus[0] = (uint8_t)PICK(0x0, 0x1, 0x2, 0x4, 0x8, 0xc, 0xe,
					0xf, 0x10, 0x80);
		return "the CPU set";
	case 1:
		chip->pin_base = PICK(0, 16, 32, 48, 64, 992, 1024);
		return "the irqchip's pin_base";
	case 2:
		chip->pin_bitmap[rnd(4)] ^= 1U << rnd(32);
		return "an interrupt bit";
	case 3:
		chip->address = PICK(0x08000000, 0x08010000, 0x080a0000, 0);
		return "the irqchip's address";
	case 4:
		d->flags ^= PICK(JAILHOUSE_CELL_AARCH32,
				 JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED,
				 JAILHOUSE_CELL_PASSIVE_COMMREG, 0x80000000);
		return "the cell flags";
	default:
		memset(d->name, 0, sizeof(d->name));
		strcpy(d->name, rnd(2) ? "gic-demo" : "");
		return "the name";
	}
}

/* One change to a PCI field, an INTx or a link region; says which. */
static const char *bend(struct jailhouse_cell_desc *d)
{
	struct jailhouse_pci_device *dev = (struct jailhouse_pci_device *)
		jailhouse_cell_pci_devices(d) + rnd(d->num_pci_devices);
	struct jailhouse_memory *mem = (struct jailhouse_memory *)
		jailhouse_cell_mem_regions(d) + 4 + rnd(d->num_memory_regions - 4);

	switch (rnd(11)) {
	case 0:
		dev->type = (uint8_t)rnd(5);
		return "type";
	case 1:
		dev->bdf = (uint16_t)(rnd(8) ? PICK(0x00, 0x08, 0x10, 0x18,
						      0x01, 0x100, 0xff00) :
				      rnd(0x10000));
		return "bdf";
	case 2:
		dev->bar_mask[0] = PICK(0xfffff000, 0xffff0000, 0xffffff00, 0,
					0xfffe0000);
		return "bar_mask";
	case 3:
		dev->shmem_regions_start = rnd(d->num_memory_regions + 2);
		return "shmem_regions_start";
	case 4:
		dev->shmem_dev_id = (uint8_t)PICK(0, 1, 2, 3, 12, 255);
		return "shmem_dev_id";
	case 5:
		dev->shmem_peers = (uint8_t)PICK(0, 1, 2, 3, 4, 12, 13, 255);
		return "shmem_peers";
	case 6:
		dev->shmem_protocol = (uint16_t)PICK(0, 1, 0x4000, 0x8001);
		return "shmem_protocol";
	case 7:
		dev->num_msix_vectors = (uint16_t)rnd(2);
		return "num_msix_vectors";
	case 8:
		d->vpci_irq_base = PICK(0, 1, 108, 109, 112, 127, 200, 990,
					0xffffffe0);
		return "vpci_irq_base";
	case 9:
		mem->flags ^= JAILHOUSE_MEM_WRITE;
		return "a link region's write flag";
	default:
		/* far from anything else in the guest: only the order breaks */
		mem->virt_start += 0x1000000000ULL;
		return "a link region's guest address";
	}
}

static bool library_accepts(const void *data, size_t size)
{
	struct jh_config *cell;
	struct jh_check *chk;
	int err;

	if (jh_config_new_from_buffer(ctx, data, size, "bent.cell", &cell) ||
	    jh_check_new(ctx, &chk))
		exit(99);
	if (jh_check_set_system(chk, sys) ||
	    jh_check_add_cell(chk, gic_demo) || jh_check_add_cell(chk, cell))
		exit(99);
	err = jh_check_run(chk);
	if (err && err != -EINVAL)
		exit(99);
	jh_check_free(chk);
	jh_config_unref(cell);
	return !err;
}

static bool hypervisor_accepts(void *data)
{
	unsigned long size;
	int bad;
	long err;

	/* the driver numbers the cell: after root and gic-demo */
	((struct jailhouse_cell_desc *)data)->id = 2;
	err = hv_world_header(data, &size);
	if (!err)
		err = hv_world_check(data);
	hv_world_lines(&bad);
	return !err;
}

static struct jh_config *load(const void *data, size_t size,
			      const char *label)
{
	struct jh_config *cfg;

	if (jh_config_new_from_buffer(ctx, data, size, label, &cfg))
		exit(99);
	return cfg;
}

static void test_agreement(void)
{
	unsigned int round, k, disagree = 0, refused = 0;
	const void *linux_demo;
	const char *what[3];
	bool lib, hv;
	uint8_t *data;
	size_t size;

	linux_demo = fx_arm64_linux_demo(&size);
	data = malloc(size);
	if (!data)
		exit(99);
	memcpy(data, linux_demo, size);
	tap_ok(library_accepts(data, size) && hypervisor_accepts(data),
	       "the tree's linux-demo: both accept it");

	for (round = 0; round < ROUNDS; round++) {
		memcpy(data, linux_demo, size);
		for (k = 0; k < 3; k++) {
			if (k > rnd(3))
				what[k] = "-";
			else if (round % 3 == 0)
				what[k] = bend((void *)data);
			else if (round % 3 == 1)
				what[k] = bend_region((void *)data);
			else
				what[k] = bend_cell((void *)data);
		}
		lib = library_accepts(data, size);
		hv = hypervisor_accepts(data);
		refused += !hv;
		if (lib == hv)
			continue;
		/* the hypervisor's lines end in a newline, the library's not */
		if (disagree++ < (getenv("CHECK_HV_ALL") ? ROUNDS : 5))
			printf("# round %u (%s, %s, %s): library %s, hypervisor %s: %s%s",
			       round, what[0], what[1], what[2],
			       lib ? "accepts" : "refuses",
			       hv ? "accepts" : "refuses",
			       lib ? hv_world_last_line() :
				     jh_ctx_last_error(ctx),
			       lib ? "" : "\n");
	}
	free(data);
	tap_eq(disagree, 0, "%u bent configs: the checker and the hypervisor agree",
	       ROUNDS);
	tap_ok(refused >= ROUNDS / 10 && ROUNDS - refused >= ROUNDS / 100,
	       "both accepted and refused ones among them (%u refused)",
	       refused);
}

int main(void)
{
	const struct jailhouse_system *s = fx_arm64_system();
	const void *gic;
	size_t size;

	if (jh_ctx_new(NULL, &ctx))
		return 99;
	jh_ctx_set_log_priority(ctx, 0);
	sys = load(s, jailhouse_system_config_size(s), "qemu-arm64.cell");
	gic = fx_arm64_gic_demo(&size);
	gic_demo = load(gic, size, "qemu-arm64-gic-demo.cell");
	test_agreement();
	jh_config_unref(gic_demo);
	jh_config_unref(sys);
	jh_ctx_unref(ctx);
	return tap_done();
}
