// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Fuzz target of the one .cell parser in userspace (libjailhouse's
 * jh_config) and of everything that reads what it accepts: the accessors,
 * the checker and, for a cell config, a whole Linux boot plan (placement,
 * DTB generation, segments) with a small fixed Image. Every accepted plan
 * must keep its loads inside the memory it reserves for them.
 *
 * Built without -DJH_LIBFUZZER it is a TAP test of its own: a
 * deterministic run over mutations of the QEMU configs, worth running
 * under ASan/UBSan or valgrind.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libjailhouse.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A link end's sections; the accessors must not read past the config. */
static void touch_ivshmem(const struct jh_config *cfg, unsigned int idx)
{
	struct jh_ivshmem_section sec;
	struct jh_ivshmem link;
	unsigned int s;

	if (jh_config_get_ivshmem(cfg, idx, &link))
		return;
	jh_ivshmem_protocol_name(link.protocol);
	for (s = 0; s < JH_IVSHMEM_SECTION_OUTPUT(link.peers); s++)
		if (jh_config_get_ivshmem_section(cfg, idx, s, &sec))
			abort();
}

static void touch_fields(const struct jh_config *cfg)
{
	struct jh_console_desc con;
	struct jh_pci_device dev;
	struct jh_mem_region mem;
	struct jh_platform p;
	struct jh_irqchip irq;
	struct jh_cpuset *cpus;
	unsigned int i;

	for (i = 0; i < jh_config_get_num_mem_regions(cfg); i++)
		jh_config_get_mem_region(cfg, i, &mem);
	for (i = 0; i < jh_config_get_num_irqchips(cfg); i++)
		jh_config_get_irqchip(cfg, i, &irq);
	for (i = 0; i < jh_config_get_num_pci_devices(cfg); i++) {
		jh_config_get_pci_device(cfg, i, &dev);
		touch_ivshmem(cfg, i);
	}
	if (!jh_config_get_cpus(cfg, &cpus)) {
		jh_cpuset_to_string(cpus);
		jh_cpuset_free(cpus);
	}
	jh_config_get_console(cfg, &con);
	jh_console_type_name(con.type);
	jh_config_get_platform(cfg, &p);
}

/* The smallest arm64 Image header: 64 KiB image_size, LE, 4 KiB pages. */
static uint8_t image[8192] = {
	[18] = 0x01, [24] = 0x0a, [56] = 'A', [57] = 'R', [58] = 'M', [59] = 0x64,
};
/* linux-loader.bin's size with its empty parameter area at 0x1000 */
static const uint8_t loader[0x1200];

static void plan_linux(struct jh_ctx *ctx, struct jh_config *cfg)
{
	struct jh_linux_segment seg;
	struct jh_linux_plan *plan;
	struct jh_linux *req;
	unsigned int i;

	if (jh_linux_new(ctx, cfg, &req))
		return;
	if (!jh_linux_set_buffer(req, JH_LINUX_KERNEL, image, sizeof(image),
				 "Image") &&
	    !jh_linux_set_buffer(req, JH_LINUX_LOADER, loader, sizeof(loader),
				 "linux-loader.bin") &&
	    !jh_linux_set_cmdline(req, "console=ttyAMA0") &&
	    !jh_linux_plan(req, &plan)) {
		for (i = 0; i < jh_linux_plan_get_num_segments(plan); i++)
			if (jh_linux_plan_get_segment(plan, i, &seg) ||
			    !seg.size || seg.reserved < seg.size)
				abort();
		jh_linux_plan_free(plan);
	}
	jh_linux_free(req);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct jh_ctx *ctx;
	struct jh_config *cfg;
	struct jh_check *chk;
	unsigned int i;

	if (!ctx && jh_ctx_new("/", &ctx))
		abort();
	if (jh_config_new_from_buffer(ctx, data, size, "fuzz", &cfg))
		return 0;
	touch_fields(cfg);
	if (!jh_check_new(ctx, &chk)) {
		/* A cell config twice also exercises the cross-cell rules. */
		if (jh_config_get_kind(cfg) == JH_CONFIG_SYSTEM) {
			jh_check_set_system(chk, cfg);
		} else {
			jh_check_add_cell(chk, cfg);
			jh_check_add_cell(chk, cfg);
		}
		jh_check_run(chk);
		for (i = 0; i < jh_check_get_num_findings(chk); i++)
			if (!jh_finding_get_message(jh_check_get_finding(chk, i)))
				abort();
		jh_check_free(chk);
	}
	if (jh_config_get_kind(cfg) == JH_CONFIG_CELL)
		plan_linux(ctx, cfg);
	jh_config_unref(cfg);
	return 0;
}

#ifndef JH_LIBFUZZER
#include "tap.h"
#include "configs.h"

#define ROUNDS	4000

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* Flips bytes, plants extreme words, or cuts the tail. */
static size_t mutate(uint8_t *buf, size_t size)
{
	static const uint32_t words[] = { 0, 1, 0x7f, 0x80, 0xffff,
					  0x7fffffff, 0x80000000, 0xffffffff };
	unsigned int k, n = 1 + next() % 4;
	size_t at;

	for (k = 0; k < n; k++) {
		at = next() % size;
		switch (next() % 3) {
		case 0:
			buf[at] ^= (uint8_t)(1u << (next() % 8));
			break;
		case 1:
			if (at + 4 <= size)
				memcpy(buf + at, &words[next() % 8], 4);
			break;
		default:
			size = at + 1;
			break;
		}
	}
	return size;
}

static void smoke(const uint8_t *base, size_t size, const char *what)
{
	uint8_t *buf = malloc(size);
	unsigned int i;

	for (i = 0; i < ROUNDS; i++) {
		memcpy(buf, base, size);
		LLVMFuzzerTestOneInput(buf, mutate(buf, size));
	}
	free(buf);
	tap_ok(1, "%u mutations of %s parsed and checked", ROUNDS, what);
}

int main(void)
{
	struct fx_system s;
	struct fx_cell c;
	size_t size;
	void *data;

	fx_qemu_system(&s);
	data = fx_build_system(&s, &size);
	smoke(data, size, "the system config");
	free(data);
	fx_gic_demo(&c);
	data = fx_build_cell(&c, &size);
	smoke(data, size, "gic-demo");
	free(data);
	fx_linux_demo(&c);
	c.npci = 1;
	c.pci[0].type = JAILHOUSE_PCI_TYPE_IVSHMEM;
	data = fx_build_cell(&c, &size);
	smoke(data, size, "linux-demo with ivshmem");
	free(data);
	return tap_done();
}
#endif
