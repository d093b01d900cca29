/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interrupt and exception entry. The vectors take a virtual counter
 * timestamp first thing, so handlers can measure delivery latency.
 */
#ifndef _INMATE_IRQ_H
#define _INMATE_IRQ_H

#include <inmate/types.h>

/* @stamp: CNTVCT_EL0 read at exception entry */
typedef void (*irq_handler_t)(u32 intid, u64 stamp);

void irq_set_handler(irq_handler_t handler);

/* Acknowledges and handles every pending IRQ (exception.c). */
void irq_dispatch(u64 stamp);

/* Called from the vectors (vectors.S) with the vector number 0-15. */
void exception_dispatch(u64 stamp, unsigned long nr);

#endif /* !_INMATE_IRQ_H */
