// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual interrupt delivery, the same for every GIC model (asm/vgic.h).
 *
 * All physical interrupts reach EL2 (HCR_EL2.IMO/FMO). The hypervisor
 * drops their priority and hands them to the CPU's cell through list
 * registers; PPIs and SPIs carry the HW bit, so the guest's deactivation
 * deactivates the physical interrupt. Virtual SGIs, and IRQs that find
 * no free list register, wait in a per-CPU queue that the maintenance
 * (underflow) interrupt or an SGI_INJECT from another CPU drains.
 */
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/printk.h>
#include <asm/gicv3-driver.h>
#include <asm/vgic.h>

const struct vgic_cpuif *vgic;
static unsigned int maintenance_irq;

int vgic_init(const struct vgic_cpuif *cpuif)
{
	maintenance_irq = system_config->platform_info.arm.maintenance_irq;
	if (maintenance_irq < 16 || maintenance_irq > 31) {
		printk("ERROR: maintenance IRQ %d is not a PPI\n",
		       maintenance_irq);
		return -EINVAL;
	}
	vgic = cpuif;
	return 0;
}

/* IRQs 0-31 the hypervisor keeps for itself on every CPU. */
u32 vgic_hv_private_irqs(void)
{
	return BIT(SGI_INJECT) | BIT(SGI_EVENT) | BIT(maintenance_irq);
}

/* Tries to put irq into a list register of this CPU; -EBUSY if full. */
static int inject_local(unsigned int irq)
{
	struct per_cpu *cpu_data = this_cpu_data();
	u64 all = BIT(cpu_data->arch.num_lrs) - 1;
	u64 empty = vgic->lrs_empty() & all;
	u64 used = ~empty & all;
	unsigned int n;
	u64 lr;

	/* listed already: not twice; only the registers in use are read */
	for (; used; used &= used - 1) {
		n = __builtin_ctzll(used);
		lr = vgic->lr_read(n);
		if ((lr & vgic->lr_virq_mask) != irq)
			continue;
		/* an SGI again while its handler runs: pend it once more */
		if (irq < 16 && !(lr & vgic->lr_pending))
			vgic->lr_write(n, lr | vgic->lr_pending);
		return 0;
	}
	if (!empty)
		return -EBUSY;

	if (irq < 16)
		lr = irq | vgic->lr_new_virt;
	else
		lr = irq | vgic->lr_new_hw | (u64)irq << vgic->lr_pirq_shift;
	vgic->lr_write(__builtin_ctzll(empty), lr);
	return 0;
}

static void queue_irq(struct per_cpu *cpu_data, unsigned int irq)
{
	struct pending_irqs *p = &cpu_data->arch.pending;

	spin_lock(&p->lock);
	if (p->tail - p->head < PENDING_IRQS)
		p->irq[p->tail++ % PENDING_IRQS] = irq;
	else
		printk("CPU %d: virtual IRQ %d lost, queue full\n",
		       cpu_data->cpu_id, irq);
	spin_unlock(&p->lock);
}

/* Moves queued IRQs into free list registers; underflow IRQ if some stay. */
void vgic_drain_queue(void)
{
	struct pending_irqs *p = &this_cpu_data()->arch.pending;
	bool left;

	spin_lock(&p->lock);
	while (p->head != p->tail &&
	       inject_local(p->irq[p->head % PENDING_IRQS]) == 0)
		p->head++;
	left = p->head != p->tail;
	spin_unlock(&p->lock);
	vgic->underflow_irq(left);
}

/* a CPU coming up gets its SGIs once its GIC is enabled (queued) */
bool vgic_sgi_target(const struct per_cpu *target)
{
	return target->state == CPU_RUNNING || target->state == CPU_ON_PENDING;
}

void vgic_inject(unsigned int irq)
{
	if (inject_local(irq) != 0) {
		queue_irq(this_cpu_data(), irq);
		vgic_drain_queue();
	}
}

void vgic_inject_remote(struct per_cpu *target, unsigned int irq)
{
	if (target == this_cpu_data()) {
		vgic_inject(irq);
		return;
	}
	queue_irq(target, irq);
	vgic->send_sgi(target, SGI_INJECT);
}

/*
 * A sibling may have queued an SGI after the CPU emptied its queue on
 * the way off (it still looked running): the queue drains into the list
 * registers at the next power-on, which is the new owner's. The old
 * owner's CPUs are off or suspended by now (root) and the new one's not
 * started, so nothing races with this.
 */
void vgic_queue_drop(struct per_cpu *cpu_data)
{
	struct pending_irqs *p = &cpu_data->arch.pending;

	spin_lock(&p->lock);
	if (p->head != p->tail)
		printk("CPU %u: %u queued virtual IRQ(s) of its old cell dropped\n",
		       cpu_data->cpu_id, p->tail - p->head);
	p->head = p->tail;
	spin_unlock(&p->lock);
}

/*
 * One interrupt per exit: another one pending is taken as soon as the
 * guest runs again. Acknowledging until the GIC has none cost every exit
 * a second acknowledge, which nearly always found nothing.
 */
void vgic_handle_irq(void)
{
	struct per_cpu *cpu_data = this_cpu_data();
	u32 iar = vgic->ack();
	unsigned int irq = iar & vgic->iar_irq_mask;
	bool event = false;

	cpu_stat_inc(JAILHOUSE_CPU_STAT_VMEXITS_TOTAL);
	if (irq >= INTID_SPURIOUS)
		goto out;
	vgic->eoi(iar);

	/* the common case first: a PPI or SPI for the guest */
	if (irq >= 16 && irq != maintenance_irq) {
		if (irq < 32 || gic_spi_owned(cpu_data->cell, irq)) {
			cpu_stat_inc(JAILHOUSE_CPU_STAT_VMEXITS_VIRQ);
			vgic_inject(irq);
		} else {
			/*
			 * Routed here while its owner changed: not ours.
			 * Every route is set to a CPU of the owner when
			 * an SPI changes hands, so this cannot recur for
			 * long.
			 */
			vgic->deactivate(iar);
		}
	} else if (irq == SGI_INJECT || irq == maintenance_irq) {
		vgic->deactivate(iar);
		cpu_stat_inc(irq == SGI_INJECT ?
			     JAILHOUSE_CPU_STAT_VMEXITS_VSGI :
			     JAILHOUSE_CPU_STAT_VMEXITS_MAINTENANCE);
		vgic_drain_queue();
	} else if (irq == SGI_EVENT) {
		vgic->deactivate(iar);
		cpu_stat_inc(JAILHOUSE_CPU_STAT_VMEXITS_MANAGEMENT);
		event = true;
	} else {
		/* a Linux IPI sent before its sender was ours */
		vgic->deactivate(iar);
		vgic_inject(irq);
	}
out:
	/* cheap safety net: never leave work queued behind an exit */
	if (READ_ONCE(cpu_data->arch.pending.head) !=
	    READ_ONCE(cpu_data->arch.pending.tail))
		vgic_drain_queue();
	/* the way back to the guest (ERET) synchronizes the rest */
	if (event || cpu_must_stop(cpu_data)) {
		isb();
		cpu_handle_events(cpu_data);
	}
}

/*
 * Hand what is still pending virtually back to the physical GIC. One we
 * took physically is active there: deactivating it alone would lose an
 * edge (virtio-mmio's SPIs are edge-triggered), so it is pended again
 * first and reaches whichever CPU it is routed to now.
 */
static void return_lr(struct per_cpu *cpu_data, u64 lr)
{
	unsigned int irq = lr & vgic->lr_virq_mask;

	if (!(lr & vgic->lr_hw)) {
		if (lr & vgic->lr_pending)
			vgic->send_sgi(cpu_data, irq);
		return;
	}
	if (lr & vgic->lr_pending)
		vgic->repend(cpu_data, irq);
	vgic->deactivate(irq);
}

/* keep: return_lr(); else an IRQ taken physically is only deactivated */
static void dispose(struct per_cpu *cpu_data, u64 lr, bool keep)
{
	if (keep)
		return_lr(cpu_data, lr);
	else if (lr & vgic->lr_hw)
		vgic->deactivate(lr & vgic->lr_virq_mask);
}

/* The virtual interface is off; each LR's and queued IRQ goes back or away. */
static void unload(struct per_cpu *cpu_data, bool keep)
{
	struct pending_irqs *p = &cpu_data->arch.pending;
	unsigned int n, irq;

	for (n = 0; n < cpu_data->arch.num_lrs; n++)
		if (!(vgic->lrs_empty() & BIT(n)))
			dispose(cpu_data, vgic->lr_read(n), keep);
	vgic->lrs_clear(cpu_data->arch.num_lrs);

	spin_lock(&p->lock);
	for (; p->head != p->tail; p->head++) {
		irq = p->irq[p->head % PENDING_IRQS];
		dispose(cpu_data, irq | vgic->lr_pending |
			(irq >= 16 ? vgic->lr_hw : 0), keep);
	}
	spin_unlock(&p->lock);
}

void vgic_return_all(struct per_cpu *cpu_data)
{
	unload(cpu_data, true);
}

/*
 * A cell CPU powering off: what its cell left pending dies with it, but
 * interrupts taken physically must be deactivated, or they stay blocked.
 */
void vgic_drop_all(struct per_cpu *cpu_data)
{
	unload(cpu_data, false);
	isb();
}
