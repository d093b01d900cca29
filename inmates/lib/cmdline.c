// SPDX-License-Identifier: GPL-2.0
/*
 * Command line parameters from the .cmdline section (see cmdline.h).
 */
#include <inmate/inmate.h>
#include <inmate/sections.h>

/* Replaced by an inmate's own CMDLINE_BUFFER(size), if it has one. */
char cmdline[CMDLINE_DEFAULT_SIZE] __weak __section(".cmdline");

#define INT_MAX_DIGITS	31

/*
 * The value of the last token that is @key or starts with "@key=".
 * Returns NULL if there is none; *len is the value's length (0 for a
 * bare key).
 */
static const char *find_value(const char *key, size_t *len)
{
	const char *p = cmdline, *found = NULL;
	size_t klen = strlen(key);

	while (p < __cmdline_end && *p) {
		const char *tok = p;
		size_t tlen;

		while (p < __cmdline_end && *p && *p != ' ')
			p++;
		tlen = p - tok;
		if (tlen >= klen && !strncmp(tok, key, klen) &&
		    (tlen == klen || tok[klen] == '=')) {
			found = tlen == klen ? tok + klen : tok + klen + 1;
			*len = tlen == klen ? 0 : tlen - klen - 1;
		}
		while (p < __cmdline_end && *p == ' ')
			p++;
	}
	return found;
}

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return 16;
}

int cmdline_get_int(const char *key, long long *val)
{
	unsigned long long v = 0, limit;
	unsigned int base = 10;
	bool neg = false;
	const char *s;
	size_t len;

	s = find_value(key, &len);
	if (!s)
		return CMDLINE_ABSENT;
	if (len == 0 || len > INT_MAX_DIGITS)
		return CMDLINE_BAD;

	if (len > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
		len -= 2;
	} else if (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-';
		s++;
		len--;
		if (!len)
			return CMDLINE_BAD;
	}

	/* hex takes all 64 bits (addresses), decimal what fits the sign */
	limit = base == 16 ? ~0ULL : neg ? 1ULL << 63 : (1ULL << 63) - 1;
	for (; len; s++, len--) {
		int d = digit_value(*s);

		if (d >= (int)base || v > (limit - d) / base)
			return CMDLINE_BAD;
		v = v * base + d;
	}
	*val = neg ? -(long long)v : (long long)v;
	return CMDLINE_OK;
}

long long cmdline_parse_int(const char *key, long long def)
{
	long long val;

	return cmdline_get_int(key, &val) == CMDLINE_OK ? val : def;
}

static bool word_is(const char *s, size_t len, const char *word)
{
	return len == strlen(word) && !strncasecmp(s, word, len);
}

bool cmdline_parse_bool(const char *key, bool def)
{
	const char *s;
	size_t len;

	s = find_value(key, &len);
	if (!s)
		return def;
	if (len == 0 || s[0] == '1' || word_is(s, len, "true") ||
	    word_is(s, len, "yes") || word_is(s, len, "on"))
		return true;
	if (s[0] == '0' || word_is(s, len, "false") ||
	    word_is(s, len, "no") || word_is(s, len, "off"))
		return false;
	return def;
}

const char *cmdline_parse_str(const char *key, char *buf, size_t size,
			      const char *def)
{
	const char *s;
	size_t len;

	s = find_value(key, &len);
	if (!s || !size)
		return def;
	if (len >= size)
		len = size - 1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	return buf;
}
