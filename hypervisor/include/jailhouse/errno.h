/* SPDX-License-Identifier: GPL-2.0 */
/* The Linux errno values that hypercalls and the entry return. */
#ifndef _JAILHOUSE_ERRNO_H
#define _JAILHOUSE_ERRNO_H

#define EPERM		1
#define ENOENT		2
#define EIO		5
#define ENXIO		6
#define E2BIG		7
#define ENOMEM		12
#define EACCES		13
#define EFAULT		14
#define EBUSY		16
#define EEXIST		17
#define ENODEV		19
#define EINVAL		22
#define ENOSPC		28
#define EDOM		33
#define ERANGE		34
#define ENOSYS		38
#define ECHRNG		44
#define EPROTO		71
#define EOPNOTSUPP	95
#define EADDRINUSE	98
#define EADDRNOTAVAIL	99
#define ETIMEDOUT	110

#endif /* !_JAILHOUSE_ERRNO_H */
