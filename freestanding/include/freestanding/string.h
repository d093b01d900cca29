/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The C library's memory and string functions for code without one (the
 * hypervisor, the programs in cells), which the compiler may also call.
 * Safe with the MMU off: no access wider than a byte that is not aligned.
 */
#ifndef _FREESTANDING_STRING_H
#define _FREESTANDING_STRING_H

#include <stddef.h>

void *memcpy(void *dest, const void *src, size_t n);
void *memmove(void *dest, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strncmp(const char *a, const char *b, size_t n);
int strncasecmp(const char *a, const char *b, size_t n);

#endif /* !_FREESTANDING_STRING_H */
