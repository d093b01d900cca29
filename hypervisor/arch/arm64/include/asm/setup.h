/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arm64-internal interfaces between the setup, trap and device units.
 */
#ifndef _JAILHOUSE_ASM_SETUP_H
#define _JAILHOUSE_ASM_SETUP_H

#include <jailhouse/percpu.h>
#include <asm/spinlock.h>

struct cell;
struct mem_range;

extern char hyp_vectors[];
extern char arch_cpu_on_entry[];
extern char shutdown_trampoline[];
extern char __text_start[], __text_end[];
extern char __trampoline_start[];

/* Stage-2 geometry, from ID_AA64MMFR0_EL1.PARange */
extern unsigned int ipa_bits;

void arch_switch_hv_tables(void);
u64 paging_s2_attrs(u64 mem_flags);
void stage2_cpu_init(struct cell *cell);
void stage2_init(void);

/* GICv3 */
struct mmio_access;
extern void *gicd_base, *gicr_base;
extern unsigned long gicr_size, gicr_stride;
extern unsigned int gic_lines;
extern spinlock_t gicv3_dist_lock;
u32 gicv3_hv_private_irqs(void);
/* gicv3-spi-check.c: SPI ownership that only reads configs and bitmaps */
bool gicv3_spi_owned(const struct cell *cell, unsigned int irq);
struct jailhouse_irqchip;
bool gicv3_is_gicd_chip(const struct jailhouse_irqchip *chip);
void send_phys_sgi(struct per_cpu *target, unsigned int sgi);
int gicv3_cell_create(struct cell *cell);
void gicv3_cell_destroy(struct cell *cell);
void gicv3_cpu_drop(struct per_cpu *cpu_data);
int gicv3_cell_irqs_init(struct cell *cell);
u64 gicv3_route_in_cell(const struct cell *cell, u64 route);
void gicv3_cpu_reset_private(struct per_cpu *cpu_data);
void gicv3_gicr_wait_rwp(void *rd);
enum mmio_result gicv3_gicd_access(void *arg, struct mmio_access *access);
enum mmio_result gicv3_gicr_access(void *arg, struct mmio_access *access);
int gicv3_init(void);
int gicv3_cell_init(struct cell *cell);
int gicv3_cpu_init(struct per_cpu *cpu_data);
void gicv3_cpu_exit(struct per_cpu *cpu_data);
void gicv3_handle_irq(void);
bool gicv3_handle_sgi_write(u64 val);
unsigned int gicv3_trapped_ranges(struct mem_range *ranges,
				  unsigned int max);

/* pmu.c: the PMU of non-root cells counts nothing at EL2 */
enum { PMU_DONE, PMU_UNDEFINED, PMU_NOT_PMU };
void pmu_cpu_init(struct per_cpu *cpu_data);
/* A trapped system register access (ISS bits as traps.c packs them) */
int pmu_access(u64 reg, bool is_read, u64 *val);

/* Traps */
void handle_smc(struct registers *regs);
long psci_dispatch(struct registers *regs);
int handle_dabt(struct registers *regs, u64 esr);
/* Exceptions for the guest's EL1, from the syndrome of the trapped one */
void inject_external_abort(u64 esr);
void inject_undefined(u64 esr);
void dump_regs(struct registers *regs, u64 esr);
void __noreturn arch_cpu_on_boot(struct per_cpu *cpu_data);
void arch_reset_el1(void);
void arch_handle_trap(struct registers *regs);
void arch_handle_irq(struct registers *regs);
void __noreturn arch_handle_fatal(struct registers *regs, unsigned long kind);

#endif /* !_JAILHOUSE_ASM_SETUP_H */
