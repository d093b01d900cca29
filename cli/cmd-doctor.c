// SPDX-License-Identifier: GPL-2.0-only
/*
 * doctor: the preflight. The configs' own checks plus a comparison with
 * the running system, each problem with a way to fix it.
 */
#include "cli.h"

static const char doctor_usage[] = "doctor [SYSCONFIG [CELLCONFIG...]] [--json]\n"
	"Checks that this machine can run the configs: jailhouse.ko, the\n"
	"firmware jailhouse.bin (entry protocol, size), EL2 not held by KVM,\n"
	"the hypervisor and cell memory kept out of System RAM (/proc/iomem),\n"
	"the root cell's CPUs online, and kernel options (/proc/config.gz).\n"
	"Exits 0 when ready, 1 when the system needs fixing, 3 when a config\n"
	"is unreadable or invalid.";

int cmd_doctor(int argc, char **argv)
{
	return cli_check(argc, argv, doctor_usage, true);
}
