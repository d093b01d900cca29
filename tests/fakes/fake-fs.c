// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * File helpers of the fake kernel interface. They use raw system calls
 * only through libc functions that the preload library does not trap
 * for paths other than the device node.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fake-fs.h"

static const char *const stat_names[] = {
	"vmexits_total", "vmexits_mmio", "vmexits_management",
	"vmexits_hypercall", "vmexits_maintenance", "vmexits_virt_irq",
	"vmexits_virt_sgi", "vmexits_psci", "vmexits_smccc",
};

#define NUM_STATS	(sizeof(stat_names) / sizeof(stat_names[0]))

static void path_of(const char *root, const char *rel, char *buf)
{
	snprintf(buf, PATH_MAX, "%s/%s", root, rel);
}

static int write_mode(const char *root, const char *rel, const void *data,
		      size_t len, int mode)
{
	char path[PATH_MAX];
	int fd;

	path_of(root, rel, path);
	fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | mode, 0644);
	if (fd < 0)
		return -1;
	if (write(fd, data, len) != (ssize_t)len) {
		close(fd);
		return -1;
	}
	return close(fd);
}

int fake_write(const char *root, const char *rel, const char *fmt, ...)
{
	char text[4096];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	return write_mode(root, rel, text, strlen(text), O_TRUNC);
}

int fake_write_bytes(const char *root, const char *rel, const void *data,
		     size_t len)
{
	return write_mode(root, rel, data, len, O_TRUNC);
}

/* A device tree property of big-endian 32-bit cells */
int fake_write_cells(const char *root, const char *rel, unsigned int n,
		     const uint32_t *cells)
{
	unsigned char buf[64];
	unsigned int i;

	if (n > sizeof(buf) / 4)
		return -1;
	for (i = 0; i < n; i++) {
		buf[4 * i] = cells[i] >> 24;
		buf[4 * i + 1] = cells[i] >> 16;
		buf[4 * i + 2] = cells[i] >> 8;
		buf[4 * i + 3] = cells[i];
	}
	return fake_write_bytes(root, rel, buf, 4 * n);
}

int fake_append(const char *root, const char *rel, const char *text)
{
	return write_mode(root, rel, text, strlen(text), O_APPEND);
}

int fake_read_raw(const char *root, const char *rel, char *buf, size_t size)
{
	char path[PATH_MAX];
	ssize_t n;
	int fd;

	path_of(root, rel, path);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	n = read(fd, buf, size - 1);
	close(fd);
	if (n < 0)
		return -1;
	buf[n] = '\0';
	return (int)n;
}

int fake_read(const char *root, const char *rel, char *buf, size_t size)
{
	int n = fake_read_raw(root, rel, buf, size);

	if (n > 0 && buf[n - 1] == '\n')
		buf[--n] = '\0';
	return n;
}

bool fake_exists(const char *root, const char *rel)
{
	char path[PATH_MAX];
	struct stat st;

	path_of(root, rel, path);
	return stat(path, &st) == 0;
}

int fake_mkdir(const char *root, const char *rel)
{
	char path[PATH_MAX], *p;

	path_of(root, rel, path);
	for (p = path + 1; (p = strchr(p, '/')); p++) {
		*p = '\0';
		if (mkdir(path, 0755) && errno != EEXIST)
			return -1;
		*p = '/';
	}
	if (mkdir(path, 0755) && errno != EEXIST)
		return -1;
	return 0;
}

static int rm_rf_path(const char *path)
{
	char child[PATH_MAX];
	struct dirent *de;
	struct stat st;
	DIR *dir;

	if (lstat(path, &st))
		return errno == ENOENT ? 0 : -1;
	if (!S_ISDIR(st.st_mode))
		return unlink(path);
	dir = opendir(path);
	if (!dir)
		return -1;
	while ((de = readdir(dir))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		snprintf(child, sizeof(child), "%s/%s", path, de->d_name);
		rm_rf_path(child);
	}
	closedir(dir);
	return rmdir(path);
}

int fake_rm_rf(const char *root, const char *rel)
{
	char path[PATH_MAX];

	path_of(root, rel, path);
	return rm_rf_path(path);
}

int fake_rename(const char *root, const char *from, const char *to)
{
	char a[PATH_MAX], b[PATH_MAX];

	path_of(root, from, a);
	path_of(root, to, b);
	return rename(a, b);
}

void fake_format_cpus(uint64_t mask, char *buf, size_t size)
{
	size_t len = 0;
	int cpu, last;

	buf[0] = '\0';
	for (cpu = 0; cpu < 64; cpu++) {
		if (!(mask & (1ULL << cpu)))
			continue;
		last = cpu;
		while (last + 1 < 64 && (mask & (1ULL << (last + 1))))
			last++;
		if (last == cpu)
			len += (size_t)snprintf(buf + len, size - len, "%s%d",
						len ? "," : "", cpu);
		else
			len += (size_t)snprintf(buf + len, size - len, "%s%d-%d",
						len ? "," : "", cpu, last);
		cpu = last;
	}
}

uint64_t fake_parse_cpus(const char *list)
{
	uint64_t mask = 0;
	const char *p = list;
	char *end;
	unsigned long a, b;

	while (*p) {
		a = strtoul(p, &end, 10);
		if (end == p)
			break;
		b = a;
		p = end;
		if (*p == '-') {
			b = strtoul(p + 1, &end, 10);
			p = end;
		}
		for (; a <= b && a < 64; a++)
			mask |= 1ULL << a;
		if (*p == ',')
			p++;
		else
			break;
	}
	return mask;
}

int fake_stats_cpu(const char *root, int cell, unsigned int cpu)
{
	char rel[256];
	unsigned int i;

	snprintf(rel, sizeof(rel), FAKE_SYSFS "/cells/%d/statistics/cpu%u",
		 cell, cpu);
	if (fake_mkdir(root, rel))
		return -1;
	for (i = 0; i < NUM_STATS; i++) {
		snprintf(rel, sizeof(rel),
			 FAKE_SYSFS "/cells/%d/statistics/cpu%u/%s", cell, cpu,
			 stat_names[i]);
		if (fake_write(root, rel, "0\n"))
			return -1;
	}
	return 0;
}

int fake_stats_sum(const char *root, int cell)
{
	char rel[256], buf[32];
	unsigned long long sum;
	unsigned int i, cpu;

	for (i = 0; i < NUM_STATS; i++) {
		sum = 0;
		for (cpu = 0; cpu < 64; cpu++) {
			snprintf(rel, sizeof(rel),
				 FAKE_SYSFS "/cells/%d/statistics/cpu%u/%s",
				 cell, cpu, stat_names[i]);
			if (fake_read(root, rel, buf, sizeof(buf)) >= 0)
				sum += strtoull(buf, NULL, 10);
		}
		snprintf(rel, sizeof(rel), FAKE_SYSFS "/cells/%d/statistics/%s",
			 cell, stat_names[i]);
		if (fake_write(root, rel, "%llu\n", sum))
			return -1;
	}
	return 0;
}
