// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The offline config checker: collects configs, runs the rule families
 * and keeps the findings.
 */
#include <errno.h>
#include <limits.h>
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

/* How many findings of one rule, severity and source were seen. */
struct jh_rule_count {
	enum jh_severity severity;
	const char *rule;	/* static string */
	char *source;
	uint64_t seen;
};

struct jh_check {
	struct jh_ctx *ctx;
	const struct jh_config *sys;
	struct jh_check_cell *cells;	/* [0] is the root cell if sys */
	unsigned int num_cells, cells_cap;
	struct jh_finding *findings;
	unsigned int num_findings, findings_cap;
	struct jh_rule_count *counts;
	unsigned int num_counts, counts_cap, last_count;
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
	for (i = 0; i < chk->num_counts; i++)
		free(chk->counts[i].source);
	chk->num_counts = 0;
	chk->last_count = 0;
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
	free(chk->counts);
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

void jh_check_nomem(struct jh_check *chk)
{
	chk->nomem = true;
}

static struct jh_rule_count *find_count(struct jh_check *chk,
					enum jh_severity sev, const char *rule,
					const char *src)
{
	struct jh_rule_count *c;
	unsigned int i;

	/* Rules report in runs, so the last one used is the usual hit. */
	for (i = 0; i < chk->num_counts; i++) {
		c = &chk->counts[(chk->last_count + i) % chk->num_counts];
		if (c->severity == sev && !strcmp(c->rule, rule) &&
		    !strcmp(c->source, src)) {
			chk->last_count = (unsigned int)(c - chk->counts);
			return c;
		}
	}
	if (chk->num_counts == chk->counts_cap) {
		unsigned int cap = chk->counts_cap ? chk->counts_cap * 2 : 16;

		c = realloc(chk->counts, cap * sizeof(*c));
		if (!c)
			return NULL;
		chk->counts = c;
		chk->counts_cap = cap;
	}
	c = &chk->counts[chk->num_counts];
	c->source = strdup(src);
	if (!c->source)
		return NULL;
	c->severity = sev;
	c->rule = rule;
	c->seen = 0;
	chk->last_count = chk->num_counts++;
	return c;
}

static void add_saturated(unsigned int *counter, uint64_t n)
{
	*counter = n > UINT_MAX - *counter ? UINT_MAX : *counter + (unsigned int)n;
}

/* Counts @n findings; true if the (single) finding is to be kept in full. */
static bool count_findings(struct jh_check *chk, enum jh_severity sev,
			   const char *rule, const char *src, uint64_t n)
{
	struct jh_rule_count *c = find_count(chk, sev, rule, src);

	if (!c) {
		chk->nomem = true;
		return false;
	}
	if (sev == JH_SEVERITY_ERROR)
		add_saturated(&chk->errors, n);
	else if (sev == JH_SEVERITY_WARNING)
		add_saturated(&chk->warnings, n);
	c->seen += n;
	return c->seen <= JH_CHECK_KEEP;
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
}

void jh_check_report(struct jh_check *chk, enum jh_severity sev,
		     const char *rule, const struct jh_check_cell *cell,
		     int idx, const struct jh_check_cell *other, int other_idx,
		     const char *fmt, ...)
{
	char text[512];
	va_list ap;

	if (!count_findings(chk, sev, rule, cell->src, 1))
		return;
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	add_finding(chk, sev, rule, cell->src, idx, other ? other->src : NULL,
		    other_idx, text);
}

void jh_check_report_more(struct jh_check *chk, enum jh_severity sev,
			  const char *rule, const struct jh_check_cell *cell,
			  uint64_t n)
{
	if (n)
		count_findings(chk, sev, rule, cell->src, n);
}

void jh_check_report_live(struct jh_check *chk, enum jh_severity sev,
			  const char *rule, const char *what, const char *hint,
			  const char *fmt, ...)
{
	unsigned int before = chk->num_findings;
	char text[512];
	va_list ap;

	if (!count_findings(chk, sev, rule, what, 1))
		return;
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	add_finding(chk, sev, rule, what, -1, NULL, -1, text);
	if (chk->num_findings > before)
		chk->findings[before].hint = hint;
}

/* One last finding per rule that had more than it kept, with the count. */
static void add_summaries(struct jh_check *chk)
{
	const struct jh_rule_count *c;
	char text[128];
	unsigned int i;

	for (i = 0; i < chk->num_counts; i++) {
		c = &chk->counts[i];
		if (c->seen <= JH_CHECK_KEEP)
			continue;
		snprintf(text, sizeof(text),
			 "... and %llu more %s findings (only the first %u are listed)",
			 (unsigned long long)(c->seen - JH_CHECK_KEEP), c->rule,
			 JH_CHECK_KEEP);
		add_finding(chk, c->severity, c->rule, c->source, -1, NULL, -1,
			    text);
	}
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
	jh_check_pci(chk);
	if (chk->live)
		jh_check_live(chk);
	add_summaries(chk);

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

/* See internal.h. */
int jh_check_config_alone(struct jh_ctx *ctx, const struct jh_config *cfg)
{
	const struct jh_finding *f;
	struct jh_check *chk;
	unsigned int i;
	int err;

	err = jh_check_new(ctx, &chk);
	if (err)
		return err;
	if (jh_config_get_kind(cfg) == JH_CONFIG_SYSTEM)
		err = jh_check_set_system(chk, cfg);
	else
		err = jh_check_add_cell(chk, cfg);
	if (!err)
		err = jh_check_run(chk);
	/* Warnings do not refuse the config, but should not go unseen. */
	for (i = 0; i < jh_check_get_num_findings(chk); i++) {
		f = jh_check_get_finding(chk, i);
		if (jh_finding_get_severity(f) == JH_SEVERITY_WARNING)
			jh_warn(ctx, "%s [%s]", jh_finding_get_message(f),
				jh_finding_get_rule(f));
	}
	jh_check_free(chk);
	return err;
}
