/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Hypercalls a non-root cell may issue ("hvc #0x4a48").
 */
#ifndef _INMATE_HCALL_H
#define _INMATE_HCALL_H

#include <jailhouse/hvc.h>

/* One character to the hypervisor console; -EPERM if not permitted. */
static inline long hc_console_putc(char c)
{
	return jailhouse_call_arg1(JAILHOUSE_HC_DEBUG_CONSOLE_PUTC,
				   (unsigned char)c);
}

/* JAILHOUSE_INFO_* value, or a negative errno */
static inline long hc_hypervisor_info(unsigned long type)
{
	return jailhouse_call_arg1(JAILHOUSE_HC_HYPERVISOR_GET_INFO, type);
}

/* State or statistic (JAILHOUSE_CPU_INFO_*) of a CPU this cell owns */
static inline long hc_cpu_info(unsigned long cpu, unsigned long type)
{
	return jailhouse_call_arg2(JAILHOUSE_HC_CPU_GET_INFO, cpu, type);
}

#endif /* !_INMATE_HCALL_H */
