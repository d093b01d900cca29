// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * jh_sysgen: a system config made from a board's device tree (the running
 * system's /sys/firmware/fdt, or a DTB file) and /proc/iomem (the running
 * system's, a copy, or none). The work is confgen/'s; this is the public
 * face: inputs, one run, and the result as C, a .cell or JSON.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "sysgen.h"

JH_EXPORT int jh_sysgen_new(struct jh_ctx *ctx, struct jh_sysgen **out)
{
	struct jh_sysgen *gen = calloc(1, sizeof(*gen));

	if (!gen)
		return jh_fail_nomem(ctx);
	gen->ctx = jh_ctx_ref(ctx);
	gen->params.hv_start = JH_SYSGEN_ANY;
	*out = gen;
	return 0;
}

JH_EXPORT void jh_sysgen_free(struct jh_sysgen *gen)
{
	if (!gen)
		return;
	free(gen->dtb_path);
	free(gen->iomem_path);
	jh_sysgen_release(gen);
	free(gen->name);
	free(gen->cell_name);
	while (gen->cell_params.num_devices)
		free(gen->cell_devices[--gen->cell_params.num_devices]);
	jh_ctx_unref(gen->ctx);
	free(gen);
}

static int set_string(struct jh_sysgen *gen, char **dst, const char *src)
{
	char *copy = NULL;

	if (src) {
		copy = strdup(src);
		if (!copy)
			return jh_fail_nomem(gen->ctx);
	}
	free(*dst);
	*dst = copy;
	return 0;
}

JH_EXPORT int jh_sysgen_set_dtb_file(struct jh_sysgen *gen, const char *path)
{
	return set_string(gen, &gen->dtb_path, path);
}

JH_EXPORT int jh_sysgen_set_iomem_file(struct jh_sysgen *gen,
				       const char *path)
{
	gen->no_iomem = path && !path[0];
	return set_string(gen, &gen->iomem_path,
			  path && path[0] ? path : NULL);
}

JH_EXPORT int jh_sysgen_set_linux_mem(struct jh_sysgen *gen, uint64_t bytes)
{
	gen->linux_mem = bytes;
	return 0;
}

/* A cell name as the C output can spell it: printable, no quote or \ */
static int check_name(struct jh_sysgen *gen, const char *name)
{
	const char *p;

	if (!name[0] || strlen(name) > JAILHOUSE_CELL_NAME_MAXLEN)
		return jh_fail(gen->ctx, EINVAL, JH_ERR_INVALID_ARGUMENT,
			       "cell name '%s': 1 to %d characters",
			       name, JAILHOUSE_CELL_NAME_MAXLEN);
	for (p = name; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f || *p == '"' ||
		    *p == '\\')
			return jh_fail(gen->ctx, EINVAL, JH_ERR_INVALID_ARGUMENT,
				       "cell name '%s': printable characters other than \" and \\ only",
				       name);
	return 0;
}

JH_EXPORT int jh_sysgen_set_name(struct jh_sysgen *gen, const char *name)
{
	if (name && check_name(gen, name))
		return -EINVAL;
	return set_string(gen, &gen->name, name);
}

JH_EXPORT int jh_sysgen_set_hypervisor_memory(struct jh_sysgen *gen,
					      uint64_t start, uint64_t size)
{
	gen->params.hv_start = start;
	gen->params.hv_size = size;
	return 0;
}

JH_EXPORT int jh_sysgen_set_vpci(struct jh_sysgen *gen, bool on)
{
	gen->params.vpci = on;
	return 0;
}


JH_EXPORT int jh_sysgen_set_cell(struct jh_sysgen *gen, const char *name,
				 enum jh_sysgen_cell_kind kind,
				 const char *cpus, uint64_t mem_size,
				 uint64_t mem_start)
{
	struct jhg_cell_params *p = &gen->cell_params;
	struct jh_cpuset *set;
	int cpu, err;

	if (kind != JH_SYSGEN_INMATE && kind != JH_SYSGEN_LINUX)
		return jh_fail(gen->ctx, EINVAL, JH_ERR_INVALID_ARGUMENT,
			       "unknown cell kind %d", (int)kind);
	if (jh_cpuset_from_list(gen->ctx, cpus ? cpus : "", &set))
		return jh_fail(gen->ctx, EINVAL, JH_ERR_INVALID_ARGUMENT,
			       "CPUs '%s': not a CPU list such as 2-3 or 1,3",
			       cpus ? cpus : "");
	memset(p->cpu_bits, 0, sizeof(p->cpu_bits));
	err = 0;
	for (cpu = jh_cpuset_next(set, -1); cpu >= 0 && !err;
	     cpu = jh_cpuset_next(set, cpu)) {
		if (cpu >= JHG_MAX_CPUS)
			err = jh_fail(gen->ctx, EINVAL, JH_ERR_INVALID_ARGUMENT,
				      "CPU %d: more than %d CPUs", cpu,
				      JHG_MAX_CPUS);
		else
			jhg_cpu_add(p->cpu_bits, (unsigned int)cpu);
	}
	jh_cpuset_free(set);
	if (!err)
		err = check_name(gen, name ? name : "");
	if (!err)
		err = set_string(gen, &gen->cell_name, name);
	if (err)
		return err;
	p->name = gen->cell_name;
	p->kind = kind == JH_SYSGEN_LINUX ? JHG_CELL_LINUX : JHG_CELL_INMATE;
	p->mem_size = mem_size;
	p->mem_start = mem_start;
	gen->want_cell = true;
	return 0;
}

JH_EXPORT int jh_sysgen_add_cell_device(struct jh_sysgen *gen,
					const char *node)
{
	struct jhg_cell_params *p = &gen->cell_params;
	char *copy;

	if (p->num_devices == JHG_MAX_CELL_DEVICES)
		return jh_fail(gen->ctx, E2BIG, JH_ERR_INVALID_ARGUMENT,
			       "more than %d devices for one cell",
			       JHG_MAX_CELL_DEVICES);
	copy = strdup(node);
	if (!copy)
		return jh_fail_nomem(gen->ctx);
	gen->cell_devices[p->num_devices] = copy;
	p->devices[p->num_devices++] = copy;
	return 0;
}

JH_EXPORT int jh_sysgen_add_ivshmem_link(struct jh_sysgen *gen,
					 unsigned int peers, bool net)
{
	struct jhg_params *p = &gen->params;

	if (p->num_links == JHG_MAX_LINKS)
		return jh_fail(gen->ctx, E2BIG, JH_ERR_INVALID_ARGUMENT,
			       "more than %d ivshmem links", JHG_MAX_LINKS);
	if (peers < 2 || peers > JHG_MAX_PEERS || (net && peers != 2))
		return jh_fail(gen->ctx, EINVAL, JH_ERR_INVALID_ARGUMENT,
			       "an ivshmem link has 2 to %d peers%s",
			       JHG_MAX_PEERS, net ? ", ivshmem-net 2" : "");
	p->links[p->num_links].peers = peers;
	p->links[p->num_links++].net = net;
	return 0;
}

JH_EXPORT int jh_sysgen_add_cell_peer(struct jh_sysgen *gen,
				      unsigned int link, unsigned int peer)
{
	struct jhg_cell_params *p = &gen->cell_params;

	if (p->num_peers == JHG_MAX_LINKS)
		return jh_fail(gen->ctx, E2BIG, JH_ERR_INVALID_ARGUMENT,
			       "a cell is a peer of %d links at most",
			       JHG_MAX_LINKS);
	p->peer_link[p->num_peers] = link;
	p->peer_id[p->num_peers++] = peer;
	return 0;
}
