/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The driver's errno contract as data: which errno each ioctl returns
 * for what, as driver/ERRORS.md documents it, plus what upstream's driver
 * returns where ours does not. The library takes its messages from it,
 * the fake driver the errnos it may be told to return, and
 * tests/libjailhouse/test-errors-doc.c checks ERRORS.md against it.
 */
#ifndef JH_IOCTL_ERRNOS_H
#define JH_IOCTL_ERRNOS_H

#include <stdbool.h>

#include "libjailhouse.h"

enum jh_ioctl_req {
	JH_REQ_ENABLE,
	JH_REQ_DISABLE,
	JH_REQ_CREATE,
	JH_REQ_LOAD,
	JH_REQ_START,
	JH_REQ_DESTROY,
	JH_REQ_COUNT
};

struct jh_ioctl_errno {
	unsigned int reqs;	/* bit per enum jh_ioctl_req */
	int err;
	const char *name;	/* "EBUSY" */
	enum jh_error code;
	bool upstream_only;	/* returned by upstream's driver, not ours */
	const char *text;
};

/* Every row, ended by one with a NULL name. */
extern const struct jh_ioctl_errno jh_ioctl_errnos[];

/* The row for err in answer to req, NULL if the contract has none. */
const struct jh_ioctl_errno *jh_ioctl_errno_find(enum jh_ioctl_req req,
						 int err);
/* The errno of a name in the contract ("EBUSY"), 0 if none. */
int jh_ioctl_errno_by_name(const char *name);

#endif /* !JH_IOCTL_ERRNOS_H */
