/* SPDX-License-Identifier: GPL-2.0 */
/* The C library functions of the freestanding library the core uses. */
#ifndef _JAILHOUSE_STRING_H
#define _JAILHOUSE_STRING_H

#include <jailhouse/utils.h>
#include <freestanding/string.h>

#endif /* !_JAILHOUSE_STRING_H */
