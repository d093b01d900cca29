/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Symbols of the image layout, defined by lib/inmate.lds.
 */
#ifndef _INMATE_SECTIONS_H
#define _INMATE_SECTIONS_H

extern char __image_start[], __image_end[];
extern char __bss_start[], __bss_end[];
/* After the command line buffer and the linker's terminating NUL byte */
extern char __cmdline_end[];

#endif /* !_INMATE_SECTIONS_H */
