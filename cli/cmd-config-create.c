// SPDX-License-Identifier: GPL-2.0-only
/*
 * config create: a system config for the board this runs on (or for a
 * DTB and an iomem copy given), written as C or a .cell, checked first.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char create_usage[] =
	"config create [OPTIONS] [CELL OPTIONS] OUT.c|OUT.cell\n"
	"Writes a system config for this board, made from its device tree\n"
	"(/sys/firmware/fdt) and the RAM Linux runs in (/proc/iomem); run it\n"
	"as root with the hypervisor disabled. With --cell, a cell config\n"
	"carved out of that system config instead. The result is checked as\n"
	"'config check' does; with errors nothing is written (exit 3).\n"
	"  --dtb FILE          a DTB instead of the running system's\n"
	"  --iomem FILE        a copy of the board's /proc/iomem\n"
	"  --no-iomem          none: the hypervisor memory must then be given\n"
	"                      or reserved (a reserved-memory node jailhouse*)\n"
	"  --linux-mem SIZE    instead of /proc/iomem: Linux runs in the first\n"
	"                      SIZE of RAM, as when booted with mem=SIZE\n"
	"  --hv-mem ADDR[,SIZE] the hypervisor's memory (SIZE default 4M);\n"
	"                      default: a jailhouse reserved-memory node, or\n"
	"                      the top of the RAM Linux leaves free (mem=)\n"
	"  --hv-size SIZE      its size where the place is found (default 4M)\n"
	"  --name NAME         the root cell's name (default: the model's)\n"
	"  --vpci              a virtual PCI host, for ivshmem links\n"
	"  --link net|PEERS    an ivshmem link (implies --vpci): ivshmem-net,\n"
	"                      or PEERS (2-8) peers; up to 4, the k-th at 00:k.0, in\n"
	"                      the k-th MiB below the hypervisor, root peer 0\n"
	"  --dry-run           write nothing; print the C to standard output\n"
	"  --json              print what was found and from where as JSON\n"
	"CELL OPTIONS:\n"
	"  --cell NAME         a cell config of this name\n"
	"  --cpus LIST         its CPUs, e.g. 2-3 (CPU 0 stays with root)\n"
	"  --mem SIZE[@ADDR]   its RAM; default place: the highest RAM neither\n"
	"                      Linux nor the hypervisor uses (guessed)\n"
	"  --inmate | --linux  a bare-metal inmate (RAM at 0, the default) or\n"
	"                      Linux (for 'cell linux': loader RAM at 0, RAM 1:1)\n"
	"  --device NODE       a device of the tree by path, with its SPIs;\n"
	"                      the console's UART is shared with root\n"
	"  --peer LINK:ID      the cell is peer ID (1 or more) of link LINK\n"
	"                      (give the system's --link options too)\n"
	"SIZE and ADDR take a K, M or G suffix.";

/* "4M", "0x400000", "1G": bytes */
static int parse_size(const char *s, uint64_t *val)
{
	char buf[32];
	size_t len = strlen(s);
	unsigned int shift = 0;

	if (!len || len >= sizeof(buf))
		return -EINVAL;
	memcpy(buf, s, len + 1);
	switch (buf[len - 1]) {
	case 'K': case 'k':
		shift = 10;
		break;
	case 'M': case 'm':
		shift = 20;
		break;
	case 'G': case 'g':
		shift = 30;
		break;
	}
	if (shift)
		buf[len - 1] = '\0';
	if (cli_parse_u64(buf, val) || (*val << shift) >> shift != *val)
		return -EINVAL;
	*val <<= shift;
	return 0;
}

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

struct create_args {
	const char *dtb, *iomem, *name, *out;
	uint64_t hv_start, hv_size, linux_mem;
	bool vpci, dry_run, json;
	/* a cell */
	const char *cell, *cpus;
	const char *devices[16];
	unsigned int num_devices;
	unsigned int num_links, num_peers;
	unsigned int link_peers[4], peer_link[4], peer_id[4];
	bool link_net[4];
	uint64_t mem_size, mem_start;
	bool is_linux, is_inmate;
};

/* "net" or a number of peers */
static int parse_link(const char *val, struct create_args *a)
{
	uint64_t peers = 2;

	if (a->num_links == ARRAY_SIZE(a->link_peers) ||
	    (strcmp(val, "net") && (cli_parse_u64(val, &peers) ||
				    peers < 2 || peers > 8)))
		return -EINVAL;
	a->link_net[a->num_links] = !strcmp(val, "net");
	a->link_peers[a->num_links++] = (unsigned int)peers;
	return 0;
}

/* "LINK:ID" */
static int parse_peer(const char *val, struct create_args *a)
{
	unsigned int link, id;
	char end;

	if (a->num_peers == ARRAY_SIZE(a->peer_link) ||
	    sscanf(val, "%u:%u%c", &link, &id, &end) != 2)
		return -EINVAL;
	a->peer_link[a->num_peers] = link;
	a->peer_id[a->num_peers++] = id;
	return 0;
}

/* "SIZE" or "SIZE@ADDR" */
static int parse_mem(const char *val, struct create_args *a)
{
	const char *at = strchr(val, '@');
	char size[32];

	snprintf(size, sizeof(size), "%.*s",
		 at ? (int)(at - val) : (int)strlen(val), val);
	a->mem_start = JH_SYSGEN_ANY;
	return parse_size(size, &a->mem_size) || !a->mem_size ||
	       (at && (parse_size(at + 1, &a->mem_start) ||
		       a->mem_start == JH_SYSGEN_ANY)) ? -EINVAL : 0;
}

static int parse_args(int argc, char **argv, struct create_args *a)
{
	const char *opt, *val;
	char *comma;
	int i;

	a->hv_start = JH_SYSGEN_ANY;
	for (i = 1; i < argc; i++) {
		opt = argv[i];
		if (opt[0] != '-' || !opt[1]) {
			if (a->out)
				return cli_usage_error(create_usage,
						       "more than one output file: %s and %s",
						       a->out, opt);
			a->out = opt;
			continue;
		}
		if (!strcmp(opt, "--vpci")) {
			a->vpci = true;
			continue;
		}
		if (!strcmp(opt, "--dry-run")) {
			a->dry_run = true;
			continue;
		}
		if (!strcmp(opt, "--json")) {
			a->json = cli_json = true;
			continue;
		}
		if (!strcmp(opt, "--no-iomem")) {
			a->iomem = "";
			continue;
		}
		if (!strcmp(opt, "--linux") || !strcmp(opt, "--inmate")) {
			*(opt[2] == 'l' ? &a->is_linux : &a->is_inmate) = true;
			continue;
		}
		if (strcmp(opt, "--dtb") && strcmp(opt, "--iomem") &&
		    strcmp(opt, "--name") && strcmp(opt, "--hv-mem") &&
		    strcmp(opt, "--hv-size") && strcmp(opt, "--linux-mem") &&
		    strcmp(opt, "--cell") && strcmp(opt, "--cpus") &&
		    strcmp(opt, "--mem") && strcmp(opt, "--device") &&
		    strcmp(opt, "--link") && strcmp(opt, "--peer"))
			return cli_usage_error(create_usage,
					       "unknown option '%s'", opt);
		if (i + 1 == argc)
			return cli_usage_error(create_usage,
					       "%s needs a value", opt);
		val = argv[++i];
		if (!strcmp(opt, "--dtb")) {
			a->dtb = val;
		} else if (!strcmp(opt, "--iomem")) {
			a->iomem = val;
		} else if (!strcmp(opt, "--name")) {
			a->name = val;
		} else if (!strcmp(opt, "--link")) {
			if (parse_link(val, a))
				return cli_usage_error(create_usage,
						       "--link '%s': net, or a number of peers 2-8 (at most 4 links)",
						       val);
		} else if (!strcmp(opt, "--peer")) {
			if (parse_peer(val, a))
				return cli_usage_error(create_usage,
						       "--peer '%s': not LINK:ID (at most 4)",
						       val);
		} else if (!strcmp(opt, "--cell")) {
			a->cell = val;
		} else if (!strcmp(opt, "--cpus")) {
			a->cpus = val;
		} else if (!strcmp(opt, "--device")) {
			if (a->num_devices == ARRAY_SIZE(a->devices))
				return cli_usage_error(create_usage,
						       "more than %zu --device",
						       ARRAY_SIZE(a->devices));
			a->devices[a->num_devices++] = val;
		} else if (!strcmp(opt, "--mem")) {
			if (parse_mem(val, a))
				return cli_usage_error(create_usage,
						       "--mem '%s': not SIZE or SIZE@ADDR",
						       val);
		} else if (!strcmp(opt, "--linux-mem")) {
			if (parse_size(val, &a->linux_mem) || !a->linux_mem)
				return cli_usage_error(create_usage,
						       "--linux-mem '%s': not a size",
						       val);
		} else if (!strcmp(opt, "--hv-size")) {
			if (parse_size(val, &a->hv_size) || !a->hv_size)
				return cli_usage_error(create_usage,
						       "--hv-size '%s': not a size",
						       val);
		} else {
			char start[32];

			comma = strchr(val, ',');
			snprintf(start, sizeof(start), "%.*s",
				 comma ? (int)(comma - val) : (int)strlen(val),
				 val);
			if (parse_size(start, &a->hv_start) ||
			    a->hv_start == JH_SYSGEN_ANY ||
			    (comma && (parse_size(comma + 1, &a->hv_size) ||
				       !a->hv_size)))
				return cli_usage_error(create_usage,
						       "--hv-mem '%s': not ADDR or ADDR,SIZE",
						       val);
		}
	}
	if (!a->cell && (a->cpus || a->mem_size || a->num_devices ||
			 a->num_peers || a->is_linux || a->is_inmate))
		return cli_usage_error(create_usage,
				       "--cpus, --mem, --device, --peer, --linux and --inmate describe a cell: give --cell NAME");
	if (a->cell && (!a->cpus || !a->mem_size))
		return cli_usage_error(create_usage,
				       "--cell needs --cpus and --mem");
	if (a->is_linux && a->is_inmate)
		return cli_usage_error(create_usage,
				       "--linux or --inmate, not both");
	if (a->linux_mem && a->iomem)
		return cli_usage_error(create_usage,
				       "--linux-mem and --iomem/--no-iomem both say where Linux runs: give one");
	if (!a->out && !a->dry_run && !a->json)
		return cli_usage_error(create_usage, "no output file given");
	if (a->out && !a->dry_run) {
		size_t len = strlen(a->out);

		if ((len < 3 || strcmp(a->out + len - 2, ".c")) &&
		    (len < 6 || strcmp(a->out + len - 5, ".cell")))
			return cli_usage_error(create_usage,
					       "%s: the output must end in .c (C source) or .cell",
					       a->out);
	}
	return EXIT_OK;
}

/* Runs the checker on the config made; EXIT_CONFIG on errors. */
static int check(struct jh_ctx *ctx, struct jh_sysgen *gen, bool cell)
{
	struct jh_config *cfg, *cell_cfg = NULL;
	struct jh_check *chk;
	int ret = EXIT_OK;

	if (jh_sysgen_get_config(gen, &cfg))
		return cli_error(ctx);
	if ((cell && jh_sysgen_get_cell_config(gen, &cell_cfg)) ||
	    jh_check_new(ctx, &chk)) {
		jh_config_unref(cell_cfg);
		jh_config_unref(cfg);
		return cli_error(ctx);
	}
	if (jh_check_set_system(chk, cfg) ||
	    (cell_cfg && jh_check_add_cell(chk, cell_cfg)) ||
	    (jh_check_run(chk) &&
	     jh_ctx_last_error_code(ctx) != JH_ERR_CONFIG_INVALID)) {
		ret = cli_error(ctx);
	} else if (jh_check_get_num_findings(chk)) {
		cli_print_findings(stderr, chk);
		if (jh_check_get_num_errors(chk)) {
			fprintf(stderr, "%s: the config made has errors: nothing written\n",
				cli_name);
			ret = EXIT_CONFIG;
		}
	}
	jh_check_free(chk);
	jh_config_unref(cell_cfg);
	jh_config_unref(cfg);
	return ret;
}

/* Writes through a temporary file, so a failure leaves no half file. */
static int write_out(struct jh_ctx *ctx, struct jh_sysgen *gen,
		     const char *path)
{
	size_t len = strlen(path);
	enum jh_sysgen_format fmt = len > 5 && !strcmp(path + len - 5, ".cell") ?
				    JH_SYSGEN_CELL : JH_SYSGEN_C;
	char *tmp;
	FILE *f;
	int ret;

	if (asprintf(&tmp, "%s.tmp", path) < 0)
		return EXIT_FAILED;
	f = fopen(tmp, "we");
	if (!f) {
		fprintf(stderr, "%s: %s: %s\n", cli_name, tmp, strerror(errno));
		free(tmp);
		return EXIT_FAILED;
	}
	ret = jh_sysgen_write(gen, fmt, f) ? cli_error(ctx) : EXIT_OK;
	if (fclose(f) && !ret) {
		fprintf(stderr, "%s: %s: %s\n", cli_name, tmp, strerror(errno));
		ret = EXIT_FAILED;
	}
	if (!ret && rename(tmp, path)) {
		fprintf(stderr, "%s: %s: %s\n", cli_name, path, strerror(errno));
		ret = EXIT_FAILED;
	}
	if (ret)
		unlink(tmp);
	free(tmp);
	return ret;
}

/* The links and, with --cell, the cell */
static int add_cell(struct jh_sysgen *gen, const struct create_args *a)
{
	unsigned int i;

	for (i = 0; i < a->num_links; i++)
		if (jh_sysgen_add_ivshmem_link(gen, a->link_peers[i],
					       a->link_net[i]))
			return -1;
	if (!a->cell)
		return 0;
	if (jh_sysgen_set_cell(gen, a->cell, a->is_linux ? JH_SYSGEN_LINUX :
			       JH_SYSGEN_INMATE, a->cpus, a->mem_size,
			       a->mem_start))
		return -1;
	for (i = 0; i < a->num_devices; i++)
		if (jh_sysgen_add_cell_device(gen, a->devices[i]))
			return -1;
	for (i = 0; i < a->num_peers; i++)
		if (jh_sysgen_add_cell_peer(gen, a->peer_link[i],
					    a->peer_id[i]))
			return -1;
	return 0;
}

int cmd_config_create(int argc, char **argv)
{
	struct create_args a = { 0 };
	struct jh_sysgen *gen = NULL;
	struct jh_ctx *ctx;
	int ret;

	if (argc == 2 && cli_is_help(argv[1]))
		return cli_print_help(create_usage);
	ret = parse_args(argc, argv, &a);
	if (ret)
		return ret;
	ret = cli_ctx(&ctx);
	if (ret)
		return ret;
	if (jh_sysgen_new(ctx, &gen) ||
	    (a.dtb && jh_sysgen_set_dtb_file(gen, a.dtb)) ||
	    (a.iomem && jh_sysgen_set_iomem_file(gen, a.iomem)) ||
	    (a.linux_mem && jh_sysgen_set_linux_mem(gen, a.linux_mem)) ||
	    (a.name && jh_sysgen_set_name(gen, a.name)) ||
	    jh_sysgen_set_hypervisor_memory(gen, a.hv_start, a.hv_size) ||
	    jh_sysgen_set_vpci(gen, a.vpci) || add_cell(gen, &a) ||
	    jh_sysgen_run(gen)) {
		ret = cli_error(ctx);
		goto out;
	}
	ret = check(ctx, gen, a.cell != NULL);
	if (ret)
		goto out;
	if (a.json && jh_sysgen_write(gen, JH_SYSGEN_JSON, stdout)) {
		ret = cli_error(ctx);
		goto out;
	}
	if (a.dry_run && !a.json && jh_sysgen_write(gen, JH_SYSGEN_C, stdout)) {
		ret = cli_error(ctx);
		goto out;
	}
	if (a.out && !a.dry_run)
		ret = write_out(ctx, gen, a.out);
out:
	jh_sysgen_free(gen);
	jh_ctx_unref(ctx);
	return ret;
}
