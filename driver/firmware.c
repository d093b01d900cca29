// SPDX-License-Identifier: GPL-2.0
/*
 * Fetching jailhouse.bin and checking its header before anything of it
 * reaches the hypervisor region.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/firmware.h>
#include <linux/mm.h>
#include <linux/string.h>

#include <jailhouse/ioctl.h>

#include "driver.h"

static int jhd_image_bad(const char *why)
{
	jhd_refuse("enable", "%s is not a usable hypervisor image: %s\n",
		   JAILHOUSE_FIRMWARE_NAME, why);
	return -ELIBBAD;
}

static int jhd_image_check(const struct firmware *fw)
{
	const struct jailhouse_header *hdr = (const void *)fw->data;

	if (fw->size < sizeof(*hdr))
		return jhd_image_bad("shorter than its header");
	if (memcmp(hdr->signature, JAILHOUSE_SIGNATURE,
		   JAILHOUSE_HEADER_SIGNATURE_SIZE))
		return jhd_image_bad("bad signature");
	if (hdr->entry_protocol != JAILHOUSE_ENTRY_PROTOCOL) {
		jhd_refuse("enable", "%s speaks entry protocol %u, this driver %u; install a matching image\n",
			   JAILHOUSE_FIRMWARE_NAME, hdr->entry_protocol,
			   JAILHOUSE_ENTRY_PROTOCOL);
		return -ENOEXEC;
	}
	if (hdr->core_size < fw->size || !PAGE_ALIGNED(hdr->core_size))
		return jhd_image_bad("core_size smaller than the file or unaligned");
	if (!hdr->percpu_size || !PAGE_ALIGNED(hdr->percpu_size))
		return jhd_image_bad("percpu_size zero or unaligned");
	if (hdr->entry >= fw->size || hdr->entry % 4)
		return jhd_image_bad("entry outside the image or unaligned");
	if (hdr->console_page > hdr->core_size ||
	    hdr->core_size - hdr->console_page <
	    sizeof(struct jailhouse_console_page))
		return jhd_image_bad("console_page outside the image");
	return 0;
}

/* Loads and checks the image; the caller releases it. */
int jhd_firmware_get(const struct firmware **fw)
{
	int err;

	/* direct: no user-mode helper fallback that could stall for a minute */
	err = request_firmware_direct(fw, JAILHOUSE_FIRMWARE_NAME, jhd_root_dev);
	if (err) {
		jhd_refuse("enable", "cannot load /lib/firmware/%s (error %d)\n",
			   JAILHOUSE_FIRMWARE_NAME, err);
		return -ENOENT;
	}

	err = jhd_image_check(*fw);
	if (err)
		release_firmware(*fw);
	return err;
}
