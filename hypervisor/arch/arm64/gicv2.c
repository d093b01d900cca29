// SPDX-License-Identifier: GPL-2.0
/*
 * GICv2 (GIC-400) virtualization: the CPU interface (GICC) and the
 * virtual interface control (GICH) through their memory-mapped
 * registers, for vgic.c; the virtual CPU interface (GICV) mapped in each
 * cell's stage 2 where the cell expects its GICC, so guests never trap
 * on CPU-interface accesses; SGIs by GICD_SGIR and CPU-interface masks.
 *
 * Everything runs in Group 0 (all a GIC without Security Extensions
 * has, and what a non-secure Linux sees as its only group): physical
 * GICC_CTLR enables it with split priority drop and deactivation, and
 * list registers leave the group bit clear.
 *
 * GICH and the distributor's SGI/PPI registers are banked per CPU: a CPU
 * reaches only its own. A CPU that changes hands therefore resets its
 * bank itself, when it next comes up (cpu_init).
 */
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/mmio.h>
#include <jailhouse/printk.h>
#include <asm/gicv2.h>
#include <asm/gicv2-driver.h>
#include <asm/vgic.h>

static void *gicc_base, *gich_base;

#define arm_info()	(&system_config->platform_info.arm)

static u32 gicc_read(unsigned int off)
{
	return mmio_read32((u8 *)gicc_base + off);
}

static void gicc_write(unsigned int off, u32 val)
{
	mmio_write32((u8 *)gicc_base + off, val);
}

static u32 gich_read(unsigned int off)
{
	return mmio_read32((u8 *)gich_base + off);
}

static void gich_write(unsigned int off, u32 val)
{
	mmio_write32((u8 *)gich_base + off, val);
}

void gicv2_gicd_write(unsigned int off, u32 val)
{
	mmio_write32((u8 *)gicd_base + off, val);
}

static u64 lrs_empty(void)
{
	return gich_read(GICH_ELRSR0) | (u64)gich_read(GICH_ELRSR1) << 32;
}

static u64 lr_read(unsigned int n)
{
	return gich_read(GICH_LR(n));
}

static void lr_write(unsigned int n, u64 lr)
{
	gich_write(GICH_LR(n), lr);
}

static void lrs_clear(unsigned int num_lrs)
{
	for (unsigned int n = 0; n < num_lrs; n++)
		gich_write(GICH_LR(n), 0);
	gich_write(GICH_APR, 0);
}

static void underflow_irq(bool on)
{
	u32 hcr = gich_read(GICH_HCR);

	gich_write(GICH_HCR, on ? hcr | GICH_HCR_UIE : hcr & ~GICH_HCR_UIE);
}

static u32 ack(void)
{
	return gicc_read(GICC_IAR);
}

/* The full acknowledge value: an SGI's source CPU is part of its ID. */
static void eoi(u32 iar)
{
	gicc_write(GICC_EOIR, iar);
}

static void deactivate(u32 iar)
{
	gicc_write(GICC_DIR, iar);
}

void gicv2_send_sgi(struct per_cpu *target, unsigned int sgi)
{
	dsb(ish);
	gicv2_gicd_write(GICD_SGIR,
			 (u32)target->arch.gic_target << 16 | sgi);
}

/* Only ever for the calling CPU's own SGIs/PPIs (banked), or an SPI */
static void repend(struct per_cpu *cpu_data, unsigned int irq)
{
	gicv2_gicd_write(GICD_ISPENDR + irq / 32 * 4, BIT(irq % 32));
}

/* priority 0xa0 (5 bits kept), pending */
#define GICV2_LR_NEW	((0xa0UL >> 3) << GICH_LR_PRIORITY_SHIFT | \
			 GICH_LR_PENDING)

static const struct vgic_cpuif gicv2_cpuif = {
	.lr_virq_mask = GICH_LR_VIRQ_MASK,
	.lr_pending = GICH_LR_PENDING,
	.lr_hw = GICH_LR_HW,
	.lr_new_virt = GICV2_LR_NEW,
	.lr_new_hw = GICV2_LR_NEW | GICH_LR_HW,
	.lr_pirq_shift = GICH_LR_PIRQ_SHIFT,
	.iar_irq_mask = GICC_IAR_IRQ,
	.lrs_empty = lrs_empty,
	.lr_read = lr_read,
	.lr_write = lr_write,
	.lrs_clear = lrs_clear,
	.underflow_irq = underflow_irq,
	.ack = ack,
	.eoi = eoi,
	.deactivate = deactivate,
	.send_sgi = gicv2_send_sgi,
	.repend = repend,
};

static u64 route_read(unsigned int irq)
{
	return mmio_read8((u8 *)gicd_base + GICD_ITARGETSR + irq);
}

static void route_write(unsigned int irq, u64 targets)
{
	mmio_write8((u8 *)gicd_base + GICD_ITARGETSR + irq, targets);
}

static u64 route_to_cpu(unsigned int cpu)
{
	return per_cpu(cpu)->arch.gic_target;
}

static const struct gic_spi_routes gicv2_routes = {
	.read = route_read,
	.write = route_write,
	.in_cell = gicv2_targets_in_cell,
	.to_cpu = route_to_cpu,
};

static int gicv2_init(void)
{
	unsigned int rev;
	int err;

	err = vgic_init(&gicv2_cpuif);
	if (err)
		return err;
	gic_routes = &gicv2_routes;
	if (!arm_info()->gicc_base || !arm_info()->gich_base ||
	    !arm_info()->gicv_base) {
		printk("ERROR: GICv2 needs the GICC, GICH and GICV bases in the system config\n");
		return -EINVAL;
	}
	gicd_base = paging_map_device(arm_info()->gicd_base, GICD_V2_SIZE);
	if (!gicd_base)
		return -ENOMEM;
	rev = PIDR2_ARCHREV(mmio_read32((u8 *)gicd_base + GICD_V2_PIDR2));
	if (rev != 1 && rev != 2) {
		printk("ERROR: the GIC at %lx is of architecture revision %u, the system config says 2\n",
		       (unsigned long)arm_info()->gicd_base, rev);
		return -ENODEV;
	}
	gic_lines = MIN(32 * ((mmio_read32((u8 *)gicd_base + GICD_TYPER) &
			       0x1f) + 1), 1020);
	gicc_base = paging_map_device(arm_info()->gicc_base, GICC_SIZE);
	gich_base = paging_map_device(arm_info()->gich_base, GICH_SIZE);
	return gicc_base && gich_base ? 0 : -ENOMEM;
}

/* The 64 KiB blocks around a frame (JAILHOUSE_GICV2_BLOCK) */
static void frame_block(struct mem_range *range, u64 base, u64 size)
{
	range->start = JAILHOUSE_GICV2_BLOCKS_START(base);
	range->size = JAILHOUSE_GICV2_BLOCKS_END(base, size) - range->start;
}

static unsigned int gicv2_trapped_ranges(struct mem_range *ranges,
					 unsigned int max)
{
	if (max < 4)
		return 0;
	frame_block(&ranges[0], arm_info()->gicd_base, GICD_V2_SIZE);
	frame_block(&ranges[1], arm_info()->gicc_base, GICC_SIZE);
	frame_block(&ranges[2], arm_info()->gich_base, GICH_SIZE);
	frame_block(&ranges[3], arm_info()->gicv_base, JAILHOUSE_GICV_SIZE);
	return 4;
}

/* The guest's "GICC" is the virtual CPU interface. */
static int gicv2_map_cpu_interface(struct cell *cell)
{
	struct jailhouse_memory gicv = {
		.phys_start = arm_info()->gicv_base,
		.virt_start = arm_info()->gicc_base,
		.size = JAILHOUSE_GICV_SIZE,
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
			 JAILHOUSE_MEM_IO,
	};

	return arch_map_memory_region(cell, &gicv);
}

static int gicv2_cell_init(struct cell *cell)
{
	int err;

	err = gic_cell_irqs_init(cell);
	if (err)
		return err;
	return mmio_region_register(cell, arm_info()->gicd_base, GICD_V2_SIZE,
				    gicv2_gicd_access, cell);
}

/*
 * These SGIs/PPIs of the bank neither enabled nor pending, from any
 * source: SGIs pend per source CPU, cleared by CPENDSGIR.
 */
static void bank_off(u32 irqs)
{
	unsigned int n;
	u32 sources;

	gicv2_gicd_write(GICD_ICENABLER, irqs);
	gicv2_gicd_write(GICD_ICPENDR, irqs);
	for (n = 0; n < 16; n += 4) {
		sources = 0;
		for (unsigned int k = 0; k < 4; k++)
			if (irqs & BIT(n + k))
				sources |= 0xffU << (8 * k);
		gicv2_gicd_write(GICD_CPENDSGIR + n, sources);
	}
}

/* The SGI/PPI bank but the hypervisor's own interrupts: off, not active. */
static void reset_guest_private(void)
{
	u32 guest = ~vgic_hv_private_irqs();

	bank_off(guest);
	gicv2_gicd_write(GICD_ICACTIVER, guest);
}

/*
 * Virtual interface off, the hypervisor's SGIs and maintenance PPI
 * neither enabled nor pending: what they announced is queued.
 */
static void virt_off(void)
{
	gich_write(GICH_HCR, 0);
	bank_off(vgic_hv_private_irqs());
}

/* Bits of Linux's GICC_CTLR and where GICH_VMCR keeps them meanwhile */
static const u32 ctlr_in_vmcr[][2] = {
	{ GICC_CTLR_GRPEN0, GICH_VMCR_GRP0EN },
	{ GICC_CTLR_GRPEN1, GICH_VMCR_GRP1EN },
	{ GICC_CTLR_EOIMODE, GICH_VMCR_EOIMODE },
};

static int gicv2_cpu_init(struct per_cpu *cpu_data)
{
	u32 ctlr, pmr, vmcr, target;
	unsigned int n;

	/* ITARGETSR0 is banked: each byte reads as this CPU's own bit */
	target = mmio_read32((u8 *)gicd_base + GICD_ITARGETSR) & 0xff;
	if (!target && max_cpus == 1)
		target = 1;
	if (!target || (target & (target - 1))) {
		printk("ERROR: CPU %u: no GIC CPU interface of its own (ITARGETSR0 %x)\n",
		       cpu_data->cpu_id, target);
		return -ENODEV;
	}
	cpu_data->arch.gic_target = target;
	if (cpu_data->arch.private_reset_due) {
		reset_guest_private();
		cpu_data->arch.private_reset_due = false;
	}

	ctlr = gicc_read(GICC_CTLR);
	pmr = gicc_read(GICC_PMR);
	/*
	 * Linux may be inside an IPI handler (on_each_cpu) with that SGI
	 * still active; it will deactivate the virtual one, so do the
	 * physical side here, or the SGI stays blocked after disable.
	 */
	gicv2_gicd_write(GICD_ICACTIVER, 0xffff);

	cpu_data->arch.num_lrs = GICH_VTR_LRS(gich_read(GICH_VTR));
	lrs_clear(cpu_data->arch.num_lrs);

	gicc_write(GICC_CTLR, ctlr | GICC_CTLR_GRPEN0 | GICC_CTLR_EOIMODE);
	gicc_write(GICC_PMR, 0xf0);
	gicv2_gicd_write(GICD_ISENABLER, vgic_hv_private_irqs());

	vmcr = (pmr >> 3) << GICH_VMCR_PMR_SHIFT;
	for (n = 0; n < ARRAY_SIZE(ctlr_in_vmcr); n++)
		if (ctlr & ctlr_in_vmcr[n][0])
			vmcr |= ctlr_in_vmcr[n][1];
	gich_write(GICH_VMCR, vmcr);
	gich_write(GICH_HCR, GICH_HCR_EN);

	/*
	 * SGIs sent while this CPU was powering up may be queued already;
	 * the SGI announcing them does not survive the CPU's reset.
	 */
	vgic_drain_queue();
	return 0;
}

static void gicv2_cpu_exit(struct per_cpu *cpu_data)
{
	u32 vmcr, ctlr;
	unsigned int n;

	if (!cpu_data->arch.num_lrs)
		return;		/* never initialized */
	vmcr = gich_read(GICH_VMCR);

	/* our SGIs must not reach Linux */
	virt_off();
	vgic_return_all(cpu_data);

	/* Linux's view, as it left it in the virtual interface */
	ctlr = gicc_read(GICC_CTLR);
	for (n = 0; n < ARRAY_SIZE(ctlr_in_vmcr); n++) {
		ctlr &= ~ctlr_in_vmcr[n][0];
		if (vmcr & ctlr_in_vmcr[n][1])
			ctlr |= ctlr_in_vmcr[n][0];
	}
	gicc_write(GICC_PMR, (vmcr >> GICH_VMCR_PMR_SHIFT) << 3);
	gicc_write(GICC_CTLR, ctlr);
}

static void gicv2_cpu_drop(struct per_cpu *cpu_data)
{
	virt_off();
	vgic_drop_all(cpu_data);
}

/* A cell CPU coming up, on the CPU itself: nothing of root's setup */
static void gicv2_cpu_reset_private(struct per_cpu *cpu_data)
{
	reset_guest_private();
	cpu_data->arch.private_reset_due = false;
	gich_write(GICH_VMCR, 0);
}

/* Runs on the managing CPU: the bank is reset by the CPU itself. */
static void gicv2_cpu_new_owner(struct per_cpu *cpu_data)
{
	vgic_queue_drop(cpu_data);
	cpu_data->arch.private_reset_due = true;
}

static void gicv2_send_event(struct per_cpu *target)
{
	gicv2_send_sgi(target, SGI_EVENT);
}

/*
 * Its SPIs as for GICv3; and no region where the cell's CPU interface
 * is: the virtual one is mapped there (gicv2_map_cpu_interface).
 */
static int gicv2_cell_check(const struct jailhouse_cell_desc *cfg)
{
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(cfg);
	u64 gicc = arm_info()->gicc_base;
	unsigned int n;

	for (n = 0; n < cfg->num_memory_regions; n++, mem++) {
		if (mem->size && mem->virt_start < gicc + JAILHOUSE_GICV_SIZE &&
		    gicc < mem->virt_start + mem->size) {
			printk("Cell config: region %u (guest %lx) covers the GIC CPU interface at %lx\n",
			       n, (unsigned long)mem->virt_start,
			       (unsigned long)gicc);
			return -EINVAL;
		}
	}
	return gic_cell_irqs_check(cfg);
}

const struct irqchip gicv2_irqchip = {
	.name = "GICv2",
	.gic_version = 2,
	.init = gicv2_init,
	.trapped_ranges = gicv2_trapped_ranges,
	.map_cpu_interface = gicv2_map_cpu_interface,
	.cpu_init = gicv2_cpu_init,
	.cpu_exit = gicv2_cpu_exit,
	.cpu_drop = gicv2_cpu_drop,
	.cpu_reset_private = gicv2_cpu_reset_private,
	.cpu_new_owner = gicv2_cpu_new_owner,
	.send_event = gicv2_send_event,
	.cell_create = gic_cell_create,
	.cell_destroy = gic_cell_destroy,
	.cell_init = gicv2_cell_init,
	.cell_irqs_check = gicv2_cell_check,
	.cell_irqs_take = gic_cell_irqs_take,
	.cell_irqs_reset = gic_cell_irqs_reset,
	.cell_irqs_return = gic_cell_irqs_return,
	.set_pending = gic_spi_set_pending,
};
