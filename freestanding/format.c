// SPDX-License-Identifier: GPL-2.0
/*
 * vsnprintf() and snprintf() for code without a C library: the
 * hypervisor and the programs in cells. C's semantics for what it
 * supports (see format.h); the result is the length the whole output
 * would have, as in C.
 */
#include <stdbool.h>

#include <freestanding/format.h>
#include <freestanding/string.h>

struct out {
	char *buf;
	size_t size;
	size_t len;
};

struct spec {
	unsigned int width;
	bool left;
	char pad;
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void put_padded(struct out *o, const struct spec *sp,
		       const char *sign, const char *s, size_t len)
{
	size_t slen = strlen(sign);
	size_t fill = sp->width > len + slen ? sp->width - len - slen : 0;

	/* Zero padding goes between the sign and the digits. */
	if (sp->pad == '0' && !sp->left)
		while (*sign)
			put(o, *sign++);
	if (!sp->left)
		for (; fill; fill--)
			put(o, sp->pad);
	while (*sign)
		put(o, *sign++);
	while (len--)
		put(o, *s++);
	for (; fill; fill--)
		put(o, ' ');
}

static void put_number(struct out *o, const struct spec *sp,
		       unsigned long long v, unsigned int base, bool upper,
		       const char *sign)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	size_t n = sizeof(tmp);

	do {
		tmp[--n] = digits[v % base];
		v /= base;
	} while (v);
	put_padded(o, sp, sign, tmp + n, sizeof(tmp) - n);
}

/* Reads an argument of the size the length modifier says. */
#define GET_ARG(ap, lng, is_signed)					\
	((is_signed) ?							\
	 ((lng) >= 2 ? (unsigned long long)va_arg(ap, long long) :	\
	  (lng) == 1 ? (unsigned long long)va_arg(ap, long) :		\
	  (unsigned long long)va_arg(ap, int)) :			\
	 ((lng) >= 2 ? va_arg(ap, unsigned long long) :			\
	  (lng) == 1 ? va_arg(ap, unsigned long) :			\
	  va_arg(ap, unsigned int)))

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { .buf = buf, .size = size };

	for (; *fmt; fmt++) {
		struct spec sp = { .pad = ' ' };
		unsigned int lng = 0;
		unsigned long long v;
		const char *s;
		char c;

		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		fmt++;
		for (;; fmt++) {
			if (*fmt == '-')
				sp.left = true;
			else if (*fmt == '0')
				sp.pad = '0';
			else
				break;
		}
		if (*fmt == '*') {
			sp.width = va_arg(ap, int);
			fmt++;
		}
		for (; *fmt >= '0' && *fmt <= '9'; fmt++)
			sp.width = sp.width * 10 + (*fmt - '0');
		/* z: size_t is an unsigned long on AArch64 */
		for (; *fmt == 'l' || *fmt == 'z'; fmt++)
			lng++;

		switch (*fmt) {
		case 'd':
		case 'i':
			v = GET_ARG(ap, lng, true);
			if ((long long)v < 0)
				put_number(&o, &sp, -v, 10, false, "-");
			else
				put_number(&o, &sp, v, 10, false, "");
			break;
		case 'u':
			put_number(&o, &sp, GET_ARG(ap, lng, false), 10, false,
				   "");
			break;
		case 'x':
		case 'X':
			put_number(&o, &sp, GET_ARG(ap, lng, false), 16,
				   *fmt == 'X', "");
			break;
		case 'o':
			put_number(&o, &sp, GET_ARG(ap, lng, false), 8, false,
				   "");
			break;
		case 'p':
			put_number(&o, &sp, (unsigned long)va_arg(ap, void *),
				   16, false, "0x");
			break;
		case 'c':
			c = (char)va_arg(ap, int);
			put_padded(&o, &sp, "", &c, 1);
			break;
		case 's':
			s = va_arg(ap, const char *);
			if (!s)
				s = "(null)";
			put_padded(&o, &sp, "", s, strlen(s));
			break;
		case '%':
			put(&o, '%');
			break;
		case '\0':
			/* a lone '%' at the end */
			fmt--;
			break;
		default:
			put(&o, '%');
			put(&o, *fmt);
			break;
		}
	}
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return len;
}
