// SPDX-License-Identifier: GPL-2.0
/*
 * Memory and string functions for code without a C library; see
 * freestanding/string.h.
 */
#include <stdint.h>

#include <freestanding/string.h>

void *memcpy(void *dest, const void *src, size_t n)
{
	const uint8_t *s = src;
	uint8_t *d = dest;

	while (n--)
		*d++ = *s++;
	return dest;
}

void *memmove(void *dest, const void *src, size_t n)
{
	const uint8_t *s = src;
	uint8_t *d = dest;

	if (d <= s)
		return memcpy(dest, src, n);
	while (n--)
		d[n] = s[n];
	return dest;
}

void *memset(void *s, int c, size_t n)
{
	uint8_t *p = s;

	/* Page-sized clears dominate (table pages); do them in words. */
	if (!((uintptr_t)p % 8) && !(n % 8) && c == 0) {
		uint64_t *q = s;

		for (n /= 8; n; n--)
			*q++ = 0;
		return s;
	}
	while (n--)
		*p++ = c;
	return s;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const uint8_t *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}

int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		if (!*a)
			break;
	}
	return 0;
}

static int to_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

int strncasecmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		int x = to_lower((unsigned char)*a);
		int y = to_lower((unsigned char)*b);

		if (x != y)
			return x - y;
		if (!x)
			break;
	}
	return 0;
}
