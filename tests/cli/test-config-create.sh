#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# "jailhouse config create" on device trees (TAP): a made-up GICv3 board
# that takes every path of the reader (tests/fixtures/dts/), the ZCU102
# tree of the test bed (GIC-400 with 64 KiB aliases), the live mode on a
# fake root, and every refusal with its cause. The C written compiles to
# the very bytes of the .cell written.

set -u

. "${JH_SRCDIR:-.}/tests/unit/tap.sh"
. "${JH_SRCDIR:-.}/tests/fakes/fake-cli.sh"

src=${JH_SRCDIR:-.}
ROOT=$WORK/root
"$HELPER" root "$ROOT" || exit 99
D=$WORK/dt
mkdir "$D" || exit 99
dtc -q -I dts -O dtb -o "$D/b3.dtb" "$src/tests/fixtures/dts/board-gicv3.dts" &&
	dtc -q -I dts -O dtb -o "$D/zcu102.dtb" "$src/tests/qemu/dts/zcu102.dts" ||
	exit 99
cat >"$D/b3.iomem" <<'EOT'
30860000-308600ff : serial
80000000-8bffffff : System RAM
  80200000-80ffffff : Kernel code
8d000000-bf9fffff : System RAM
880000000-8bfffffff : System RAM
EOT

# has TEXT: the C written contains the line (fixed string)
has() {
	grep -qF -- "$1" "$WORK/c"
}

# c_is_cell C CELL: the config C, compiled, is the very bytes of CELL
c_is_cell() {
	printf '#include <stdio.h>\n#include "%s"\nint main(void) { return fwrite(&config, sizeof(config), 1, stdout) != 1; }\n' \
		"$1" >"$1.dump.c" &&
		${CC:-cc} -I"$src/include" -o "$1.dump" "$1.dump.c" &&
		"$1.dump" >"$1.cell" && cmp -s "$1.cell" "$2"
}

# --- the GICv3 board ------------------------------------------------
run config create --dtb "$D/b3.dtb" --iomem "$D/b3.iomem" --vpci "$D/b3.c"
t "GICv3 board: C written" 0 '' 'console-type'
cp "$D/b3.c" "$WORK/c"
has '.name = "test-board-gicv3-two-clusters",'
ok $? "the root cell is named after the model"
has '/* CPUs 0-2, MPIDRs 0x0, 0x1, 0x100 */' && has '.cpus = { 0x7 },'
ok $? "enabled CPUs with their MPIDRs, the disabled one left out"
has '/* reserved-memory node jailhouse@bfa00000 */' &&
	has '.phys_start = 0xbfa00000,' && has '.size = 0x600000,'
ok $? "hypervisor memory from the jailhouse reservation"
has '.address = 0x30860000,' && has '.type = JAILHOUSE_CON_TYPE_8250,' &&
	has 'JAILHOUSE_CON_REGDIST_4,'
ok $? "console through the alias, translated by the bus ranges, reg-shift 2"
has '.gicd_base = 0x38800000,' && has '.gicr_base = 0x38880000,' &&
	has '.maintenance_irq = 25,'
ok $? "GICv3 frames and maintenance interrupt"
has '.phys_start = 0x80000000,' && has '.size = 0x3fa00000,' &&
	has '.phys_start = 0x880000000,' && has '.size = 0x40000000,' &&
	! grep -q 'secure@' "$WORK/c"
ok $? "root RAM: both banks but the hypervisor's part, reservations in them"
has '/* /soc@0/i2c@890000 (jhtest,i2c) and 1 more */' && has '.size = 0x2000,'
ok $? "touching device windows merged, page-rounded"
has '/* /soc@0/off@880000 (jhtest,off) */' && ! grep -q eeprom "$WORK/c"
ok $? "a device disabled in Linux's tree is root's to give to cells; no I2C device"
has '.phys_start = 0x40000000,' && has '.phys_start = 0x50000000,'
ok $? "PCIe host: ECAM and memory window"
has '/* SPIs 160-287 */'
ok $? "SPI 200 (interrupts-extended) extends root's interrupts"
has '.pci_mmconfig_base = 0xffe00000,' && has '.vpci_irq_base = 124,'
ok $? "--vpci: ECAM in free space, INTx where no device is"

run config create --dtb "$D/b3.dtb" --iomem "$D/b3.iomem" --vpci "$D/b3.cell"
t "GICv3 board: .cell written" 0
c_is_cell "$D/b3.c" "$D/b3.cell"
ok $? "the C compiles to the bytes of the .cell"
run config check "$D/b3.cell"
t "config check of the .cell: no errors" 0 '^0 errors, 1 warning$'

files_before=$(find "$D" -type f | wc -l)
run config create --dtb "$D/b3.dtb" --iomem "$D/b3.iomem" --json
t "--json" 0 '"model":"Test Board GICv3 \(two clusters\)"'
json_ok "--json"
jq -e '.config.hypervisor_memory.from == "reserved-memory" and
	(.cpus | map(.mpidr)) == [0, 1, 256] and .gic.version == 3 and
	.console.type == "8250" and .console.node == "/soc@0/serial@860000" and
	([.devices[] | select(.node == "/soc@0/off@880000")][0].disabled == true) and
	(.devices | map(.node) | index("/soc@0/i2c@890000/eeprom@50")) == null and
	.sources.iomem != null' "$WORK/out" >/dev/null
ok $? "--json: facts and where they came from"
[ "$(find "$D" -type f | wc -l)" = "$files_before" ]
ok $? "--json alone writes nothing"

# --- ZCU102: GIC-400 with its frames repeated over 64 KiB -----------
run config create --dtb "$D/zcu102.dtb" --no-iomem --hv-mem 0x7fc00000,4M --dry-run
t "ZCU102: --dry-run prints the C" 0 '\.gic_version = 2,'
cp "$WORK/out" "$WORK/c"
has '.gicc_base = 0xf902f000,' && has '.gich_base = 0xf9040000,' &&
	has '.gicv_base = 0xf906f000,' && has '.gicd_base = 0xf9010000,'
ok $? "GIC-400 frames at the end of the first 64 KiB alias, as upstream's config"
has '.type = JAILHOUSE_CON_TYPE_XUARTPS,' && has '.address = 0xff000000,'
ok $? "console: UART0 of serial0"
has '/* as given */' && has '.size = 0x7fc00000,'
ok $? "RAM up to the hypervisor given"
has '.name = "zynqmp-zcu102-qemu-model",'
ok $? "a long model name ends at the last whole word"

run config create --dtb "$D/zcu102.dtb" --linux-mem 1G --dry-run
t "--linux-mem: Linux's RAM as mem= leaves it" 0 'from .*zcu102.dtb and mem=0x40000000\.'
cp "$WORK/out" "$WORK/c"
has '/* the top of RAM Linux does not use (guessed) */' &&
	has '.phys_start = 0x87fc00000,'
ok $? "--linux-mem: the hypervisor at the top of the RAM left"
run config create --dtb "$D/zcu102.dtb" --linux-mem 5G "$D/x.c"
t "--linux-mem past the RAM" 1 '' 'mem= asks for more than the .*zcu102.dtb.s RAM'
run config create --dtb "$D/zcu102.dtb" --linux-mem 1G --no-iomem "$D/x.c"
t "--linux-mem with --no-iomem" 2 '' '--linux-mem and --iomem/--no-iomem both say where Linux runs'

# --- cells carved out of the system config ----------------------------
# Linux in the first 512 MiB of the low bank and in the high bank
printf '80000000-9fffffff : System RAM\n880000000-8bfffffff : System RAM\n' \
	>"$D/cells.iomem"
sysopt="--dtb $D/b3.dtb --iomem $D/cells.iomem"
# shellcheck disable=SC2086 # options, split on purpose
run config create $sysopt "$D/sys.cell"
t "system config for the cells" 0
# shellcheck disable=SC2086
run config create $sysopt --cell demo --cpus 1 --mem 1M \
	--device /soc@0/serial@860000 "$D/demo.c"
t "an inmate cell" 0
cp "$D/demo.c" "$WORK/c"
has '.name = "demo",' && has '/* CPU 1 */' && has '.cpus = { 0x2 },'
ok $? "inmate: its name and CPU"
has '/* RAM: the highest free (guessed: no other cell'"'"'s) */' &&
	has '.phys_start = 0xbf800000,' && has '.virt_start = 0x0,' &&
	has '.size = 0x100000,'
ok $? "inmate: 1 MiB at 0, from the top of the free RAM below the hypervisor"
has '.virt_start = 0x80000000,' && has 'JAILHOUSE_MEM_COMM_REGION,'
ok $? "inmate: communication region at 0x80000000"
has '/* /soc@0/serial@860000 (the console, shared with root) */' &&
	has 'JAILHOUSE_MEM_IO | JAILHOUSE_MEM_ROOTSHARED,' &&
	has '.type = JAILHOUSE_CON_TYPE_8250,' && has '/* none of INTIDs 32-159 */'
ok $? "inmate: the console UART shared, as its console, its SPI left to root"
# shellcheck disable=SC2086
run config create $sysopt --cell demo --cpus 1 --mem 1M \
	--device /soc@0/serial@860000 "$D/demo.cell"
t "the inmate cell as .cell" 0
c_is_cell "$D/demo.c" "$D/demo.cell"
ok $? "the cell's C compiles to the bytes of its .cell"

# shellcheck disable=SC2086
run config create $sysopt --cell lx --linux --cpus 2 --mem 256M@0xa0000000 \
	--device /soc@0/serial@860000 --device /soc@0/timer@870000 "$D/lx.cell"
t "a Linux cell" 0
# shellcheck disable=SC2086
run config create $sysopt --cell lx --linux --cpus 2 --mem 256M@0xa0000000 \
	--device /soc@0/serial@860000 --device /soc@0/timer@870000 --json
jq -e '.cell.name == "lx" and .cell.cpus == [2] and
	.cell.memory_guessed == false and .cell.spis == [58, 232] and
	([.cell.regions[] | select(.virt_start == 0)][0].phys_start ==
		2952790016) and
	([.cell.regions[] | select(.phys_start == 2684354560)][0].size ==
		268435456)' "$WORK/out" >/dev/null
ok $? "Linux: loader at 0 after its RAM 1:1, console and timer SPIs"
run config check "$D/sys.cell" "$D/demo.cell" "$D/lx.cell"
t "config check of system, inmate and Linux cells: no errors" 0 \
	'^0 errors, 1 warning$'

# shellcheck disable=SC2086
run config create $sysopt --cell x --cpus 0-1 --mem 1M "$D/x.c"
t "cell with CPU 0" 1 '' 'CPU 0 stays with root Linux'
# shellcheck disable=SC2086
run config create $sysopt --cell x --cpus 3 --mem 1M "$D/x.c"
t "cell with a CPU the board lacks" 1 '' 'CPU 3: the board has CPUs 0-2'
# shellcheck disable=SC2086
run config create $sysopt --cell x --cpus 1 --mem 1M@0x90000000 "$D/x.c"
t "cell memory in Linux's RAM" 1 '' 'cell memory 0x90000000-0x900fffff must be .* neither Linux'
# shellcheck disable=SC2086
run config create $sysopt --cell x --cpus 1 --mem 1M --device /soc@0/off@880000 \
	--dry-run
t "a device disabled in root's tree, for a cell" 0 '/\* /soc@0/off@880000 \(jhtest,off\) \*/'
# shellcheck disable=SC2086
run config create $sysopt --cell x --cpus 1 --mem 1M --device /soc@0/nosuch "$D/x.c"
t "a device the tree lacks" 1 '' '--device /soc@0/nosuch: no memory-mapped node of that path on an enabled bus'
# shellcheck disable=SC2086
run config create $sysopt --cell x --cpus 1 --mem 1M \
	--device /soc@0/i2c@890000/eeprom@50 "$D/x.c"
t "an I2C device" 1 '' 'eeprom@50: no memory-mapped node'
# shellcheck disable=SC2086
run config create $sysopt --cell x --cpus one --mem 1M "$D/x.c"
t "CPU list" 1 '' "CPUs 'one': not a CPU list"
run config create --cpus 1 "$D/x.c"
t "cell options without --cell" 2 '' 'describe a cell: give --cell NAME'
run config create --cell x --cpus 1 "$D/x.c"
t "--cell without --mem" 2 '' '--cell needs --cpus and --mem'
run config create --cell x --cpus 1 --mem 1M --linux --inmate "$D/x.c"
t "--linux and --inmate" 2 '' '--linux or --inmate, not both'

# --- ivshmem links ---------------------------------------------------
lnk="--link net --link 3"
# shellcheck disable=SC2086
run config create $sysopt $lnk "$D/lsys.c"
t "system config with two links" 0
cp "$D/lsys.c" "$WORK/c"
has '.shmem_protocol = JAILHOUSE_SHMEM_PROTO_VETH,' &&
	has '.shmem_protocol = JAILHOUSE_SHMEM_PROTO_UNDEFINED,' &&
	has '.num_pci_devices = ARRAY_SIZE(config.pci_devices),' &&
	has '.pci_mmconfig_base = 0xffe00000,'
ok $? "links: ivshmem devices on the virtual PCI host --link implies"
has '/* ivshmem link 00:00.0 (ivshmem-net, 2 peers): state table */' &&
	has '.phys_start = 0xbf900000,' && has '.phys_start = 0xbf800000,'
ok $? "links: a MiB each below the hypervisor"
# shellcheck disable=SC2086
run config create $sysopt $lnk "$D/lsys.cell"
c_is_cell "$D/lsys.c" "$D/lsys.cell"
ok $? "links: the C compiles to the bytes of the .cell"
# shellcheck disable=SC2086
run config create $sysopt $lnk --cell a --cpus 1 --mem 1M --peer 0:1 --peer 1:1 "$D/la.cell"
t "a cell on both links" 0
# shellcheck disable=SC2086
run config create $sysopt $lnk --cell b --cpus 2 --mem 1M@0xa0000000 --peer 1:2 "$D/lb.cell"
t "a cell on the second" 0
run config check "$D/lsys.cell" "$D/la.cell" "$D/lb.cell"
t "config check of the links across the three configs" 0 '^0 errors, 1 warning$'
run config show "$D/la.cell"
t "the cell: peer 1 of both, INTx below root's by 4 for CPU 1" 0 \
	'00:00.0 ivshmem, peer 1 of 2, protocol veth .* INTx INTID 152'
# shellcheck disable=SC2086
run config create $sysopt $lnk --json
jq -e '.config.links == [{"device":0,"peers":2,"protocol":"ivshmem-net",
	"start":3213885440,"intx":156},{"device":1,"peers":3,
	"protocol":"undefined","start":3212836864,"intx":157}]' "$WORK/out" >/dev/null
ok $? "--json: the links"
# shellcheck disable=SC2086
run config create $sysopt $lnk --cell x --cpus 1 --mem 1M --peer 2:1 "$D/x.c"
t "peer of a link the system lacks" 1 '' '--peer 2:1: the system config has 2 ivshmem link'
# shellcheck disable=SC2086
run config create $sysopt $lnk --cell x --cpus 1 --mem 1M --peer 1:3 "$D/x.c"
t "peer ID past the link's peers" 1 '' '--peer 1:3: link 1 has peers 0-2 and root is 0'
run config create --link 9 "$D/x.c"
t "--link with 9 peers" 2 '' "--link '9': net, or a number of peers 2-8"
run config create --link 2 --link 2 --link 2 --link 2 --link 2 "$D/x.c"
t "a fifth link" 2 '' "--link '2': .*at most 4 links"
printf '0-7f9fffff : System RAM\n' >"$D/low.iomem"
run config create --dtb "$D/zcu102.dtb" --iomem "$D/low.iomem" --hv-mem 0x7fc00000 \
	--link net --link 2 --link 2 "$D/x.c"
t "links where Linux runs" 1 '' 'ivshmem link 2: 0x7f900000-0x7f9fffff below the hypervisor is not RAM that Linux and the tree.s reservations leave free; the links need 3 MiB there'
run config create --dtb "$D/zcu102.dtb" --no-iomem --hv-mem 0 --link net "$D/x.c"
t "links below the RAM" 1 '' 'ivshmem link 0: 0xfffffffffff00000-0xffffffffffffffff below the hypervisor is not RAM'

# --- what the review found -------------------------------------------
# a pass-through interrupt controller in front of the GIC (as the i.MX
# GPC), a GIC with a 4th specifier cell, a name with a quote, a model
# closing a comment, a console on a bus that is no MMIO, a reservation
# where a link would go
cat >"$D/odd.dts" <<'EOT'
/dts-v1/;
/ {
	model = "Odd */ board";
	#address-cells = <1>;
	#size-cells = <1>;
	interrupt-parent = <&gpc>;
	chosen { stdout-path = "/i2c@30000000/uart@50"; };
	cpus {
		#address-cells = <1>;
		#size-cells = <0>;
		cpu@0 { device_type = "cpu"; reg = <0>; };
		cpu@1 { device_type = "cpu"; reg = <1>; };
	};
	memory@40000000 { device_type = "memory"; reg = <0x40000000 0x40000000>; };
	reserved-memory {
		#address-cells = <1>;
		#size-cells = <1>;
		ranges;
		firmware@7fb00000 { reg = <0x7fb00000 0x100000>; no-map; };
	};
	gic: interrupt-controller@8000000 {
		compatible = "arm,gic-v3";
		#interrupt-cells = <4>;
		interrupt-controller;
		reg = <0x8000000 0x10000>, <0x80a0000 0xf60000>;
		interrupts = <1 9 4 0>;
	};
	gpc: gpc@9000000 {
		compatible = "jhtest,gpc";
		reg = <0x9000000 0x1000>;
		interrupt-controller;
		#interrupt-cells = <3>;
		interrupt-parent = <&gic>;
	};
	timer@9100000 {
		compatible = "jhtest,timer";
		reg = <0x9100000 0x1000>;
		interrupts = <0 124 4>;
	};
	i2c@30000000 {
		compatible = "jhtest,i2c";
		reg = <0x30000000 0x1000>;
		#address-cells = <1>;
		#size-cells = <0>;
		uart@50 { compatible = "ns16550a"; reg = <0x50>; };
	};
};
EOT
dtc -q -I dts -O dtb -o "$D/odd.dtb" "$D/odd.dts" 2>/dev/null
printf '40000000-6fffffff : System RAM\n' >"$D/odd.iomem"
run config create --dtb "$D/odd.dtb" --iomem "$D/odd.iomem" --vpci --json
jq -e '([.devices[] | select(.node == "/timer@9100000")][0].spis == [156]) and
	.config.vpci.intx_first == 152' "$WORK/out" >/dev/null
ok $? "SPIs through a pass-through controller count; INTx avoids them"
run config create --dtb "$D/odd.dtb" --iomem "$D/odd.iomem" --dry-run
grep -q '^ \* System configuration for Odd +/ board, made by' "$WORK/out" &&
	! grep -q 'debug_console' "$WORK/out"
ok $? "a model closing a comment is tamed; a console on I2C is none"
run config create --dtb "$D/odd.dtb" --iomem "$D/odd.iomem" "$D/odd.cell"
t "that tree as .cell" 0
run config create --dtb "$D/odd.dtb" --iomem "$D/odd.iomem" "$D/odd.c"
c_is_cell "$D/odd.c" "$D/odd.cell"
ok $? "and its C compiles to the same bytes"
run config create --dtb "$D/odd.dtb" --iomem "$D/odd.iomem" --name 'a"b' "$D/x.c"
t "a name with a quote" 1 '' "cell name 'a\"b': printable characters other than"
run config create --dtb "$D/odd.dtb" --iomem "$D/odd.iomem" --link net "$D/x.c"
t "a link on firmware's reservation" 1 '' 'ivshmem link 0: 0x7fb00000-0x7fbfffff .*reservations leave free'
run config create --dtb "$D/odd.dtb" --iomem "$D/odd.iomem" --hv-mem 0x7fa00000,2M "$D/x.c"
t "hypervisor memory on firmware's reservation" 1 '' 'overlaps a reserved-memory node'
run config create --dtb "$D/b3.dtb" --iomem "$D/b3.iomem" ".cell"
t "an output named just .cell" 2 '' 'must end in .c'

# --- the running system (fake root) ---------------------------------
mkdir -p "$ROOT/sys/firmware" "$ROOT/proc" &&
	cp "$D/b3.dtb" "$ROOT/sys/firmware/fdt" && cp "$D/b3.iomem" "$ROOT/proc/iomem"
run config create --vpci "$D/live.cell"
t "live: from /sys/firmware/fdt and /proc/iomem" 0
cmp -s "$D/live.cell" "$D/b3.cell"
ok $? "live: the same bytes as from the files"
sed 's/^\([0-9a-f]*\)-\([0-9a-f]*\)/00000000-00000000/' "$D/b3.iomem" >"$ROOT/proc/iomem"
run config create "$D/nonroot.c"
t "live, not root: iomem without addresses" 1 '' 'shows addresses to root only'

# --- refusals, each naming its cause; nothing written ----------------
run config create --dtb "$D/zcu102.dtb" --no-iomem "$D/x.c"
t "no iomem and no reservation" 1 '' 'unknown without /proc/iomem: give --iomem FILE'
printf '0-7fffffff : System RAM\n800000000-87fffffff : System RAM\n' >"$D/all.iomem"
run config create --dtb "$D/zcu102.dtb" --iomem "$D/all.iomem" "$D/x.c"
t "Linux uses all RAM" 1 '' 'Linux uses all RAM .*mem='
run config create --dtb "$D/zcu102.dtb" --iomem "$D/all.iomem" --hv-mem 0x7fc00000 "$D/x.c"
t "hypervisor memory in Linux's RAM" 1 '' 'is RAM Linux uses .*mem=.*reserved-memory'
run config create --dtb "$D/zcu102.dtb" --no-iomem --hv-mem 0x900000000 "$D/x.c"
t "hypervisor memory outside RAM" 1 '' 'not page-aligned RAM of the device tree'
head -c 200 "$D/b3.dtb" >"$D/cut.dtb"
run config create --dtb "$D/cut.dtb" --iomem "$D/b3.iomem" "$D/x.c"
t "a cut DTB" 1 '' 'cut.dtb: not a sound device tree blob'
printf 'RAM everywhere\n' >"$D/bad.iomem"
run config create --dtb "$D/b3.dtb" --iomem "$D/bad.iomem" "$D/x.c"
t "unreadable iomem" 1 '' "iomem: unreadable line 'RAM everywhere'"
printf '40000000-6fffffff\n' >"$D/bad.iomem"
run config create --dtb "$D/b3.dtb" --iomem "$D/bad.iomem" "$D/x.c"
t "iomem line without a name" 1 '' "iomem: unreadable line '40000000-6fffffff'"
run config create --dtb "$D/zcu102.dtb" --no-iomem --hv-mem 0xfffffffffff00000 "$D/x.c"
t "hypervisor memory wrapping around" 1 '' 'not page-aligned RAM of the device tree'
[ ! -e "$D/x.c" ] && [ ! -e "$D/x.c.tmp" ]
ok $? "failures leave no file behind"

run config create --dtb "$D/b3.dtb" "$D/x.txt"
t "output neither .c nor .cell" 2 '' 'must end in .c .* or .cell'
run config create --dtb "$D/b3.dtb"
t "no output" 2 '' 'no output file given'
run config create --hv-mem 12x "$D/x.c"
t "bad --hv-mem" 2 '' "--hv-mem '12x': not ADDR or ADDR,SIZE"
run config create --frob "$D/x.c"
t "unknown option" 2 '' "unknown option '--frob'"
run config create --help
t "--help" 0 '^usage: jailhouse config create'

tap_done
