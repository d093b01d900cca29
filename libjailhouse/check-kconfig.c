// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Preflight rules on the kernel's build options, from /proc/config.gz or
 * /boot/config-<release> (zlib reads both, compressed or not).
 */
#include <stdio.h>
#include <string.h>

#include "zlib-dl.h"

#include "check.h"

struct kopt {
	const char *name;
	bool set;
};

enum { OPT_HOTPLUG_CPU, OPT_KVM, OPT_MODULES, OPT_OF_OVERLAY, NUM_OPTS };

static gzFile open_config(struct jh_ctx *ctx, const struct jh_zlib *z,
			  char *shown, size_t size)
{
	char path[PATH_MAX], release[128] = "";
	gzFile gz;
	FILE *f;

	snprintf(shown, size, "/proc/config.gz");
	if (!jh_path(ctx, path, "/proc/config.gz")) {
		gz = z->gzopen(path, "rb");
		if (gz)
			return gz;
	}
	if (jh_path(ctx, path, "/proc/sys/kernel/osrelease"))
		return NULL;
	f = fopen(path, "re");
	if (!f)
		return NULL;
	if (!fgets(release, sizeof(release), f))
		release[0] = '\0';
	fclose(f);
	release[strcspn(release, "\n")] = '\0';
	snprintf(shown, size, "/boot/config-%s", release);
	if (!release[0] || jh_path(ctx, path, "%s", shown))
		return NULL;
	return z->gzopen(path, "rb");
}

static void read_options(const struct jh_zlib *z, gzFile gz,
			 struct kopt *opts)
{
	char line[256];
	unsigned int i;
	size_t len;

	while (z->gzgets(gz, line, sizeof(line))) {
		if (strncmp(line, "CONFIG_", 7))
			continue;
		for (i = 0; i < NUM_OPTS; i++) {
			len = strlen(opts[i].name);
			if (!strncmp(line + 7, opts[i].name, len) &&
			    line[7 + len] == '=' && line[8 + len] == 'y')
				opts[i].set = true;
		}
	}
}

void jh_check_live_kernel(struct jh_check *chk)
{
	struct kopt opts[NUM_OPTS] = {
		[OPT_HOTPLUG_CPU] = { "HOTPLUG_CPU", false },
		[OPT_KVM] = { "KVM", false },
		[OPT_MODULES] = { "MODULES", false },
		[OPT_OF_OVERLAY] = { "OF_OVERLAY", false },
	};
	const struct jailhouse_system *sys = jh_check_system(chk);
	char shown[192], why[160];
	struct jh_zlib z;
	gzFile gz;

	if (jh_zlib_open(&z, why, sizeof(why))) {
		jh_check_report_live(chk, JH_SEVERITY_WARNING, "live-kconfig",
				     "/proc/config.gz",
				     "install zlib to let this be checked",
				     "the kernel configuration cannot be read: %s",
				     why);
		return;
	}
	gz = open_config(jh_check_get_ctx(chk), &z, shown, sizeof(shown));
	if (!gz) {
		jh_check_report_live(chk, JH_SEVERITY_WARNING, "live-kconfig",
				     shown,
				     "build the kernel with CONFIG_IKCONFIG_PROC=y to let this be checked",
				     "the kernel configuration is not available");
		return;
	}
	read_options(&z, gz, opts);
	z.gzclose(gz);

	if (!opts[OPT_HOTPLUG_CPU].set)
		jh_check_report_live(chk, JH_SEVERITY_ERROR, "live-kconfig", shown,
				     "rebuild the kernel with CONFIG_HOTPLUG_CPU=y",
				     "CONFIG_HOTPLUG_CPU is off: cells cannot take CPUs from Linux");
	if (!opts[OPT_MODULES].set)
		jh_check_report_live(chk, JH_SEVERITY_ERROR, "live-kconfig", shown,
				     "rebuild the kernel with CONFIG_MODULES=y",
				     "CONFIG_MODULES is off: jailhouse.ko cannot be loaded");
	if (opts[OPT_KVM].set)
		jh_check_report_live(chk, JH_SEVERITY_WARNING, "live-kconfig", shown,
				     "boot with kvm-arm.mode=none, or build without CONFIG_KVM",
				     "CONFIG_KVM is on: KVM takes EL2 unless told not to");
	/* enable works without it; only root Linux does not see the host */
	if (sys && sys->platform_info.pci_is_virtual && !opts[OPT_OF_OVERLAY].set)
		jh_check_report_live(chk, JH_SEVERITY_WARNING, "live-kconfig", shown,
				     "rebuild the kernel with CONFIG_OF_OVERLAY=y",
				     "CONFIG_OF_OVERLAY is off: root Linux will not see the config's virtual PCI host (the cells do)");
	if (opts[OPT_HOTPLUG_CPU].set && opts[OPT_MODULES].set &&
	    !opts[OPT_KVM].set)
		jh_check_report_live(chk, JH_SEVERITY_NOTE, "live-kconfig", shown,
				     NULL, "CPU hotplug and modules on, KVM off");
}
