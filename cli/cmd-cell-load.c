// SPDX-License-Identifier: GPL-2.0-only
/*
 * cell load: images in command-line order, each a file or -s STRING,
 * followed by its own -a ADDR (and, for a file, --raw). Files go raw to
 * ADDR as upstream loads them; an ELF file without -a or --raw is placed
 * by its program headers instead.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char load_usage[] =
	"cell load { ID | [--name] NAME } IMAGE... [-- FILE...]\n"
	"  IMAGE: FILE [-a | --address ADDR] [--raw]\n"
	"         or -s | --string STRING [-a | --address ADDR]\n"
	"Stops the cell and loads the images in order. A file goes raw to ADDR\n"
	"(default 0), a cell guest-physical address; an ELF file without -a is\n"
	"placed by its program headers instead, unless --raw follows it. A STRING\n"
	"is loaded with its NUL. -a and --raw apply to the image before them.\n"
	"Words after -- are files, even if they start with '-'.";

static bool is_opt(const char *arg, const char *s, const char *l)
{
	return !strcmp(arg, s) || !strcmp(arg, l);
}

/* What follows one image on the command line. */
struct image_opts {
	bool has_addr, raw;
	uint64_t addr;
};

/* Parses the -a ADDR and --raw after the image ending at argv[*i - 1]. */
static int parse_image_opts(int argc, char **argv, int *i, bool is_string,
			    struct image_opts *o)
{
	const char *image = argv[*i - 1];

	memset(o, 0, sizeof(*o));
	while (*i < argc) {
		if (is_opt(argv[*i], "-a", "--address")) {
			if (o->has_addr)
				return cli_usage_error(load_usage,
						       "two addresses for '%s'",
						       image);
			if (++*i >= argc)
				return cli_usage_error(load_usage,
						       "%s needs an address",
						       argv[*i - 1]);
			if (cli_parse_u64(argv[*i], &o->addr))
				return cli_usage_error(load_usage,
						       "invalid address '%s'",
						       argv[*i]);
			o->has_addr = true;
		} else if (!strcmp(argv[*i], "--raw")) {
			if (is_string)
				return cli_usage_error(load_usage,
						       "--raw is for files; -s '%s' is a string",
						       image);
			o->raw = true;
		} else {
			break;
		}
		(*i)++;
	}
	return EXIT_OK;
}

/*
 * Raw at the address when -a or --raw says so, as upstream loads any file;
 * an ELF file given -a probably meant its segments, so say what happens.
 */
static int add_file(struct jh_ctx *ctx, struct jh_image_set *set,
		    const char *file, const struct image_opts *o)
{
	int elf, err;

	elf = o->raw ? 0 : jh_image_is_elf_file(ctx, file);
	if (elf < 0)
		return cli_error(ctx);
	if (elf && o->has_addr)
		cli_warn("warning: %s is an ELF file, loaded raw at 0x%" PRIx64
			 " as -a says; without -a its segments would be loaded",
			 file, o->addr);
	if (elf && !o->has_addr)
		err = jh_image_set_add_elf_file(set, file);
	else
		err = jh_image_set_add_raw_file(set, file, o->addr);
	return err ? cli_error(ctx) : EXIT_OK;
}

/* Adds the image spec at argv[*i] (with its options) to @set. */
static int add_image(struct jh_ctx *ctx, struct jh_image_set *set, int argc,
		     char **argv, int *i, bool opts_done)
{
	static const struct image_opts none;
	const char *string = NULL, *arg = argv[*i];
	struct image_opts o;
	int ret;

	if (opts_done) {
		(*i)++;
		return add_file(ctx, set, arg, &none);
	}
	if (is_opt(arg, "-s", "--string")) {
		if (++*i >= argc)
			return cli_usage_error(load_usage, "%s needs a string",
					       arg);
		string = argv[*i];
	} else if (is_opt(arg, "-a", "--address") || !strcmp(arg, "--raw")) {
		return cli_usage_error(load_usage,
				       "%s without an image before it", arg);
	} else if (arg[0] == '-' && arg[1]) {
		return cli_usage_error(load_usage,
				       "unknown option '%s' (put files named '-...' after --)",
				       arg);
	}
	(*i)++;
	ret = parse_image_opts(argc, argv, i, string, &o);
	if (ret)
		return ret;
	if (string)
		return jh_image_set_add_string(set, string, o.addr) ?
			cli_error(ctx) : EXIT_OK;
	return add_file(ctx, set, arg, &o);
}

int cmd_cell_load(int argc, char **argv)
{
	struct jh_image_set *set;
	int i = 1, images = 0, ret;
	struct jh_cell *cell;
	struct jh_ctx *ctx;
	bool opts_done;

	if (argc == 2 && cli_is_help(argv[1]))
		return cli_print_help(load_usage);
	ret = cli_ctx(&ctx);
	if (ret)
		return ret;
	if (jh_image_set_new(ctx, &set)) {
		ret = cli_error(ctx);
		goto out_ctx;
	}
	/* cli_cell_arg() skips a "--" before the cell; it ends options here */
	opts_done = i < argc && !strcmp(argv[i], "--");
	ret = cli_cell_arg(ctx, argc, argv, &i, load_usage, &cell);
	if (ret)
		goto out_set;
	while (i < argc && !ret) {
		if (!opts_done && !strcmp(argv[i], "--")) {
			opts_done = true;
			i++;
			continue;
		}
		ret = add_image(ctx, set, argc, argv, &i, opts_done);
		images++;
	}
	if (!ret && !images)
		ret = cli_usage_error(load_usage, "no image given");
	if (!ret && jh_cell_load(cell, set)) {
		ret = cli_error(ctx);
		cli_console_tail(ctx);
	}
	jh_cell_unref(cell);
out_set:
	jh_image_set_free(set);
out_ctx:
	jh_ctx_unref(ctx);
	return ret;
}
