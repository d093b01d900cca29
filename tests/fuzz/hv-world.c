// SPDX-License-Identifier: GPL-2.0
/*
 * A host-side world for the hypervisor's cell config checks: the QEMU
 * virt system config enabled, root Linux on CPU 0 with CPUs 2 and 3
 * taken offline, and the gic-demo cell on CPU 1 owning its SPIs. The
 * configs are the tree's own sources, included under other names. What
 * the checks ask the rest of the hypervisor (CPU state, the GIC's size,
 * the trapped ranges, the console) is answered here as the hypervisor
 * would on that board; built with the hypervisor's headers, no libc.
 */
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/printk.h>
#include <asm/gicv3-driver.h>

#include "hv-world.h"

#define config hv_system_blob
#include "../../configs/arm64/qemu-arm64.c"
#undef config
#define config hv_gic_demo_blob
#include "../../configs/arm64/qemu-arm64-gic-demo.c"
#undef config

/* QEMU virt's GICv3: 288 lines, 40-bit IPAs on cortex-a57 */
#define WORLD_GIC_LINES		288
#define WORLD_IPA_BITS		40
#define WORLD_GICR_STRIDE	0x20000UL

const struct jailhouse_system *system_config;
struct cell root_cell;
unsigned int num_cells;
unsigned int max_cpus;
unsigned int gic_lines = WORLD_GIC_LINES;
static struct cell gic_demo;
static struct per_cpu cpus[4];

static unsigned int lines;
static char last[200];
static int malformed;

struct per_cpu *per_cpu(unsigned int cpu)
{
	return &cpus[cpu];
}

bool cpu_in_system(unsigned int cpu)
{
	const struct jailhouse_cell_desc *root = &system_config->root_cell;

	return cpu < max_cpus && cpu / 8 < root->cpu_set_size &&
	       (jailhouse_cell_cpu_set(root)[cpu / 8] & (1U << (cpu % 8)));
}

/* as arch/arm64/cell.c */
int arch_cell_irqs_check(const struct jailhouse_cell_desc *cfg)
{
	return gic_cell_irqs_check(cfg);
}

unsigned long arch_ipa_limit(void)
{
	return 1UL << WORLD_IPA_BITS;
}

unsigned int arch_trapped_ranges(struct mem_range *ranges, unsigned int max)
{
	const struct jailhouse_system *sys = system_config;

	if (max < 2)
		return 0;
	ranges[0].start = sys->platform_info.arm.gicd_base;
	ranges[0].size = 0x10000;
	ranges[1].start = sys->platform_info.arm.gicr_base;
	ranges[1].size = max_cpus * WORLD_GICR_STRIDE;
	return 2;
}

/* printk() ends here, a whole line at a time */
void console_write(const char *s)
{
	static const char prefix[] = "Cell config: ";
	unsigned long len = strlen(s);

	lines++;
	memcpy(last, s, len < sizeof(last) ? len + 1 : sizeof(last) - 1);
	if (len < sizeof(prefix) || memcmp(s, prefix, sizeof(prefix) - 1) ||
	    s[len - 1] != '\n')
		malformed = 1;
}

/* What root_cell_init() and cell_prepare() give a cell. */
static void world_cell(struct cell *cell, const struct jailhouse_cell_desc *cfg)
{
	const u8 *set = jailhouse_cell_cpu_set(cfg);
	unsigned int cpu;

	cell->config = cfg;
	cell->id = cfg->id;
	for (cpu = 0; cpu < cfg->cpu_set_size * 8 && cpu < max_cpus; cpu++)
		if (set[cpu / 8] & (1U << (cpu % 8)))
			cell_set_cpu(cell, cpu);
	gic_cell_irqs_init(cell);
}

static void world_init(void)
{
	unsigned int cpu, w;

	system_config = &hv_system_blob.header;
	max_cpus = 4;
	world_cell(&root_cell, &system_config->root_cell);
	world_cell(&gic_demo, &hv_gic_demo_blob.cell);
	gic_demo.id = 1;	/* the driver fills it in */

	/* cell_create(gic-demo): its CPU and lines leave root */
	for (w = 0; w < 32; w++)
		root_cell.arch.spi_bitmap[w] &= ~gic_demo.arch.spi_bitmap[w];
	for (cpu = 0; cpu < max_cpus; cpu++) {
		cpus[cpu].cpu_id = cpu;
		cpus[cpu].cell = &root_cell;
		cpus[cpu].state = cpu == 0 ? CPU_RUNNING : CPU_OFF;
		if (cell_has_cpu(&gic_demo, cpu)) {
			cell_clear_cpu(&root_cell, cpu);
			cpus[cpu].cell = &gic_demo;
			cpus[cpu].state = CPU_RUNNING;
		}
	}
	root_cell.next = &gic_demo;
	num_cells = 2;
}


unsigned long hv_world_header_size(void)
{
	return sizeof(struct jailhouse_cell_desc);
}

long hv_world_header(const void *hdr, unsigned long *size)
{
	long err;

	if (!system_config)
		world_init();
	err = cell_config_check_header(hdr);
	if (!err)
		err = cell_config_size(hdr, 0);
	if (err < 0)
		return err;
	*size = err;
	return 0;
}

/*
 * As the driver does before it asks: root Linux gives up the CPUs the
 * cell wants (CPU 0 too), so only a CPU of another cell is still busy.
 */
long hv_world_check(const void *cfg)
{
	const struct jailhouse_cell_desc *d = cfg;
	const u8 *set = jailhouse_cell_cpu_set(d);
	enum cpu_state saved[ARRAY_SIZE(cpus)];
	unsigned int cpu;
	long err;

	for (cpu = 0; cpu < max_cpus; cpu++) {
		saved[cpu] = cpus[cpu].state;
		if (cpu < d->cpu_set_size * 8 &&
		    (set[cpu / 8] & (1U << cpu % 8)) &&
		    cpus[cpu].cell == &root_cell)
			cpus[cpu].state = CPU_OFF;
	}
	err = cell_config_check(cfg);
	for (cpu = 0; cpu < max_cpus; cpu++)
		cpus[cpu].state = saved[cpu];
	return err;
}

const char *hv_world_last_line(void)
{
	return last;
}

unsigned int hv_world_lines(int *bad)
{
	unsigned int n = lines;

	*bad = malformed;
	lines = 0;
	malformed = 0;
	return n;
}
