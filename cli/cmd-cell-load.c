// SPDX-License-Identifier: GPL-2.0-only
/*
 * cell load: images in command-line order, each a file (ELF files placed
 * by their program headers, others raw at -a ADDR) or -s STRING at -a ADDR.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char load_usage[] =
	"cell load { ID | [--name] NAME } IMAGE [-a | --address ADDR]\n"
	"          [-s | --string STRING [-a | --address ADDR]]...\n"
	"Stops the cell and loads the images in order. An ELF IMAGE is placed\n"
	"by its program headers (no -a); other files and strings go to ADDR\n"
	"(default 0), a cell guest-physical address.";

static bool is_opt(const char *arg, const char *s, const char *l)
{
	return !strcmp(arg, s) || !strcmp(arg, l);
}

/* Adds one image spec at argv[*i] (and its -a) to @set. */
static int add_image(struct jh_ctx *ctx, struct jh_image_set *set, int argc,
		     char **argv, int *i)
{
	const char *string = NULL, *file;
	bool has_addr = false;
	uint64_t addr = 0;
	int elf, err;

	if (is_opt(argv[*i], "-s", "--string")) {
		if (++*i >= argc)
			return cli_usage_error(load_usage, "%s needs a string",
					       argv[*i - 1]);
		string = argv[*i];
	} else if (argv[*i][0] == '-' && argv[*i][1]) {
		return cli_usage_error(load_usage, "unknown option '%s'",
				       argv[*i]);
	}
	file = argv[(*i)++];
	if (*i < argc && is_opt(argv[*i], "-a", "--address")) {
		if (++*i >= argc)
			return cli_usage_error(load_usage, "%s needs an address",
					       argv[*i - 1]);
		if (cli_parse_u64(argv[*i], &addr))
			return cli_usage_error(load_usage, "invalid address '%s'",
					       argv[*i]);
		has_addr = true;
		(*i)++;
	}

	if (string)
		err = jh_image_set_add_string(set, string, addr);
	else if ((elf = jh_image_is_elf_file(ctx, file)) < 0)
		err = elf;
	else if (elf && has_addr)
		return cli_usage_error(load_usage,
				       "%s is an ELF file, placed by its program headers: drop -a",
				       file);
	else if (elf)
		err = jh_image_set_add_elf_file(set, file);
	else
		err = jh_image_set_add_raw_file(set, file, addr);
	return err ? cli_error(ctx) : EXIT_OK;
}

int cmd_cell_load(int argc, char **argv)
{
	struct jh_image_set *set;
	struct jh_cell *cell;
	struct jh_ctx *ctx;
	int i = 1, ret;

	if (argc == 2 && cli_is_help(argv[1]))
		return cli_print_help(load_usage);
	ret = cli_ctx(&ctx);
	if (ret)
		return ret;
	if (jh_image_set_new(ctx, &set)) {
		ret = cli_error(ctx);
		goto out_ctx;
	}
	ret = cli_cell_arg(ctx, argc, argv, &i, load_usage, &cell);
	if (ret)
		goto out_set;
	if (i >= argc) {
		ret = cli_usage_error(load_usage, "no image given");
		goto out_cell;
	}
	while (i < argc && !ret)
		ret = add_image(ctx, set, argc, argv, &i);
	if (!ret && jh_cell_load(cell, set)) {
		ret = cli_error(ctx);
		cli_console_tail(ctx);
	}
out_cell:
	jh_cell_unref(cell);
out_set:
	jh_image_set_free(set);
out_ctx:
	jh_ctx_unref(ctx);
	return ret;
}
