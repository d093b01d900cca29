// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The RAM root Linux runs in, from /proc/iomem: its top-level "System RAM"
 * lines. Memory a mem= parameter or a no-map reservation keeps from Linux
 * is absent there, which is how free memory for the hypervisor and the
 * cells is told from Linux's own: by config create (confgen/probe.c) and
 * the live checks (check-live.c).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

int jh_iomem_ram(struct jh_ctx *ctx, const char *text,
		 struct jh_range *ram, unsigned int max, unsigned int *num)
{
	unsigned long long first, last;
	const char *line, *eol, *next;
	bool any_address = false;
	unsigned int n = 0;
	int used;

	for (line = text; *line; line = next) {
		eol = strchrnul(line, '\n');
		next = *eol ? eol + 1 : eol;
		/* nested lines (indented) are parts of a top-level one */
		if (*line == ' ' || line == eol)
			continue;
		/* %n is set only when the " : " after the range matched */
		used = -1;
		if (sscanf(line, "%llx-%llx : %n", &first, &last, &used) != 2 ||
		    used < 0 || last < first || line + used > eol)
			return jh_fail(ctx, EINVAL, JH_ERR_INVALID_ARGUMENT,
				       "iomem: unreadable line '%.*s'",
				       (int)(eol - line), line);
		if (last)
			any_address = true;
		if (eol - (line + used) != 10 ||
		    strncmp(line + used, "System RAM", 10))
			continue;
		if (n == max)
			return jh_fail(ctx, E2BIG, JH_ERR_INVALID_ARGUMENT,
				       "iomem: more than %u System RAM ranges",
				       max);
		ram[n].start = first;
		ram[n].size = last - first + 1;
		n++;
	}
	if (!any_address)
		return jh_fail(ctx, EACCES, JH_ERR_PERMISSION,
			       "iomem: every address is 0: /proc/iomem shows addresses to root only");
	*num = n;
	return 0;
}
