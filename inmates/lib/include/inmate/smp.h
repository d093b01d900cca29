/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Other CPUs of the cell. A CPU started here runs on a stack of its own
 * (one per MPIDR.Aff0 modulo SMP_MAX_CPUS), gets the same setup as the
 * first CPU from the start the program linked (MMU or not), and halts
 * when @fn returns.
 */
#ifndef _INMATE_SMP_H
#define _INMATE_SMP_H

#include <inmate/types.h>

#define SMP_MAX_CPUS		4
#define SMP_STACK_SIZE		0x1000

/*
 * PSCI CPU_ON of @mpidr into @fn(@arg): 0, or the PSCI error (e.g. -2,
 * INVALID_PARAMETERS, for a CPU that is not the cell's). The CPU's stack
 * must not be in use: start a CPU again only once it is off.
 */
long smp_cpu_on(u64 mpidr, void (*fn)(unsigned long arg), unsigned long arg);

/*
 * Per-CPU part of the start, for the first CPU and each started one
 * (setup.c: MMU on with the shared tables; setup-bare.c: MMU off).
 */
void inmate_cpu_setup(void);

#endif /* !_INMATE_SMP_H */
