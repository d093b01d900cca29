/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the programs on top of libjailhouse (the command, the systemd
 * helper) share: how they open the library, and the hypervisor console's
 * last lines after a refusal.
 */
#ifndef COMMON_LIB_CLIENT_H
#define COMMON_LIB_CLIENT_H

#include <stdbool.h>

#include <libjailhouse.h>

/*
 * A context on the system, or on the fake tree JAILHOUSE_TEST_ROOT names
 * (a test hook, ignored in privileged runs). The library's messages go to
 * stderr after @prefix ("" or "name: "), its warnings too unless
 * JAILHOUSE_LOG sets another level. 0, or -errno after saying why.
 */
int lib_client_ctx(const char *prefix, struct jh_ctx **ctx);

/* The error is the config file's fault: unreadable as one, or refused. */
bool lib_error_in_config(enum jh_error code);

/*
 * Prints the console's last lines to stderr as "@who: last hypervisor
 * console lines:", when the last error is one the hypervisor usually
 * explains there, and unless the message already quotes the last line
 * (the driver passed it).
 */
void console_tail_print(struct jh_ctx *ctx, const char *who);

#endif
