/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Fresh fake roots: the tree the jailhouse driver shows right after it
 * was loaded (or nothing at all, for "driver missing" cases).
 */
#ifndef TESTS_LIB_FAKE_ROOT_H
#define TESTS_LIB_FAKE_ROOT_H

#define FAKE_ROOT_NO_DRIVER	0x1	/* neither sysfs tree nor node */
#define FAKE_ROOT_NO_NODE	0x2	/* sysfs tree, but no /dev node */

int fake_root_init(const char *root, unsigned int flags);
/*
 * Adds what "doctor" reads, for a machine ready to run the QEMU configs:
 * /proc/iomem with RAM below 0x70000000, CPUs 0-3 online, a valid
 * jailhouse.bin, a kernel config with CPU hotplug and modules, and a
 * device tree with QEMU virt's GICv3.
 */
int fake_root_machine(const char *root);

#endif /* TESTS_LIB_FAKE_ROOT_H */
