// SPDX-License-Identifier: GPL-2.0
/*
 * linux-loader.bin: the first program of a Linux cell, on the inmate
 * library's bare start (MMU and caches off, hypervisor console). The
 * host writes "kernel=0x... dtb=0x..." into the command line buffer at
 * image offset 0x1000 (numbers in hex with 0x, or decimal); this checks
 * that an arm64 Image and a device tree are there, cleans and invalidates
 * both to the point of coherency and enters the kernel. On bad
 * parameters it says why, marks the cell failed and halts.
 *
 * Linked at 0, it runs at any 4 KiB-aligned cpu_reset_address: the build
 * checks that the image holds no absolute address.
 */
#include <inmate/inmate.h>

#define IMAGE_MAGIC		0x644d5241	/* "ARM\x64" at offset 56 */
#define FDT_MAGIC		0xd00dfeed

void __noreturn boot_linux(unsigned long kernel, unsigned long dtb);

static void __noreturn fail(const char *msg, const char *key,
			    unsigned long addr)
{
	if (key)
		printk("linux-loader: %s%s=0x%lx\n", msg, key, addr);
	else
		printk("linux-loader: %s\n", msg);
	printk("linux-loader: halted\n");
	comm_mark_failed();
	halt();
}

/* Address 0 is a valid number: "not given" has its own message. */
static unsigned long param(const char *key)
{
	long long val;

	switch (cmdline_get_int(key, &val)) {
	case CMDLINE_OK:
		return val;
	case CMDLINE_ABSENT:
		printk("linux-loader: no %s= parameter\n", key);
		break;
	default:
		printk("linux-loader: bad number in %s= parameter\n", key);
		break;
	}
	fail("parameters are \"kernel=ADDR dtb=ADDR\"", NULL, 0);
}

/* With the MMU off every access is a Device access: bytes, aligned. */
static u32 read_le32(unsigned long addr)
{
	const volatile u8 *p = (const volatile u8 *)addr;

	return p[0] | p[1] << 8 | p[2] << 16 | (u32)p[3] << 24;
}

static u32 read_be32(unsigned long addr)
{
	const volatile u8 *p = (const volatile u8 *)addr;

	return (u32)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3];
}

void inmate_main(void)
{
	unsigned long kernel = param("kernel"), dtb = param("dtb");
	unsigned long image_size;

	/* The host places neither at 0: Linux takes a DTB at 0 for none. */
	if (!kernel)
		fail("kernel=0: the kernel cannot be at address 0", NULL, 0);
	if (!dtb)
		fail("dtb=0: Linux does not accept a device tree at address 0",
		     NULL, 0);
	if (kernel & 0xfff)
		fail("kernel address not 4 KiB aligned: ", "kernel", kernel);
	if (dtb & 0x7)
		fail("device tree not 8-byte aligned: ", "dtb", dtb);
	if (read_le32(kernel + 56) != IMAGE_MAGIC)
		fail("no arm64 Image at ", "kernel", kernel);
	if (read_be32(dtb) != FDT_MAGIC)
		fail("no device tree at ", "dtb", dtb);

	image_size = read_le32(kernel + 16) |
		(unsigned long)read_le32(kernel + 20) << 32;
	dcache_flush((void *)kernel, image_size ? image_size : 0x200000);
	dcache_flush((void *)dtb, read_be32(dtb + 4));
	boot_linux(kernel, dtb);
}
