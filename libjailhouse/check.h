/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The checker's rule interface: each check-*.c file holds one family of
 * rules and reports findings through jh_check_report().
 */
#ifndef _LIBJAILHOUSE_CHECK_H
#define _LIBJAILHOUSE_CHECK_H

#include "internal.h"

#define JH_PAGE_SIZE	0x1000ULL
/* The GIC's private peripheral interrupts (a maintenance interrupt is one) */
#define JH_GIC_PPI_FIRST	16
#define JH_GIC_PPI_LAST		31
/* Stage 2 with 4 KiB pages: guest addresses of at most 48 bits */
#define JH_IPA_MAX_BITS	48

/* One descriptor under check: the root cell of a system config or a cell. */
struct jh_check_cell {
	const struct jh_config *cfg;
	const struct jailhouse_cell_desc *desc;
	const char *src;
	bool root;
};

struct jh_check;

const struct jailhouse_system *jh_check_system(const struct jh_check *chk);
/* All descriptors; the root cell comes first if there is a system config. */
unsigned int jh_check_cells(const struct jh_check *chk,
			    const struct jh_check_cell **cells);

/*
 * Records a finding about @cell (region or irqchip @idx, -1 for none),
 * optionally paired with @other/@other_idx. The message gets the source
 * file as prefix.
 */
void jh_check_report(struct jh_check *chk, enum jh_severity sev,
		     const char *rule, const struct jh_check_cell *cell,
		     int idx, const struct jh_check_cell *other, int other_idx,
		     const char *fmt, ...) JH_PRINTF(8, 9);

/*
 * Findings kept in full per rule, severity and source; further ones are
 * only counted and summed up in one last finding, so that a config with
 * thousands of bad regions cannot make the checker's memory explode.
 */
#define JH_CHECK_KEEP	20u

/*
 * Counts @n more findings of @rule about @cell that the rule did not
 * describe one by one (it found them by counting).
 */
void jh_check_report_more(struct jh_check *chk, enum jh_severity sev,
			  const char *rule, const struct jh_check_cell *cell,
			  uint64_t n);
/* A rule ran out of memory: the run fails with -ENOMEM. */
void jh_check_nomem(struct jh_check *chk);

/* A finding about the live system; @what names it, e.g. "/proc/iomem". */
void jh_check_report_live(struct jh_check *chk, enum jh_severity sev,
			  const char *rule, const char *what, const char *hint,
			  const char *fmt, ...) JH_PRINTF(6, 7);
struct jh_ctx *jh_check_get_ctx(const struct jh_check *chk);

/* Rule families, in the order they run. */
void jh_check_platform(struct jh_check *chk);
void jh_check_cell_misc(struct jh_check *chk);
void jh_check_memory(struct jh_check *chk);
void jh_check_cpus(struct jh_check *chk);
void jh_check_irqchips(struct jh_check *chk);
void jh_check_pci(struct jh_check *chk);		/* check-pci.c */
void jh_check_live(struct jh_check *chk);		/* check-live.c */
void jh_check_live_kernel(struct jh_check *chk);	/* check-kconfig.c */
void jh_check_live_irqs(struct jh_check *chk);		/* check-live-irq.c */
void jh_check_live_gic(struct jh_check *chk);		/* check-live-gic.c */

/* Helpers for the rules */

/*
 * check-irq.c: the irqchip entry of @d that grants @intid, -1 if none;
 * only entries at the distributor @gicd count (0: any, with no system).
 */
int jh_cell_irqchip_of(const struct jailhouse_cell_desc *d, uint64_t gicd,
		       unsigned int intid);

static inline bool jh_cell_has_cpu(const struct jailhouse_cell_desc *desc,
				   unsigned int cpu)
{
	return cpu / 8 < desc->cpu_set_size &&
	       (jailhouse_cell_cpu_set(desc)[cpu / 8] & (1u << (cpu % 8)));
}

#endif /* !_LIBJAILHOUSE_CHECK_H */
