// SPDX-License-Identifier: GPL-2.0
/*
 * Console selection (see console.h) and output.
 */
#include <inmate/inmate.h>
#include <inmate/uart.h>

static struct uart uart;
static bool use_uart;
static bool use_virtual;
static char description[48];

static unsigned int uart_type(const struct jailhouse_comm_region *comm,
			      bool base_given)
{
	char name[16];

	if (cmdline_parse_str("con-type", name, sizeof(name), NULL))
		return strncasecmp(name, "PL011", sizeof(name)) ?
			JAILHOUSE_CON_TYPE_NONE : JAILHOUSE_CON_TYPE_PL011;
	if (comm->console.type == JAILHOUSE_CON_TYPE_PL011 &&
	    CON_IS_MMIO(comm->console.flags))
		return JAILHOUSE_CON_TYPE_PL011;
	/* A base alone means the only UART model this library drives. */
	if (base_given && comm->console.type == JAILHOUSE_CON_TYPE_NONE)
		return JAILHOUSE_CON_TYPE_PL011;
	return JAILHOUSE_CON_TYPE_NONE;
}

void console_init(void)
{
	const struct jailhouse_comm_region *comm = comm_region();
	long long base = cmdline_parse_int("con-base", -1);
	u32 flags = comm->flags;
	bool virt_active;

	uart.base = base != -1 ? (unsigned long)base : comm->console.address;
	uart.divider = cmdline_parse_int("con-divider", comm->console.divider);
	use_uart = uart.base &&
		   uart_type(comm, base != -1) == JAILHOUSE_CON_TYPE_PL011;

	virt_active = (flags & JAILHOUSE_COMM_FLAG_DBG_PUTC_PERMITTED) &&
		      (flags & JAILHOUSE_COMM_FLAG_DBG_PUTC_ACTIVE);
	use_virtual = cmdline_parse_bool("con-virtual", virt_active);

	if (use_uart) {
		pl011_init(&uart);
		snprintf(description, sizeof(description), "pl011@0x%lx%s",
			 uart.base, use_virtual ? "+virtual" : "");
	} else {
		snprintf(description, sizeof(description), "%s",
			 use_virtual ? "virtual" : "none");
	}
}

void console_init_virtual(void)
{
	use_uart = false;
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
	if (use_uart) {
		if (c == '\n')
			pl011_putc(&uart, '\r');
		pl011_putc(&uart, c);
	}
}

void console_write(const char *s)
{
	while (*s)
		console_putc(*s++);
}
