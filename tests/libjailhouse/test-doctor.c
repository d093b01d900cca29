// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The live-system (doctor) rules on fake machines: a ready one is clean,
 * and each broken part gives its finding with a hint.
 */
#include <stdlib.h>
#include <string.h>

#include <libjailhouse.h>

#include <jailhouse/header.h>

#include "fake-fs.h"
#include "fake-root.h"
#include "harness.h"
#include "configs.h"

static struct jh_ctx *ctx;
static struct jh_config *cfgs[3];
static struct jh_check *chk;
static const char *root;

static struct jh_config *load(void *data, size_t size, const char *label)
{
	struct jh_config *cfg;

	if (jh_config_new_from_buffer(ctx, data, size, label, &cfg))
		exit(99);
	free(data);
	return cfg;
}

/*
 * A ready machine with the driver loaded; the QEMU configs, the system
 * config changed by @tweak if given.
 */
static void machine_with(void (*tweak)(struct fx_system *s))
{
	struct fx_system s;
	struct fx_cell c;
	size_t size;
	void *data;
	int i;

	jh_check_free(chk);
	chk = NULL;
	for (i = 0; i < 3; i++)
		jh_config_unref(cfgs[i]);
	jh_ctx_unref(ctx);
	root = th_root(0);
	if (fake_root_machine(root) || jh_ctx_new(root, &ctx))
		exit(99);
	fx_qemu_system(&s);
	if (tweak)
		tweak(&s);
	data = fx_build_system(&s, &size);
	cfgs[0] = load(data, size, "sys.cell");
	fx_gic_demo(&c);
	data = fx_build_cell(&c, &size);
	cfgs[1] = load(data, size, "gic.cell");
	fx_linux_demo(&c);
	data = fx_build_cell(&c, &size);
	cfgs[2] = load(data, size, "linux.cell");
}

static void machine(void)
{
	machine_with(NULL);
}

static void run(void)
{
	int i;

	jh_check_free(chk);
	if (jh_check_new(ctx, &chk) || jh_check_set_system(chk, cfgs[0]))
		exit(99);
	for (i = 1; i < 3; i++)
		jh_check_add_cell(chk, cfgs[i]);
	jh_check_add_live_system(chk);
	jh_check_run(chk);
}

static void dump(void)
{
	unsigned int i;

	for (i = 0; i < jh_check_get_num_findings(chk); i++)
		printf("#   [%s] %s\n",
		       jh_finding_get_rule(jh_check_get_finding(chk, i)),
		       jh_finding_get_message(jh_check_get_finding(chk, i)));
}

static void expect(const char *rule, enum jh_severity sev, const char *text)
{
	const struct jh_finding *f;
	unsigned int i;

	for (i = 0; i < jh_check_get_num_findings(chk); i++) {
		f = jh_check_get_finding(chk, i);
		if (strcmp(jh_finding_get_rule(f), rule) ||
		    !strstr(jh_finding_get_message(f), text))
			continue;
		tap_ok(jh_finding_get_severity(f) == sev &&
		       (sev == JH_SEVERITY_NOTE) == !jh_finding_get_hint(f),
		       "%s: %s", rule, text);
		return;
	}
	tap_ok(0, "%s: %s", rule, text);
	dump();
}

static void test_ready(void)
{
	machine();
	run();
	if (!tap_ok(jh_check_get_num_errors(chk) == 0 &&
		    jh_check_get_num_warnings(chk) == 0, "a ready machine is clean"))
		dump();
	expect("live-driver", JH_SEVERITY_NOTE, "jailhouse.ko is loaded");
	expect("live-el2", JH_SEVERITY_NOTE, "no KVM");
	expect("live-firmware", JH_SEVERITY_NOTE,
	       "entry protocol 1; needs 0x140270 of the 0x400000 bytes");
	expect("live-iomem", JH_SEVERITY_NOTE, "the hypervisor memory is not System RAM");
	expect("live-cpus", JH_SEVERITY_NOTE, "the online CPUs (0-3) are the root cell's");
	expect("live-kconfig", JH_SEVERITY_NOTE, "CPU hotplug and modules on, KVM off");
	expect("live-irq", JH_SEVERITY_NOTE, "no interrupt of the cells has a Linux handler");
	expect("live-gic", JH_SEVERITY_NOTE, "the GICv3 of the device tree is the system config's");
}

static void write_header(uint64_t core, uint32_t protocol, const char *sig)
{
	struct jailhouse_header hdr;
	char path[4096];

	memset(&hdr, 0, sizeof(hdr));
	memcpy(hdr.signature, sig, sizeof(hdr.signature));
	hdr.core_size = core;
	hdr.percpu_size = 0x10000;
	hdr.entry_protocol = protocol;
	snprintf(path, sizeof(path), "%s/lib/firmware/jailhouse.bin", root);
	fx_write_file(path, &hdr, sizeof(hdr));
}

static void test_firmware(void)
{
	machine();
	write_header(0x400000, JAILHOUSE_ENTRY_PROTOCOL, JAILHOUSE_SIGNATURE);
	run();
	expect("live-firmware", JH_SEVERITY_ERROR,
	       "image 0x400000 + 4 CPUs x 0x10000 + config 0x270 = 0x440270 bytes, more than the hypervisor memory (0x400000)");
	write_header(0x1000, JAILHOUSE_ENTRY_PROTOCOL + 1, JAILHOUSE_SIGNATURE);
	run();
	expect("live-firmware", JH_SEVERITY_ERROR, "entry protocol 2, but this build speaks 1");
	write_header(0x1000, JAILHOUSE_ENTRY_PROTOCOL, "NOTJAILH");
	run();
	expect("live-firmware", JH_SEVERITY_ERROR, "not a hypervisor image (no JAILHOUS signature)");
	fake_rm_rf(root, "lib/firmware/jailhouse.bin");
	run();
	expect("live-firmware", JH_SEVERITY_ERROR,
	       "/lib/firmware/jailhouse.bin: the hypervisor firmware is missing");
}

static void test_system(void)
{
	machine();
	fake_write(root, "dev/kvm", "%s", "");
	fake_rm_rf(root, FAKE_SYSFS);
	run();
	expect("live-el2", JH_SEVERITY_ERROR, "KVM is active and holds EL2");
	expect("live-driver", JH_SEVERITY_WARNING, "jailhouse.ko is not loaded");

	machine();
	fake_write(root, "proc/iomem", "%s", "40000000-7fffffff : System RAM\n");
	run();
	expect("live-iomem", JH_SEVERITY_ERROR,
	       "the hypervisor memory (0x7fc00000-0x7fffffff) is System RAM of Linux (0x40000000-0x7fffffff)");
	expect("live-iomem", JH_SEVERITY_ERROR,
	       "memory region 2 of linux.cell (0x70000000-0x77ffffff) is System RAM");
	fake_write(root, "proc/iomem", "%s", "00000000-00000000 : System RAM\n");
	run();
	expect("live-iomem", JH_SEVERITY_WARNING, "shows no addresses to this user");
	/* the parser config create uses: a line it cannot read is said */
	fake_write(root, "proc/iomem", "%s",
		   "40000000-7fffffff : System RAM\nnot a range\n");
	run();
	expect("live-iomem", JH_SEVERITY_WARNING,
	       "cannot be read: iomem: unreadable line 'not a range'");
	fake_rm_rf(root, "proc/iomem");
	run();
	expect("live-iomem", JH_SEVERITY_WARNING, "/proc/iomem: cannot be read");
}

/* Found among the findings of @rule whose message contains @text. */
static bool found(const char *rule, const char *text)
{
	const struct jh_finding *f;
	unsigned int i;

	for (i = 0; i < jh_check_get_num_findings(chk); i++) {
		f = jh_check_get_finding(chk, i);
		if (!strcmp(jh_finding_get_rule(f), rule) &&
		    strstr(jh_finding_get_message(f), text))
			return true;
	}
	return false;
}

/* A shared region stays Linux's RAM, unless images are loaded into it. */
static void test_rootshared_ram(void)
{
	const uint64_t RW = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE;
	struct fx_cell c;
	size_t size;
	void *data;

	machine();
	fx_linux_demo(&c);
	c.mem[c.nmem++] = (struct jailhouse_memory){
		.phys_start = 0x50000000, .virt_start = 0x50000000,
		.size = 0x100000,
		.flags = RW | JAILHOUSE_MEM_ROOTSHARED | JAILHOUSE_MEM_LOADABLE };
	c.mem[c.nmem++] = (struct jailhouse_memory){
		.phys_start = 0x51000000, .virt_start = 0x51000000,
		.size = 0x100000, .flags = RW | JAILHOUSE_MEM_ROOTSHARED };
	data = fx_build_cell(&c, &size);
	jh_config_unref(cfgs[2]);
	cfgs[2] = load(data, size, "shared.cell");
	fake_write(root, "proc/iomem", "%s", "40000000-6fffffff : System RAM\n");
	run();
	expect("live-iomem", JH_SEVERITY_ERROR,
	       "memory region 4 of shared.cell (0x50000000-0x500fffff) is System RAM");
	tap_ok(!found("live-iomem", "region 5 of shared.cell"),
	       "live-iomem: a ROOTSHARED region without LOADABLE may be System RAM");
}

static void test_cpus(void)
{
	machine();
	fake_write(root, "sys/devices/system/cpu/online", "0-4\n");
	fake_write(root, "sys/devices/system/cpu/present", "0-4\n");
	run();
	expect("live-cpus", JH_SEVERITY_ERROR, "CPU 4 is online but not in the root cell");
	fake_write(root, "sys/devices/system/cpu/online", "0-2\n");
	run();
	expect("live-cpus", JH_SEVERITY_ERROR,
	       "CPU 3 of the root cell is offline: enable fails");
	fake_write(root, "sys/devices/system/cpu/present", "0-2\n");
	run();
	expect("live-cpus", JH_SEVERITY_ERROR, "CPU 3 of the root cell does not exist: enable fails");
	expect("live-cpus", JH_SEVERITY_ERROR, "linux.cell: CPU 3 does not exist");
	fake_rm_rf(root, "sys/devices/system/cpu/present");
	run();
	expect("live-cpus", JH_SEVERITY_WARNING, "cannot read the online and present CPUs");
}

/* A CPU another running cell holds, in the driver's words */
static void test_cpus_held(void)
{
	struct jh_cell *blocker;
	struct jh_config *cfg;
	struct fx_cell c;
	size_t size;
	void *data;

	machine();
	fx_gic_demo(&c);
	strcpy(c.name, "blocker");
	data = fx_build_cell(&c, &size);
	cfg = load(data, size, "blocker.cell");
	if (jh_enable(ctx, cfgs[0]) || jh_cell_create(ctx, cfg, &blocker))
		exit(99);
	run();
	expect("live-cpus", JH_SEVERITY_ERROR,
	       "gic.cell: CPU 1 of \"gic-demo\" belongs to cell \"blocker\"");
	/* a cell of that name is the one being replaced */
	if (jh_cell_destroy(blocker) || jh_cell_create(ctx, cfgs[1], NULL))
		exit(99);
	run();
	tap_ok(!found("live-cpus", "belongs to cell"),
	       "live-cpus: the cell's own CPUs are not held by another");
	jh_cell_unref(blocker);
	jh_config_unref(cfg);
}

/* An SPI of a cell that a Linux driver requested, as the driver refuses it */
static void test_irqs(void)
{
	machine();
	fake_write(root, "proc/interrupts", "%s",
		   "           CPU0       CPU1\n"
		   " 11:        184        174     GICv3  30 Level     arch_timer\n"
		   " 12:          7          0     GICv3  33 Level     uart-pl011\n"
		   " 13:          0          0     GICv3 4294967329 Edge  bogus\n"
		   " 14:          0          0     ITS-MSI  33 Edge    not-a-gic-line\n");
	run();
	expect("live-irq", JH_SEVERITY_ERROR,
	       "interrupt 33 has a Linux handler (uart-pl011, /proc/interrupts); the driver refuses the cell");
	tap_ok(jh_check_get_num_errors(chk) == 1, "only linux.cell's INTID 33 is found");
	fake_rm_rf(root, "proc/interrupts");
	run();
	expect("live-irq", JH_SEVERITY_WARNING, "/proc/interrupts: cannot be read");
}

#define DT_GIC	"sys/firmware/devicetree/base/intc@8000000"

/* The GIC of the device tree against the system config's */
static void test_gic(void)
{
	static const uint32_t moved[] = {
		0, 0x08000000, 0, 0x10000, 0, 0x080c0000, 0, 0xf40000,
	};
	static const uint32_t ppi8[] = { 1, 8, 4 };

	machine();
	fake_write_bytes(root, DT_GIC "/compatible", "arm,cortex-a15-gic",
			 sizeof("arm,cortex-a15-gic"));
	run();
	expect("live-gic", JH_SEVERITY_ERROR,
	       "Linux runs on a GICv2, the system config says GICv3: the hypervisor refuses to enable");
	tap_ok(jh_check_get_num_errors(chk) == 1, "the GIC model is the only error");

	machine();
	fake_write_cells(root, DT_GIC "/reg", 8, moved);
	fake_write_cells(root, DT_GIC "/interrupts", 3, ppi8);
	run();
	expect("live-gic", JH_SEVERITY_ERROR,
	       "gicr_base 0x80a0000 is outside the GIC's frame 1 in the device tree (0x80c0000-0x8ffffff)");
	expect("live-gic", JH_SEVERITY_ERROR,
	       "maintenance_irq 25, the device tree gives INTID 24");
	tap_ok(jh_check_get_num_errors(chk) == 2, "gicd_base, inside its frame, is fine");

	machine();
	fake_write_cells(root, DT_GIC "/reg", 4, moved);
	run();
	expect("live-gic", JH_SEVERITY_WARNING,
	       "the device tree's GIC has no frame 1 to check gicr_base 0x80a0000 against");

	machine();
	fake_rm_rf(root, "sys/firmware");
	run();
	expect("live-gic", JH_SEVERITY_WARNING,
	       "no GIC in the device tree: its addresses are not checked");
}

/*
 * A ZynqMP's GIC-400 as its device tree and its configs name it: the
 * CPU interface frames are 64 KiB aliases of 4 KiB pages (8 KiB for
 * GICC and GICV) and the configs take the last page of each alias.
 */
static void zynqmp_gic(struct fx_system *s)
{
	s->gic_version = 2;
	s->gicd = 0xf9010000;
	s->gicr = 0;
	s->gicc = 0xf902f000;
	s->gich = 0xf9040000;
	s->gicv = 0xf906f000;
}

static unsigned int live_gic_problems(void)
{
	const struct jh_finding *f;
	unsigned int i, n = 0;

	for (i = 0; i < jh_check_get_num_findings(chk); i++) {
		f = jh_check_get_finding(chk, i);
		n += !strcmp(jh_finding_get_rule(f), "live-gic") &&
		     jh_finding_get_severity(f) != JH_SEVERITY_NOTE;
	}
	return n;
}

static void test_gic_v2_alias(void)
{
	static const uint32_t reg[] = {
		0, 0xf9010000, 0, 0x10000,	/* GICD */
		0, 0xf9020000, 0, 0x20000,	/* GICC */
		0, 0xf9040000, 0, 0x20000,	/* GICH */
		0, 0xf9060000, 0, 0x20000,	/* GICV */
	};

	machine_with(zynqmp_gic);
	fake_write_bytes(root, DT_GIC "/compatible", "arm,gic-400",
			 sizeof("arm,gic-400"));
	fake_write_cells(root, DT_GIC "/reg", 16, reg);
	run();
	expect("live-gic", JH_SEVERITY_NOTE,
	       "the GICv2 of the device tree is the system config's");
	tap_ok(live_gic_problems() == 0, "the aliased GICC and GICV pages are inside their frames");

	fake_write_cells(root, DT_GIC "/reg", 12, reg);
	run();
	expect("live-gic", JH_SEVERITY_WARNING,
	       "the device tree's GIC has no frame 3 to check gicv_base 0xf906f000 against");
	tap_ok(live_gic_problems() == 1, "a tree without GICV: only that warning");
}

static void test_kconfig(void)
{
	machine();
	fake_write(root, "proc/config.gz", "%s",
		   "CONFIG_KVM=y\n# CONFIG_HOTPLUG_CPU is not set\n");
	run();
	expect("live-kconfig", JH_SEVERITY_ERROR, "CONFIG_HOTPLUG_CPU is off");
	expect("live-kconfig", JH_SEVERITY_ERROR, "CONFIG_MODULES is off");
	expect("live-kconfig", JH_SEVERITY_WARNING, "CONFIG_KVM is on");
	fake_rm_rf(root, "proc/config.gz");
	fake_mkdir(root, "boot");
	fake_write(root, "boot/config-6.1.0-test", "%s", "CONFIG_MODULES=y\n");
	run();
	expect("live-kconfig", JH_SEVERITY_ERROR,
	       "/boot/config-6.1.0-test: CONFIG_HOTPLUG_CPU is off");
	fake_rm_rf(root, "boot");
	run();
	expect("live-kconfig", JH_SEVERITY_WARNING,
	       "/boot/config-6.1.0-test: the kernel configuration is not available");
	/* a virtual PCI host without OF_OVERLAY: root misses it, enable works */
	machine();
	{
		struct fx_system sys;
		size_t size;
		void *data;

		fx_qemu_system(&sys);
		sys.pci_ecam = 0x08e00000;
		data = fx_build_system(&sys, &size);
		jh_config_unref(cfgs[0]);
		cfgs[0] = load(data, size, "sys.cell");
	}
	fake_write(root, "proc/config.gz", "%s",
		   "CONFIG_MODULES=y\nCONFIG_HOTPLUG_CPU=y\n");
	run();
	expect("live-kconfig", JH_SEVERITY_WARNING,
	       "CONFIG_OF_OVERLAY is off: root Linux will not see the config's virtual PCI host");
}

static void test_offline_has_no_hint(void)
{
	machine();
	jh_check_free(chk);
	jh_check_new(ctx, &chk);
	jh_check_add_cell(chk, cfgs[1]);
	jh_check_add_cell(chk, cfgs[1]);
	jh_check_run(chk);
	tap_ok(jh_check_get_num_findings(chk) > 0 &&
	       !jh_finding_get_hint(jh_check_get_finding(chk, 0)),
	       "offline findings carry no hint");
}

int main(int argc, char **argv)
{
	int i;

	th_init(argc, argv);
	test_ready();
	test_firmware();
	test_system();
	test_rootshared_ram();
	test_cpus();
	test_cpus_held();
	test_irqs();
	test_gic();
	test_gic_v2_alias();
	test_kconfig();
	test_offline_has_no_hint();
	jh_check_free(chk);
	for (i = 0; i < 3; i++)
		jh_config_unref(cfgs[i]);
	jh_ctx_unref(ctx);
	th_cleanup();
	return tap_done();
}
