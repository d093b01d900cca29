// SPDX-License-Identifier: BSD-2-Clause
/*
 * libjailhouse example: boot a bare-metal inmate in a new cell, or leave
 * nothing behind: "jailhouse cell create CONFIG; jailhouse cell load NAME
 * IMAGE -a ADDR; jailhouse cell start NAME" with the undo a script would
 * have to write itself.
 *
 *   boot-inmate CELL-CONFIG IMAGE [ADDRESS]
 *   cc boot-inmate.c $(pkg-config --cflags --libs libjailhouse)
 */
#include <stdio.h>
#include <stdlib.h>

#include <libjailhouse.h>

int main(int argc, char **argv)
{
	struct jh_image_set *images = NULL;
	struct jh_config *cfg = NULL;
	struct jh_cell *cell;
	struct jh_ctx *ctx;
	uint64_t addr;
	int err;

	if (argc < 3 || argc > 4) {
		fprintf(stderr, "usage: %s CELL-CONFIG IMAGE [ADDRESS]\n", argv[0]);
		return 2;
	}
	addr = argc == 4 ? strtoull(argv[3], NULL, 0) : 0;
	if (jh_ctx_new(getenv("JAILHOUSE_TEST_ROOT"), &ctx))
		return 1;

	err = jh_config_new_from_file(ctx, argv[1], &cfg);
	if (!err)
		err = jh_image_set_new(ctx, &images);
	if (!err)
		err = jh_image_set_add_raw_file(images, argv[2], addr);
	/* create, load, start; on failure the cell is destroyed again */
	if (!err)
		err = jh_cell_boot(ctx, cfg, images, &cell);
	if (err) {
		/* the cause, in the words of the layer that found it */
		fprintf(stderr, "boot-inmate: %s\n", jh_ctx_last_error(ctx));
	} else {
		printf("cell %d (%s) runs\n", jh_cell_get_id(cell),
		       jh_cell_get_name(cell));
		jh_cell_unref(cell);
	}
	jh_image_set_free(images);
	jh_config_unref(cfg);
	jh_ctx_unref(ctx);
	return err ? 1 : 0;
}
