/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Booting Linux in a cell: the request object (linux.c), shared with the
 * planner glue (linux-plan.c) and its stand-in when the library is built
 * without the loader (linux-none.c).
 */
#ifndef _LIBJAILHOUSE_LINUX_H
#define _LIBJAILHOUSE_LINUX_H

#include "internal.h"

/* Inputs a caller can give: kernel, initrd, DTB, loader. */
#define JH_LINUX_NUM_INPUTS	(JH_LINUX_LOADER + 1)

/*
 * Bytes given in memory, shared by a request and its plans so that
 * neither has to copy them again nor outlive the other.
 */
struct jh_blob {
	int refcount;
	size_t size;
	char *label;
	unsigned char data[];
};

struct jh_blob *jh_blob_ref(struct jh_blob *blob);
void jh_blob_unref(struct jh_blob *blob);

/* One input: a file, bytes, or (both NULL) not given. */
struct jh_linux_input {
	char *path;
	struct jh_blob *blob;
};

struct jh_linux {
	struct jh_ctx *ctx;
	struct jh_config *cell;		/* referenced; renamed: a new one */
	struct jh_config *sys;		/* referenced; NULL: none */
	struct jh_linux_input in[JH_LINUX_NUM_INPUTS];
	char *cmdline;			/* NULL: keep the DTB's */
	unsigned int factor;
	unsigned int uart_irq;
	uint64_t gicd, gicr;
	bool strict;
	bool reboot;			/* may stop a running cell of the name */
};

#endif /* !_LIBJAILHOUSE_LINUX_H */
