// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Preflight rule on the interrupt controller: the GIC the system config
 * names is the one in Linux's device tree. The hypervisor cannot read the
 * tree: given the other GIC version it refuses to enable (ENODEV); given
 * a wrong frame address it traps or maps whatever is there. The tree's
 * GIC node gives the version (compatible), the frames (reg: GICD, then
 * GICR on GICv3, or GICC, GICH, GICV on GICv2) and the maintenance
 * interrupt (interrupts). A config base must lie inside its frame's
 * range: ZynqMP's configs name the last 4 KiB page of a 64 KiB alias.
 */
#include <dirent.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

#define DT_BASE		"/sys/firmware/devicetree/base"
#define DT_MAX_DEPTH	3
#define GIC_MAX_FRAMES	4
#define DT_PPI		1	/* first cell of a GIC interrupt specifier */

struct dt_gic {
	char node[PATH_MAX];	/* absolute, below the context's root */
	unsigned int version;
	unsigned int frames;
	uint64_t start[GIC_MAX_FRAMES], size[GIC_MAX_FRAMES];
};

static const struct {
	const char *compatible;
	unsigned int version;
} gic_models[] = {
	{ "arm,gic-v3", 3 },
	{ "arm,gic-400", 2 },
	{ "arm,cortex-a15-gic", 2 },
	{ "arm,cortex-a9-gic", 2 },
	{ "arm,cortex-a7-gic", 2 },
};

/* A property's bytes; its length, or -1 if it is not there. */
static int read_prop(struct jh_ctx *ctx, const char *node, const char *prop,
		     void *buf, size_t size)
{
	char path[PATH_MAX];
	size_t n;
	FILE *f;

	if (jh_path(ctx, path, "%s/%s", node, prop))
		return -1;
	f = fopen(path, "rbe");
	if (!f)
		return -1;
	n = fread(buf, 1, size, f);
	fclose(f);
	return (int)n;
}

static uint32_t be32_at(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static uint64_t cells_at(const uint8_t *p, unsigned int cells)
{
	uint64_t v = 0;

	while (cells--) {
		v = v << 32 | be32_at(p);
		p += 4;
	}
	return v;
}

/* The GIC version of a node by its compatible list, 0 if no GIC. */
static unsigned int gic_version_of(struct jh_ctx *ctx, const char *node)
{
	char compat[512];
	int len, off;
	size_t i;

	len = read_prop(ctx, node, "compatible", compat, sizeof(compat) - 1);
	if (len <= 0)
		return 0;
	compat[len] = '\0';
	for (off = 0; off < len; off += (int)strlen(compat + off) + 1)
		for (i = 0; i < sizeof(gic_models) / sizeof(gic_models[0]); i++)
			if (!strcmp(compat + off, gic_models[i].compatible))
				return gic_models[i].version;
	return 0;
}

/* Depth-first below @node for the first GIC node. */
static bool find_gic(struct jh_ctx *ctx, const char *node, unsigned int depth,
		     struct dt_gic *gic)
{
	char path[PATH_MAX], child[PATH_MAX];
	struct dirent *de;
	bool found = false;
	DIR *dir;

	if (jh_path(ctx, path, "%s", node))
		return false;
	dir = opendir(path);
	if (!dir)
		return false;
	while (!found && (de = readdir(dir))) {
		if (de->d_type != DT_DIR || de->d_name[0] == '.')
			continue;
		if (snprintf(child, sizeof(child), "%s/%s", node, de->d_name) >=
		    (int)sizeof(child))
			continue;
		gic->version = gic_version_of(ctx, child);
		if (gic->version) {
			snprintf(gic->node, sizeof(gic->node), "%s", child);
			found = true;
		} else if (depth < DT_MAX_DEPTH) {
			found = find_gic(ctx, child, depth + 1, gic);
		}
	}
	closedir(dir);
	return found;
}

/* #address-cells or #size-cells of the GIC's parent (DT defaults: 2, 1) */
static unsigned int parent_cells(struct jh_ctx *ctx, const char *node,
				 const char *prop, unsigned int dflt)
{
	char parent[PATH_MAX], *slash;
	uint8_t v[4];

	snprintf(parent, sizeof(parent), "%s", node);
	slash = strrchr(parent, '/');
	if (slash)
		*slash = '\0';
	if (read_prop(ctx, parent, prop, v, sizeof(v)) != 4)
		return dflt;
	return be32_at(v);
}

static void read_frames(struct jh_ctx *ctx, struct dt_gic *gic)
{
	unsigned int ac = parent_cells(ctx, gic->node, "#address-cells", 2);
	unsigned int sc = parent_cells(ctx, gic->node, "#size-cells", 1);
	uint8_t reg[GIC_MAX_FRAMES * 4 * 4];
	unsigned int entry = (ac + sc) * 4;
	int len;

	gic->frames = 0;
	if (ac < 1 || ac > 2 || sc > 2)
		return;
	len = read_prop(ctx, gic->node, "reg", reg, sizeof(reg));
	while (len >= (int)((gic->frames + 1) * entry) &&
	       gic->frames < GIC_MAX_FRAMES) {
		gic->start[gic->frames] = cells_at(reg + gic->frames * entry, ac);
		gic->size[gic->frames] = cells_at(reg + gic->frames * entry +
						  ac * 4, sc);
		gic->frames++;
	}
}

static bool check_frame(struct jh_check *chk, const struct dt_gic *gic,
			unsigned int n, const char *name, uint64_t base)
{
	if (n >= gic->frames) {
		jh_check_report_live(chk, JH_SEVERITY_WARNING, "live-gic",
				     gic->node,
				     "check the board's manual for the frame's address",
				     "the device tree's GIC has no frame %u to check %s 0x%llx against",
				     n, name, (unsigned long long)base);
		return false;
	}
	if (base >= gic->start[n] && base - gic->start[n] < gic->size[n])
		return true;
	jh_check_report_live(chk, JH_SEVERITY_ERROR, "live-gic", gic->node,
			     "take the GIC's addresses from the device tree (reg)",
			     "%s 0x%llx is outside the GIC's frame %u in the device tree (0x%llx-0x%llx)",
			     name, (unsigned long long)base, n,
			     (unsigned long long)gic->start[n],
			     (unsigned long long)(gic->start[n] + gic->size[n] - 1));
	return false;
}

/* The maintenance interrupt, if the GIC node gives one (a PPI). */
static bool check_maintenance(struct jh_check *chk, const struct dt_gic *gic,
			      unsigned int mirq)
{
	struct jh_ctx *ctx = jh_check_get_ctx(chk);
	unsigned int dt_irq;
	uint8_t irq[12];

	if (read_prop(ctx, gic->node, "interrupts", irq, sizeof(irq)) != 12 ||
	    be32_at(irq) != DT_PPI)
		return true;
	dt_irq = JH_GIC_PPI_FIRST + be32_at(irq + 4);
	if (dt_irq == mirq)
		return true;
	jh_check_report_live(chk, JH_SEVERITY_ERROR, "live-gic", gic->node,
			     "set maintenance_irq to the device tree's",
			     "maintenance_irq %u, the device tree gives INTID %u",
			     mirq, dt_irq);
	return false;
}

void jh_check_live_gic(struct jh_check *chk)
{
	const struct jailhouse_system *sys = jh_check_system(chk);
	struct jh_ctx *ctx = jh_check_get_ctx(chk);
	struct dt_gic gic;
	bool fine;

	if (!sys)
		return;
	if (!find_gic(ctx, DT_BASE, 1, &gic)) {
		jh_check_report_live(chk, JH_SEVERITY_WARNING, "live-gic",
				     DT_BASE,
				     "boot with a device tree to have the GIC checked",
				     "no GIC in the device tree: its addresses are not checked");
		return;
	}
	if (gic.version != sys->platform_info.arm.gic_version) {
		jh_check_report_live(chk, JH_SEVERITY_ERROR, "live-gic",
				     gic.node,
				     "use the system config written for this board",
				     "Linux runs on a GICv%u, the system config says GICv%u: the hypervisor refuses to enable",
				     gic.version, sys->platform_info.arm.gic_version);
		return;
	}
	read_frames(ctx, &gic);
	fine = check_frame(chk, &gic, 0, "gicd_base", sys->platform_info.arm.gicd_base);
	if (gic.version == 3) {
		fine &= check_frame(chk, &gic, 1, "gicr_base", sys->platform_info.arm.gicr_base);
	} else {
		fine &= check_frame(chk, &gic, 1, "gicc_base", sys->platform_info.arm.gicc_base);
		fine &= check_frame(chk, &gic, 2, "gich_base", sys->platform_info.arm.gich_base);
		fine &= check_frame(chk, &gic, 3, "gicv_base", sys->platform_info.arm.gicv_base);
	}
	fine &= check_maintenance(chk, &gic, sys->platform_info.arm.maintenance_irq);
	if (fine)
		jh_check_report_live(chk, JH_SEVERITY_NOTE, "live-gic",
				     gic.node, NULL,
				     "the GICv%u of the device tree is the system config's",
				     gic.version);
}
