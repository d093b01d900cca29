// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * driver/ERRORS.md against the contract's rows (libjailhouse/
 * ioctl-errnos.c): for each ioctl, the errnos the document names are
 * exactly those the rows give it, and none of upstream's alone.
 * Document errnos come from the first column of the tables under
 * "## JAILHOUSE_<ioctl>" and "## Cell commands: common causes", and from
 * the bold ones of the introduction, which hold for every ioctl.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ioctl-errnos.h"
#include "tap.h"

#define MAX_NAMES	64

static const char *const sections[JH_REQ_COUNT] = {
	"## JAILHOUSE_ENABLE", "## JAILHOUSE_DISABLE",
	"## JAILHOUSE_CELL_CREATE", "## JAILHOUSE_CELL_LOAD",
	"## JAILHOUSE_CELL_START", "## JAILHOUSE_CELL_DESTROY",
};

struct name_set {
	char names[MAX_NAMES][24];
	unsigned int count;
};

static struct name_set doc[JH_REQ_COUNT];

static void add(struct name_set *set, const char *name, size_t len)
{
	unsigned int n;

	if (len >= sizeof(set->names[0]))
		return;
	for (n = 0; n < set->count; n++)
		if (strlen(set->names[n]) == len &&
		    !strncmp(set->names[n], name, len))
			return;
	if (set->count < MAX_NAMES) {
		memcpy(set->names[set->count], name, len);
		set->names[set->count++][len] = '\0';
	}
}

static bool has(const struct name_set *set, const char *name)
{
	for (unsigned int n = 0; n < set->count; n++)
		if (!strcmp(set->names[n], name))
			return true;
	return false;
}

/* Errno names ("EBUSY") in text up to end, each added to the sets in mask. */
static void names_in(const char *text, const char *end, unsigned int mask)
{
	const char *p = text;
	size_t len;

	while (p < end) {
		if (p[0] == 'E' && ((p[1] >= 'A' && p[1] <= 'Z') || p[1] == '2') &&
		    (p == text || p[-1] == ' ' || p[-1] == '*' || p[-1] == '|' ||
		     p[-1] == '`')) {
			len = strspn(p, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
			for (unsigned int r = 0; r < JH_REQ_COUNT; r++)
				if (mask & (1u << r))
					add(&doc[r], p, len);
			p += len;
			continue;
		}
		p++;
	}
}

/* Which ioctls a "## " heading's tables speak for. */
static unsigned int section_mask(const char *line)
{
	unsigned int r;

	if (!strncmp(line, "## Cell commands: common causes", 31))
		return 1u << JH_REQ_CREATE | 1u << JH_REQ_LOAD |
		       1u << JH_REQ_START | 1u << JH_REQ_DESTROY;
	for (r = 0; r < JH_REQ_COUNT; r++)
		if (!strncmp(line, sections[r], strlen(sections[r])) &&
		    (line[strlen(sections[r])] == '\n' ||
		     line[strlen(sections[r])] == '\0'))
			return 1u << r;
	return 0;
}

static void parse(const char *path)
{
	FILE *f = fopen(path, "r");
	unsigned int mask = 0, all = (1u << JH_REQ_COUNT) - 1;
	bool intro = true;
	char line[2048], *bar;

	if (!f) {
		tap_ok(false, "%s cannot be read", path);
		exit(tap_done());
	}
	while (fgets(line, sizeof(line), f)) {
		if (!strncmp(line, "## ", 3)) {
			intro = false;
			mask = section_mask(line);
			continue;
		}
		/* the introduction: **EINTR**, **ENOTRECOVERABLE** */
		if (intro) {
			for (char *b = strstr(line, "**E"); b;
			     b = strstr(b + 3, "**E"))
				names_in(b + 2, b + 2 + strcspn(b + 2, "*"),
					 all);
			continue;
		}
		/*
		 * A table row: the errnos in its first column, however it is
		 * spaced or emphasised ("| EBUSY |", "|**EBUSY**|"); a row
		 * whose first column names none (the header, a hypervisor's
		 * code) adds nothing.
		 */
		if (!mask || line[0] != '|')
			continue;
		bar = strchr(line + 1, '|');
		if (bar)
			names_in(line + 1, bar, mask);
	}
	fclose(f);
}

int main(void)
{
	const char *srcdir = getenv("srcdir");
	const struct jh_ioctl_errno *row;
	char path[4096];
	unsigned int r;

	snprintf(path, sizeof(path), "%s/driver/ERRORS.md",
		 srcdir ? srcdir : ".");
	parse(path);

	for (r = 0; r < JH_REQ_COUNT; r++) {
		tap_ok(doc[r].count > 0, "%s names errnos", sections[r] + 3);
		for (unsigned int n = 0; n < doc[r].count; n++) {
			int err = jh_ioctl_errno_by_name(doc[r].names[n]);

			row = err ? jh_ioctl_errno_find(r, err) : NULL;
			tap_ok(row && !row->upstream_only,
			       "%s %s: a row of the contract", sections[r] + 3,
			       doc[r].names[n]);
		}
	}
	for (row = jh_ioctl_errnos; row->name; row++)
		for (r = 0; r < JH_REQ_COUNT; r++)
			if (row->reqs & (1u << r))
				tap_ok(has(&doc[r], row->name) ==
				       !row->upstream_only,
				       "%s %s: %s", sections[r] + 3, row->name,
				       row->upstream_only ?
				       "upstream's only, not ours" :
				       "in driver/ERRORS.md");
	return tap_done();
}
