/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The few C library string functions inmates use. GCC may also emit calls
 * to memcpy/memset/memmove/memcmp on its own, even freestanding.
 */
#ifndef _INMATE_STRING_H
#define _INMATE_STRING_H

#include <inmate/types.h>

void *memcpy(void *dest, const void *src, size_t n);
void *memmove(void *dest, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strncmp(const char *a, const char *b, size_t n);
int strncasecmp(const char *a, const char *b, size_t n);

#endif /* !_INMATE_STRING_H */
