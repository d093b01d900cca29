// SPDX-License-Identifier: GPL-2.0
/*
 * linux-loader.bin: reads "kernel=0x... dtb=0x..." from its parameter area
 * (tokens separated by spaces or NULs, numbers in hex with 0x or decimal),
 * checks that an arm64 Image and a device tree are there, cleans and
 * invalidates both to the point of coherency and returns them to entry.S.
 * Errors go to the hypervisor's debug console; then the cell halts.
 *
 * The MMU is off, so every access is a Device access: no unaligned loads
 * (built with -mstrict-align) and bytes are read one by one.
 */
#include <jailhouse/hvc.h>

#define PARAMS_SIZE		257
#define IMAGE_MAGIC		0x644d5241	/* "ARM\x64" at offset 56 */
#define FDT_MAGIC		0xd00dfeed
#define COMM_REGION		0x80000000UL	/* the inmates' convention */

struct boot {
	unsigned long kernel, dtb;
};

/* Address 0 is a valid number, so "given" is tracked apart from it. */
struct params {
	struct boot boot;
	int have_kernel, have_dtb;
};

extern const volatile char params[PARAMS_SIZE];

struct boot loader_main(void);
void loader_exception(unsigned long esr, unsigned long elr,
		      unsigned long far);

static void put_char(char c)
{
	jailhouse_call_arg1(JAILHOUSE_HC_DEBUG_CONSOLE_PUTC, (unsigned char)c);
}

static void put_str(const char *s)
{
	while (*s)
		put_char(*s++);
}

static void put_hex(unsigned long val)
{
	int shift = 60;

	put_str("0x");
	while (shift > 0 && !(val >> shift))
		shift -= 4;
	for (; shift >= 0; shift -= 4)
		put_char("0123456789abcdef"[(val >> shift) & 0xf]);
}

/* Let the root cell see "failed" if this cell has a comm region. */
static void mark_failed(void)
{
	volatile struct jailhouse_comm_region *comm = (void *)COMM_REGION;
	const char *sig = JAILHOUSE_COMM_SIGNATURE;
	int n;

	for (n = 0; n < JAILHOUSE_COMM_SIGNATURE_SIZE; n++)
		if (comm->signature[n] != sig[n])
			return;
	comm->cell_state = JAILHOUSE_CELL_FAILED;
}

static void __attribute__((noreturn)) halt(void)
{
	put_str("linux-loader: halted\n");
	mark_failed();
	for (;;)
		asm volatile("wfi");
}

static void __attribute__((noreturn)) fail(const char *msg)
{
	put_str("linux-loader: ");
	put_str(msg);
	put_char('\n');
	halt();
}

static void __attribute__((noreturn)) fail_at(const char *msg,
					      unsigned long addr)
{
	put_str("linux-loader: ");
	put_str(msg);
	put_hex(addr);
	put_char('\n');
	halt();
}

void loader_exception(unsigned long esr, unsigned long elr,
		      unsigned long far)
{
	put_str("linux-loader: unexpected exception, ESR ");
	put_hex(esr);
	put_str(" ELR ");
	put_hex(elr);
	put_str(" FAR ");
	put_hex(far);
	put_char('\n');
	halt();
}

static int is_sep(char c)
{
	return c == ' ' || c == '\0' || c == '\t' || c == '\n';
}

static int digit(char c, unsigned int base)
{
	int d = -1;

	if (c >= '0' && c <= '9')
		d = c - '0';
	else if (c >= 'a' && c <= 'f')
		d = c - 'a' + 10;
	else if (c >= 'A' && c <= 'F')
		d = c - 'A' + 10;
	return d >= 0 && (unsigned int)d < base ? d : -1;
}

/* Number in params[pos..] up to a separator; -1 if malformed. */
static int parse_number(unsigned int pos, unsigned long *val)
{
	unsigned int base = 10, start;
	int d;

	if (pos + 1 < PARAMS_SIZE && params[pos] == '0' &&
	    (params[pos + 1] == 'x' || params[pos + 1] == 'X')) {
		base = 16;
		pos += 2;
	}
	*val = 0;
	for (start = pos; pos < PARAMS_SIZE && !is_sep(params[pos]); pos++) {
		d = digit(params[pos], base);
		if (d < 0 || *val > (~0UL - d) / base)
			return -1;
		*val = *val * base + d;
	}
	return pos > start ? 0 : -1;
}

/* Does the token at @pos start with @key ("kernel=")? */
static int has_key(unsigned int pos, const char *key)
{
	for (; *key; key++, pos++)
		if (pos >= PARAMS_SIZE || params[pos] != *key)
			return 0;
	return 1;
}

static void parse_params(struct params *p)
{
	static const char kernel_key[] = "kernel=", dtb_key[] = "dtb=";
	unsigned int pos = 0;

	p->have_kernel = p->have_dtb = 0;
	p->boot.kernel = p->boot.dtb = 0;
	while (pos < PARAMS_SIZE) {
		if (is_sep(params[pos])) {
			pos++;
			continue;
		}
		/* first occurrence wins: stale bytes may follow a NUL */
		if (has_key(pos, kernel_key) && !p->have_kernel) {
			if (parse_number(pos + sizeof(kernel_key) - 1,
					 &p->boot.kernel))
				fail("bad number in kernel= parameter");
			p->have_kernel = 1;
		} else if (has_key(pos, dtb_key) && !p->have_dtb) {
			if (parse_number(pos + sizeof(dtb_key) - 1,
					 &p->boot.dtb))
				fail("bad number in dtb= parameter");
			p->have_dtb = 1;
		}
		while (pos < PARAMS_SIZE && !is_sep(params[pos]))
			pos++;
	}
}

static unsigned int read_le32(unsigned long addr)
{
	const volatile unsigned char *p = (const volatile unsigned char *)addr;

	return p[0] | p[1] << 8 | p[2] << 16 | (unsigned int)p[3] << 24;
}

static unsigned int read_be32(unsigned long addr)
{
	const volatile unsigned char *p = (const volatile unsigned char *)addr;

	return (unsigned int)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3];
}

static void dcache_clean_inval(unsigned long start, unsigned long size)
{
	unsigned long ctr, line, addr;

	asm volatile("mrs %0, ctr_el0" : "=r" (ctr));
	line = 4UL << ((ctr >> 16) & 0xf);
	for (addr = start & ~(line - 1); addr < start + size; addr += line)
		asm volatile("dc civac, %0" : : "r" (addr) : "memory");
	asm volatile("dsb sy" : : : "memory");
}

static void check_images(const struct params *p)
{
	const struct boot *boot = &p->boot;
	unsigned long image_size;

	if (!p->have_kernel)
		fail("no kernel= parameter");
	if (!p->have_dtb)
		fail("no dtb= parameter");
	/* The host places neither at 0: Linux takes a DTB at 0 for none. */
	if (!boot->kernel)
		fail("kernel=0: the kernel cannot be at address 0");
	if (!boot->dtb)
		fail("dtb=0: Linux does not accept a device tree at address 0");
	if (boot->kernel & 0xfff)
		fail_at("kernel address not 4 KiB aligned: kernel=", boot->kernel);
	if (boot->dtb & 0x7)
		fail_at("device tree not 8-byte aligned: dtb=", boot->dtb);
	if (read_le32(boot->kernel + 56) != IMAGE_MAGIC)
		fail_at("no arm64 Image at kernel=", boot->kernel);
	if (read_be32(boot->dtb) != FDT_MAGIC)
		fail_at("no device tree at dtb=", boot->dtb);

	image_size = read_le32(boot->kernel + 16) |
		(unsigned long)read_le32(boot->kernel + 20) << 32;
	dcache_clean_inval(boot->kernel, image_size ? image_size : 0x200000);
	dcache_clean_inval(boot->dtb, read_be32(boot->dtb + 4));
}

struct boot loader_main(void)
{
	struct params p;

	parse_params(&p);
	check_images(&p);
	return p.boot;
}
