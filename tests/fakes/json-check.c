// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Recursive-descent JSON validator: grammar only, no values kept.
 */
#include <stdbool.h>
#include <string.h>

#include "json-check.h"
#include "utf8.h"

#define MAX_DEPTH	64

struct parser {
	const char *s;
	size_t len, pos;
	int depth;
};

static bool value(struct parser *p);

static void skip_ws(struct parser *p)
{
	while (p->pos < p->len && strchr(" \t\r\n", p->s[p->pos]))
		p->pos++;
}

static bool eat(struct parser *p, char c)
{
	skip_ws(p);
	if (p->pos < p->len && p->s[p->pos] == c) {
		p->pos++;
		return true;
	}
	return false;
}

static bool literal(struct parser *p, const char *word)
{
	size_t n = strlen(word);

	if (p->len - p->pos < n || memcmp(p->s + p->pos, word, n))
		return false;
	p->pos += n;
	return true;
}

static bool is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	       (c >= 'A' && c <= 'F');
}

static bool string(struct parser *p)
{
	if (p->pos >= p->len || p->s[p->pos] != '"')
		return false;
	for (p->pos++; p->pos < p->len; p->pos++) {
		unsigned char c = (unsigned char)p->s[p->pos];
		int i;

		if (c == '"') {
			p->pos++;
			return true;
		}
		if (c < 0x20)
			return false;
		if (c >= 0x80) {
			/* RFC 8259: JSON text is UTF-8 */
			size_t n = utf8_valid_len((const unsigned char *)p->s +
						  p->pos, p->len - p->pos);

			if (!n)
				return false;
			p->pos += n - 1;
			continue;
		}
		if (c != '\\')
			continue;
		if (++p->pos >= p->len)
			return false;
		c = (unsigned char)p->s[p->pos];
		if (c == 'u') {
			for (i = 0; i < 4; i++)
				if (++p->pos >= p->len || !is_hex(p->s[p->pos]))
					return false;
		} else if (!strchr("\"\\/bfnrt", c)) {
			return false;
		}
	}
	return false;
}

static size_t digits(struct parser *p)
{
	size_t start = p->pos;

	while (p->pos < p->len && p->s[p->pos] >= '0' && p->s[p->pos] <= '9')
		p->pos++;
	return p->pos - start;
}

static bool number(struct parser *p)
{
	if (p->pos < p->len && p->s[p->pos] == '-')
		p->pos++;
	if (p->pos < p->len && p->s[p->pos] == '0')
		p->pos++;
	else if (!digits(p))
		return false;
	if (p->pos < p->len && p->s[p->pos] == '.') {
		p->pos++;
		if (!digits(p))
			return false;
	}
	if (p->pos < p->len && (p->s[p->pos] == 'e' || p->s[p->pos] == 'E')) {
		p->pos++;
		if (p->pos < p->len && (p->s[p->pos] == '+' || p->s[p->pos] == '-'))
			p->pos++;
		if (!digits(p))
			return false;
	}
	return true;
}

static bool members(struct parser *p, char close, bool object)
{
	if (eat(p, close))
		return true;
	do {
		if (object) {
			skip_ws(p);
			if (!string(p) || !eat(p, ':'))
				return false;
		}
		if (!value(p))
			return false;
	} while (eat(p, ','));
	return eat(p, close);
}

static bool value(struct parser *p)
{
	bool ok;

	skip_ws(p);
	if (p->pos >= p->len)
		return false;
	switch (p->s[p->pos]) {
	case '{':
	case '[':
		if (++p->depth > MAX_DEPTH)
			return false;
		p->pos++;
		ok = members(p, p->s[p->pos - 1] == '{' ? '}' : ']',
			     p->s[p->pos - 1] == '{');
		p->depth--;
		return ok;
	case '"':
		return string(p);
	case 't':
		return literal(p, "true");
	case 'f':
		return literal(p, "false");
	case 'n':
		return literal(p, "null");
	default:
		return number(p);
	}
}

int json_check(const char *text, size_t len, size_t *error_at)
{
	struct parser p = { .s = text, .len = len };

	if (value(&p)) {
		skip_ws(&p);
		if (p.pos == p.len)
			return 0;
	}
	*error_at = p.pos;
	return -1;
}
