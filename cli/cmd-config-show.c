// SPDX-License-Identifier: GPL-2.0-only
/*
 * config show: a readable dump of a .cell file, ours or upstream's.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "config-names.h"
#include "config-show.h"

static const char show_usage[] = "config show CONFIG [--json]\n"
	"Prints a system or cell config (.cell, revision 14) readably, or\n"
	"with --json as one JSON object.";

/* Names of the set flags, unknown bits in hex; "-" when none. */
static void print_flags(uint64_t flags, const struct flag_name *names,
			const char *sep)
{
	const struct flag_name *f;
	bool first = true;

	for (f = names; f->name; f++) {
		if (!(flags & f->bit))
			continue;
		printf("%s%s", first ? "" : sep, f->name);
		flags &= ~f->bit;
		first = false;
	}
	if (flags)
		printf("%s0x%llx", first ? "" : sep, (unsigned long long)flags);
	else if (first)
		fputs("-", stdout);
}

/*
 * A string from the file: control and escape bytes of a crafted config
 * must not reach the terminal, so anything but printable ASCII is \xNN.
 */
static void print_escaped(const char *str)
{
	const unsigned char *p;

	for (p = (const unsigned char *)str; *p; p++) {
		if (*p == '\\')
			fputs("\\\\", stdout);
		else if (*p >= 0x20 && *p < 0x7f)
			putchar(*p);
		else
			printf("\\x%02x", *p);
	}
}

static void print_console(const char *label, const struct jh_console_desc *c)
{
	printf("%-16s%s", label, jh_console_type_name(c->type));
	if (c->type)
		printf(" at 0x%llx, size 0x%x", (unsigned long long)c->address,
		       c->size);
	fputs(", flags ", stdout);
	print_flags(c->flags, config_con_flags, "|");
	putchar('\n');
}

static void print_system(const struct jh_config *cfg)
{
	struct jh_console_desc con;
	struct jh_platform p;
	uint32_t flags;

	jh_config_get_system_flags(cfg, &flags);
	jh_config_get_platform(cfg, &p);
	jh_config_get_debug_console(cfg, &con);
	printf("%-16s", "System flags:");
	print_flags(flags, config_sys_flags, "|");
	printf("\n%-16s0x%llx-0x%llx (%llu KiB)\n", "Hypervisor:",
	       (unsigned long long)p.hv_phys_start,
	       (unsigned long long)(p.hv_phys_start + p.hv_size - 1),
	       (unsigned long long)p.hv_size / 1024);
	print_console("Debug console:", &con);
	printf("%-16sv%u, maintenance IRQ %u, gicd 0x%llx", "GIC:",
	       p.gic_version, p.maintenance_irq,
	       (unsigned long long)p.gicd_base);
	if (p.gic_version == 2)
		printf(", gicc 0x%llx, gich 0x%llx, gicv 0x%llx",
		       (unsigned long long)p.gicc_base,
		       (unsigned long long)p.gich_base,
		       (unsigned long long)p.gicv_base);
	else
		printf(", gicr 0x%llx", (unsigned long long)p.gicr_base);
	printf("\n%-16smmconfig 0x%llx, end bus %u, domain 0x%x%s\n", "PCI:",
	       (unsigned long long)p.pci_mmconfig_base, p.pci_mmconfig_end_bus,
	       p.pci_domain, p.pci_is_virtual ? ", virtual" : "");
}

static void print_regions(const struct jh_config *cfg)
{
	unsigned int i, n = jh_config_get_num_mem_regions(cfg);
	struct jh_mem_region m;

	printf("Memory regions (%u):\n", n);
	if (n)
		printf("  %3s  %-18s  %-18s  %-12s  %s\n", "#", "PHYS", "VIRT",
		       "SIZE", "FLAGS");
	for (i = 0; i < n; i++) {
		jh_config_get_mem_region(cfg, i, &m);
		printf("  %3u  0x%016llx  0x%016llx  0x%010llx  ", i,
		       (unsigned long long)m.phys_start,
		       (unsigned long long)m.virt_start,
		       (unsigned long long)m.size);
		print_flags(m.flags, config_mem_flags, " ");
		putchar('\n');
	}
}

/* INTIDs of one irqchip entry as ranges, e.g. "32-63,96". */
static void print_pins(const struct jh_irqchip *c)
{
	unsigned int bit, end;
	bool first = true;

	for (bit = 0; bit < 128; bit++) {
		if (!(c->pin_bitmap[bit / 32] & (1u << (bit % 32))))
			continue;
		for (end = bit; end + 1 < 128 &&
		     (c->pin_bitmap[(end + 1) / 32] & (1u << ((end + 1) % 32)));
		     end++)
			;
		printf("%s%u", first ? "" : ",", c->pin_base + bit);
		if (end > bit)
			printf("-%u", c->pin_base + end);
		first = false;
		bit = end;
	}
	if (first)
		fputs("none", stdout);
}

static void print_irqchips(const struct jh_config *cfg)
{
	unsigned int i, n = jh_config_get_num_irqchips(cfg);
	struct jh_irqchip c;

	printf("IRQ chips (%u):\n", n);
	for (i = 0; i < n; i++) {
		jh_config_get_irqchip(cfg, i, &c);
		printf("  %3u  0x%llx, pin_base %u, INTIDs ", i,
		       (unsigned long long)c.address, c.pin_base);
		print_pins(&c);
		putchar('\n');
	}
}

/* Upstream's protocol names; "veth" is what Linux's ivshmem-net speaks. */
static void print_protocol(uint16_t protocol)
{
	const char *name = jh_ivshmem_protocol_name(protocol);

	if (protocol == JH_IVSHMEM_PROTO_VETH)
		printf("protocol %s (ivshmem-net)", name);
	else if (protocol >= JH_IVSHMEM_PROTO_VIRTIO_FRONT)
		printf("protocol %s, virtio device %u", name,
		       (unsigned int)(protocol & 0x3fff));
	else if (protocol >= JH_IVSHMEM_PROTO_CUSTOM)
		printf("protocol %s 0x%04x", name, protocol);
	else
		printf("protocol %s", name);
}

/* An ivshmem device: the link end, then its memory in the guest. */
static void print_ivshmem(struct jh_ctx *ctx, const struct jh_config *cfg,
			  unsigned int idx)
{
	struct jh_ivshmem l;

	if (jh_config_get_ivshmem(cfg, idx, &l)) {
		printf(", not a link: %s\n", jh_ctx_last_error(ctx));
		return;
	}
	printf(", peer %u of %u, ", l.id, l.peers);
	print_protocol(l.protocol);
	printf(", INTx INTID %u\n", l.intid);
	printf("%9smemory at guest 0x%llx (regions %u-%u): state table 0x%llx, r/w 0x%llx, output %u x 0x%llx\n",
	       "", (unsigned long long)l.address, l.regions_start,
	       l.regions_start + l.peers + 1,
	       (unsigned long long)l.state_table_size,
	       (unsigned long long)l.rw_size, l.peers,
	       (unsigned long long)l.output_size);
}

static void print_pci(struct jh_ctx *ctx, const struct jh_config *cfg)
{
	unsigned int i, n = jh_config_get_num_pci_devices(cfg);
	struct jh_pci_device d;

	printf("PCI devices (%u):\n", n);
	for (i = 0; i < n; i++) {
		jh_config_get_pci_device(cfg, i, &d);
		printf("  %3u  %04x:%02x:%02x.%x %s", i, d.domain, d.bdf >> 8,
		       (d.bdf >> 3) & 0x1f, d.bdf & 7,
		       config_pci_type_name(d.type));
		if (d.type == JH_PCI_TYPE_IVSHMEM)
			print_ivshmem(ctx, cfg, i);
		else
			putchar('\n');
	}
}

static void print_config(struct jh_ctx *ctx, const struct jh_config *cfg)
{
	bool sys = jh_config_get_kind(cfg) == JH_CONFIG_SYSTEM;
	struct jh_console_desc con;
	struct jh_cpuset *cpus;

	printf("%-16s%s (%zu bytes", "File:", jh_config_get_source(cfg),
	       jh_config_get_size(cfg));
	if (jh_config_get_trailing_bytes(cfg))
		printf(" + %zu ignored", jh_config_get_trailing_bytes(cfg));
	printf(")\n%-16s%s config, revision 14, arm64\n", "Kind:",
	       sys ? "system" : "cell");
	if (sys)
		print_system(cfg);
	printf("%-16s", sys ? "Root cell:" : "Name:");
	print_escaped(jh_config_get_name(cfg));
	printf("\n%-16s", "Cell flags:");
	print_flags(jh_config_get_flags(cfg), config_cell_flags, "|");
	putchar('\n');
	if (!jh_config_get_cpus(cfg, &cpus)) {
		printf("%-16s%s\n", "CPUs:", jh_cpuset_to_string(cpus));
		jh_cpuset_free(cpus);
	} else {
		printf("%-16s?\n", "CPUs:");
	}
	if (!sys) {
		jh_config_get_console(cfg, &con);
		printf("%-16s0x%llx\n", "Reset address:",
		       (unsigned long long)jh_config_get_cpu_reset_address(cfg));
		print_console("Console:", &con);
		printf("%-16s%llu\n", "Reply timeout:", (unsigned long long)
		       jh_config_get_msg_reply_timeout(cfg));
	}
	print_regions(cfg);
	print_irqchips(cfg);
	print_pci(ctx, cfg);
	printf("%-16s%u PCI caps, %u stream IDs, %u cache, %u PIO\n", "Other:",
	       jh_config_get_num_pci_caps(cfg),
	       jh_config_get_num_stream_ids(cfg),
	       jh_config_get_num_cache_regions(cfg),
	       jh_config_get_num_pio_regions(cfg));
}

int cmd_config_show(int argc, char **argv)
{
	const char *file = NULL;
	struct jh_config *cfg;
	bool as_json = false;
	struct jh_ctx *ctx;
	int i, ret;

	if (argc == 2 && cli_is_help(argv[1]))
		return cli_print_help(show_usage);
	for (i = 1; i < argc; i++)
		if (!strcmp(argv[i], "--json"))
			as_json = cli_json = true;
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--json"))
			continue;
		if (argv[i][0] == '-' && argv[i][1])
			return cli_usage_error(show_usage,
					       "unknown option '%s'", argv[i]);
		if (file)
			return cli_usage_error(show_usage,
					       "config show takes one config");
		file = argv[i];
	}
	if (!file)
		return cli_usage_error(show_usage, "config show needs one config");
	ret = cli_ctx(&ctx);
	if (ret)
		return ret;
	if (jh_config_new_from_file(ctx, file, &cfg)) {
		ret = cli_config_error(ctx);
	} else {
		if (as_json)
			config_show_json(cfg);
		else
			print_config(ctx, cfg);
		jh_config_unref(cfg);
	}
	jh_ctx_unref(ctx);
	return ret;
}
