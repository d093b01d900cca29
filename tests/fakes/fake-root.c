// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Populates a fake root as the driver leaves it after loading.
 */
#include <stdio.h>
#include <string.h>

#include <jailhouse/header.h>

#include "fake-fs.h"
#include "fake-root.h"
#include "configs.h"

int fake_root_init(const char *root, unsigned int flags)
{
	int err = 0;

	if (flags & FAKE_ROOT_NO_DRIVER)
		return fake_mkdir(root, "dev");
	err |= fake_mkdir(root, FAKE_SYSFS "/cells");
	err |= fake_write(root, FAKE_SYSFS "/enabled", "0\n");
	err |= fake_write(root, FAKE_SYSFS "/mem_pool_size", "0\n");
	err |= fake_write(root, FAKE_SYSFS "/mem_pool_used", "0\n");
	err |= fake_write(root, FAKE_SYSFS "/remap_pool_size", "0\n");
	err |= fake_write(root, FAKE_SYSFS "/remap_pool_used", "0\n");
	err |= fake_write(root, FAKE_SYSFS "/console", "%s", "");
	err |= fake_mkdir(root, "dev");
	if (!(flags & FAKE_ROOT_NO_NODE))
		err |= fake_write(root, "dev/jailhouse", "%s", "");
	return err ? -1 : 0;
}

#define FAKE_DT	"sys/firmware/devicetree/base"

/* QEMU virt's GICv3 as Linux's device tree shows it */
static int fake_dt_gicv3(const char *root)
{
	static const uint32_t two = 2;
	static const uint32_t reg[] = {
		0, 0x08000000, 0, 0x10000,	/* GICD */
		0, 0x080a0000, 0, 0xf60000,	/* GICR */
	};
	static const uint32_t irq[] = { 1, 9, 4 };	/* maintenance PPI */
	int err = 0;

	err |= fake_mkdir(root, FAKE_DT "/intc@8000000");
	err |= fake_write_cells(root, FAKE_DT "/#address-cells", 1, &two);
	err |= fake_write_cells(root, FAKE_DT "/#size-cells", 1, &two);
	err |= fake_write_bytes(root, FAKE_DT "/intc@8000000/compatible",
				"arm,gic-v3", sizeof("arm,gic-v3"));
	err |= fake_write_cells(root, FAKE_DT "/intc@8000000/reg", 8, reg);
	err |= fake_write_cells(root, FAKE_DT "/intc@8000000/interrupts", 3,
				irq);
	return err;
}

int fake_root_machine(const char *root)
{
	struct jailhouse_header hdr;
	char path[4096];
	int err = 0;

	err |= fake_mkdir(root, "proc/sys/kernel");
	err |= fake_write(root, "proc/iomem", "%s",
			  "09000000-09000fff : pl011@9000000\n"
			  "40000000-6fffffff : System RAM\n"
			  "  40210000-40ffffff : Kernel code\n"
			  "70000000-7fffffff : reserved\n");
	err |= fake_write(root, "proc/interrupts", "%s",
			  "           CPU0       CPU1       CPU2       CPU3\n"
			  " 11:        184        174        173        177     GICv3  30 Level     arch_timer\n"
			  " 15:         14          0          0          0     GICv3  79 Edge      virtio0\n"
			  "IPI0:        20         31         28         25       Rescheduling interrupts\n");
	err |= fake_write(root, "proc/config.gz", "%s",
			  "CONFIG_HOTPLUG_CPU=y\nCONFIG_MODULES=y\n"
			  "# CONFIG_KVM is not set\n");
	err |= fake_write(root, "proc/sys/kernel/osrelease", "6.1.0-test\n");
	err |= fake_mkdir(root, "sys/devices/system/cpu");
	err |= fake_write(root, "sys/devices/system/cpu/online", "0-3\n");
	err |= fake_write(root, "sys/devices/system/cpu/present", "0-3\n");
	err |= fake_dt_gicv3(root);

	memset(&hdr, 0, sizeof(hdr));
	memcpy(hdr.signature, JAILHOUSE_SIGNATURE, sizeof(hdr.signature));
	hdr.core_size = 0x100000;
	hdr.percpu_size = 0x10000;
	hdr.entry_protocol = JAILHOUSE_ENTRY_PROTOCOL;
	err |= fake_mkdir(root, "lib/firmware");
	snprintf(path, sizeof(path), "%s/lib/firmware/jailhouse.bin", root);
	err |= fx_write_file(path, &hdr, sizeof(hdr));
	return err ? -1 : 0;
}
