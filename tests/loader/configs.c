// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The project's QEMU configs, compiled for the host: the same packed
 * bytes objcopy extracts from the AArch64 build, without a cross compiler.
 */
#include <stddef.h>

#include "testlib.h"

#define config linux_demo
#include "configs/arm64/qemu-arm64-linux-demo.c"
#undef config

#define config system_config
#include "configs/arm64/qemu-arm64.c"
#undef config

const void *tl_linux_demo_cell(size_t *size)
{
	*size = sizeof(linux_demo);
	return &linux_demo;
}

const struct jailhouse_system *tl_system_config(void)
{
	return &system_config.header;
}
