// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Test front end of the loader, with the options of "jailhouse cell
 * linux": makes a plan and prints it (text, --json) or writes the DTB
 * (-w). It never loads anything. Also shows libjailhouse and the CLI how
 * the internal API is driven.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jhloader.h"
#include "testlib.h"

struct args {
	const char *cell, *kernel, *dtb, *initrd, *cmdline, *params_file;
	const char *system, *loader;
	unsigned int factor, uart_irq;
	unsigned long long gicd, gicr;
	bool json, strict;
};

static void log_stderr(void *data, enum jhl_log_level level, const char *msg)
{
	static const char *const names[] = { "error", "warning", "note" };

	(void)data;
	fprintf(stderr, "jhl-plan: %s: %s\n", names[level], msg);
}

static void usage(int status)
{
	fputs("usage: jhl-plan [-d DTB] [-i INITRD] [-c CMDLINE] [-w DTB_OUT] [-k FACTOR]\n"
	      "                [-s SYSCONFIG] [-l LOADER] [--gic GICD,GICR] [--uart-irq N]\n"
	      "                [--strict] [--json] CELLCONFIG KERNEL\n"
	      "       jhl-plan --fixtures DIR\n",
	      status ? stderr : stdout);
	exit(status);
}

static void write_file(const char *dir, const char *name, const void *data,
		       size_t len)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f)) {
		fprintf(stderr, "jhl-plan: cannot write %s\n", path);
		exit(1);
	}
}

/* Inputs for the shell tests: configs, a 3 MiB Image, an initrd. */
static void make_fixtures(const char *dir)
{
	size_t size;
	const void *cfg;
	__u8 *buf;

	cfg = tl_linux_demo_cell(&size);
	write_file(dir, "linux-demo.cell", cfg, size);
	cfg = tl_system_config(&size);
	write_file(dir, "qemu-arm64.cell", cfg, size);
	buf = tl_image(3 * TL_MIB, 4 * TL_MIB, 0, 0xa);
	write_file(dir, "Image", buf, 3 * TL_MIB);
	free(buf);
	buf = tl_image(300 * 1024, 0, 0, 0);
	memcpy(buf, "070701", 6);
	buf[56] = 0;
	write_file(dir, "initrd.cpio", buf, 300 * 1024);
	free(buf);
	exit(0);
}

static void parse_args(int argc, char **argv, struct args *a)
{
	static const struct option opts[] = {
		{ "dtb", required_argument, NULL, 'd' },
		{ "initrd", required_argument, NULL, 'i' },
		{ "cmdline", required_argument, NULL, 'c' },
		{ "write-params", required_argument, NULL, 'w' },
		{ "kernel-decomp-factor", required_argument, NULL, 'k' },
		{ "system", required_argument, NULL, 's' },
		{ "loader", required_argument, NULL, 'l' },
		{ "gic", required_argument, NULL, 'G' },
		{ "uart-irq", required_argument, NULL, 'U' },
		{ "strict", no_argument, NULL, 'S' },
		{ "json", no_argument, NULL, 'J' },
		{ "dry-run", no_argument, NULL, 'D' },
		{ "fixtures", required_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 }
	};
	int c;

	memset(a, 0, sizeof(*a));
	while ((c = getopt_long(argc, argv, "d:i:c:w:k:s:l:h", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			a->dtb = optarg;
			break;
		case 'i':
			a->initrd = optarg;
			break;
		case 'c':
			a->cmdline = optarg;
			break;
		case 'w':
			a->params_file = optarg;
			break;
		case 'k':
			a->factor = strtoul(optarg, NULL, 0);
			break;
		case 's':
			a->system = optarg;
			break;
		case 'l':
			a->loader = optarg;
			break;
		case 'U':
			a->uart_irq = strtoul(optarg, NULL, 0);
			break;
		case 'S':
			a->strict = true;
			break;
		case 'J':
			a->json = true;
			break;
		case 'D':
			break;
		case 'G':
			if (sscanf(optarg, "%llx,%llx", &a->gicd, &a->gicr) != 2)
				usage(2);
			break;
		case 'F':
			make_fixtures(optarg);
			break;
		case 'h':
			usage(0);
			break;
		default:
			usage(2);
		}
	}
	if (argc - optind != 2)
		usage(2);
	a->cell = argv[optind];
	a->kernel = argv[optind + 1];
}

static void *slurp(const char *path, size_t *size)
{
	struct jhl_source src;
	void *buf;

	if (jhl_source_open(&src, path)) {
		fprintf(stderr, "jhl-plan: cannot open %s\n", path);
		exit(1);
	}
	buf = malloc(src.size ? src.size : 1);
	if (!buf || jhl_source_read(&src, buf, src.size, 0))
		exit(1);
	*size = src.size;
	jhl_source_close(&src);
	return buf;
}

static void open_source(struct jhl_source *src, const char *path)
{
	int err = jhl_source_open(src, path);

	if (err) {
		fprintf(stderr, "jhl-plan: %s: %s\n", path, strerror(-err));
		exit(1);
	}
}

int main(int argc, char **argv)
{
	struct jhl_source kernel, dtb, initrd, loader;
	struct jhl_request req = { .log = log_stderr };
	void *cell, *sys = NULL;
	struct jhl_plan *plan;
	struct args a;
	size_t size;
	int err;

	parse_args(argc, argv, &a);
	cell = slurp(a.cell, &req.cell_config_size);
	req.cell_config = cell;
	if (a.system) {
		sys = slurp(a.system, &req.system_config_size);
		req.system_config = sys;
	}
	open_source(&kernel, a.kernel);
	req.kernel = &kernel;
	if (a.loader) {
		open_source(&loader, a.loader);
	} else {
		const void *bin = tl_loader_bin(&size);

		jhl_source_mem(&loader, "linux-loader.bin", bin, size);
	}
	req.loader = &loader;
	if (a.dtb) {
		open_source(&dtb, a.dtb);
		req.dtb = &dtb;
	}
	if (a.initrd) {
		open_source(&initrd, a.initrd);
		req.initrd = &initrd;
	}
	req.cmdline = a.cmdline;
	req.decomp_factor = a.factor;
	req.gicd_base = a.gicd;
	req.gicr_base = a.gicr;
	req.uart_irq = a.uart_irq;
	req.strict = a.strict;

	err = jhl_plan_new(&req, &plan);
	if (err)
		return 1;
	/* like "cell linux --dry-run": the whole Image.gz, streamed */
	err = jhl_plan_verify(plan);
	if (err) {
		jhl_plan_free(plan);
		return 1;
	}
	if (a.params_file) {
		err = jhl_plan_write_dtb(plan, a.params_file);
		if (err)
			fprintf(stderr, "jhl-plan: %s: %s\n", a.params_file,
				strerror(-err));
		else
			err = jhl_plan_print_commands(plan, stdout, a.cell,
						      a.params_file);
	} else if (a.json) {
		err = jhl_plan_print_json(plan, stdout);
	} else {
		err = jhl_plan_print_text(plan, stdout);
	}
	jhl_plan_free(plan);
	free(cell);
	free(sys);
	return err ? 1 : 0;
}
