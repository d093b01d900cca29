// SPDX-License-Identifier: GPL-2.0
/*
 * Console selection (see console.h) and output.
 */
#include <inmate/inmate.h>
#include <inmate/uart.h>

static const struct uart_driver *const drivers[] = {
	&uart_pl011,
	&uart_xuartps,
};

static struct uart uart;
static const struct uart_driver *driver;
static bool use_virtual;
static char description[48];

static const struct uart_driver *pick_driver(
	const struct jailhouse_comm_region *comm, bool base_given)
{
	char name[16];
	unsigned int n;

	if (cmdline_parse_str("con-type", name, sizeof(name), NULL)) {
		for (n = 0; n < ARRAY_SIZE(drivers); n++)
			if (!strncasecmp(name, drivers[n]->name, sizeof(name)))
				return drivers[n];
		return NULL;
	}
	if (CON_IS_MMIO(comm->console.flags))
		for (n = 0; n < ARRAY_SIZE(drivers); n++)
			if (drivers[n]->type == comm->console.type)
				return drivers[n];
	/* A base alone means the first model this library drove. */
	if (base_given && comm->console.type == JAILHOUSE_CON_TYPE_NONE)
		return &uart_pl011;
	return NULL;
}

void console_init(void)
{
	const struct jailhouse_comm_region *comm = comm_region();
	long long base = cmdline_parse_int("con-base", -1);
	u32 flags = comm->flags;
	bool virt_active;

	uart.base = base != -1 ? (unsigned long)base : comm->console.address;
	uart.divider = cmdline_parse_int("con-divider", comm->console.divider);
	driver = uart.base ? pick_driver(comm, base != -1) : NULL;

	virt_active = (flags & JAILHOUSE_COMM_FLAG_DBG_PUTC_PERMITTED) &&
		      (flags & JAILHOUSE_COMM_FLAG_DBG_PUTC_ACTIVE);
	use_virtual = cmdline_parse_bool("con-virtual", virt_active);

	if (driver) {
		driver->init(&uart);
		snprintf(description, sizeof(description), "%s@0x%lx%s",
			 driver->name, uart.base,
			 use_virtual ? "+virtual" : "");
	} else {
		snprintf(description, sizeof(description), "%s",
			 use_virtual ? "virtual" : "none");
	}
}

void console_init_virtual(void)
{
	driver = NULL;
	use_virtual = true;
	snprintf(description, sizeof(description), "virtual");
}

const char *console_describe(void)
{
	return description;
}

static void console_putc(char c)
{
	/* Not permitted after all: the hypervisor said no, stop asking. */
	if (use_virtual && hc_console_putc(c) < 0)
		use_virtual = false;
	if (driver) {
		if (c == '\n')
			driver->putc(&uart, '\r');
		driver->putc(&uart, c);
	}
}

void console_write(const char *s)
{
	while (*s)
		console_putc(*s++);
}
