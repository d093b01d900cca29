/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Internal API of the native Linux loader (libjhloader.la), linked into
 * libjailhouse. From a cell config, an arm64 kernel Image (raw or gzip), an
 * optional DTB and initrd and linux-loader.bin it computes a plan: which
 * bytes go to which guest-physical address of the cell, and the loader's
 * parameter string. It never talks to the driver: libjailhouse executes
 * the plan (CELL_LOAD of every segment, in order, then CELL_START).
 *
 * Conventions: functions return 0 or a negative errno; every message for
 * the user goes through the request's log callback, so the caller decides
 * how to print it. Guest addresses are the cell's (virt_start) addresses.
 */
#ifndef JH_LOADERS_JHLOADER_H
#define JH_LOADERS_JHLOADER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <jailhouse/cell-config.h>

/* enum jh_linux_image and its names: the library's words for the images */
#include "libjailhouse.h"

/*
 * Input bytes: borrowed memory, or an open file read with pread() so large
 * images (kernel, initrd) never have to be resident at once. A source must
 * stay valid (memory not freed, fd not closed) until the plan built from it
 * is freed.
 */
struct jhl_source {
	const char *name;	/* path or label, used in messages */
	const void *data;	/* the bytes, or NULL: read from fd */
	int fd;
	__u64 size;
	bool own_fd;		/* jhl_source_close() closes fd */
	void *own_buf;		/* jhl_source_close() frees it */
};

/*
 * Open @path read-only; -errno (and nothing to close) on failure. A pipe
 * or other non-seekable file is read into memory whole.
 */
int jhl_source_open(struct jhl_source *src, const char *path);
void jhl_source_mem(struct jhl_source *src, const char *name,
		    const void *data, size_t size);
void jhl_source_close(struct jhl_source *src);
/* Exactly @len bytes at @off, or -EIO (short file) / -errno. */
int jhl_source_read(const struct jhl_source *src, void *buf, size_t len,
		    __u64 off);

enum jhl_log_level {
	JHL_LOG_ERR,
	JHL_LOG_WARN,
	JHL_LOG_INFO,
};

typedef void (*jhl_log_fn)(void *data, enum jhl_log_level level,
			   const char *msg);

/* Defaults for a generated DTB when no system config says otherwise. */
#define JHL_QEMU_VIRT_GICD	0x08000000ULL
#define JHL_QEMU_VIRT_GICR	0x080a0000ULL
#define JHL_QEMU_VIRT_GICR_SIZE	0x00f60000ULL
/* The virtual PCI host of our QEMU virt system config (qemu-arm64.c). */
#define JHL_QEMU_VIRT_ECAM	0x3f000000ULL
#define JHL_QEMU_VIRT_PCI_END_BUS	0
#define JHL_QEMU_VIRT_PCI_DOMAIN	1

/*
 * All fields zero = defaults. The configs come parsed by libjailhouse's
 * one .cell parser (jh_config: header rule, and every array inside the
 * bytes its counts describe); the loader checks only what booting Linux
 * needs of them. They must stay valid until the plan is freed.
 */
struct jhl_request {
	const struct jailhouse_cell_desc *cell;	/* required */
	const struct jailhouse_system *system;	/* optional */

	const struct jhl_source *kernel;	/* required: Image or Image.gz */
	const struct jhl_source *loader;	/* required: linux-loader.bin */
	const struct jhl_source *dtb;		/* NULL: generate one */
	const struct jhl_source *initrd;	/* optional */

	const char *cmdline;		/* /chosen/bootargs; NULL keeps the DTB's */
	unsigned int decomp_factor;	/* upstream -k; 0 = not given */
	__u64 gicd_base;		/* override GICD/GICR for the generated */
	__u64 gicr_base;		/* DTB and the check; 0 = system/QEMU */
	unsigned int uart_irq;		/* INTID of the generated UART; 0 = guess */
	bool strict;			/* DTB-vs-cell warnings become errors */

	jhl_log_fn log;			/* NULL: silent */
	void *log_data;
};

struct jhl_gunzip;

/*
 * One load: @size bytes, starting at byte @offset of the image of kind
 * @kind, to guest address @guest_addr inside memory region @region (index
 * into the cell config's memory regions; always LOADABLE). An image that
 * crosses a boundary between guest-contiguous regions comes as several
 * segments of the same kind. @reserved is how much guest memory the plan
 * keeps for it (the kernel's image_size incl. BSS, page rounding).
 */
struct jhl_segment {
	enum jh_linux_image kind;
	__u64 guest_addr;
	__u64 size;
	__u64 reserved;
	__u64 offset;
	unsigned int region;
	const void *data;	/* the bytes if in memory, else NULL */
	/* private: */
	const struct jhl_source *src;
	struct jhl_gunzip *gz;	/* an Image.gz, inflated when read */
	__u64 src_off;		/* of the image in src, or inflated */
};

/* Summary of a plan, for printers and callers. */
struct jhl_plan_info {
	const char *cell_name;
	__u64 reset_addr;		/* cpu_reset_address: linux-loader.bin */
	__u64 params_addr;		/* reset_addr + 0x1000 */
	__u64 kernel_addr;
	__u64 kernel_size;		/* bytes of the (decompressed) Image */
	__u64 kernel_image_size;	/* reserved: header image_size */
	__u64 text_offset;
	__u64 dtb_addr;
	__u64 dtb_size;
	__u64 initrd_addr;		/* 0 without initrd */
	__u64 initrd_size;
	bool kernel_gzip;
	bool dtb_generated;
	bool upstream_layout;		/* same addresses as the Python tool */
};

struct jhl_plan;

int jhl_plan_new(const struct jhl_request *req, struct jhl_plan **plan);
void jhl_plan_free(struct jhl_plan *plan);

/* Segments in load order: loader, kernel, DTB, initrd, parameters. */
unsigned int jhl_plan_num_segments(const struct jhl_plan *plan);
const struct jhl_segment *jhl_plan_segment(const struct jhl_plan *plan,
					   unsigned int idx);
/*
 * Bytes [off, off + len) of a segment, whether in memory, in a file or
 * inflated from an Image.gz. The kernel's segments of a gzip kernel are
 * one stream: read them in order (segments in plan order, offsets
 * rising) and it is inflated once, in pieces; reading backwards inflates
 * again from the start. The read that takes the Image's last byte checks
 * the whole stream (its end, CRC-32, length) and fails with -EBADMSG if
 * anything is wrong, as any read can (truncated or corrupt data); the
 * reason went to the request's log.
 */
int jhl_segment_read(const struct jhl_segment *seg, void *buf, size_t len,
		     __u64 off);
/*
 * Reads what planning left unread, as loading would, keeping nothing:
 * inflates a gzip kernel to the end (discarding the bytes) and checks it.
 * 0, or the error loading would meet (logged). For dry runs.
 */
int jhl_plan_verify(const struct jhl_plan *plan);

const struct jhl_plan_info *jhl_plan_info(const struct jhl_plan *plan);
/* "kernel=0x... dtb=0x..." as written to params_addr (plus a NUL). */
const char *jhl_plan_params(const struct jhl_plan *plan);
const void *jhl_plan_dtb(const struct jhl_plan *plan, size_t *size);
unsigned int jhl_plan_num_warnings(const struct jhl_plan *plan);
const char *jhl_plan_warning(const struct jhl_plan *plan, unsigned int idx);

/* --dry-run output. */
int jhl_plan_print_text(const struct jhl_plan *plan, FILE *out);
int jhl_plan_print_json(const struct jhl_plan *plan, FILE *out);
/*
 * -w: write the DTB to @path, then print the equivalent jailhouse commands
 * (like the upstream tool) naming @cell_path and @dtb_path.
 */
int jhl_plan_write_dtb(const struct jhl_plan *plan, const char *path);
int jhl_plan_print_commands(const struct jhl_plan *plan, FILE *out,
			    const char *cell_path, const char *dtb_path);

#endif /* !JH_LOADERS_JHLOADER_H */
