// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * CPU sets, from config bitmaps or the driver's list format ("0-1,3").
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Upper bound for CPU numbers: what a config's CPU set can hold. */
#define JH_MAX_CPUS	(JAILHOUSE_CPU_SET_MAX_SIZE * 8)

struct jh_cpuset {
	unsigned int nbits;	/* highest CPU + 1 that can be stored */
	uint8_t *bits;
	char *text;
};

static struct jh_cpuset *cpuset_alloc(unsigned int nbits)
{
	struct jh_cpuset *set;

	set = calloc(1, sizeof(*set));
	if (!set)
		return NULL;
	set->nbits = nbits;
	set->bits = calloc(nbits / 8 + 1, 1);
	if (!set->bits) {
		free(set);
		return NULL;
	}
	return set;
}

JH_EXPORT void jh_cpuset_free(struct jh_cpuset *set)
{
	if (!set)
		return;
	free(set->bits);
	free(set->text);
	free(set);
}

static bool cpuset_has(const struct jh_cpuset *set, unsigned int cpu)
{
	return cpu < set->nbits && (set->bits[cpu / 8] & (1u << (cpu % 8)));
}

JH_EXPORT bool jh_cpuset_contains(const struct jh_cpuset *set, unsigned int cpu)
{
	return cpuset_has(set, cpu);
}

/* A byte at a time past empty bytes: a set may hold 32768 CPUs' bits */
static int cpuset_next(const struct jh_cpuset *set, int prev)
{
	unsigned int cpu = (unsigned int)(prev + 1);

	while (cpu < set->nbits) {
		if (!(cpu % 8) && !set->bits[cpu / 8]) {
			cpu += 8;
			continue;
		}
		if (cpuset_has(set, cpu))
			return (int)cpu;
		cpu++;
	}
	return -1;
}

JH_EXPORT int jh_cpuset_next(const struct jh_cpuset *set, int prev)
{
	return cpuset_next(set, prev);
}

JH_EXPORT unsigned int jh_cpuset_get_count(const struct jh_cpuset *set)
{
	unsigned int count = 0;
	int cpu;

	for (cpu = cpuset_next(set, -1); cpu >= 0; cpu = cpuset_next(set, cpu))
		count++;
	return count;
}

unsigned int jh_cpuset_get_max(const struct jh_cpuset *set)
{
	return set->nbits;
}

JH_EXPORT const char *jh_cpuset_to_string(const struct jh_cpuset *set)
{
	return set->text;
}

/* Renders "a-b,c" once, when the set is complete. */
static int cpuset_render(struct jh_cpuset *set)
{
	size_t cap = 16, len = 0;
	int first, last = -1;
	char *text;

	text = malloc(cap);
	if (!text)
		return -ENOMEM;
	text[0] = '\0';
	for (first = cpuset_next(set, -1); first >= 0;
	     first = cpuset_next(set, last)) {
		char item[32];
		int n;

		last = first;
		while (cpuset_has(set, (unsigned int)last + 1))
			last++;
		n = last == first ?
			snprintf(item, sizeof(item), "%s%d", len ? "," : "", first) :
			snprintf(item, sizeof(item), "%s%d-%d", len ? "," : "",
				 first, last);
		if (len + (size_t)n + 1 > cap) {
			char *bigger;

			cap = (len + (size_t)n + 1) * 2;
			bigger = realloc(text, cap);
			if (!bigger) {
				free(text);
				return -ENOMEM;
			}
			text = bigger;
		}
		memcpy(text + len, item, (size_t)n + 1);
		len += (size_t)n;
	}
	set->text = text;
	return 0;
}

int jh_cpuset_from_bitmap(struct jh_ctx *ctx, const uint8_t *bits,
			  size_t size, struct jh_cpuset **out)
{
	struct jh_cpuset *set;

	if (size > JH_MAX_CPUS / 8)
		size = JH_MAX_CPUS / 8;
	set = cpuset_alloc((unsigned int)size * 8);
	if (!set)
		return jh_fail_nomem(ctx);
	memcpy(set->bits, bits, size);
	if (cpuset_render(set)) {
		jh_cpuset_free(set);
		return jh_fail_nomem(ctx);
	}
	*out = set;
	return 0;
}

static int parse_cpu(const char **p, unsigned long *cpu)
{
	char *end;

	if (!isdigit((unsigned char)**p))
		return -EINVAL;
	errno = 0;
	*cpu = strtoul(*p, &end, 10);
	if (errno || *cpu >= JH_MAX_CPUS)
		return -EINVAL;
	*p = end;
	return 0;
}

/* Parses the kernel's %*pbl format; whitespace around it is ignored. */
int jh_cpuset_from_list(struct jh_ctx *ctx, const char *list,
			struct jh_cpuset **out)
{
	struct jh_cpuset *set;
	const char *p = list;
	unsigned long a, b;

	set = cpuset_alloc(JH_MAX_CPUS);
	if (!set)
		return jh_fail_nomem(ctx);

	while (isspace((unsigned char)*p))
		p++;
	while (*p && !isspace((unsigned char)*p)) {
		if (parse_cpu(&p, &a))
			goto err_syntax;
		b = a;
		if (*p == '-') {
			p++;
			if (parse_cpu(&p, &b) || b < a)
				goto err_syntax;
		}
		for (; a <= b; a++)
			set->bits[a / 8] |= (uint8_t)(1u << (a % 8));
		if (*p == ',')
			p++;
		else if (*p && !isspace((unsigned char)*p))
			goto err_syntax;
	}
	if (cpuset_render(set)) {
		jh_cpuset_free(set);
		return jh_fail_nomem(ctx);
	}
	*out = set;
	return 0;

err_syntax:
	jh_cpuset_free(set);
	return jh_fail(ctx, EPROTO, JH_ERR_HYPERVISOR,
		       "cannot parse CPU list '%s'", list);
}
