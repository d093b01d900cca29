// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The offline config checker: collects configs, runs the rule families
 * and keeps the findings.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

struct jh_finding {
	enum jh_severity severity;
	const char *rule;	/* static string */
	char *source;
	const char *other_source;	/* borrowed from a config */
	int index, other_index;
	char *message;
	const char *hint;	/* static string */
};

struct jh_check {
	struct jh_ctx *ctx;
	const struct jh_config *sys;
	struct jh_check_cell *cells;	/* [0] is the root cell if sys */
	unsigned int num_cells, cells_cap;
	struct jh_finding *findings;
	unsigned int num_findings, findings_cap;
	unsigned int errors, warnings;
	bool nomem, live;
};

JH_EXPORT int jh_check_new(struct jh_ctx *ctx, struct jh_check **out)
{
	struct jh_check *chk;

	chk = calloc(1, sizeof(*chk));
	if (!chk)
		return jh_fail_nomem(ctx);
	chk->ctx = jh_ctx_ref(ctx);
	*out = chk;
	return 0;
}

static void clear_findings(struct jh_check *chk)
{
	unsigned int i;

	for (i = 0; i < chk->num_findings; i++) {
		free(chk->findings[i].message);
		free(chk->findings[i].source);
	}
	chk->num_findings = 0;
	chk->errors = 0;
	chk->warnings = 0;
	chk->nomem = false;
}

JH_EXPORT void jh_check_free(struct jh_check *chk)
{
	if (!chk)
		return;
	clear_findings(chk);
	free(chk->findings);
	free(chk->cells);
	jh_ctx_unref(chk->ctx);
	free(chk);
}

static int kind_fail(struct jh_check *chk, const struct jh_config *cfg,
		     const char *want)
{
	return jh_fail(chk->ctx, EINVAL, JH_ERR_CONFIG_KIND,
		       "%s is not a %s config", jh_config_get_source(cfg),
		       want);
}

static int add_cell(struct jh_check *chk, const struct jh_config *cfg,
		    bool root)
{
	struct jh_check_cell *c;

	if (chk->num_cells == chk->cells_cap) {
		unsigned int cap = chk->cells_cap ? chk->cells_cap * 2 : 4;

		c = realloc(chk->cells, cap * sizeof(*c));
		if (!c)
			return jh_fail_nomem(chk->ctx);
		chk->cells = c;
		chk->cells_cap = cap;
	}
	/* The root cell goes first. */
	if (root && chk->num_cells)
		memmove(&chk->cells[1], &chk->cells[0],
			chk->num_cells * sizeof(*chk->cells));
	c = &chk->cells[root ? 0 : chk->num_cells];
	c->cfg = cfg;
	c->desc = jh_config_desc(cfg);
	c->src = jh_config_get_source(cfg);
	c->root = root;
	chk->num_cells++;
	return 0;
}

JH_EXPORT int jh_check_set_system(struct jh_check *chk,
				  const struct jh_config *sys)
{
	if (jh_config_get_kind(sys) != JH_CONFIG_SYSTEM)
		return kind_fail(chk, sys, "system");
	if (chk->sys)
		return jh_fail(chk->ctx, EEXIST, JH_ERR_INVALID_ARGUMENT,
			       "%s: the checker already has system config %s",
			       jh_config_get_source(sys),
			       jh_config_get_source(chk->sys));
	chk->sys = sys;
	return add_cell(chk, sys, true);
}

JH_EXPORT int jh_check_add_cell(struct jh_check *chk,
				const struct jh_config *cell)
{
	if (jh_config_get_kind(cell) != JH_CONFIG_CELL)
		return kind_fail(chk, cell, "cell");
	return add_cell(chk, cell, false);
}

const struct jailhouse_system *jh_check_system(const struct jh_check *chk)
{
	return chk->sys ? jh_config_system(chk->sys) : NULL;
}

unsigned int jh_check_cells(const struct jh_check *chk,
			    const struct jh_check_cell **cells)
{
	*cells = chk->cells;
	return chk->num_cells;
}

struct jh_ctx *jh_check_get_ctx(const struct jh_check *chk)
{
	return chk->ctx;
}

JH_EXPORT int jh_check_add_live_system(struct jh_check *chk)
{
	chk->live = true;
	return 0;
}

/* Appends a finding; @text becomes "<src>: <text>". */
static void add_finding(struct jh_check *chk, enum jh_severity sev,
			const char *rule, const char *src, int idx,
			const char *other_src, int other_idx, const char *text)
{
	struct jh_finding *f;

	if (chk->num_findings == chk->findings_cap) {
		unsigned int cap = chk->findings_cap ?
				   chk->findings_cap * 2 : 16;

		f = realloc(chk->findings, cap * sizeof(*f));
		if (!f) {
			chk->nomem = true;
			return;
		}
		chk->findings = f;
		chk->findings_cap = cap;
	}

	f = &chk->findings[chk->num_findings];
	memset(f, 0, sizeof(*f));
	f->source = strdup(src);
	if (!f->source || asprintf(&f->message, "%s: %s", src, text) < 0) {
		free(f->source);
		chk->nomem = true;
		return;
	}
	f->severity = sev;
	f->rule = rule;
	f->index = idx;
	f->other_source = other_src;
	f->other_index = other_src ? other_idx : -1;
	chk->num_findings++;
	if (sev == JH_SEVERITY_ERROR)
		chk->errors++;
	else if (sev == JH_SEVERITY_WARNING)
		chk->warnings++;
}

void jh_check_report(struct jh_check *chk, enum jh_severity sev,
		     const char *rule, const struct jh_check_cell *cell,
		     int idx, const struct jh_check_cell *other, int other_idx,
		     const char *fmt, ...)
{
	char text[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	add_finding(chk, sev, rule, cell->src, idx, other ? other->src : NULL,
		    other_idx, text);
}

void jh_check_report_live(struct jh_check *chk, enum jh_severity sev,
			  const char *rule, const char *what, const char *hint,
			  const char *fmt, ...)
{
	unsigned int before = chk->num_findings;
	char text[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	add_finding(chk, sev, rule, what, -1, NULL, -1, text);
	if (chk->num_findings > before)
		chk->findings[before].hint = hint;
}

JH_EXPORT int jh_check_run(struct jh_check *chk)
{
	unsigned int i;

	clear_findings(chk);
	jh_check_platform(chk);
	jh_check_cell_misc(chk);
	jh_check_memory(chk);
	jh_check_cpus(chk);
	jh_check_irqchips(chk);
	if (chk->live)
		jh_check_live(chk);

	if (chk->nomem)
		return jh_fail_nomem(chk->ctx);
	if (!chk->errors)
		return 0;
	for (i = 0; i < chk->num_findings; i++)
		if (chk->findings[i].severity == JH_SEVERITY_ERROR)
			break;
	if (chk->errors == 1)
		return jh_fail(chk->ctx, EINVAL, JH_ERR_CONFIG_INVALID, "%s",
			       chk->findings[i].message);
	return jh_fail(chk->ctx, EINVAL, JH_ERR_CONFIG_INVALID,
		       "%s (and %u more errors)", chk->findings[i].message,
		       chk->errors - 1);
}

JH_EXPORT unsigned int jh_check_get_num_findings(const struct jh_check *chk)
{
	return chk->num_findings;
}

JH_EXPORT unsigned int jh_check_get_num_errors(const struct jh_check *chk)
{
	return chk->errors;
}

JH_EXPORT unsigned int jh_check_get_num_warnings(const struct jh_check *chk)
{
	return chk->warnings;
}

JH_EXPORT const struct jh_finding *jh_check_get_finding(const struct jh_check *chk,
							unsigned int idx)
{
	return idx < chk->num_findings ? &chk->findings[idx] : NULL;
}

JH_EXPORT enum jh_severity jh_finding_get_severity(const struct jh_finding *f)
{
	return f->severity;
}

JH_EXPORT const char *jh_finding_get_rule(const struct jh_finding *f)
{
	return f->rule;
}

JH_EXPORT const char *jh_finding_get_source(const struct jh_finding *f)
{
	return f->source;
}

JH_EXPORT int jh_finding_get_index(const struct jh_finding *f)
{
	return f->index;
}

JH_EXPORT const char *jh_finding_get_other_source(const struct jh_finding *f)
{
	return f->other_source;
}

JH_EXPORT int jh_finding_get_other_index(const struct jh_finding *f)
{
	return f->other_index;
}

JH_EXPORT const char *jh_finding_get_message(const struct jh_finding *f)
{
	return f->message;
}

JH_EXPORT const char *jh_finding_get_hint(const struct jh_finding *f)
{
	return f->hint;
}
