/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * jailhouse-service: what the systemd units run. jailhouse.service
 * enables the hypervisor with the system config /etc/default/jailhouse
 * names; jailhouse-cell@NAME.service runs the cell that
 * /etc/jailhouse/cells/NAME.conf describes and stays with it, so that a
 * cell that fails is a unit that fails.
 */
#ifndef SYSTEMD_SERVICE_H
#define SYSTEMD_SERVICE_H

#include <stdbool.h>

#include <libjailhouse.h>

/* Exit codes: 0 done, 1 failed, 2 usage; 6 "not configured" (as LSB). */
#define SERVICE_OK		0
#define SERVICE_FAILED		1
#define SERVICE_USAGE		2
#define SERVICE_NOT_CONFIGURED	6

extern const char service_name[];

/* service.c */
int service_ctx(struct jh_ctx **ctx);
/*
 * The library's last error (after "WHAT: " unless NULL: enable and disable
 * errors name their command), and the console lines that explain it.
 */
int service_error(struct jh_ctx *ctx, const char *what);
/* The last error is the fault of a file the library read (config, image). */
bool service_file_error(struct jh_ctx *ctx);
/* A relative path in a file is taken from the directory of the configs. */
char *service_path(const char *path);

/* cell-unit.c */
int cell_unit_run(const char *conf_dir, const char *name);

/* notify.c: tells systemd (Type=notify) when the unit is up, if it asks */
void notify_systemd(const char *state);

#endif
