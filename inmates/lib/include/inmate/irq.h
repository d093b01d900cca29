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
/*
 * A synchronous exception the program provokes on purpose (e.g. probing
 * for an instruction): the handler gets ESR_EL1 and the address the CPU
 * returns to, which it may move past the instruction. Returns false to
 * leave the exception to the library (report, cell failed, halt).
 */
typedef bool (*exception_handler_t)(u64 esr, u64 *elr);
void exception_set_handler(exception_handler_t handler);
void exception_dispatch(u64 stamp, unsigned long nr, u64 *elr);

#endif /* !_INMATE_IRQ_H */
