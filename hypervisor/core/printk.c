// SPDX-License-Identifier: GPL-2.0
/*
 * Minimal formatter: %d %i %u %x %p %s %c %% with l/ll, width and '0'.
 */
#include <stdarg.h>
#include <jailhouse/printk.h>

struct outbuf {
	char *p;
	char *end;
};

static void put(struct outbuf *o, char c)
{
	if (o->p < o->end)
		*o->p++ = c;
}

static void put_num(struct outbuf *o, unsigned long v, unsigned int base,
		    bool neg, unsigned int width, char pad)
{
	char tmp[24];
	unsigned int n = 0;

	do {
		tmp[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	if (neg)
		tmp[n++] = '-';
	while (width > n) {
		put(o, pad);
		width--;
	}
	while (n)
		put(o, tmp[--n]);
}

static int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct outbuf o = { buf, buf + size - 1 };
	unsigned int width, longs;
	unsigned long v;
	const char *s;
	char pad;
	long sv;

	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		fmt++;
		pad = ' ';
		if (*fmt == '0') {
			pad = '0';
			fmt++;
		}
		for (width = 0; *fmt >= '0' && *fmt <= '9'; fmt++)
			width = width * 10 + (*fmt - '0');
		for (longs = 0; *fmt == 'l'; fmt++)
			longs++;

		switch (*fmt) {
		case 'd':
		case 'i':
			sv = longs ? va_arg(ap, long) : va_arg(ap, int);
			put_num(&o, sv < 0 ? -(unsigned long)sv : (unsigned long)sv,
				10, sv < 0, width, pad);
			break;
		case 'u':
		case 'x':
			v = longs ? va_arg(ap, unsigned long) :
				    va_arg(ap, unsigned int);
			put_num(&o, v, *fmt == 'x' ? 16 : 10, false, width, pad);
			break;
		case 'p':
			put(&o, '0');
			put(&o, 'x');
			put_num(&o, (unsigned long)va_arg(ap, void *), 16, false,
				16, '0');
			break;
		case 's':
			s = va_arg(ap, const char *);
			for (s = s ? s : "(null)"; *s; s++)
				put(&o, *s);
			break;
		case 'c':
			put(&o, (char)va_arg(ap, int));
			break;
		case '%':
			put(&o, '%');
			break;
		case '\0':
			fmt--;
			break;
		default:
			put(&o, '%');
			put(&o, *fmt);
		}
	}
	*o.p = '\0';
	return o.p - buf;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return ret;
}

void printk(const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	console_write(buf);
}
