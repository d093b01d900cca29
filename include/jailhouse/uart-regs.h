/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * Registers of the UART models whose output the hypervisor and the inmate
 * library drive (JAILHOUSE_CON_TYPE_PL011, _XUARTPS): one definition for
 * both. Only what transmitting and a basic line setup need.
 */
#ifndef _JAILHOUSE_UART_REGS_H
#define _JAILHOUSE_UART_REGS_H

#include <jailhouse/console.h>

/* Whether the hypervisor's debug console and the inmates drive @type */
#define JAILHOUSE_CON_TYPE_DRIVEN(type)				\
	((type) == JAILHOUSE_CON_TYPE_PL011 ||				\
	 (type) == JAILHOUSE_CON_TYPE_XUARTPS)

/* ARM PL011 */
#define PL011_DR		0x00
#define PL011_FR		0x18
#define  PL011_FR_BUSY		(1U << 3)
#define  PL011_FR_TXFF		(1U << 5)
#define PL011_IBRD		0x24
#define PL011_FBRD		0x28
#define PL011_LCR_H		0x2c
#define  PL011_LCR_H_FEN	(1U << 4)
#define  PL011_LCR_H_WLEN_8	(3U << 5)
#define PL011_CR		0x30
#define  PL011_CR_UARTEN	(1U << 0)
#define  PL011_CR_TXE		(1U << 8)
#define  PL011_CR_RXE		(1U << 9)

/* Cadence UART (Xilinx Zynq/ZynqMP "xuartps") */
#define CDNS_CR			0x00
#define  CDNS_CR_TXEN		(1U << 4)
#define  CDNS_CR_TXDIS		(1U << 5)
#define CDNS_SR			0x2c
#define  CDNS_SR_TXFULL		(1U << 4)
#define CDNS_FIFO		0x30

#endif /* !_JAILHOUSE_UART_REGS_H */
