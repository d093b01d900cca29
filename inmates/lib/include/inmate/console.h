/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The inmate console: a UART driven directly, the hypervisor's virtual
 * console (DEBUG_CONSOLE_PUTC), or both.
 *
 * Defaults come from the comm region (console description, flags); the
 * command line overrides them:
 *   con-type=PL011|XUARTPS|none   UART model (others: no UART output)
 *   con-base=ADDR         UART MMIO base
 *   con-divider=N         PL011: program the baud divider (0: keep the
 *                         setup); XUARTPS keeps the setup always
 *   con-virtual[=BOOL]    use the virtual console; default: the comm
 *                         region's "active" flag
 */
#ifndef _INMATE_CONSOLE_H
#define _INMATE_CONSOLE_H

#include <inmate/types.h>

void console_init(void);
/*
 * The hypervisor's console only, whatever the comm region says: for
 * programs that run without one (see inmate.h, bare start).
 */
void console_init_virtual(void);
void console_write(const char *s);

/* A short description of the selected outputs, for start banners. */
const char *console_describe(void);

#endif /* !_INMATE_CONSOLE_H */
