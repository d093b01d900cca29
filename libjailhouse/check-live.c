// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Preflight rules: the configs against the running system (below the
 * context's root). Every problem comes with a hint how to fix it, and
 * what is in order is noted, so "doctor" output reads as a checklist.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jailhouse/header.h>

#include "check.h"

#define ULL(x)	((unsigned long long)(x))

static const char *const firmware_paths[] = {
	"/lib/firmware/" JAILHOUSE_FIRMWARE_NAME,
	"/usr/lib/firmware/" JAILHOUSE_FIRMWARE_NAME,
};

static bool exists(struct jh_ctx *ctx, const char *abs)
{
	char path[PATH_MAX];
	struct stat st;

	return !jh_path(ctx, path, "%s", abs) && stat(path, &st) == 0;
}

static FILE *open_text(struct jh_ctx *ctx, const char *abs)
{
	char path[PATH_MAX];

	if (jh_path(ctx, path, "%s", abs))
		return NULL;
	return fopen(path, "re");
}

static void check_driver(struct jh_check *chk)
{
	if (jh_is_driver_loaded(jh_check_get_ctx(chk)))
		jh_check_report_live(chk, JH_SEVERITY_NOTE, "live-driver",
				     "driver", NULL, "jailhouse.ko is loaded");
	else
		jh_check_report_live(chk, JH_SEVERITY_WARNING, "live-driver",
				     "driver",
				     "modprobe jailhouse (enable also loads it)",
				     "jailhouse.ko is not loaded");
}

static void check_kvm(struct jh_check *chk)
{
	if (exists(jh_check_get_ctx(chk), "/dev/kvm"))
		jh_check_report_live(chk, JH_SEVERITY_ERROR, "live-el2", "/dev/kvm",
				     "boot with kvm-arm.mode=none, or use a kernel without KVM",
				     "KVM is active and holds EL2");
	else
		jh_check_report_live(chk, JH_SEVERITY_NOTE, "live-el2", "/dev/kvm",
				     NULL, "no KVM: EL2 is left to the hypervisor");
}

/* Highest CPU of the root cell + 1: what the driver sizes per-CPU data by. */
static unsigned int max_cpus(const struct jailhouse_cell_desc *root)
{
	unsigned int cpu, max = 0;

	for (cpu = 0; cpu < root->cpu_set_size * 8; cpu++)
		if (jh_cell_has_cpu(root, cpu))
			max = cpu + 1;
	return max;
}

static void check_fit(struct jh_check *chk, const char *file,
		      const struct jailhouse_header *hdr,
		      const struct jailhouse_system *sys)
{
	uint64_t need, have = sys->hypervisor_memory.size;

	need = hdr->core_size + max_cpus(&sys->root_cell) * hdr->percpu_size +
	       jailhouse_system_config_size(sys);
	if (need > have)
		jh_check_report_live(chk, JH_SEVERITY_ERROR, "live-firmware", file,
				     "enlarge hypervisor_memory in the system config and its reservation",
				     "image 0x%llx + %u CPUs x 0x%llx + config 0x%llx = 0x%llx bytes, more than the hypervisor memory (0x%llx)",
				     ULL(hdr->core_size), max_cpus(&sys->root_cell),
				     ULL(hdr->percpu_size),
				     ULL(jailhouse_system_config_size(sys)),
				     ULL(need), ULL(have));
	else
		jh_check_report_live(chk, JH_SEVERITY_NOTE, "live-firmware", file,
				     NULL,
				     "entry protocol %u; needs 0x%llx of the 0x%llx bytes of hypervisor memory",
				     hdr->entry_protocol, ULL(need), ULL(have));
}

static void check_firmware(struct jh_check *chk,
			   const struct jailhouse_system *sys)
{
	struct jh_ctx *ctx = jh_check_get_ctx(chk);
	struct jailhouse_header hdr;
	const char *file = NULL;
	char path[PATH_MAX];
	unsigned int i;
	ssize_t n = -1;
	int fd;

	for (i = 0; i < ARRAY_SIZE(firmware_paths) && !file; i++)
		if (exists(ctx, firmware_paths[i]))
			file = firmware_paths[i];
	if (!file) {
		jh_check_report_live(chk, JH_SEVERITY_ERROR, "live-firmware",
				     firmware_paths[0],
				     "install jailhouse.bin from the hypervisor build into /lib/firmware",
				     "the hypervisor firmware is missing");
		return;
	}
	if (!jh_path(ctx, path, "%s", file)) {
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd >= 0) {
			n = read(fd, &hdr, sizeof(hdr));
			close(fd);
		}
	}
	if (n != (ssize_t)sizeof(hdr) ||
	    memcmp(hdr.signature, JAILHOUSE_SIGNATURE,
		   JAILHOUSE_HEADER_SIGNATURE_SIZE)) {
		jh_check_report_live(chk, JH_SEVERITY_ERROR, "live-firmware", file,
				     "reinstall jailhouse.bin from the hypervisor build",
				     "unreadable or not a hypervisor image (no %s signature)",
				     JAILHOUSE_SIGNATURE);
		return;
	}
	if (hdr.entry_protocol != JAILHOUSE_ENTRY_PROTOCOL) {
		jh_check_report_live(chk, JH_SEVERITY_ERROR, "live-firmware", file,
				     "install the driver and jailhouse.bin from the same build",
				     "entry protocol %u, but this build speaks %u",
				     hdr.entry_protocol, JAILHOUSE_ENTRY_PROTOCOL);
		return;
	}
	if (sys)
		check_fit(chk, file, &hdr, sys);
}

/* /proc/iomem as text, or NULL with the reason in the context. */
static char *read_iomem(struct jh_ctx *ctx)
{
	char path[PATH_MAX];
	size_t size;
	void *text;

	if (jh_path(ctx, path, "%s", "/proc/iomem") ||
	    jh_read_pseudo_file(ctx, path, JH_MAX_IOMEM, &text, &size))
		return NULL;
	((char *)text)[size] = '\0';	/* room for it: read_to_end() */
	return text;
}

/* Reports @what if it overlaps System RAM; returns whether it did. */
static bool check_not_ram(struct jh_check *chk, const struct jh_range *ram,
			  unsigned int n, uint64_t start, uint64_t size,
			  const char *what)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		if (!jh_ranges_overlap(start, size, ram[i].start, ram[i].size))
			continue;
		jh_check_report_live(chk, JH_SEVERITY_ERROR, "live-iomem",
				     "/proc/iomem",
				     "keep Linux off it: boot with mem= or memmap=, or add a reserved-memory node",
				     "%s (0x%llx-0x%llx) is System RAM of Linux (0x%llx-0x%llx)",
				     what, ULL(start), ULL(jh_range_last(start, size)),
				     ULL(ram[i].start),
				     ULL(jh_range_last(ram[i].start, ram[i].size)));
		return true;
	}
	return false;
}

/*
 * Memory the cell takes from Linux, or writes into when loading: a
 * ROOTSHARED region stays Linux's, unless it is LOADABLE, which the
 * driver refuses in System RAM too.
 */
static bool is_cell_ram(const struct jailhouse_memory *m)
{
	if (m->flags & (JAILHOUSE_MEM_IO | JAILHOUSE_MEM_COMM_REGION))
		return false;
	if ((m->flags & JAILHOUSE_MEM_ROOTSHARED) &&
	    !(m->flags & JAILHOUSE_MEM_LOADABLE))
		return false;
	return m->size != 0;
}

static void check_iomem(struct jh_check *chk, const struct jailhouse_system *sys)
{
	const struct jh_check_cell *cells;
	struct jh_ctx *ctx = jh_check_get_ctx(chk);
	const struct jailhouse_memory *mem;
	struct jh_range ram[64];
	unsigned int i, k, n, nram;
	char what[128];
	char *text;
	int err;

	text = read_iomem(ctx);
	if (!text) {
		jh_check_report_live(chk, JH_SEVERITY_WARNING, "live-iomem",
				     "/proc/iomem", "run as root",
				     "cannot be read: %s", jh_ctx_last_error(ctx));
		return;
	}
	/* by the parser config create uses */
	err = jh_iomem_ram(ctx, text, ram, ARRAY_SIZE(ram), &nram);
	free(text);
	if (err == -EACCES) {
		jh_check_report_live(chk, JH_SEVERITY_WARNING, "live-iomem",
				     "/proc/iomem", "run as root",
				     "shows no addresses to this user");
		return;
	}
	if (err) {
		jh_check_report_live(chk, JH_SEVERITY_WARNING, "live-iomem",
				     "/proc/iomem", "each top-level line reads first-last : name",
				     "cannot be read: %s", jh_ctx_last_error(ctx));
		return;
	}
	if (!check_not_ram(chk, ram, nram, sys->hypervisor_memory.phys_start,
			   sys->hypervisor_memory.size, "the hypervisor memory"))
		jh_check_report_live(chk, JH_SEVERITY_NOTE, "live-iomem",
				     "/proc/iomem", NULL,
				     "the hypervisor memory is not System RAM");

	n = jh_check_cells(chk, &cells);
	for (i = 0; i < n; i++) {
		if (cells[i].root)
			continue;
		mem = jailhouse_cell_mem_regions(cells[i].desc);
		for (k = 0; k < cells[i].desc->num_memory_regions; k++) {
			if (!is_cell_ram(&mem[k]))
				continue;
			snprintf(what, sizeof(what), "memory region %u of %s",
				 k, cells[i].src);
			check_not_ram(chk, ram, nram, mem[k].phys_start,
				      mem[k].size, what);
		}
	}
}

static struct jh_cpuset *read_cpus(struct jh_check *chk, const char *abs)
{
	struct jh_ctx *ctx = jh_check_get_ctx(chk);
	struct jh_cpuset *set = NULL;
	char line[1024];
	FILE *f;

	f = open_text(ctx, abs);
	if (!f)
		return NULL;
	if (fgets(line, sizeof(line), f))
		jh_cpuset_from_list(ctx, line, &set);
	fclose(f);
	return set;
}

static void check_root_cpus(struct jh_check *chk, const struct jh_check_cell *root,
			    const struct jh_cpuset *online,
			    const struct jh_cpuset *present)
{
	bool fine = true;
	int cpu;

	for (cpu = jh_cpuset_next(online, -1); cpu >= 0;
	     cpu = jh_cpuset_next(online, cpu)) {
		if (jh_cell_has_cpu(root->desc, (unsigned int)cpu))
			continue;
		fine = false;
		jh_check_report_live(chk, JH_SEVERITY_ERROR, "live-cpus",
				     root->src,
				     "take it offline (echo 0 > /sys/devices/system/cpu/cpuN/online) or add it to the root cell",
				     "CPU %d is online but not in the root cell", cpu);
	}
	for (cpu = 0; (unsigned int)cpu < root->desc->cpu_set_size * 8; cpu++) {
		if (!jh_cell_has_cpu(root->desc, (unsigned int)cpu) ||
		    jh_cpuset_contains(online, (unsigned int)cpu))
			continue;
		fine = false;
		/* the hypervisor wants the online CPUs to be root's, all */
		if (!jh_cpuset_contains(present, (unsigned int)cpu))
			jh_check_report_live(chk, JH_SEVERITY_ERROR, "live-cpus",
					     root->src,
					     "remove it from the config, or boot with more CPUs",
					     "CPU %d of the root cell does not exist: enable fails", cpu);
		else
			jh_check_report_live(chk, JH_SEVERITY_ERROR, "live-cpus",
					     root->src,
					     "echo 1 > /sys/devices/system/cpu/cpuN/online",
					     "CPU %d of the root cell is offline: enable fails",
					     cpu);
	}
	if (fine)
		jh_check_report_live(chk, JH_SEVERITY_NOTE, "live-cpus",
				     root->src, NULL,
				     "the online CPUs (%s) are the root cell's",
				     jh_cpuset_to_string(online));
}

/*
 * With the hypervisor running, a CPU another cell holds: the driver would
 * refuse the create in the same words (driver/cell-create.c). A cell of
 * the same name is the one being replaced (cell linux --reboot).
 */
static void check_cpus_held(struct jh_check *chk,
			    const struct jh_check_cell *cell,
			    const struct jh_cell_list *cells)
{
	struct jh_cpuset *held;
	struct jh_cell *other;
	unsigned int i, cpu;

	for (i = 0; cells && i < jh_cell_list_get_count(cells); i++) {
		other = jh_cell_list_get(cells, i);
		if (jh_cell_get_id(other) == 0 ||
		    !strcmp(jh_cell_get_name(other), cell->desc->name) ||
		    jh_cell_get_cpus_assigned(other, &held))
			continue;
		for (cpu = 0; cpu < cell->desc->cpu_set_size * 8; cpu++)
			if (jh_cell_has_cpu(cell->desc, cpu) &&
			    jh_cpuset_contains(held, cpu))
				jh_check_report_live(chk, JH_SEVERITY_ERROR,
						     "live-cpus", cell->src,
						     "destroy that cell first, or give this one other CPUs",
						     "CPU %u of \"%s\" belongs to cell \"%s\"",
						     cpu, cell->desc->name,
						     jh_cell_get_name(other));
		jh_cpuset_free(held);
	}
}

static void check_cpus(struct jh_check *chk)
{
	const struct jh_check_cell *cells;
	struct jh_cpuset *online, *present;
	struct jh_cell_list *running;
	unsigned int i, n, cpu;

	online = read_cpus(chk, "/sys/devices/system/cpu/online");
	present = read_cpus(chk, "/sys/devices/system/cpu/present");
	if (!online || !present) {
		jh_check_report_live(chk, JH_SEVERITY_WARNING, "live-cpus",
				     "/sys/devices/system/cpu", "mount sysfs",
				     "cannot read the online and present CPUs");
		goto out_free;
	}
	n = jh_check_cells(chk, &cells);
	/* no driver or no hypervisor: no cells to hold CPUs */
	if (jh_cell_list_new(jh_check_get_ctx(chk), &running))
		running = NULL;
	for (i = 0; i < n; i++) {
		if (cells[i].root) {
			check_root_cpus(chk, &cells[i], online, present);
			continue;
		}
		check_cpus_held(chk, &cells[i], running);
		for (cpu = 0; cpu < cells[i].desc->cpu_set_size * 8; cpu++)
			if (jh_cell_has_cpu(cells[i].desc, cpu) &&
			    !jh_cpuset_contains(present, cpu))
				jh_check_report_live(chk, JH_SEVERITY_ERROR,
						     "live-cpus", cells[i].src,
						     "give the cell a CPU this machine has",
						     "CPU %u does not exist", cpu);
	}
	jh_cell_list_free(running);
out_free:
	jh_cpuset_free(online);
	jh_cpuset_free(present);
}

void jh_check_live(struct jh_check *chk)
{
	const struct jailhouse_system *sys = jh_check_system(chk);

	check_driver(chk);
	check_kvm(chk);
	check_firmware(chk, sys);
	if (sys) {
		check_iomem(chk, sys);
		check_cpus(chk);
	}
	jh_check_live_irqs(chk);
	jh_check_live_gic(chk);
	jh_check_live_kernel(chk);
}
