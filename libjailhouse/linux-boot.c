// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Executing a Linux boot plan: create (or reuse) the cell, stop it, load
 * every segment in order and start it. Any failure after the create
 * destroys a cell made here, so no half-loaded cell stays behind.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "linux-plan.h"

/*
 * Files and the inflated kernel are loaded in pieces of this size: large
 * initrds stay on disk, an Image.gz is never inflated whole, and the peak
 * RSS stays a few hundred KiB above the command's baseline
 * (docs/benchmarks.md); each piece costs one CELL_LOAD.
 */
#define LOAD_CHUNK	(256U << 10)

/*
 * A cell of the plan's name exists: reuse it, as upstream's tool does,
 * but stop a running one only when asked to (upstream reboots it without
 * a word, losing whatever ran there).
 */
static int reuse_cell(struct jh_linux_plan *plan, int id,
		      struct jh_cell **out)
{
	struct jh_cpuset *want = NULL, *have = NULL;
	enum jh_cell_state state;
	struct jh_cell *cell;
	int err;

	err = jh_cell_lookup_by_id(plan->ctx, id, &cell);
	if (err)
		return err;
	err = jh_cell_get_state(cell, &state);
	if (!err && !plan->reboot && (state == JH_CELL_RUNNING ||
				      state == JH_CELL_RUNNING_LOCKED))
		err = jh_fail(plan->ctx, EBUSY, JH_ERR_NAME_TAKEN,
			      "cell %d (%s) is %s: shut it down or destroy it first, or ask for a reboot (cell linux --reboot)",
			      id, jh_cell_get_name(cell),
			      jh_cell_state_name(state));
	if (!err)
		err = jh_config_get_cpus(plan->cell, &want);
	if (!err)
		err = jh_cell_get_cpus_assigned(cell, &have);
	if (!err && strcmp(jh_cpuset_to_string(want),
			   jh_cpuset_to_string(have)))
		err = jh_fail(plan->ctx, EEXIST, JH_ERR_NAME_TAKEN,
			      "cell %d is named '%s' but has CPUs %s, the config %s: destroy it first or use another name",
			      id, jh_cell_get_name(cell),
			      jh_cpuset_to_string(have),
			      jh_cpuset_to_string(want));
	jh_cpuset_free(want);
	jh_cpuset_free(have);
	if (err) {
		jh_cell_unref(cell);
		return err;
	}
	jh_info(plan->ctx, "reusing cell %d (%s)", id, jh_cell_get_name(cell));
	*out = cell;
	return 0;
}

static int get_cell(struct jh_linux_plan *plan, struct jh_cell **cell,
		    bool *created)
{
	const char *name = jh_config_get_name(plan->cell);
	int err, id;

	*created = false;
	err = jh_cell_find_id_by_name(plan->ctx, name, &id);
	if (err < 0)
		return err;
	if (err > 0)
		return reuse_cell(plan, id, cell);
	err = jh_cell_create(plan->ctx, plan->cell, cell);
	if (err) {
		jh_error_prefix(plan->ctx, "creating the cell");
		return err;
	}
	*created = true;
	return 0;
}

static bool cancel_asked(const struct jh_linux_plan *plan)
{
	return plan->cancel && *plan->cancel;
}

/* Fails with JH_ERR_CANCELED once the caller's flag is set. */
static int check_cancel(struct jh_linux_plan *plan)
{
	if (!cancel_asked(plan))
		return 0;
	return jh_fail(plan->ctx, ECANCELED, JH_ERR_CANCELED,
		       "stopped on request");
}

/* A piece the loader could not give: its own words if it had any. */
static int read_failed(struct jh_linux_plan *plan, const struct jhl_segment *seg,
		       __u64 off, __u64 len, int err)
{
	if (plan->last_err[0])
		return jh_linux_planner_fail(plan, err);
	return jh_fail(plan->ctx, -err, JH_ERR_SYSTEM,
		       "reading %llu bytes at byte %llu: %s",
		       (unsigned long long)len,
		       (unsigned long long)(seg->offset + off), strerror(-err));
}

/*
 * A segment whose bytes are not in memory: read (from a file) or inflated
 * (an Image.gz) one piece at a time, each piece loaded on its own while
 * the next one is read (load-pipe.c). The gzip kernel is checked as its
 * last piece is inflated; a broken one fails here, before that piece is
 * loaded. The first failure in the segment's order is the one reported:
 * a load that failed comes before the piece being read meanwhile.
 */
static int load_streamed(struct jh_linux_plan *plan, struct jh_cell *cell,
			 const struct jhl_segment *seg)
{
	struct jh_load_pipe *pipe;
	__u64 off, len = 0;
	int err, read_err = 0;
	void *buf;

	err = jh_load_pipe_open(cell, seg->size < LOAD_CHUNK ?
				seg->size : LOAD_CHUNK, &pipe);
	if (err)
		return err;
	for (off = 0; off < seg->size; off += len) {
		len = seg->size - off;
		if (len > LOAD_CHUNK)
			len = LOAD_CHUNK;
		if (cancel_asked(plan))
			break;
		buf = jh_load_pipe_buffer(pipe);
		if (!buf)
			break;		/* a load failed: close says why */
		plan->last_err[0] = '\0';
		read_err = jhl_segment_read(seg, buf, len, off);
		if (read_err)
			break;
		jh_load_pipe_put(pipe, len, seg->guest_addr + off);
	}
	err = jh_load_pipe_close(pipe);
	if (err)
		return err;
	if (read_err)
		return read_failed(plan, seg, off, len, read_err);
	/* a stop asked for while the last pieces loaded counts here */
	return check_cancel(plan);
}

static int load_segment(struct jh_linux_plan *plan, struct jh_cell *cell,
			const struct jhl_segment *seg)
{
	int err;

	jh_dbg(plan->ctx, "loading %s: %llu bytes at 0x%llx (region %u)",
	       jh_linux_image_name(seg->kind), (unsigned long long)seg->size,
	       (unsigned long long)seg->guest_addr, seg->region);
	if (seg->data) {
		err = check_cancel(plan);
		if (!err)
			err = jh_cell_load_image(cell, seg->data, seg->size,
						 seg->guest_addr);
		/* a stop asked for during the load counts here, as streamed */
		if (!err)
			err = check_cancel(plan);
	} else {
		err = load_streamed(plan, cell, seg);
	}
	if (err)
		jh_error_prefix(plan->ctx, "loading the %s (%llu bytes at 0x%llx)",
				jh_linux_image_name(seg->kind),
				(unsigned long long)seg->size,
				(unsigned long long)seg->guest_addr);
	return err;
}

static int load_and_start(struct jh_linux_plan *plan, struct jh_cell *cell)
{
	unsigned int i, n = jhl_plan_num_segments(plan->plan);
	int err;

	err = jh_cell_shutdown(cell);
	if (err) {
		jh_error_prefix(plan->ctx, "stopping the cell for loading");
		return err;
	}
	for (i = 0; i < n; i++) {
		err = load_segment(plan, cell, jhl_plan_segment(plan->plan, i));
		if (err)
			return err;
	}
	err = check_cancel(plan);
	if (!err)
		err = jh_cell_start(cell);
	if (err)
		jh_error_prefix(plan->ctx, "starting the cell");
	return err;
}

/* After a failed step: destroy a cell we created, keep the first error. */
static void undo(struct jh_linux_plan *plan, struct jh_cell *cell,
		 bool created, bool touched)
{
	enum jh_error code = jh_ctx_last_error_code(plan->ctx);
	char msg[1024], why[1024];
	int id = jh_cell_get_id(cell);

	snprintf(msg, sizeof(msg), "%s", jh_ctx_last_error(plan->ctx));
	if (!created && !touched) {
		jh_fail(plan->ctx, EIO, code,
			"%s; cell %d existed before and is left as it was", msg,
			id);
		return;
	}
	if (!created) {
		jh_fail(plan->ctx, EIO, code,
			"%s; cell %d existed before and is left shut down, partly loaded",
			msg, id);
		return;
	}
	if (!jh_cell_destroy(cell)) {
		jh_fail(plan->ctx, EIO, code,
			"%s; cell %d was destroyed again", msg, id);
		return;
	}
	snprintf(why, sizeof(why), "%s", jh_ctx_last_error(plan->ctx));
	jh_fail(plan->ctx, EIO, code,
		"%s; destroying the half-made cell %d failed too: %s", msg, id,
		why);
}

JH_EXPORT int jh_linux_plan_boot(struct jh_linux_plan *plan,
				 struct jh_cell **out)
{
	const char *name = jh_config_get_name(plan->cell);
	struct jh_cell *cell;
	bool created;
	int err;

	err = get_cell(plan, &cell, &created);
	/*
	 * A cell that ran before must not be stopped and half overwritten
	 * for an Image.gz that turns out broken at its end: check the whole
	 * stream first (one more inflate, only then). A new cell goes again
	 * on a failure anyway.
	 */
	if (!err && !created) {
		err = jh_linux_plan_verify(plan);
		if (err) {
			undo(plan, cell, created, false);
			jh_cell_unref(cell);
		}
	}
	if (!err) {
		err = load_and_start(plan, cell);
		if (err) {
			undo(plan, cell, created, true);
			jh_cell_unref(cell);
		}
	}
	if (err) {
		jh_error_prefix(plan->ctx, "booting Linux in cell '%s'", name);
		return err;
	}
	jh_info(plan->ctx, "Linux started in cell %d (%s)",
		jh_cell_get_id(cell), name);
	if (out)
		*out = cell;
	else
		jh_cell_unref(cell);
	return 0;
}

JH_EXPORT int jh_linux_boot(struct jh_linux *req, struct jh_cell **out)
{
	struct jh_linux_plan *plan;
	int err;

	err = jh_linux_plan(req, &plan);
	if (err)
		return err;
	err = jh_linux_plan_boot(plan, out);
	jh_linux_plan_free(plan);
	return err;
}
