// SPDX-License-Identifier: GPL-2.0-only
/*
 * cell linux: boot Linux in a cell with the native loader, with the
 * options of upstream's jailhouse-cell-linux plus our own.
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char linux_usage[] =
	"cell linux CELLCONFIG KERNEL [-d DTB] [-i INITRD] [-c CMDLINE]\n"
	"          [-w DTB_OUT] [-k FACTOR] [-a arm64] [--name NAME]\n"
	"          [--system-config SYSCONFIG] [--gic GICD,GICR]\n"
	"          [--uart-irq INTID] [--strict] [--reboot] [--dry-run [--json]]\n"
	"Boots Linux in the cell of CELLCONFIG: creates the cell (or reuses the\n"
	"one of that name if it is not running), loads linux-loader.bin, KERNEL\n"
	"(arm64 Image or Image.gz), the DTB and INITRD, and starts it. A cell\n"
	"created here is destroyed again if any step fails.\n"
	"  -d, --dtb DTB          patch this DTB (memory, chosen); without -d a\n"
	"                         DTB is generated from the configs\n"
	"  -i, --initrd INITRD    initramfs or initrd\n"
	"  -c, --cmdline CMDLINE  kernel command line (/chosen/bootargs)\n"
	"  -w, --write-params DTB_OUT\n"
	"                         boot nothing: write the DTB and print the\n"
	"                         equivalent cell create/load/start commands\n"
	"  -k, --kernel-decomp-factor FACTOR\n"
	"                         gap between kernel and initrd in kernel sizes\n"
	"  -a, --arch ARCH        accepted for upstream scripts; only arm64\n"
	"  --name NAME            the cell's name instead of the config's\n"
	"  --system-config SYSCONFIG\n"
	"                         GIC and PCI host for the DTB (default: the\n"
	"                         running system's, else QEMU virt)\n"
	"  --gic GICD,GICR        GIC distributor and redistributor base\n"
	"  --uart-irq INTID       interrupt of the generated DTB's UART\n"
	"  --strict               a DTB that does not match the cell is an error\n"
	"  --reboot               stop a running cell of that name and boot it\n"
	"                         again (without: the command refuses)\n"
	"  --dry-run              print where everything goes, boot nothing\n"
	"  --json                 with --dry-run: print it as JSON\n"
	"Environment: JAILHOUSE_LINUX_LOADER names another linux-loader.bin.";

enum {
	OPT_NAME = 0x100,
	OPT_SYSTEM,
	OPT_GIC,
	OPT_UART_IRQ,
	OPT_STRICT,
	OPT_REBOOT,
	OPT_DRY_RUN,
	OPT_JSON,
};

struct linux_args {
	const char *cell, *kernel, *dtb, *initrd, *cmdline, *write;
	const char *name, *system;
	uint64_t factor, gicd, gicr, uart_irq;
	bool strict, reboot, dry_run, json, help;
};

static const struct option linux_opts[] = {
	{ "dtb", required_argument, NULL, 'd' },
	{ "initrd", required_argument, NULL, 'i' },
	{ "cmdline", required_argument, NULL, 'c' },
	{ "write-params", required_argument, NULL, 'w' },
	{ "kernel-decomp-factor", required_argument, NULL, 'k' },
	{ "arch", required_argument, NULL, 'a' },
	{ "name", required_argument, NULL, OPT_NAME },
	{ "system-config", required_argument, NULL, OPT_SYSTEM },
	{ "gic", required_argument, NULL, OPT_GIC },
	{ "uart-irq", required_argument, NULL, OPT_UART_IRQ },
	{ "strict", no_argument, NULL, OPT_STRICT },
	{ "reboot", no_argument, NULL, OPT_REBOOT },
	{ "dry-run", no_argument, NULL, OPT_DRY_RUN },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static int parse_gic(const char *s, struct linux_args *a)
{
	char gicd[32];
	const char *comma = strchr(s, ',');

	if (!comma || (size_t)(comma - s) >= sizeof(gicd))
		return -1;
	memcpy(gicd, s, comma - s);
	gicd[comma - s] = '\0';
	if (cli_parse_u64(gicd, &a->gicd) || cli_parse_u64(comma + 1, &a->gicr))
		return -1;
	return 0;
}

/* One option; returns EXIT_OK or the usage error's exit code. */
static int parse_opt(int c, const char *arg, struct linux_args *a)
{
	switch (c) {
	case 'd':
		a->dtb = arg;
		break;
	case 'i':
		a->initrd = arg;
		break;
	case 'c':
		a->cmdline = arg;
		break;
	case 'w':
		a->write = arg;
		break;
	case 'k':
		if (cli_parse_u64(arg, &a->factor) || a->factor > 1000)
			return cli_usage_error(linux_usage,
					       "invalid decompression factor '%s'",
					       arg);
		break;
	case 'a':
		/* upstream takes x86, arm or arm64; this tool boots arm64 */
		if (strcmp(arg, "arm64") && strcmp(arg, "aarch64"))
			return cli_usage_error(linux_usage,
					       "architecture '%s' is not supported, only arm64",
					       arg);
		break;
	case OPT_NAME:
		a->name = arg;
		break;
	case OPT_SYSTEM:
		a->system = arg;
		break;
	case OPT_GIC:
		if (parse_gic(arg, a))
			return cli_usage_error(linux_usage,
					       "invalid --gic '%s' (GICD,GICR)",
					       arg);
		break;
	case OPT_UART_IRQ:
		if (cli_parse_u64(arg, &a->uart_irq) || a->uart_irq > 1019)
			return cli_usage_error(linux_usage,
					       "invalid interrupt '%s'", arg);
		break;
	case OPT_STRICT:
		a->strict = true;
		break;
	case OPT_REBOOT:
		a->reboot = true;
		break;
	case OPT_DRY_RUN:
		a->dry_run = true;
		break;
	case OPT_JSON:
		a->json = cli_json = true;
		break;
	}
	return EXIT_OK;
}

static int parse_args(int argc, char **argv, struct linux_args *a)
{
	int c, ret;

	memset(a, 0, sizeof(*a));
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":d:i:c:w:k:a:h", linux_opts,
				NULL)) != -1) {
		if (c == 'h') {
			a->help = true;
			return EXIT_OK;
		}
		if (c == ':')
			return cli_usage_error(linux_usage, "%s needs an argument",
					       argv[optind - 1]);
		if (c == '?')
			return cli_usage_error(linux_usage, "unknown option '%s'",
					       argv[optind - 1]);
		ret = parse_opt(c, optarg, a);
		if (ret)
			return ret;
	}
	if (argc - optind != 2)
		return cli_usage_error(linux_usage,
				       "cell linux needs a cell config and a kernel");
	a->cell = argv[optind];
	a->kernel = argv[optind + 1];
	if (a->json && !a->dry_run)
		return cli_usage_error(linux_usage, "--json needs --dry-run");
	if (a->write && a->dry_run)
		return cli_usage_error(linux_usage,
				       "-w and --dry-run exclude each other");
	/* The printed "cell create" would create the config's name. */
	if (a->write && a->name)
		return cli_usage_error(linux_usage,
				       "-w prints commands for the config's cell name; drop --name");
	return EXIT_OK;
}

/*
 * A library built without the Linux loader fails any plan at once with
 * JH_ERR_NOT_SUPPORTED; a real one refuses this request, which has no
 * kernel yet, before it opens any file.
 */
static bool loader_missing(struct jh_ctx *ctx, struct jh_linux *req)
{
	struct jh_linux_plan *plan;

	if (!jh_linux_plan(req, &plan)) {
		jh_linux_plan_free(plan);
		return false;
	}
	return jh_ctx_last_error_code(ctx) == JH_ERR_NOT_SUPPORTED;
}

/*
 * Everything the arguments give, into the request; 0, or the exit code
 * (the system config's failure to load is a config error).
 */
static int fill_request(struct jh_ctx *ctx, const struct linux_args *a,
			struct jh_linux *req)
{
	struct jh_config *sys;
	int err;

	if (a->system) {
		if (jh_config_new_from_file(ctx, a->system, &sys))
			return cli_config_error(ctx);
		err = jh_linux_set_system_config(req, sys);
		jh_config_unref(sys);
		if (err)
			return cli_error(ctx);
	}
	if (jh_linux_set_file(req, JH_LINUX_KERNEL, a->kernel) ||
	    (a->initrd && jh_linux_set_file(req, JH_LINUX_INITRD, a->initrd)) ||
	    (a->dtb && jh_linux_set_file(req, JH_LINUX_DTB, a->dtb)) ||
	    jh_linux_set_cmdline(req, a->cmdline) ||
	    (a->name && jh_linux_set_name(req, a->name)) ||
	    jh_linux_set_decomp_factor(req, (unsigned int)a->factor) ||
	    jh_linux_set_gic(req, a->gicd, a->gicr) ||
	    jh_linux_set_uart_irq(req, (unsigned int)a->uart_irq) ||
	    jh_linux_set_strict(req, a->strict) ||
	    jh_linux_set_reboot(req, a->reboot))
		return cli_error(ctx);
	return 0;
}

static volatile sig_atomic_t stop_signal;

static void on_stop_signal(int sig)
{
	stop_signal = sig;
}

/*
 * Ctrl-C or a kill in the middle of the loads must not leave a half-made
 * cell: the signals only ask the boot to stop, it undoes what it did, and
 * then the command dies of the signal as it would have. One that comes
 * while the cell is being started, or after, is too late to undo
 * anything: the boot stands, and so does the command's success (a script
 * must not see a failure with the cell running). A signal the caller
 * ignores stays ignored.
 */
static int boot(struct jh_ctx *ctx, struct jh_linux_plan *plan)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
	struct sigaction sa, old[sizeof(sigs) / sizeof(sigs[0])];
	unsigned int i;
	int err, ret;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		sigaction(sigs[i], NULL, &old[i]);
		if (old[i].sa_handler != SIG_IGN)
			sigaction(sigs[i], &sa, NULL);
	}
	jh_linux_plan_set_cancel(plan, &stop_signal);
	err = jh_linux_plan_boot(plan, NULL);
	/* booted: our handler stays, a late signal cannot fail the command */
	if (!err)
		return EXIT_OK;
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaction(sigs[i], &old[i], NULL);
	ret = cli_error(ctx);
	if (!stop_signal)
		cli_console_tail(ctx);
	else
		raise(stop_signal);
	return ret;
}

/* What to do with the plan: print it, write the DTB, or boot it. */
static int use_plan(struct jh_ctx *ctx, const struct linux_args *a,
		    struct jh_linux_plan *plan)
{
	unsigned int i;

	for (i = 0; i < jh_linux_plan_get_num_warnings(plan); i++)
		cli_warn("warning: %s", jh_linux_plan_get_warning(plan, i));
	/*
	 * Without a boot nothing else reads an Image.gz to its end: check
	 * it here (streamed, nothing kept), so a plan that is printed or
	 * written would also load.
	 */
	if ((a->dry_run || a->write) && jh_linux_plan_verify(plan))
		return cli_error(ctx);
	if (a->dry_run) {
		if (jh_linux_plan_print(plan, stdout,
					a->json ? JH_LINUX_PRINT_JSON : 0))
			return cli_error(ctx);
		return EXIT_OK;
	}
	if (a->write) {
		if (jh_linux_plan_write_dtb(plan, a->write) ||
		    jh_linux_plan_print_commands(plan, stdout, a->cell,
						 a->write))
			return cli_error(ctx);
		return EXIT_OK;
	}
	return boot(ctx, plan);
}

int cmd_cell_linux(int argc, char **argv)
{
	struct jh_linux_plan *plan;
	struct linux_args a;
	struct jh_config *cfg;
	struct jh_linux *req;
	struct jh_ctx *ctx;
	char **given;
	int ret, err;

	/* getopt_long() reorders argv; a script gets the words as given */
	given = calloc((size_t)argc + 1, sizeof(*given));
	if (!given) {
		cli_warn("out of memory");
		return EXIT_FAILED;
	}
	memcpy(given, argv, (size_t)argc * sizeof(*given));
	ret = parse_args(argc, argv, &a);
	if (ret)
		goto out_given;
	if (a.help) {
		ret = cli_print_help(linux_usage);
		goto out_given;
	}
	ret = cli_ctx(&ctx);
	if (ret)
		goto out_given;
	if (jh_config_new_from_file(ctx, a.cell, &cfg)) {
		ret = cli_config_error(ctx);
		goto out_ctx;
	}
	if (jh_linux_new(ctx, cfg, &req)) {
		ret = cli_error(ctx);
		goto out_cfg;
	}
	/* Without the loader, upstream's script boots it if installed. */
	if (loader_missing(ctx, req)) {
		err = cli_exec_extension("cell", given);
		if (err != ENOENT) {
			cli_warn("running jailhouse-cell-linux: %s",
				 strerror(err));
			ret = EXIT_FAILED;
			goto out_req;
		}
	}
	ret = fill_request(ctx, &a, req);
	if (ret)
		goto out_req;
	if (jh_linux_plan(req, &plan)) {
		ret = cli_error(ctx);
		goto out_req;
	}
	ret = use_plan(ctx, &a, plan);
	jh_linux_plan_free(plan);
out_req:
	jh_linux_free(req);
out_cfg:
	jh_config_unref(cfg);
out_ctx:
	jh_ctx_unref(ctx);
out_given:
	free(given);
	return ret;
}
