/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * The /dev/jailhouse ioctl interface, binary compatible with upstream.
 * Note the ioctl "type" is 0 and ENABLE encodes sizeof(void *): only
 * native 64-bit callers produce the numbers the driver knows.
 */
#ifndef _JAILHOUSE_IOCTL_H
#define _JAILHOUSE_IOCTL_H

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

#ifdef __KERNEL__
#include <linux/ioctl.h>
#else
#include <sys/ioctl.h>
#endif

#define JAILHOUSE_DEVICE_NAME		"jailhouse"
#define JAILHOUSE_SYSFS_ROOT		"/sys/devices/jailhouse"
#define JAILHOUSE_FIRMWARE_NAME		"jailhouse.bin"

#define JAILHOUSE_CELL_ID_UNUSED	(-1)
#define JAILHOUSE_CELL_ID_NAMELEN	JAILHOUSE_CELL_NAME_MAXLEN

struct jailhouse_cell_create {
	__u64 config_address;	/* user address of the cell config */
	__u32 config_size;
	__u32 padding;
};

struct jailhouse_cell_id {
	__s32 id;		/* or JAILHOUSE_CELL_ID_UNUSED: use name */
	__u32 padding;
	char name[JAILHOUSE_CELL_ID_NAMELEN + 1];
};

struct jailhouse_preload_image {
	__u64 source_address;	/* user address */
	__u64 size;		/* 0: skipped */
	__u64 target_address;	/* cell guest-physical */
	__u64 padding;
};

struct jailhouse_cell_load {
	struct jailhouse_cell_id cell_id;
	__u32 num_preload_images;
	__u32 padding;
	struct jailhouse_preload_image image[];
};

#define JAILHOUSE_ENABLE		_IOW(0, 0, void *)
#define JAILHOUSE_DISABLE		_IO(0, 1)
#define JAILHOUSE_CELL_CREATE		_IOW(0, 2, struct jailhouse_cell_create)
#define JAILHOUSE_CELL_LOAD		_IOW(0, 3, struct jailhouse_cell_load)
#define JAILHOUSE_CELL_START		_IOW(0, 4, struct jailhouse_cell_id)
#define JAILHOUSE_CELL_DESTROY		_IOW(0, 5, struct jailhouse_cell_id)

/*
 * Ours, not upstream's (which answers it with EINVAL): why the last
 * command on this open file failed, in the words of the layer that
 * refused it (the driver's kernel log line without its "jailhouse:
 * <command>:" prefix, or the hypervisor's console line); "" if it
 * succeeded or no reason was recorded. Does not wait for a command.
 */
#define JAILHOUSE_REASON_SIZE		256
struct jailhouse_reason {
	char text[JAILHOUSE_REASON_SIZE];
};
#define JAILHOUSE_GET_REASON		_IOR(0, 0x40, struct jailhouse_reason)

JH_ABI_SIZE(struct jailhouse_cell_create, 16);
JH_ABI_SIZE(struct jailhouse_cell_id, 40);
JH_ABI_OFFSET(struct jailhouse_cell_id, name, 8);
JH_ABI_SIZE(struct jailhouse_preload_image, 32);
JH_ABI_SIZE(struct jailhouse_cell_load, 48);
JH_ABI_OFFSET(struct jailhouse_cell_load, num_preload_images, 40);
JH_ABI_OFFSET(struct jailhouse_cell_load, image, 48);
JH_ABI_SIZE(struct jailhouse_reason, JAILHOUSE_REASON_SIZE);

/* The encoded numbers are the ABI; pin them on 64-bit builds. */
#if defined(__LP64__) || defined(_LP64)
_Static_assert(JAILHOUSE_ENABLE == 0x40080000, "ENABLE number");
_Static_assert(JAILHOUSE_DISABLE == 0x00000001, "DISABLE number");
_Static_assert(JAILHOUSE_CELL_CREATE == 0x40100002, "CELL_CREATE number");
_Static_assert(JAILHOUSE_CELL_LOAD == 0x40300003, "CELL_LOAD number");
_Static_assert(JAILHOUSE_CELL_START == 0x40280004, "CELL_START number");
_Static_assert(JAILHOUSE_CELL_DESTROY == 0x40280005, "CELL_DESTROY number");
_Static_assert(JAILHOUSE_GET_REASON == 0x81000040, "GET_REASON number");
#endif

#endif /* !_JAILHOUSE_IOCTL_H */
