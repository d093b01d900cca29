// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * jh_sysgen_run() and its results: the inputs read, the board probed and
 * the config laid out by confgen/.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "sysgen.h"

#define SYSGEN_MAX_DTB	(8 << 20)

/* @path as given, or the running system's @live below the context root */
static int read_input(struct jh_sysgen *gen, const char *path,
		      const char *live, size_t max, char *shown,
		      void **data, size_t *size)
{
	char full[PATH_MAX];
	int err;

	if (path) {
		snprintf(shown, PATH_MAX, "%s", path);
		return jh_read_pseudo_file(gen->ctx, path, max, data, size);
	}
	snprintf(shown, PATH_MAX, "%s", live);
	err = jh_path(gen->ctx, full, "%s", live);
	if (err)
		return err;
	return jh_read_pseudo_file(gen->ctx, full, max, data, size);
}

JH_EXPORT int jh_sysgen_run(struct jh_sysgen *gen)
{
	void *fdt = NULL, *iomem = NULL;
	size_t fdt_size, iomem_size = 0;
	int err;

	gen->done = false;
	jhg_board_release(&gen->board);
	memset(&gen->board, 0, sizeof(gen->board));
	err = read_input(gen, gen->dtb_path, "/sys/firmware/fdt",
			 SYSGEN_MAX_DTB, gen->dtb_shown, &fdt, &fdt_size);
	if (gen->linux_mem)
		snprintf(gen->iomem_shown, PATH_MAX, "mem=0x%llx",
			 (unsigned long long)gen->linux_mem);
	if (!err && !gen->no_iomem && !gen->linux_mem)
		err = read_input(gen, gen->iomem_path, "/proc/iomem",
				 JH_MAX_IOMEM, gen->iomem_shown, &iomem,
				 &iomem_size);
	if (err)
		goto out;
	if (iomem)	/* text for the parser */
		((char *)iomem)[iomem_size] = '\0';
	gen->board.dtb_source = gen->dtb_shown;
	gen->board.iomem_source = gen->iomem_shown;
	err = jhg_probe(gen->ctx, fdt, fdt_size, iomem, gen->linux_mem,
			&gen->board);
	if (!err) {
		gen->params.name = gen->name;
		err = jhg_layout(gen->ctx, &gen->board, &gen->params,
				 &gen->sys);
	}
	if (!err && gen->want_cell)
		err = jhg_cell_layout(gen->ctx, &gen->board, &gen->sys,
				      &gen->cell_params, &gen->cell);
	gen->done = !err;
out:
	free(fdt);
	free(iomem);
	return err;
}

static int generated(struct jh_sysgen *gen)
{
	return gen->done ? 0 :
	       jh_fail(gen->ctx, EINVAL, JH_ERR_INVALID_ARGUMENT,
		       "nothing generated yet (jh_sysgen_run())");
}

JH_EXPORT int jh_sysgen_write(struct jh_sysgen *gen,
			      enum jh_sysgen_format format, FILE *out)
{
	size_t size;
	void *data;
	int err;

	err = generated(gen);
	if (err)
		return err;
	switch (format) {
	case JH_SYSGEN_C:
		err = gen->want_cell ?
		      jhg_write_cell_c(&gen->board, &gen->cell, out) :
		      jhg_write_c(&gen->board, &gen->sys, out);
		break;
	case JH_SYSGEN_JSON:
		err = gen->want_cell ?
		      jhg_write_cell_json(&gen->board, &gen->cell, out) :
		      jhg_write_json(&gen->board, &gen->sys, out);
		break;
	case JH_SYSGEN_CELL:
		err = gen->want_cell ?
		      jhg_build_cell_desc(gen->ctx, &gen->cell, &data, &size) :
		      jhg_build_cell(gen->ctx, &gen->sys, &data, &size);
		if (err)
			return err;
		err = fwrite(data, 1, size, out) == size ? 0 : -EIO;
		free(data);
		break;
	default:
		return jh_fail(gen->ctx, EINVAL, JH_ERR_INVALID_ARGUMENT,
			       "unknown output format %d", (int)format);
	}
	if (err)
		return jh_fail(gen->ctx, -err, JH_ERR_SYSTEM,
			       "writing the config: %s", strerror(-err));
	return 0;
}

JH_EXPORT int jh_sysgen_get_config(struct jh_sysgen *gen,
				   struct jh_config **cfg)
{
	size_t size;
	void *data;
	int err;

	err = generated(gen);
	if (!err)
		err = jhg_build_cell(gen->ctx, &gen->sys, &data, &size);
	if (err)
		return err;
	err = jh_config_new_from_buffer(gen->ctx, data, size, gen->sys.name,
					cfg);
	free(data);
	return err;
}

JH_EXPORT int jh_sysgen_get_cell_config(struct jh_sysgen *gen,
					struct jh_config **cfg)
{
	size_t size;
	void *data;
	int err;

	err = generated(gen);
	if (!err && !gen->want_cell)
		err = jh_fail(gen->ctx, EINVAL, JH_ERR_INVALID_ARGUMENT,
			      "no cell was asked for (jh_sysgen_set_cell())");
	if (!err)
		err = jhg_build_cell_desc(gen->ctx, &gen->cell, &data, &size);
	if (err)
		return err;
	err = jh_config_new_from_buffer(gen->ctx, data, size,
					gen->cell.desc.name, cfg);
	free(data);
	return err;
}

void jh_sysgen_release(struct jh_sysgen *gen)
{
	jhg_board_release(&gen->board);
	jhg_system_release(&gen->sys);
}
