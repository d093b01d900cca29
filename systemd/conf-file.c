// SPDX-License-Identifier: GPL-2.0-only
/*
 * The KEY=VALUE reader. A value is words of plain characters, '...'
 * (taken as is) and "..." (where \ escapes " \ $ `), with \ escaping one
 * character outside quotes. Whatever a shell would expand ($, `) or split
 * (an unquoted blank inside the value) is refused rather than guessed at:
 * sh, systemd and this reader must all see the same value.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf-file.h"

static void say(const char *path, unsigned int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void say(const char *path, unsigned int line, const char *fmt, ...)
{
	va_list ap;

	if (line)
		fprintf(stderr, "%s:%u: ", path, line);
	else
		fprintf(stderr, "%s: ", path);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static bool is_key_char(char c, bool first)
{
	return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (!first && c >= '0' && c <= '9');
}

/*
 * Unquotes the value starting at @s into @out (at most as long); returns
 * NULL after printing why, or the end of what the value consumed.
 */
static const char *parse_value(const char *path, unsigned int line,
			       const char *s, char *out)
{
	char quote = 0;

	for (; *s; s++) {
		if (quote == '\'') {
			if (*s == '\'')
				quote = 0;
			else
				*out++ = *s;
			continue;
		}
		if (*s == '$' || *s == '`') {
			say(path, line,
			    "'%c' would be expanded by a shell; write \\%c, or quote the value with '...'",
			    *s, *s);
			return NULL;
		}
		if (*s == '\\') {
			if (!s[1])
				break;
			s++;
			/* in "...", \ escapes only what sh lets it */
			if (quote && !strchr("\"\\$`", *s))
				*out++ = '\\';
			*out++ = *s;
			continue;
		}
		if (quote == '"') {
			if (*s == '"')
				quote = 0;
			else
				*out++ = *s;
			continue;
		}
		if (*s == '\'' || *s == '"') {
			quote = *s;
			continue;
		}
		if (is_blank(*s))
			break;
		if (strchr("|&;<>()", *s)) {
			say(path, line,
			    "'%c' means something else to a shell; quote the value",
			    *s);
			return NULL;
		}
		*out++ = *s;
	}
	if (*s == '\\') {
		say(path, line,
		    "'\\' at the end of the line: a value cannot go on to the next line");
		return NULL;
	}
	if (quote) {
		say(path, line, "the value has no closing %c", quote);
		return NULL;
	}
	*out = '\0';
	return s;
}

static bool is_known(const char *const *known, const char *key)
{
	for (; *known; known++)
		if (!strcmp(*known, key))
			return true;
	return false;
}

static void list_known(const char *const *known, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (; *known && len < size; known++)
		len += (size_t)snprintf(buf + len, size - len, "%s%s",
					len ? ", " : "", *known);
}

/* One line that is not blank or a comment; 0, or -1 after saying why. */
static int parse_line(struct conf_file *conf, const char *const *known,
		      unsigned int line, const char *s)
{
	struct conf_field *field, *grown;
	const char *key = s, *end;
	char *value, names[256];
	size_t key_len;
	unsigned int i;

	while (is_key_char(*s, s == key))
		s++;
	key_len = (size_t)(s - key);
	if (!key_len || *s != '=') {
		end = s;
		while (is_blank(*end))
			end++;
		say(conf->path, line, "expected KEY=VALUE%s",
		    key_len && *end == '=' ? " (no blanks around '=')" : "");
		return -1;
	}
	value = malloc(strlen(s + 1) + 1);
	if (!value) {
		say(conf->path, line, "out of memory");
		return -1;
	}
	end = parse_value(conf->path, line, s + 1, value);
	if (!end)
		goto err_value;
	while (is_blank(*end))
		end++;
	if (*end && *end != '#') {
		say(conf->path, line,
		    "%.*s: text after the value; quote a value that has blanks",
		    (int)key_len, key);
		goto err_value;
	}
	for (i = 0; i < conf->count; i++)
		if (strlen(conf->fields[i].key) == key_len &&
		    !strncmp(conf->fields[i].key, key, key_len)) {
			say(conf->path, line, "%.*s is set twice (line %u too)",
			    (int)key_len, key, conf->fields[i].line);
			goto err_value;
		}
	grown = realloc(conf->fields, (conf->count + 1) * sizeof(*grown));
	if (!grown) {
		say(conf->path, line, "out of memory");
		goto err_value;
	}
	conf->fields = grown;
	field = &conf->fields[conf->count];
	field->key = strndup(key, key_len);
	if (!field->key) {
		say(conf->path, line, "out of memory");
		goto err_value;
	}
	if (!is_known(known, field->key)) {
		list_known(known, names, sizeof(names));
		say(conf->path, line, "unknown field %s (the fields: %s)",
		    field->key, names);
		free(field->key);
		goto err_value;
	}
	field->value = value;
	field->line = line;
	conf->count++;
	return 0;

err_value:
	free(value);
	return -1;
}

int conf_read(const char *path, const char *const *known,
	      struct conf_file *conf)
{
	unsigned int line = 0;
	size_t cap = 0;
	char *buf = NULL;
	ssize_t len;
	int ret = 0;
	FILE *f;

	memset(conf, 0, sizeof(*conf));
	conf->path = path;
	f = fopen(path, "re");
	if (!f) {
		say(path, 0, "%s", strerror(errno));
		return -1;
	}
	while ((len = getline(&buf, &cap, f)) >= 0) {
		const char *s = buf;

		line++;
		if (len && buf[len - 1] == '\n')
			buf[--len] = '\0';
		if (strlen(buf) != (size_t)len) {
			say(path, line, "a NUL byte: not a text file");
			ret = -1;
			break;
		}
		while (is_blank(*s))
			s++;
		if (!*s || *s == '#')
			continue;
		if (parse_line(conf, known, line, s)) {
			ret = -1;
			break;
		}
	}
	if (!ret && ferror(f)) {
		say(path, 0, "%s", strerror(errno));
		ret = -1;
	}
	free(buf);
	fclose(f);
	if (ret)
		conf_free(conf);
	return ret;
}

void conf_free(struct conf_file *conf)
{
	unsigned int i;

	for (i = 0; i < conf->count; i++) {
		free(conf->fields[i].key);
		free(conf->fields[i].value);
	}
	free(conf->fields);
	conf->fields = NULL;
	conf->count = 0;
}

static const struct conf_field *find(const struct conf_file *conf,
				     const char *key)
{
	unsigned int i;

	for (i = 0; i < conf->count; i++)
		if (!strcmp(conf->fields[i].key, key))
			return &conf->fields[i];
	return NULL;
}

const char *conf_get(const struct conf_file *conf, const char *key)
{
	const struct conf_field *field = find(conf, key);

	return field ? field->value : NULL;
}

int conf_get_u64(const struct conf_file *conf, const char *key,
		 uint64_t *val)
{
	const char *s = conf_get(conf, key);
	unsigned long long v;
	char *end;

	if (!s)
		return 0;
	errno = 0;
	v = strtoull(s, &end, 0);
	if (!*s || *end || *s == '-' || errno) {
		conf_error(conf, key, "'%s' is not a number (decimal or 0x hex)",
			   s);
		return -1;
	}
	*val = v;
	return 0;
}

void conf_error(const struct conf_file *conf, const char *key,
		const char *fmt, ...)
{
	const struct conf_field *field = find(conf, key);
	va_list ap;

	if (field)
		fprintf(stderr, "%s:%u: %s: ", conf->path, field->line, key);
	else
		fprintf(stderr, "%s: %s: ", conf->path, key);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}
