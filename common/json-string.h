/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The one JSON string writer of the userspace tools (the command's
 * --json outputs, the Linux loader's plan): compiled into each program
 * or library that writes JSON, not an API of its own.
 */
#ifndef JH_COMMON_JSON_STRING_H
#define JH_COMMON_JSON_STRING_H

#include <stdio.h>

/*
 * @s as a JSON string, escaped as RFC 8259 requires; bytes that are no
 * UTF-8 come out as U+FFFD, so the text stays valid whatever names and
 * paths hold. NULL writes null.
 */
void json_write_string(FILE *out, const char *s);

#endif /* !JH_COMMON_JSON_STRING_H */
