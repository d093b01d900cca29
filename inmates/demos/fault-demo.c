// SPDX-License-Identifier: GPL-2.0
/*
 * fault-demo: reads memory the cell does not own. The hypervisor must
 * stop the cell as failed at the first access; any line after the
 * "touching" one means isolation is broken.
 *
 * Parameters: addr=ADDR (default: root RAM at 0x40000000, then the
 * hypervisor at 0x7fc00000), write (store instead of load).
 *
 * Output:
 *   fault-demo: start cpu 1 mpidr 0x80000001 console ...
 *   fault-demo: touching 0x40000000 (read)
 */
#include <inmate/inmate.h>

#define NAME			"fault-demo"
/* QEMU "virt" layout of the reference configs */
#define ROOT_RAM		0x40000000UL
#define HYPERVISOR_MEM		0x7fc00000UL

static void touch(unsigned long addr, bool write)
{
	printk(NAME ": touching 0x%lx (%s)\n", addr, write ? "write" : "read");
	if (write) {
		mmio_write32(addr, 0xdeadbeef);
		printk(NAME ": FAIL wrote 0x%lx and kept running\n", addr);
	} else {
		printk(NAME ": FAIL read 0x%x from 0x%lx and kept running\n",
		       mmio_read32(addr), addr);
	}
}

void inmate_main(void)
{
	long long addr = cmdline_parse_int("addr", -1);
	bool write = cmdline_parse_bool("write", false);

	printk(NAME ": start cpu %u mpidr 0x%lx console %s\n", cpu_id(),
	       cpu_mpidr(), console_describe());

	if (addr != -1) {
		touch(addr, write);
		return;
	}
	touch(ROOT_RAM, write);
	touch(HYPERVISOR_MEM, write);
}
