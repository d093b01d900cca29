/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * KEY=VALUE files as /etc/default/jailhouse and the cell descriptions in
 * /etc/jailhouse/cells hold them: the subset of shell assignments that
 * means the same to sh and to systemd's EnvironmentFile=, so either may
 * read the file too.
 */
#ifndef SYSTEMD_CONF_FILE_H
#define SYSTEMD_CONF_FILE_H

#include <stdbool.h>
#include <stdint.h>

struct conf_field {
	char *key;
	char *value;
	unsigned int line;
};

struct conf_file {
	const char *path;
	struct conf_field *fields;
	unsigned int count;
};

/*
 * Reads @path; on failure prints "PATH:LINE: what" to stderr and returns
 * -1. Keys outside @known (NULL-terminated) and keys given twice are
 * refused: a misspelt field must not be ignored in silence.
 */
int conf_read(const char *path, const char *const *known,
	      struct conf_file *conf);
void conf_free(struct conf_file *conf);

/* The field's value, NULL if the file does not set it. */
const char *conf_get(const struct conf_file *conf, const char *key);

/*
 * A number (decimal, 0x hex) into @val; absent leaves @val alone. Prints
 * the error naming file, line and field, and returns -1, if it is not one.
 */
int conf_get_u64(const struct conf_file *conf, const char *key,
		 uint64_t *val);

/* Prints "PATH:LINE: KEY: message" (or "PATH: KEY: ..." if unset). */
void conf_error(const struct conf_file *conf, const char *key,
		const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
