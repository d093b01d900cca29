// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The names of a Linux boot's images (enum jh_linux_image), the one
 * vocabulary of the library's API and the loader's plans. Built into the
 * loader's library when there is a loader (its tests use it too), else
 * into libjailhouse itself.
 */
#include "internal.h"

static const char *const image_names[] = {
	[JH_LINUX_KERNEL] = "kernel",
	[JH_LINUX_INITRD] = "initrd",
	[JH_LINUX_DTB] = "dtb",
	[JH_LINUX_LOADER] = "loader",
	[JH_LINUX_PARAMS] = "params",
};

JH_EXPORT const char *jh_linux_image_name(enum jh_linux_image image)
{
	if ((unsigned int)image >= ARRAY_SIZE(image_names))
		return "unknown";
	return image_names[image];
}
