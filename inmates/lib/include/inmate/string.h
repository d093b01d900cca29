/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The few C library string functions inmates use. GCC may also emit calls
 * to memcpy/memset/memmove/memcmp on its own, even freestanding.
 */
#ifndef _INMATE_STRING_H
#define _INMATE_STRING_H

#include <inmate/types.h>
#include <freestanding/string.h>

#endif /* !_INMATE_STRING_H */
