// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Names of the failure causes, stable for scripts and JSON output.
 */
#include "internal.h"

static const char *const error_names[] = {
	[JH_ERR_NONE] = "none",
	[JH_ERR_SYSTEM] = "system",
	[JH_ERR_NO_MEMORY] = "no-memory",
	[JH_ERR_INVALID_ARGUMENT] = "invalid-argument",
	[JH_ERR_SIGNATURE] = "signature",
	[JH_ERR_REVISION] = "revision",
	[JH_ERR_ARCH] = "architecture",
	[JH_ERR_TRUNCATED] = "truncated",
	[JH_ERR_COUNTS] = "counts",
	[JH_ERR_MALFORMED] = "malformed",
	[JH_ERR_CONFIG_KIND] = "config-kind",
	[JH_ERR_CONFIG_INVALID] = "config-invalid",
	[JH_ERR_NO_MODULE] = "no-module",
	[JH_ERR_PERMISSION] = "permission",
	[JH_ERR_NOT_ENABLED] = "not-enabled",
	[JH_ERR_ALREADY_ENABLED] = "already-enabled",
	[JH_ERR_FIRMWARE] = "firmware",
	[JH_ERR_CELL_NOT_FOUND] = "cell-not-found",
	[JH_ERR_NAME_TAKEN] = "name-taken",
	[JH_ERR_BUSY] = "busy",
	[JH_ERR_REFUSED] = "refused",
	[JH_ERR_ROOT_CELL] = "root-cell",
	[JH_ERR_IMAGE] = "image",
	[JH_ERR_NO_CONSOLE] = "no-console",
	[JH_ERR_TIMEOUT] = "timeout",
	[JH_ERR_CELL_FAILED] = "cell-failed",
	[JH_ERR_HYPERVISOR] = "hypervisor",
	[JH_ERR_NOT_SUPPORTED] = "not-supported",
	[JH_ERR_MEMORY] = "hypervisor-memory",
	[JH_ERR_NO_EL2] = "no-el2",
	[JH_ERR_CPU_MISMATCH] = "cpu-mismatch",
	[JH_ERR_UNRECOVERABLE] = "unrecoverable",
	[JH_ERR_CANCELED] = "canceled",
};

JH_EXPORT const char *jh_error_name(enum jh_error code)
{
	if ((unsigned int)code >= ARRAY_SIZE(error_names) ||
	    !error_names[code])
		return "unknown";
	return error_names[code];
}
