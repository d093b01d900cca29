/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Fixtures for the loader tests: synthetic arm64 Images, gzip, cell
 * configs built field by field, the QEMU configs compiled for the host,
 * and a log callback that records messages.
 */
#ifndef TESTS_LOADER_TESTLIB_H
#define TESTS_LOADER_TESTLIB_H

#include <stdbool.h>
#include <stddef.h>

#include <jailhouse/cell-config.h>

#include "jhloader.h"

#define TL_MIB		0x100000ULL

/* Image of @size bytes: header (magic, fields given) plus a byte pattern. */
void *tl_image(size_t size, __u64 image_size, __u64 text_offset, __u64 flags);
/* Byte i of every synthetic payload, for byte-checks after loading. */
__u8 tl_pattern(size_t i);
/* Single-member gzip of @data. */
void *tl_gzip(const void *data, size_t len, size_t *out_len);
void *tl_gzip_level(const void *data, size_t len, int level,
		    size_t *out_len);

/* A cell config assembled from parts. */
struct tl_cell {
	struct jailhouse_cell_desc desc;
	__u64 cpus;
	struct jailhouse_memory mem[16];
	struct jailhouse_irqchip irqchips[2];
};

#define TL_RAM		(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE | \
			 JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA | \
			 JAILHOUSE_MEM_LOADABLE)
#define TL_LOADER_MEM	(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE | \
			 JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE)
#define TL_UART_MEM	(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE | \
			 JAILHOUSE_MEM_IO | JAILHOUSE_MEM_ROOTSHARED)

/* CPUs 2-3, UART + INTID 33, loader region at 0, no RAM yet. */
void tl_cell_init(struct tl_cell *cell, const char *name);
void tl_cell_add_mem(struct tl_cell *cell, __u64 phys, __u64 virt,
		     __u64 size, __u64 flags);
/* Packed bytes of the config; free() them. */
void *tl_cell_bytes(const struct tl_cell *cell, size_t *size);

/* The QEMU configs of configs/arm64, compiled for the host. */
const void *tl_linux_demo_cell(size_t *size);
const struct jailhouse_system *tl_system_config(void);

/* linux-loader.bin's parameter area at 0x1000: 256 bytes and a NUL. */
#define TL_PARAMS_AREA	257

/* Fake linux-loader.bin: 0x1800 bytes of pattern, zeros at 0x1000. */
const void *tl_loader_bin(size_t *size);

/* Log capture. */
void tl_log(void *data, enum jhl_log_level level, const char *msg);
void tl_log_reset(void);
bool tl_log_has(const char *substr);
bool tl_log_has_level(enum jhl_log_level level, const char *substr);
void tl_log_dump(void);

/* Request on the demo cell with in-memory sources; fields may be changed. */
struct tl_req {
	struct jhl_request req;
	struct jhl_source kernel, loader, dtb, initrd;
};

void tl_req_init(struct tl_req *r, const void *cell, size_t cell_size,
		 const void *kernel, size_t kernel_size);
void tl_req_dtb(struct tl_req *r, const void *dtb, size_t size);
void tl_req_initrd(struct tl_req *r, const void *data, size_t size);

/* Find the (first) segment of a kind, or NULL. */
const struct jhl_segment *tl_seg(const struct jhl_plan *plan,
				 enum jhl_kind kind);
/* Read an entire image back from the plan's segments into @buf. */
bool tl_read_image(const struct jhl_plan *plan, enum jhl_kind kind,
		   void *buf, size_t len);

/*
 * A temporary file holding @data and then zeros up to @size (sparse), open
 * as @src; the file is unlinked at once.
 */
void tl_file_source(struct jhl_source *src, const char *name,
		    const void *data, size_t len, __u64 size);

/* Skip the whole TAP test (exit 0) when dtc is not installed. */
void tl_need_dtc(void);
/* DTB compiled by dtc from a file or text; NULL if that fails. */
void *tl_dtc_file(const char *path, size_t *size);
void *tl_dtc(const char *dts, size_t *size);
/* tests/loader/inmate-qemu-arm64.dts, compiled. */
void *tl_test_dtb(size_t *size);

#endif /* !TESTS_LOADER_TESTLIB_H */
