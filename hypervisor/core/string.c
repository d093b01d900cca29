// SPDX-License-Identifier: GPL-2.0
/*
 * The C library functions the core uses and the compiler may call.
 */
#include <jailhouse/string.h>
#include <jailhouse/utils.h>

void *memcpy(void *dest, const void *src, size_t n)
{
	const u8 *s = src;
	u8 *d = dest;

	while (n--)
		*d++ = *s++;
	return dest;
}

void *memset(void *s, int c, size_t n)
{
	u8 *p = s;

	/* Page-sized clears dominate (table pages); do them in words. */
	if (IS_ALIGNED((unsigned long)p, 8) && IS_ALIGNED(n, 8) && c == 0) {
		u64 *q = s;

		for (n /= 8; n; n--)
			*q++ = 0;
		return s;
	}
	while (n--)
		*p++ = (u8)c;
	return s;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const u8 *p = a, *q = b;

	for (; n; n--, p++, q++)
		if (*p != *q)
			return *p - *q;
	return 0;
}

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}
