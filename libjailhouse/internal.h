/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Private helpers shared by the library's object files. The kernel ABI
 * structs are included here and nowhere in the public header.
 */
#ifndef _LIBJAILHOUSE_INTERNAL_H
#define _LIBJAILHOUSE_INTERNAL_H

#include <limits.h>
#include <stdarg.h>
#include <syslog.h>

#include <jailhouse/cell-config.h>
#include <jailhouse/config-rules.h>
#include <jailhouse/ioctl.h>
#include <jailhouse/ivshmem.h>

#include "libjailhouse.h"
#include "ioctl-errnos.h"

#define JH_EXPORT	__attribute__((visibility("default")))
#define JH_PRINTF(f, a)	__attribute__((format(printf, f, a)))

#define JH_SYSFS_DIR	"/sys/devices/jailhouse"
#define JH_DEVICE_PATH	"/dev/jailhouse"

/* ctx.c */
bool jh_ctx_is_live(const struct jh_ctx *ctx);
bool jh_ctx_autoload(const struct jh_ctx *ctx);
void jh_log(struct jh_ctx *ctx, int priority, const char *fmt, ...)
	JH_PRINTF(3, 4);
#define jh_dbg(ctx, ...)	jh_log(ctx, LOG_DEBUG, __VA_ARGS__)
#define jh_info(ctx, ...)	jh_log(ctx, LOG_INFO, __VA_ARGS__)
#define jh_warn(ctx, ...)	jh_log(ctx, LOG_WARNING, __VA_ARGS__)

/* The longest error message kept (with its NUL) */
#define JH_ERRMSG_MAX	1024

/*
 * Records a failure: @errnum is a positive errno value, @code the cause.
 * Returns -errnum so callers can "return jh_fail(...)".
 */
int jh_fail(struct jh_ctx *ctx, int errnum, enum jh_error code,
	    const char *fmt, ...) JH_PRINTF(4, 5);
int jh_fail_nomem(struct jh_ctx *ctx);
/* Puts "<prefix>: " before the last error's message; the cause stays. */
void jh_error_prefix(struct jh_ctx *ctx, const char *fmt, ...)
	JH_PRINTF(2, 3);

/* path.c: "<root><sysfs dir>/<rel>" and "<root><abs>" into a PATH_MAX buffer */
int jh_path(struct jh_ctx *ctx, char *buf, const char *fmt, ...)
	JH_PRINTF(3, 4);

/* sysfs.c */
int jh_sysfs_read(struct jh_ctx *ctx, const char *rel, char *buf,
		  size_t size);
int jh_sysfs_read_u64(struct jh_ctx *ctx, const char *rel, uint64_t *val);
int jh_sysfs_read_u64_at(struct jh_ctx *ctx, int dirfd, const char *dir,
			 const char *name, uint64_t *val);
/* -ENOENT, silently, if the attribute is not there */
int jh_sysfs_read_bin(struct jh_ctx *ctx, const char *rel, size_t max,
		      void **data, size_t *size);
int jh_read_pseudo_file(struct jh_ctx *ctx, const char *path, size_t max,
			void **data, size_t *size);
int jh_read_file(struct jh_ctx *ctx, const char *path, size_t max,
		 void **data, size_t *size);

/* device.c */
int jh_dev_open(struct jh_ctx *ctx, int flags);
int jh_dev_ioctl(struct jh_ctx *ctx, unsigned long request, void *arg);
/* Into jh_ctx_reason(): why the last command on @fd failed, if it says */
void jh_dev_fetch_reason(struct jh_ctx *ctx, int fd);
/*
 * ctx.c: the driver's own words on why the last ioctl failed
 * (JAILHOUSE_GET_REASON), JAILHOUSE_REASON_SIZE bytes, "" if it gave none
 */
char *jh_ctx_reason(struct jh_ctx *ctx);

/* ioctl-errors.c: record an ioctl's errno as cause and message */
int jh_ioctl_fail_enable(struct jh_ctx *ctx, int err);
int jh_ioctl_fail_disable(struct jh_ctx *ctx, int err);
int jh_ioctl_fail_create(struct jh_ctx *ctx, const char *src, int err);
int jh_ioctl_fail_cell(struct jh_ctx *ctx, enum jh_ioctl_req req,
		       const char *what, int err);

/* module.c */
int jh_module_load(struct jh_ctx *ctx);

/* config.c */
struct jh_ctx *jh_config_get_ctx(const struct jh_config *cfg);
const struct jailhouse_cell_desc *jh_config_desc(const struct jh_config *cfg);
const struct jailhouse_system *jh_config_system(const struct jh_config *cfg);
const void *jh_config_data(const struct jh_config *cfg);
/* config-fields.c: PCI device @idx, or -ERANGE with a message */
int jh_config_pci_device(const struct jh_config *cfg, unsigned int idx,
			 const struct jailhouse_pci_device **dev);

/*
 * ivshmem.c: what jailhouse_ivshmem_fault() found in PCI device @n of
 * @desc, as "PCI device N (BDF)[, region R]: ..." into @buf.
 */
void jh_ivshmem_fault_message(char *buf, size_t size,
			      const struct jailhouse_cell_desc *desc,
			      unsigned int n,
			      enum jailhouse_ivshmem_fault fault,
			      unsigned int region);

/* cpuset.c */
int jh_cpuset_from_bitmap(struct jh_ctx *ctx, const uint8_t *bits,
			  size_t size, struct jh_cpuset **set);
int jh_cpuset_from_list(struct jh_ctx *ctx, const char *list,
			struct jh_cpuset **set);
unsigned int jh_cpuset_get_max(const struct jh_cpuset *set);

/* cell.c */
/*
 * check.c: the offline checker on one config alone; its first error
 * fails the call, its warnings are logged.
 */
int jh_check_config_alone(struct jh_ctx *ctx, const struct jh_config *cfg);

int jh_cell_new(struct jh_ctx *ctx, int id, struct jh_cell **cell);
/* The same, for a cell found by name: commands then name it, too. */
int jh_cell_new_named(struct jh_ctx *ctx, int id, struct jh_cell **cell);
int jh_cell_id_arg(const struct jh_cell *cell, struct jailhouse_cell_id *arg);
struct jh_ctx *jh_cell_get_ctx(const struct jh_cell *cell);
void jh_cell_mark_gone(struct jh_cell *cell);

/* cell-list.c */
int jh_cell_find_id_by_name(struct jh_ctx *ctx, const char *name, int *id);

/* cell-ops.c: one CELL_LOAD of @size bytes at @data, not copied */
int jh_cell_load_image(struct jh_cell *cell, const void *data, size_t size,
		       uint64_t addr);
/*
 * A CELL_LOAD argument for one image of @cell (freed with free()), the
 * image set apart; the library's error for such a load that failed with
 * @err (an errno, the driver's reason in the context)
 */
int jh_cell_load_arg_new(struct jh_cell *cell,
			 struct jailhouse_cell_load **out);
void jh_cell_load_arg_set(struct jailhouse_cell_load *arg, const void *data,
			  size_t size, uint64_t addr);
int jh_cell_load_result(struct jh_cell *cell, int err);

/*
 * load-pipe.c: pieces of @piece bytes at most loaded on a second thread
 * while the caller fills the next. jh_load_pipe_buffer() waits for a
 * free buffer (NULL once a load failed: stop and close), put hands it
 * over, close waits for the rest and gives the first failure's error.
 */
struct jh_load_pipe;
int jh_load_pipe_open(struct jh_cell *cell, size_t piece,
		      struct jh_load_pipe **out);
void *jh_load_pipe_buffer(struct jh_load_pipe *p);
void jh_load_pipe_put(struct jh_load_pipe *p, size_t size, uint64_t addr);
int jh_load_pipe_close(struct jh_load_pipe *p);

/* image-set.c */
unsigned int jh_image_set_fill(const struct jh_image_set *set,
			       struct jailhouse_preload_image *img);
int jh_image_set_add_owned(struct jh_image_set *set, void *data,
			   size_t size, uint64_t addr, const char *name);
/* The file image @idx came from, NULL if it was a buffer */
const char *jh_image_set_get_name(const struct jh_image_set *set,
				  unsigned int idx);
struct jh_ctx *jh_image_set_get_ctx(const struct jh_image_set *set);
void jh_image_set_truncate(struct jh_image_set *set, unsigned int count);

/* Address ranges [start, start + size): the last byte, and overlap. */
struct jh_range {
	uint64_t start, size;
};

static inline uint64_t jh_range_last(uint64_t start, uint64_t size)
{
	return start + size - 1;
}

static inline bool jh_ranges_overlap(uint64_t a, uint64_t asz,
				     uint64_t b, uint64_t bsz)
{
	return asz && bsz && a <= jh_range_last(b, bsz) &&
	       b <= jh_range_last(a, asz);
}

/* The most of /proc/iomem read (a board's is a few KiB). */
#define JH_MAX_IOMEM	(1 << 20)
/*
 * iomem.c: the top-level "System RAM" ranges of /proc/iomem's @text, at
 * most @max; -EACCES if every address is 0 (shown to root only), -EINVAL
 * for a line that is not "first-last : name".
 */
int jh_iomem_ram(struct jh_ctx *ctx, const char *text,
		 struct jh_range *ram, unsigned int max, unsigned int *num);

#endif /* !_LIBJAILHOUSE_INTERNAL_H */
