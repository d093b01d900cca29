/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Shared setup of the C tests: run under the fake driver and give each
 * case its own fake root.
 */
#ifndef TESTS_LIB_HARNESS_H
#define TESTS_LIB_HARNESS_H

#include <stddef.h>

#include "tap.h"

/* Re-executes the test with the fake device preloaded, once. */
void th_init(int argc, char **argv);
/* A new fake root (see fake-root.h flags), also set as JH_FAKE_ROOT. */
const char *th_root(unsigned int flags);
/* Removes every root made so far. */
void th_cleanup(void);
/* A file path inside the current root's scratch dir. */
const char *th_file(const char *name);
/* Writes @data to th_file(@name); returns that path. */
const char *th_write(const char *name, const void *data, size_t size);

#endif /* TESTS_LIB_HARNESS_H */
