// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The ABI headers pin every struct with _Static_assert, so compiling this
 * file is most of the test; it is compiled for the host and, in
 * "make check", for AArch64 too. At run time it checks what a static
 * assertion cannot: the values of the string constants.
 */
#include <string.h>

#include <jailhouse/cell-config.h>
#include <jailhouse/console.h>
#include <jailhouse/header.h>
#include <jailhouse/hypercall.h>
#include <jailhouse/ioctl.h>

#include "tap.h"

int main(void)
{
	static const char *const stat_names[] = { JAILHOUSE_CPU_STAT_NAMES };

	tap_eq(sizeof(struct jailhouse_cell_desc), 132, "cell descriptor is 132 bytes");
	tap_eq(sizeof(struct jailhouse_system), 488, "system header is 488 bytes");
	tap_eq(sizeof(struct jailhouse_memory), 32, "memory region is 32 bytes");
	tap_eq(sizeof(struct jailhouse_comm_region), 100, "comm region is 100 bytes");
	tap_eq(sizeof(struct jailhouse_header), 80, "hypervisor header is 80 bytes");
	tap_ok(strlen(JAILHOUSE_SYSTEM_SIGNATURE) == JAILHOUSE_SIGNATURE_SIZE &&
	       strlen(JAILHOUSE_CELL_DESC_SIGNATURE) == JAILHOUSE_SIGNATURE_SIZE,
	       "config signatures are 5 bytes");
	tap_ok(strlen(JAILHOUSE_SIGNATURE) == JAILHOUSE_HEADER_SIGNATURE_SIZE,
	       "image signature is 8 bytes");
	tap_ok(strlen(JAILHOUSE_COMM_SIGNATURE) == JAILHOUSE_COMM_SIGNATURE_SIZE,
	       "comm signature is 6 bytes");
	tap_eq(ARRAY_SIZE(stat_names), JAILHOUSE_NUM_CPU_STATS,
	       "one sysfs name per CPU statistic");
	tap_eq(JAILHOUSE_ENABLE, 0x40080000, "ENABLE ioctl number");
	tap_eq(JAILHOUSE_CELL_LOAD, 0x40300003, "CELL_LOAD ioctl number");
	return tap_done();
}
