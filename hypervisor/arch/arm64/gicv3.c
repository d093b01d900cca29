// SPDX-License-Identifier: GPL-2.0
/*
 * GICv3 virtualization for the cells: the CPU interface and list
 * registers through system registers (vgic.c delivers with them), the
 * redistributors, SGIs. Guest SGIs (ICC_SGI1R_EL1 writes) trap and
 * become virtual SGIs on the targets. Physical SGIs 14 and 15 and the
 * maintenance PPI belong to the hypervisor; Linux IPIs use 0-7.
 */
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/mmio.h>
#include <jailhouse/printk.h>
#include <asm/gicv3.h>
#include <asm/gicv3-driver.h>
#include <asm/sysregs.h>
#include <asm/traps.h>
#include <asm/vgic.h>

void *gicr_base;
unsigned long gicr_size, gicr_stride;

static const struct vgic_cpuif gicv3_cpuif;
static const struct gic_spi_routes gicv3_routes;

static unsigned long gicd_phys(void)
{
	return system_config->platform_info.arm.gicd_base;
}

static unsigned long gicr_phys(void)
{
	return system_config->platform_info.arm.gicr_base;
}

int gicv3_init(void)
{
	unsigned int rev;
	int err;

	/* on a GICv2 the distributor is 4 KiB: its PIDR2 would be a bus fault */
	if (!cpu_has_gicv3_sysregs()) {
		printk("ERROR: the system config says GICv3, but the CPUs have no GICv3 CPU interface (a GICv2 board?)\n");
		return -ENODEV;
	}
	err = vgic_init(&gicv3_cpuif);
	if (err)
		return err;
	gic_routes = &gicv3_routes;
	gicd_base = paging_map_device(gicd_phys(), GICD_SIZE);
	if (!gicd_base)
		return -ENOMEM;
	rev = PIDR2_ARCHREV(mmio_read32((u8 *)gicd_base + GICD_PIDR2));
	if (rev != 3 && rev != 4) {
		printk("ERROR: GIC architecture revision %d\n", rev);
		return -ENODEV;
	}
	if (!(mmio_read32((u8 *)gicd_base + GICD_CTLR) & GICD_CTLR_ARE_NS)) {
		printk("ERROR: GIC affinity routing is off\n");
		return -EIO;
	}
	gic_lines = MIN(32 * ((mmio_read32((u8 *)gicd_base + GICD_TYPER) &
			       0x1f) + 1), 1020);

	/* One frame per possible CPU, contiguous as on QEMU virt. */
	gicr_stride = rev == 4 ? GICR_V4_STRIDE : GICR_V3_STRIDE;
	gicr_size = max_cpus * gicr_stride;
	gicr_base = paging_map_device(gicr_phys(), gicr_size);
	return gicr_base ? 0 : -ENOMEM;
}

unsigned int gicv3_trapped_ranges(struct mem_range *ranges, unsigned int max)
{
	if (max < 2)
		return 0;
	ranges[0].start = gicd_phys();
	ranges[0].size = GICD_SIZE;
	ranges[1].start = gicr_phys();
	ranges[1].size = gicr_size;
	return 2;
}

#define IROUTER_IRM	(1UL << 31)

static u64 cpu_route(unsigned int cpu)
{
	return per_cpu(cpu)->arch.mpidr & MPIDR_AFF_MASK;
}

/*
 * A route the guest wrote, forced onto one of its own CPUs: only the
 * affinity fields survive, and IRM (any CPU) is never set, since the GIC
 * could then pick a CPU outside the cell.
 */
u64 gicv3_route_in_cell(const struct cell *cell, u64 route)
{
	unsigned int cpu;

	if (!(route & IROUTER_IRM))
		for_each_cpu_in_cell(cpu, cell)
			if (cpu_route(cpu) == (route & MPIDR_AFF_MASK))
				return cpu_route(cpu);
	return cpu_route(gic_spi_default_cpu(cell));
}

static u64 route_read(unsigned int irq)
{
	return mmio_read64((u8 *)gicd_base + GICD_IROUTER + 8 * irq);
}

static void route_write(unsigned int irq, u64 route)
{
	mmio_write64((u8 *)gicd_base + GICD_IROUTER + 8 * irq, route);
}

static const struct gic_spi_routes gicv3_routes = {
	.read = route_read,
	.write = route_write,
	.in_cell = gicv3_route_in_cell,
	.to_cpu = cpu_route,
};

int gicv3_cell_init(struct cell *cell)
{
	int err;

	err = gic_cell_irqs_init(cell);
	if (err)
		return err;
	err = mmio_region_register(cell, gicd_phys(), GICD_SIZE,
				   gicv3_gicd_access, cell);
	if (err)
		return err;
	return mmio_region_register(cell, gicr_phys(), gicr_size,
				    gicv3_gicr_access, cell);
}

/* This CPU's redistributor: the frame whose TYPER affinity is ours. */
static int find_redistributor(struct per_cpu *cpu_data)
{
	u64 mpidr = cpu_data->arch.mpidr;
	u32 aff = ((mpidr >> 8) & 0xff000000) | (mpidr & 0xffffff);
	unsigned long off;
	u64 typer;

	for (off = 0; off < gicr_size; off += gicr_stride) {
		typer = mmio_read64((u8 *)gicr_base + off + GICR_TYPER);
		if ((typer >> 32) == aff) {
			cpu_data->arch.gicr = (u8 *)gicr_base + off;
			cpu_data->arch.gicr_phys = gicr_phys() + off;
			return 0;
		}
		if (typer & GICR_TYPER_LAST)
			break;
	}
	printk("ERROR: no redistributor for MPIDR %lx\n", mpidr);
	return -ENODEV;
}

static u64 read_lr(unsigned int n)
{
	switch (n) {
	case 0: return read_sysreg(ICH_LR0_EL2);
	case 1: return read_sysreg(ICH_LR1_EL2);
	case 2: return read_sysreg(ICH_LR2_EL2);
	case 3: return read_sysreg(ICH_LR3_EL2);
	case 4: return read_sysreg(ICH_LR4_EL2);
	case 5: return read_sysreg(ICH_LR5_EL2);
	case 6: return read_sysreg(ICH_LR6_EL2);
	case 7: return read_sysreg(ICH_LR7_EL2);
	case 8: return read_sysreg(ICH_LR8_EL2);
	case 9: return read_sysreg(ICH_LR9_EL2);
	case 10: return read_sysreg(ICH_LR10_EL2);
	case 11: return read_sysreg(ICH_LR11_EL2);
	case 12: return read_sysreg(ICH_LR12_EL2);
	case 13: return read_sysreg(ICH_LR13_EL2);
	case 14: return read_sysreg(ICH_LR14_EL2);
	default: return read_sysreg(ICH_LR15_EL2);
	}
}

static void write_lr(unsigned int n, u64 val)
{
	/* the one an injection finds empty nearly always: no table jump */
	if (n == 0) {
		write_sysreg(ICH_LR0_EL2, val);
		return;
	}
	switch (n) {
	case 1: write_sysreg(ICH_LR1_EL2, val); break;
	case 2: write_sysreg(ICH_LR2_EL2, val); break;
	case 3: write_sysreg(ICH_LR3_EL2, val); break;
	case 4: write_sysreg(ICH_LR4_EL2, val); break;
	case 5: write_sysreg(ICH_LR5_EL2, val); break;
	case 6: write_sysreg(ICH_LR6_EL2, val); break;
	case 7: write_sysreg(ICH_LR7_EL2, val); break;
	case 8: write_sysreg(ICH_LR8_EL2, val); break;
	case 9: write_sysreg(ICH_LR9_EL2, val); break;
	case 10: write_sysreg(ICH_LR10_EL2, val); break;
	case 11: write_sysreg(ICH_LR11_EL2, val); break;
	case 12: write_sysreg(ICH_LR12_EL2, val); break;
	case 13: write_sysreg(ICH_LR13_EL2, val); break;
	case 14: write_sysreg(ICH_LR14_EL2, val); break;
	default: write_sysreg(ICH_LR15_EL2, val); break;
	}
}

/*
 * The redistributor's SGI/PPI state of everything but the hypervisor's
 * own interrupts: disabled, not pending, not active, Group 1. Any CPU may
 * do this for any CPU, whatever state that one is in.
 */
static void reset_guest_private(struct per_cpu *cpu_data)
{
	u8 *sgi_frame = (u8 *)cpu_data->arch.gicr + GICR_SGI_BASE;
	u32 guest = ~vgic_hv_private_irqs();

	mmio_write32(sgi_frame + GICR_ICENABLER0, guest);
	gicv3_gicr_wait_rwp(cpu_data->arch.gicr);
	mmio_write32(sgi_frame + GICR_ICPENDR0, guest);
	mmio_write32(sgi_frame + GICR_ICACTIVER0, guest);
	mmio_write32(sgi_frame + GICR_IGROUPR0,
		     mmio_read32(sgi_frame + GICR_IGROUPR0) | guest);
	mmio_write32(sgi_frame + GICR_IGRPMODR0,
		     mmio_read32(sgi_frame + GICR_IGRPMODR0) & ~guest);
}

void gicv3_cpu_new_owner(struct per_cpu *cpu_data)
{
	vgic_queue_drop(cpu_data);
	/*
	 * Nor does the old owner's SGI and PPI state in the redistributor
	 * survive: it may have left an SGI pending for the next owner, even
	 * on a CPU it never started.
	 */
	reset_guest_private(cpu_data);
}

static void send_phys_sgi(struct per_cpu *target, unsigned int sgi)
{
	u64 mpidr = target->arch.mpidr;
	u64 val = ((mpidr >> 32) & 0xff) << 48 | ((mpidr >> 16) & 0xff) << 32 |
		((mpidr >> 8) & 0xff) << 16 | BIT(mpidr & 0xf) |
		((u64)sgi << 24);

	dsb(ish);
	write_sysreg(ICC_SGI1R_EL1, val);
	isb();
}

void gicv3_send_event(struct per_cpu *target)
{
	send_phys_sgi(target, SGI_EVENT);
}

/* Linux wrote ICC_SGI1R_EL1: deliver to the matching CPUs of its cell. */
bool gicv3_handle_sgi_write(u64 val)
{
	struct per_cpu *cpu_data = this_cpu_data(), *target;
	unsigned int sgi = (val >> 24) & 0xf, rs = (val >> 44) & 0xf, cpu;
	u64 cluster = (val >> 16 & 0xff) | (val >> 32 & 0xff) << 8 |
		      (val >> 48 & 0xff) << 16;
	bool broadcast = val & BIT(40);
	u64 mpidr;

	cpu_stat_inc(JAILHOUSE_CPU_STAT_VMEXITS_VSGI);
	for_each_cpu_in_cell(cpu, cpu_data->cell) {
		target = per_cpu(cpu);
		if (!vgic_sgi_target(target))
			continue;
		if (broadcast) {
			if (target == cpu_data)
				continue;
		} else {
			mpidr = target->arch.mpidr;
			if (((mpidr >> 8 & 0xff) | (mpidr >> 16 & 0xff) << 8 |
			     (mpidr >> 32 & 0xff) << 16) != cluster)
				continue;
			if ((mpidr & 0xff) / 16 != rs ||
			    !(val & BIT((mpidr & 0xff) % 16)))
				continue;
		}
		vgic_inject_remote(target, sgi);
	}
	return true;
}

static u64 lrs_empty(void)
{
	return read_sysreg(ICH_ELRSR_EL2);
}

static void underflow_irq(bool on)
{
	u64 hcr = read_sysreg(ICH_HCR_EL2);

	write_sysreg(ICH_HCR_EL2, on ? hcr | ICH_HCR_UIE : hcr & ~ICH_HCR_UIE);
	isb();
}

static u32 ack(void)
{
	return read_sysreg(ICC_IAR1_EL1);
}

static void eoi(u32 iar)
{
	write_sysreg(ICC_EOIR1_EL1, iar);
}

static void deactivate(u32 iar)
{
	write_sysreg(ICC_DIR_EL1, iar);
}

/* SGIs and PPIs in the CPU's redistributor, SPIs in the distributor */
static void repend(struct per_cpu *cpu_data, unsigned int irq)
{
	u8 *frame = irq < 32 ? (u8 *)cpu_data->arch.gicr + GICR_SGI_BASE :
			       (u8 *)gicd_base;

	mmio_write32(frame + GICD_ISPENDR + irq / 32 * 4, BIT(irq % 32));
}

static void clear_lrs(unsigned int num_lrs)
{
	for (unsigned int n = 0; n < num_lrs; n++)
		write_lr(n, 0);
	write_sysreg(ICH_AP0R0_EL2, 0);
	write_sysreg(ICH_AP1R0_EL2, 0);
}

int gicv3_cpu_init(struct per_cpu *cpu_data)
{
	u64 ctlr, pmr, grpen, vmcr;
	void *sgi_frame;
	int err;

	err = find_redistributor(cpu_data);
	if (err)
		return err;
	sgi_frame = (u8 *)cpu_data->arch.gicr + GICR_SGI_BASE;
	if ((cpu_data->arch.mpidr & 0xff) >= 16) {
		printk("ERROR: MPIDR.Aff0 >= 16 cannot be an SGI target\n");
		return -EIO;
	}

	ctlr = read_sysreg(ICC_CTLR_EL1);
	pmr = read_sysreg(ICC_PMR_EL1);
	grpen = read_sysreg(ICC_IGRPEN1_EL1);
	cpu_data->arch.linux_icc_ctlr = ctlr;
	cpu_data->arch.linux_icc_pmr = pmr;
	cpu_data->arch.linux_icc_igrpen1 = grpen;

	/*
	 * Linux may be inside an IPI handler (on_each_cpu) with that SGI
	 * still active; it will deactivate the virtual one, so do the
	 * physical side here, or the SGI stays blocked after disable.
	 */
	mmio_write32((u8 *)sgi_frame + GICR_ICACTIVER0, 0xffff);

	cpu_data->arch.num_lrs = (read_sysreg(ICH_VTR_EL2) & 0x1f) + 1;
	clear_lrs(cpu_data->arch.num_lrs);

	write_sysreg(ICC_CTLR_EL1, ctlr | ICC_CTLR_EOIMODE);
	write_sysreg(ICC_PMR_EL1, 0xf0);
	write_sysreg(ICC_IGRPEN1_EL1, 1);
	mmio_write32((u8 *)sgi_frame + GICR_ISENABLER0,
		     vgic_hv_private_irqs());

	vmcr = (pmr & 0xff) << ICH_VMCR_VPMR_SHIFT;
	if (grpen & 1)
		vmcr |= ICH_VMCR_VENG1;
	if (ctlr & ICC_CTLR_EOIMODE)
		vmcr |= ICH_VMCR_VEOIM;
	write_sysreg(ICH_VMCR_EL2, vmcr);
	write_sysreg(ICH_HCR_EL2, ICH_HCR_EN);
	isb();

	/*
	 * SGIs sent while this CPU was powering up may be queued already;
	 * the SGI announcing them does not survive the CPU's reset.
	 */
	vgic_drain_queue();
	return 0;
}

/*
 * Virtual interface off, the hypervisor's SGIs and maintenance PPI
 * neither enabled nor pending: what they announced is queued.
 */
static void virt_off(struct per_cpu *cpu_data)
{
	u8 *sgi_frame = (u8 *)cpu_data->arch.gicr + GICR_SGI_BASE;

	write_sysreg(ICH_HCR_EL2, 0);
	isb();
	mmio_write32(sgi_frame + GICR_ICENABLER0, vgic_hv_private_irqs());
	mmio_write32(sgi_frame + GICR_ICPENDR0, vgic_hv_private_irqs());
}

void gicv3_cpu_exit(struct per_cpu *cpu_data)
{
	u64 vmcr = read_sysreg(ICH_VMCR_EL2);

	if (!cpu_data->arch.num_lrs)
		return;		/* never initialized */

	/* our SGIs must not reach Linux */
	virt_off(cpu_data);
	vgic_return_all(cpu_data);

	/* Linux's view, as it left it in the virtual interface */
	write_sysreg(ICC_PMR_EL1, (vmcr >> ICH_VMCR_VPMR_SHIFT) & 0xff);
	write_sysreg(ICC_IGRPEN1_EL1, !!(vmcr & ICH_VMCR_VENG1));
	if (!(vmcr & ICH_VMCR_VEOIM))
		write_sysreg(ICC_CTLR_EL1,
			     read_sysreg(ICC_CTLR_EL1) & ~ICC_CTLR_EOIMODE);
	isb();
}

void gicv3_cpu_drop(struct per_cpu *cpu_data)
{
	virt_off(cpu_data);
	vgic_drop_all(cpu_data);
}

/*
 * A cell CPU coming up: none of root Linux's SGI and PPI setup on this
 * CPU survives; the cell enables what it needs.
 */
void gicv3_cpu_reset_private(struct per_cpu *cpu_data)
{
	reset_guest_private(cpu_data);
	write_sysreg(ICH_VMCR_EL2, 0);
	isb();
}

/* Group 1, priority 0xa0, pending */
#define GICV3_LR_NEW	(ICH_LR_GROUP1 | 0xa0UL << ICH_LR_PRIORITY_SHIFT | \
			 ICH_LR_PENDING)

static const struct vgic_cpuif gicv3_cpuif = {
	.lr_virq_mask = ICH_LR_VINTID_MASK,
	.lr_pending = ICH_LR_PENDING,
	.lr_hw = ICH_LR_HW,
	.lr_new_virt = GICV3_LR_NEW,
	.lr_new_hw = GICV3_LR_NEW | ICH_LR_HW,
	.lr_pirq_shift = ICH_LR_PINTID_SHIFT,
	.iar_irq_mask = 0xffffff,
	.lrs_empty = lrs_empty,
	.lr_read = read_lr,
	.lr_write = write_lr,
	.lrs_clear = clear_lrs,
	.underflow_irq = underflow_irq,
	.ack = ack,
	.eoi = eoi,
	.deactivate = deactivate,
	.send_sgi = send_phys_sgi,
	.repend = repend,
};

const struct irqchip gicv3_irqchip = {
	.name = "GICv3",
	.gic_version = 3,
	.init = gicv3_init,
	.trapped_ranges = gicv3_trapped_ranges,
	.cpu_init = gicv3_cpu_init,
	.cpu_exit = gicv3_cpu_exit,
	.cpu_drop = gicv3_cpu_drop,
	.cpu_reset_private = gicv3_cpu_reset_private,
	.cpu_new_owner = gicv3_cpu_new_owner,
	.send_event = gicv3_send_event,
	.handle_sgi_write = gicv3_handle_sgi_write,
	.cell_create = gic_cell_create,
	.cell_destroy = gic_cell_destroy,
	.cell_init = gicv3_cell_init,
	.cell_irqs_check = gic_cell_irqs_check,
	.cell_irqs_take = gic_cell_irqs_take,
	.cell_irqs_reset = gic_cell_irqs_reset,
	.cell_irqs_return = gic_cell_irqs_return,
	.set_pending = gic_spi_set_pending,
};
