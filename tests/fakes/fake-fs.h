/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * File helpers for the fake kernel interface: the fake driver and the
 * tree builder both keep all state as plain files below a root directory.
 */
#ifndef TESTS_LIB_FAKE_FS_H
#define TESTS_LIB_FAKE_FS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FAKE_SYSFS	"/sys/devices/jailhouse"

int fake_write(const char *root, const char *rel, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int fake_append(const char *root, const char *rel, const char *text);
int fake_write_bytes(const char *root, const char *rel, const void *data,
		     size_t len);
/* A device tree property of big-endian 32-bit cells */
int fake_write_cells(const char *root, const char *rel, unsigned int n,
		     const uint32_t *cells);
/* Reads at most size-1 bytes, NUL-terminated; -1 if missing. */
int fake_read_raw(const char *root, const char *rel, char *buf, size_t size);
/* The same with one trailing newline stripped. */
int fake_read(const char *root, const char *rel, char *buf, size_t size);
bool fake_exists(const char *root, const char *rel);
int fake_mkdir(const char *root, const char *rel);
int fake_rm_rf(const char *root, const char *rel);
int fake_rename(const char *root, const char *from, const char *to);

/* CPU list helpers on 64-bit masks, in the kernel's list format. */
void fake_format_cpus(uint64_t mask, char *buf, size_t size);
uint64_t fake_parse_cpus(const char *list);

/* Creates the per-CPU statistics directory of one CPU (zero counters). */
int fake_stats_cpu(const char *root, int cell, unsigned int cpu);
/* Rewrites the cell's summed counters from its per-CPU ones. */
int fake_stats_sum(const char *root, int cell);

#endif /* TESTS_LIB_FAKE_FS_H */
