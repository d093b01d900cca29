/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Declarations shared by the loader's source files; not for libjailhouse.
 */
#ifndef JH_LOADERS_INTERNAL_H
#define JH_LOADERS_INTERNAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include <jailhouse/cell-config.h>
#include <jailhouse/config-rules.h>

#include "jhloader.h"

#define JHL_PAGE_SIZE		0x1000ULL
#define JHL_KERNEL_ALIGN	0x200000ULL	/* arm64 booting: 2 MiB base */
#define JHL_PARAMS_OFFSET	0x1000ULL	/* upstream loader protocol */
#define JHL_PARAMS_MAX		256		/* loader's area, incl. NUL */
#define JHL_PARAMS_AREA		257		/* its .cmdline: 256 + a NUL */
#define JHL_LOADER_STACK	0x4000ULL	/* loader bss + stack after it */
#define JHL_DTB_MAX		0x200000ULL	/* arm64 booting: at most 2 MiB */
#define JHL_CMDLINE_MAX		2048		/* arm64 COMMAND_LINE_SIZE */

#define JHL_SIZE_MAX		(1ULL << 40)	/* sizes beyond are corrupt */

#define JHL_ALIGN_UP(x, a)	(((x) + (a) - 1) & ~((__u64)(a) - 1))

#define __printf(a, b)	__attribute__((format(printf, a, b)))

/* Logging state of one planning run. */
struct jhl_ctx {
	jhl_log_fn log;
	void *log_data;
	bool strict;
	char **warnings;	/* kept for the plan's printers */
	unsigned int num_warnings;
};

void jhl_ctx_init(struct jhl_ctx *ctx, const struct jhl_request *req);
void jhl_ctx_release(struct jhl_ctx *ctx);
__printf(2, 3) void jhl_err(struct jhl_ctx *ctx, const char *fmt, ...);
__printf(2, 3) void jhl_warn(struct jhl_ctx *ctx, const char *fmt, ...);
__printf(2, 3) void jhl_info(struct jhl_ctx *ctx, const char *fmt, ...);
__printf(3, 0) void jhl_vlog(struct jhl_ctx *ctx, enum jhl_log_level level,
			     const char *fmt, va_list ap);

/* "12.5 MiB", "64 KiB", "100 bytes": sizes for humans. */
struct jhl_size_str {
	char s[32];
};
struct jhl_size_str jhl_size(__u64 bytes);

/*
 * The virtual PCI host a cell's Linux is told of: the system config's, or
 * that of our QEMU virt system config when none is given.
 */
struct jhl_vpci {
	__u64 ecam, ecam_size;		/* (end_bus + 1) MiB */
	__u64 window, window_size;	/* BARs: right after the ECAM */
	unsigned int end_bus, domain;
	bool present;	/* the cell has devices on a usable virtual host */
	bool known;	/* from a system config */
};

/* The parts of a cell config (and system config) the loader uses. */
struct jhl_cell {
	char name[JAILHOUSE_CELL_NAME_MAXLEN + 1];
	__u32 flags;
	__u64 reset;
	const __u8 *cpu_set;
	unsigned int cpu_set_size;
	unsigned int num_cpus;
	const struct jailhouse_memory *mem;
	unsigned int num_mem;
	const struct jailhouse_irqchip *irqchips;
	unsigned int num_irqchips;
	const struct jailhouse_pci_device *pci_devices;
	unsigned int num_pci_devices;
	__u32 vpci_irq_base;
	struct jhl_vpci vpci;
	struct jailhouse_console console;

	/*
	 * GIC, from the system config, request overrides or QEMU virt:
	 * version 3 (distributor, redistributors) or 2 (distributor, CPU
	 * interface at gicc).
	 */
	unsigned int gic_version;
	__u64 gicd, gicr, gicr_size, gicc;
	bool gic_known;		/* from a system config or an override */
	unsigned int uart_irq;	/* request override, 0 = guess */
};

int jhl_cell_from_request(struct jhl_ctx *ctx, const struct jhl_request *req,
		   struct jhl_cell *cell);
bool jhl_cell_has_cpu(const struct jhl_cell *cell, unsigned int cpu);
/* The "is RAM" rule of the upstream tooling. */
bool jhl_mem_is_ram(const struct jailhouse_memory *mem);
/* Index of the region holding guest [addr, addr + size), or -1. */
int jhl_cell_find_region(const struct jhl_cell *cell, __u64 addr, __u64 size);
bool jhl_cell_irq_granted(const struct jhl_cell *cell, unsigned int intid);
/* Lowest granted SPI that is not a virtual PCI INTx line, or 0. */
unsigned int jhl_cell_guess_uart_irq(const struct jhl_cell *cell);
/* "2-3,5": the cell's CPUs, truncated to @len. */
void jhl_cell_cpulist(const struct jhl_cell *cell, char *buf, size_t len);
/* RAM regions Linux gets in /memory (upstream: not the loader's). */
bool jhl_cell_mem_for_linux(const struct jailhouse_memory *mem);
/* LOADABLE and in /memory: where the kernel, DTB and initrd may go. */
bool jhl_mem_placeable(const struct jailhouse_memory *mem);
/* Every byte of guest [addr, addr + size) is in some region of the cell. */
bool jhl_cell_covers(const struct jhl_cell *cell, __u64 addr, __u64 size);
/*
 * CPU numbers and MPIDRs as QEMU virt has them with GICv3 (16 CPUs per
 * cluster): Aff1 = CPU / 16, Aff0 = CPU % 16. The loader knows no other
 * board's numbering. jhl_mpidr_cpu() is -1 for an MPIDR outside it.
 */
__u64 jhl_cpu_mpidr(unsigned int cpu);
int jhl_mpidr_cpu(__u64 mpidr);
unsigned int jhl_cell_first_cpu(const struct jhl_cell *cell);

/* arm64 Image header (Documentation/arm64/booting.rst). */
#define JHL_IMAGE_HDR_SIZE	64
#define JHL_IMAGE_MAGIC		0x644d5241	/* "ARM\x64" */

struct jhl_image_hdr {
	__u64 text_offset;
	__u64 image_size;	/* from the header; 0 on pre-3.17 kernels */
	__u64 flags;
	unsigned int page_size;	/* 0: not specified */
};

/* What a buffer that is not an arm64 Image looks like, or NULL. */
const char *jhl_sniff_format(const void *buf, size_t len);
int jhl_image_parse(struct jhl_ctx *ctx, const char *name, const void *buf,
		    size_t len, __u64 file_size, struct jhl_image_hdr *hdr);

/*
 * A gzip kernel, inflated on demand (gunzip.c). Opening reads the header
 * and the trailer only. Reads hand out inflated bytes [off, off + len) of
 * at most the trailer's ISIZE; reads in order take one inflate pass, an
 * earlier offset starts again. The read that reaches the last byte (and
 * jhl_gunzip_verify(), which inflates all, discarding) checks the end:
 * deflate data ending at the trailer, CRC-32 and length. Every failure
 * logs one error naming the file.
 */
struct jhl_gunzip;

int jhl_gunzip_open(struct jhl_ctx *ctx, const struct jhl_source *src,
		    __u64 max_size, struct jhl_gunzip **gz);
void jhl_gunzip_close(struct jhl_gunzip *gz);
/* The trailer's ISIZE: the Image's length (mod 2^32). */
__u64 jhl_gunzip_size(const struct jhl_gunzip *gz);
int jhl_gunzip_read(struct jhl_gunzip *gz, void *buf, size_t len, __u64 off);
/* The first up to @len bytes, whatever ISIZE says; fewer only at the end. */
int jhl_gunzip_head(struct jhl_gunzip *gz, void *buf, size_t len,
		    size_t *got);
int jhl_gunzip_verify(struct jhl_gunzip *gz);
bool jhl_is_gzip(const void *buf, size_t len);

struct jhl_kernel {
	struct jhl_image_hdr hdr;
	const struct jhl_source *src;	/* raw Image: bytes come from here */
	struct jhl_gunzip *gz;		/* gzip: inflated when read (owned) */
	__u64 size;
	bool gzip;
};

int jhl_kernel_load(struct jhl_ctx *ctx, const struct jhl_source *src,
		    __u64 max_size, struct jhl_kernel *kernel);
void jhl_kernel_release(struct jhl_kernel *kernel);

/* Placement of the images in the cell's guest-physical memory. */
struct jhl_layout_req {
	__u64 loader_size;		/* bytes kept at cell->reset */
	__u64 dtb_size;			/* page-rounded */
	__u64 dtb_size_compat;		/* upstream: input + one page */
	__u64 kernel_size;		/* image_size (plus -k gap if given) */
	__u64 kernel_size_compat;	/* upstream: + F * Image size with initrd */
	__u64 text_offset;
	__u64 initrd_size;		/* page-rounded, 0: none */
};

struct jhl_layout {
	__u64 dtb, kernel, initrd;
	bool compat;
};

int jhl_layout_place(struct jhl_ctx *ctx, const struct jhl_cell *cell,
		     const struct jhl_layout_req *req,
		     struct jhl_layout *out);

/* DTB: patch a given one, or generate one; both leave room for fixups. */
/* Structure of a v17 blob sound enough to hand to libfdt (dtb-scan.c). */
bool jhl_dtb_scan(const void *fdt, size_t size);
int jhl_dtb_read(struct jhl_ctx *ctx, const struct jhl_source *src,
		 void **out, size_t *size);
/*
 * Check a user's DTB (the patcher's copy) against the cell and fit it:
 * CPU nodes of other CPUs are deleted, enabled devices whose MMIO the
 * cell does not map are disabled (each a warning; an error if strict).
 */
int jhl_dtb_check(struct jhl_ctx *ctx, void *fdt,
		  const struct jhl_cell *cell);
int jhl_dtb_patch(struct jhl_ctx *ctx, const struct jhl_cell *cell,
		  const void *in, size_t in_size, const char *cmdline,
		  bool initrd, void **out, size_t *out_size);
int jhl_dtb_generate(struct jhl_ctx *ctx, const struct jhl_cell *cell,
		     const char *cmdline, bool initrd, void **out,
		     size_t *out_size);
/* Fill in the initrd range once placed (the properties exist already). */
int jhl_dtb_set_initrd(struct jhl_ctx *ctx, void *fdt, __u64 start,
		       __u64 end);

/* Helpers shared by the DTB patcher and generator (dtb-common.c). */
int jhl_fdt_fail(struct jhl_ctx *ctx, const char *what, int err);
/* The root's #address-cells and #size-cells; each must be 1 or 2. */
int jhl_dtb_root_cells(struct jhl_ctx *ctx, const void *fdt, int *ac,
		       int *sc);
/* A NUL-terminated string property, or NULL. */
const char *jhl_fdt_string(const void *fdt, int node, const char *name);
/* Remove every memory node; then jhl_dtb_put_memory() adds the cell's. */
int jhl_dtb_drop_memory(struct jhl_ctx *ctx, void *fdt);
int jhl_dtb_put_memory(struct jhl_ctx *ctx, void *fdt,
		       const struct jhl_cell *cell);
int jhl_dtb_put_chosen(struct jhl_ctx *ctx, void *fdt, const char *cmdline,
		       bool initrd, const char *stdout_path);
int jhl_dtb_encode_reg(struct jhl_ctx *ctx, __u8 *buf, int addr_cells,
		       int size_cells, __u64 addr, __u64 size);
/* A serial port we know (PL011, 16550, DesignWare). */
bool jhl_dtb_is_uart(const void *fdt, int node);
/* A GIC node of that version (3, or 2 with any of its compatibles) */
bool jhl_dtb_is_gic(const void *fdt, int node, unsigned int version);
/* The first enabled-or-not GIC node of that version; < 0: none */
int jhl_dtb_find_gic(const void *fdt, unsigned int version);
/* No status, or status "okay". */
bool jhl_dtb_enabled(const void *fdt, int node);
/* First such UART, enabled, whose reg starts at @addr. */
int jhl_dtb_find_uart(const void *fdt, __u64 addr);
/*
 * The cell's virtual PCI host (dtb-pci.c). jhl_dtb_is_vpci(): a child of
 * the root named for it or whose reg starts at its ECAM. Differences of
 * such a node from the host go to @diff ("" when it describes the host
 * exactly); jhl_dtb_put_vpci() adds the host unless such a node exists.
 */
bool jhl_dtb_is_vpci(const void *fdt, int node, const struct jhl_cell *cell);
int jhl_dtb_vpci_diff(struct jhl_ctx *ctx, void *fdt, int node,
		      const struct jhl_cell *cell, char *diff, size_t len);
int jhl_dtb_put_vpci(struct jhl_ctx *ctx, void *fdt,
		     const struct jhl_cell *cell);
/* Room a DTB needs for the node (and a GIC phandle). */
#define JHL_VPCI_DTB_ROOM	2048

/* A big-endian number of 1 or 2 cells at @p (0 cells: 0). */
__u64 jhl_fdt_cells(const void *p, int cells);
bool jhl_dtb_reg(const void *fdt, int node, int idx, __u64 *addr,
		 __u64 *size);

#endif /* !JH_LOADERS_INTERNAL_H */
