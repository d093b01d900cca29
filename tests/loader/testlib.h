/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Helpers of the loader tests: requests on in-memory sources, a stand-in
 * linux-loader.bin, a log callback that records messages, plans read
 * back, DTBs from dtc. Their inputs (Images, gzip, cell configs) come
 * from the one fixture library, tests/fixtures/.
 */
#ifndef TESTS_LOADER_TESTLIB_H
#define TESTS_LOADER_TESTLIB_H

#include <stdbool.h>
#include <stddef.h>

#include <jailhouse/cell-config.h>

#include "configs.h"
#include "images.h"
#include "jhloader.h"

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
				 enum jh_linux_image kind);
/* Read an entire image back from the plan's segments into @buf. */
bool tl_read_image(const struct jhl_plan *plan, enum jh_linux_image kind,
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
/*
 * @dtb decompiled by dtc: malloc()ed text, or NULL if dtc fails; what
 * dtc says on stderr (its warnings) in *@warnings, "" when none.
 */
char *tl_dts(const void *dtb, size_t size, char **warnings);
/* tests/loader/inmate-qemu-arm64.dts, compiled. */
void *tl_test_dtb(size_t *size);

#endif /* !TESTS_LOADER_TESTLIB_H */
