#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# shellcheck disable=SC3044 # "enable" is a jailhouse sub-command here, not the bash builtin
#
# "jailhouse cell linux" against fake roots and the fake driver (TAP):
# options and exit codes, --dry-run text and JSON, -w with dtc, booting
# (bytes checked where the fake driver stored them), a streamed initrd,
# and that refusals and scripted driver failures leave no cell behind.

set -u

. "${JH_SRCDIR:-.}/tests/unit/tap.sh"
. "${JH_SRCDIR:-.}/tests/fakes/fake-cli.sh"

IN=$WORK/in
mkdir "$IN" && "$HELPER" linux "$IN" || exit 99
gzip -dc "$IN/Image.gz" | cmp -s - "$IN/Image" || exit 99
CELL=$CFG/linux-demo.cell
# The planner wants the real loader's empty parameter area at 0x1000.
dd if=/dev/zero of="$IN/linux-loader.bin" bs=1 seek=4096 count=257 \
	conv=notrunc 2>/dev/null || exit 99
export JAILHOUSE_LINUX_LOADER="$IN/linux-loader.bin"

no_cell() {
	[ "$(cells)" = 0 ] && [ ! -e "$ROOT/.fake/cell-1.mem" ]
	ok $? "$1: no cell left behind"
}

# landed ADDR FILE: the fake cell 1's memory holds FILE at ADDR.
landed() {
	size=$(wc -c <"$2")
	tail -c +$(($1 + 1)) "$ROOT/.fake/cell-1.mem" | head -c "$size" |
		cmp -s - "$2"
}

linux() {
	run cell linux "$CELL" "$@"
}

# A stand-in for upstream's jailhouse-cell-linux, found through PATH.
mkdir "$WORK/bin"
printf '#!/bin/sh\necho "upstream script: $*"\n' >"$WORK/bin/jailhouse-cell-linux"
chmod +x "$WORK/bin/jailhouse-cell-linux"

new_root
linux "$IN/Image" --dry-run
if [ "$rc" != 0 ] && grep -q 'built without the Linux loader' "$WORK/err"; then
	t "without the loader cell linux says so" 1 '' 'rebuild it with zlib and libfdt'
	no_cell "without the loader"
	PATH=$WORK/bin:$PATH linux "$IN/Image" -i "$IN/initrd" -c "a b"
	t "without the loader upstream's script boots it, argv as given" 0 \
	  "^upstream script: .*/linux-demo.cell .*/Image -i .*/initrd -c a b$"
	no_cell "upstream's script"
	tap_done
	exit
fi

# --- options and usage errors ---------------------------------------
run cell linux --help; t "--help" 0 '^usage: jailhouse cell linux CELLCONFIG KERNEL'
run cell linux; t "no arguments" 2 '' 'needs a cell config and a kernel'
linux; t "no kernel" 2 '' 'needs a cell config and a kernel'
linux "$IN/Image" extra; t "extra argument" 2 '' 'needs a cell config and a kernel'
linux "$IN/Image" -q; t "unknown option" 2 '' "unknown option '-q'"
linux "$IN/Image" --frob; t "unknown long option" 2 '' "unknown option '--frob'"
linux "$IN/Image" -d; t "-d without file" 2 '' "-d needs an argument"
linux "$IN/Image" -a x86; t "-a x86" 2 '' "architecture 'x86' is not supported, only arm64"
linux "$IN/Image" -k many; t "-k not a number" 2 '' "invalid decompression factor 'many'"
linux "$IN/Image" --gic 0x8000000; t "--gic needs two bases" 2 '' "invalid --gic"
linux "$IN/Image" --json; t "--json without --dry-run" 2 '' '--json needs --dry-run'
linux "$IN/Image" --dry-run -w "$WORK/x.dtb"; t "-w with --dry-run" 2 '' 'exclude each other'
linux "$IN/Image" --name x -w "$WORK/x.dtb"; t "-w with --name" 2 '' 'drop --name'

# --- dry run: no driver needed ----------------------------------------
linux "$IN/Image.gz" -i "$IN/initrd" -c "console=ttyAMA0 rdinit=/init" -a arm64 -k 1 --dry-run
t "--dry-run (upstream options accepted)" 0 \
  '^  kernel  0x0070200000-0x00707fffff +3 MiB +6 MiB +2  .*Image.gz$'
t "--dry-run: upstream layout" 0 '^Layout: same as the upstream'
t "--dry-run: parameters" 0 '^Loader parameters at 0x1000: kernel=0x70200000 dtb=0x70000000$'
[ "$(cells)" = 0 ] && [ ! -e "$ROOT/.fake" ]
ok $? "--dry-run touches no driver"
linux "$IN/Image" -i "$IN/initrd" --dry-run --json --name other
t "--dry-run --json" 0 '"cell": "other"'
"$HELPER" json <"$WORK/out" 2>>"$WORK/err"
ok $? "--dry-run --json: valid JSON"
t "--dry-run --json: CPUs as numbers, as cell list gives them" 0 '"cpus": \[2,3\]'
t "--dry-run --json: initrd placed" 0 '"initrd": \{"source": "[^"]*/initrd", "address": 1887436800, "size": 307200\}'
# file names are bytes: one that is no UTF-8 still gives valid JSON
bad=$(printf 'initrd-\377\n\300\200-x')
cp "$IN/initrd" "$WORK/$bad"
linux "$IN/Image" -i "$WORK/$bad" --dry-run --json
t "--dry-run --json: a file name that is no UTF-8" 0 '"source": "[^"]*/initrd-\\ufffd\\n\\ufffd\\ufffd-x"'
"$HELPER" json <"$WORK/out" 2>>"$WORK/err"
ok $? "--dry-run --json: a file name that is no UTF-8: valid JSON"
linux "$IN/Image" --system-config "$CFG/sys.cell" --gic 0x8000000,0x80a0000 --uart-irq 33 --strict --dry-run
t "--system-config, --gic, --uart-irq, --strict" 0 '^Layout:'
run cell linux --dry-run -- "$CELL" "$IN/Image"; t "-- ends the options" 0 '^Layout:'
run cell linux "$CELL" -- "$IN/Image" --dry-run
t "after --, --dry-run is no option" 2 '' 'needs a cell config and a kernel'
PATH=$WORK/bin:$PATH linux "$IN/Image" --dry-run
t "with the loader, upstream's script is not run" 0 '^Layout:'
! grep -q 'upstream script' "$WORK/out"; ok $? "the native loader planned it"

# --- a generated DTB says what it assumes about the board -------------
qemu_warning='warning: the generated DTB assumes QEMU virt: GICD 0x8000000, GICR 0x80a0000, MPIDR Aff1 = CPU / 16 and Aff0 = CPU % 16, a 24 MHz UART clock; give the board.s GIC with --system-config or --gic GICD,GICR, or its DTB with -d$'
linux "$IN/Image" --dry-run
t "generated DTB without the board's GIC: warned" 0 '^Warning: the generated DTB assumes QEMU virt' "$qemu_warning"
for opts in "--system-config $CFG/sys.cell" "--gic 0x2f000000,0x2f100000"; do
	# shellcheck disable=SC2086
	linux "$IN/Image" $opts --dry-run
	t "generated DTB, ${opts%% *}: planned" 0 '^Layout:'
	! grep -q 'assumes QEMU virt' "$WORK/out" "$WORK/err"
	ok $? "generated DTB, ${opts%% *}: no QEMU virt warning"
done

# --- Image.gz: planned from its headers, checked whole by a dry run ----
# crc.gz: the CRC-32 flipped; cut.gz: half the data before the real
# trailer. Planning reads only the headers and the trailer, so both plan;
# --dry-run and -w inflate the rest (nothing kept) and refuse them.
cp "$IN/Image.gz" "$WORK/crc.gz"
size=$(wc -c <"$WORK/crc.gz")
printf '\377\377\377\377' | dd of="$WORK/crc.gz" bs=1 seek=$((size - 8)) conv=notrunc 2>/dev/null
{ head -c $((size / 2)) "$IN/Image.gz"; tail -c 8 "$IN/Image.gz"; } >"$WORK/cut.gz"
linux "$WORK/crc.gz" --dry-run
t "--dry-run reads the whole Image.gz: bad CRC" 1 '' 'crc.gz: CRC-32 mismatch \(data 0x[0-9a-f]{8}, trailer 0xffffffff\): corrupt file'
[ ! -s "$WORK/out" ] && [ ! -e "$ROOT/.fake" ]
ok $? "--dry-run of a bad Image.gz prints no plan, touches no driver"
linux "$WORK/cut.gz" --dry-run --json
t "--dry-run --json: truncated Image.gz" 1 '' 'cut.gz: gzip data ends early, after [0-9]+ decompressed bytes of 3145728: truncated file'
linux "$WORK/crc.gz" -w "$WORK/crc.dtb"
t "-w reads the whole Image.gz too" 1 '' 'crc.gz: CRC-32 mismatch'
[ ! -e "$WORK/crc.dtb" ] && [ ! -s "$WORK/out" ]
ok $? "-w with a bad Image.gz writes no DTB, prints no commands"
# the trailer's size disagrees with the header's image_size (4 MiB)
cp "$IN/Image.gz" "$WORK/isize.gz"
printf '\000\000\100\001' | dd of="$WORK/isize.gz" bs=1 seek=$((size - 4)) conv=notrunc 2>/dev/null
linux "$WORK/isize.gz" --dry-run
t "ISIZE beyond image_size refused by planning" 1 '' 'isize.gz: decompresses to 3145728 bytes, its gzip trailer says 20971520: corrupt file'

# --- -w: the DTB and the commands, no boot -----------------------------
linux "$IN/Image.gz" -i "$IN/initrd" -c "console=ttyAMA0" -w "$WORK/out.dtb"
t "-w prints the commands" 0 \
  '^jailhouse cell load qemu-arm64-linux-demo .*linux-loader.bin -a 0x0 -s "kernel=0x70200000 dtb=0x70000000" -a 0x1000 .*Image.gz-unzipped -a 0x70200000 .*/initrd -a 0x70800000 .*out.dtb -a 0x70000000$'
t "-w names the decompression" 0 '^Decompress the kernel first: gzip -dc '
[ "$(cells)" = 0 ]
ok $? "-w creates no cell"
if command -v dtc >/dev/null; then
	dtc -I dtb -O dts -o "$WORK/out.dts" "$WORK/out.dtb" 2>"$WORK/err"
	ok $? "dtc accepts the -w DTB"
	grep -q 'bootargs = "console=ttyAMA0";' "$WORK/out.dts" &&
		grep -q 'linux,initrd-start = <0x00 0x70800000>;' "$WORK/out.dts"
	ok $? "-w DTB has bootargs and initrd"
else
	skip "dtc accepts the -w DTB" "no dtc"
	skip "-w DTB has bootargs and initrd" "no dtc"
fi
linux "$IN/Image" -w "$WORK/nodir/out.dtb"
t "-w into a missing directory" 1 '' 'writing the DTB to .*nodir/out.dtb: No such file'

# --- the DTBs -w writes, read back by dtc -------------------------------
# has_all FILE WHAT LINE...: one test per line FILE must contain.
has_all() {
	f=$1 what=$2
	shift 2
	for line; do
		grep -qF -- "$line" "$f"
		ok $? "$what has: $line"
	done
}

if command -v dtc >/dev/null; then
	linux "$IN/Image.gz" -i "$IN/initrd" -c "console=ttyAMA0 rdinit=/init" -w "$WORK/gen.dtb"
	t "-w with a generated DTB" 0
	dtc -I dtb -O dts -o "$WORK/gen.dts" "$WORK/gen.dtb" 2>"$WORK/dtc.err" &&
		[ ! -s "$WORK/dtc.err" ]
	ok $? "dtc reads the generated DTB without warnings"
	has_all "$WORK/gen.dts" "generated DTB" 'method = "smc";' \
		'compatible = "arm,gic-v3";' \
		'reg = <0x00 0x8000000 0x00 0x10000 0x00 0x80a0000 0x00 0xf60000>;' \
		'cpu@2 {' 'cpu@3 {' 'enable-method = "psci";' \
		'interrupts = <0x01 0x0d 0x04 0x01 0x0e 0x04 0x01 0x0b 0x04 0x01 0x0a 0x04>;' \
		'memory@70000000 {' 'reg = <0x00 0x70000000 0x00 0x8000000>;' \
		'bootargs = "console=ttyAMA0 rdinit=/init";' \
		'linux,initrd-start = <0x00 0x70800000>;' \
		'linux,initrd-end = <0x00 0x7084b000>;' \
		'stdout-path = "/serial@9000000";' \
		'compatible = "arm,pl011\0arm,primecell";' \
		'interrupts = <0x00 0x01 0x04>;'

	dtc -q -I dts -O dtb -o "$WORK/user.dtb" \
		"${JH_SRCDIR:-.}/tests/loader/inmate-qemu-arm64.dts" || exit 99
	linux "$IN/Image" -d "$WORK/user.dtb" -c console=ttyAMA0 -w "$WORK/patched.dtb"
	t "-d patches a user DTB" 0
	dtc -I dtb -O dts -o "$WORK/patched.dts" "$WORK/patched.dtb" 2>/dev/null
	has_all "$WORK/patched.dts" "patched DTB" 'memory@70000000 {' \
		'bootargs = "console=ttyAMA0";' 'stdout-path = "/uart@9000000";' \
		'model = "Jailhouse cell on QEMU arm64 (test)";'
	linux "$IN/Image" -d "$WORK/patched.dtb" -c console=ttyAMA0 -w "$WORK/again.dtb"
	cmp -s "$WORK/patched.dtb" "$WORK/again.dtb"
	ok $? "patching the patched DTB again gives the same bytes"

	linux "$IN/Image" --system-config "$CFG/sys.cell" -w "$WORK/sys.dtb"
	t "--system-config: generated" 0
	dtc -I dtb -O dts -o "$WORK/sys.dts" "$WORK/sys.dtb" 2>/dev/null
	has_all "$WORK/sys.dts" "--system-config DTB (GICR for the root's 4 CPUs)" \
		'reg = <0x00 0x8000000 0x00 0x10000 0x00 0x80a0000 0x00 0x80000>;'

	# The tree's configs (from the fixtures, or cross-built): linux-demo's
	# two ivshmem devices get the system's virtual PCI host, INTx pins
	# A-D on SPIs 108-111.
	demo_cell=$CFG/qemu-arm64-linux-demo.cell
	demo_sys=$CFG/qemu-arm64.cell
	if [ ! -f "$demo_cell" ] || [ ! -f "$demo_sys" ]; then
		demo_cell=$builddir/configs/arm64/qemu-arm64-linux-demo.cell
		demo_sys=$builddir/configs/arm64/qemu-arm64.cell
	fi
	if [ -f "$demo_cell" ] && [ -f "$demo_sys" ]; then
		run cell linux "$demo_cell" "$IN/Image" --system-config "$demo_sys" -w "$WORK/pci.dtb"
		t "ivshmem cell: DTB generated" 0
		[ ! -s "$WORK/err" ]
		ok $? "ivshmem cell with --system-config: nothing to warn"
		dtc -I dtb -O dts -o "$WORK/pci.dts" "$WORK/pci.dtb" 2>"$WORK/dtc.err" &&
			[ ! -s "$WORK/dtc.err" ]
		ok $? "dtc reads the DTB with the PCI host without warnings"
		has_all "$WORK/pci.dts" "ivshmem cell DTB" 'pci@3f000000 {' \
			'compatible = "pci-host-ecam-generic";' 'device_type = "pci";' \
			'bus-range = <0x00 0x00>;' 'linux,pci-domain = <0x01>;' \
			'#address-cells = <0x03>;' '#interrupt-cells = <0x01>;' \
			'reg = <0x00 0x3f000000 0x00 0x100000>;' \
			'ranges = <0x2000000 0x00 0x3f100000 0x00 0x3f100000 0x00 0x40000>;' \
			'interrupt-map-mask = <0x00 0x00 0x00 0x07>;' \
			'interrupt-map = <0x00 0x00 0x00 0x01 0x01 0x00 0x6c 0x01 0x00 0x00 0x00 0x02 0x01 0x00 0x6d 0x01 0x00 0x00 0x00 0x03 0x01 0x00 0x6e 0x01 0x00 0x00 0x00 0x04 0x01 0x00 0x6f 0x01>;' \
			'dma-coherent;'
		run cell linux "$demo_cell" "$IN/Image" -d "$WORK/pci.dtb" --system-config "$demo_sys" -w "$WORK/pci-again.dtb"
		cmp -s "$WORK/pci.dtb" "$WORK/pci-again.dtb"
		ok $? "ivshmem cell: its DTB patched again gives the same bytes"
		run cell linux "$demo_cell" "$IN/Image" --dry-run
		t "ivshmem cell without --system-config: the PCI host assumed, said" 0 '' \
		  "a 24 MHz UART clock, the virtual PCI host's ECAM of bus 0 at 0x3f000000, PCI domain 1; .*and its PCI host with --system-config$"
	else
		skip "the PCI host of the tree's linux-demo cell" "no .cell of the tree's configs"
	fi
else
	skip "the DTBs -w writes" "no dtc"
fi

# --- the JSON plan, field by field --------------------------------------
if command -v jq >/dev/null; then
	linux "$IN/Image.gz" -i "$IN/initrd" --dry-run --json
	t "--dry-run --json of Image.gz and initrd" 0
	for expr in '.segments | length == 5' \
		'.segments | map(.what) == ["loader","kernel","dtb","initrd","params"]' \
		'.kernel.address == 1881145344 and .kernel.gzip' \
		'.initrd.address == 1887436800 and .initrd.size == 307200' \
		'.dtb.generated and .dtb.address == 1879048192' \
		'.parameters == "kernel=0x70200000 dtb=0x70000000"' \
		'.upstream_layout and .cpus == [2,3]' \
		'.memory == [{"region":2,"guest_address":1879048192,"size":134217728,"loadable":true}]'; do
		jq -e "$expr" "$WORK/out" >/dev/null
		ok $? "JSON: $expr"
	done
else
	skip "the JSON plan, field by field" "no jq"
fi

# the linux-loader.bin of this build passes the planner's check
real_loader=$builddir/inmates/linux-loader/linux-loader.bin
if [ -f "$real_loader" ]; then
	JAILHOUSE_LINUX_LOADER=$real_loader linux "$IN/Image" --dry-run
	t "the built linux-loader.bin is accepted" 0 '^Layout:'
else
	skip "the built linux-loader.bin is accepted" "not built (no cross compiler)"
fi

# --- the running system's config, when none is given ---------------------
# Enabled with upstream's QEMU layout (vPCI at 0x08e00000, 16 CPUs): the
# generated DTB takes its PCI host and GIC from the root cell's config
# the driver keeps (sysfs cells/0/config), not QEMU virt's defaults.
up_sys=$builddir/configs/arm64/qemu-arm64-upstream.cell
up_cell=$builddir/configs/arm64/qemu-arm64-upstream-linux-demo.cell
if [ -f "$up_sys" ] && [ -f "$up_cell" ] && command -v dtc >/dev/null; then
	ROOT=$WORK/root-upstream
	"$HELPER" root "$ROOT" || exit 99
	run enable "$up_sys"
	[ "$rc" = 0 ] || exit 99
	run cell linux "$up_cell" "$IN/Image" -w "$WORK/up.dtb"
	t "enabled, no --system-config: DTB generated" 0
	dtc -I dtb -O dts -o "$WORK/up.dts" "$WORK/up.dtb" 2>/dev/null
	has_all "$WORK/up.dts" "the running system's PCI host and GIC" \
		'pci@8e00000 {' 'reg = <0x00 0x8e00000 0x00 0x100000>;' \
		'reg = <0x00 0x8000000 0x00 0x10000 0x00 0x80a0000 0x00 0x200000>;'
	run disable
else
	skip "the running system's config" "no .cell of the tree's configs or no dtc"
fi

# --- refusals: cause named, exit code, no cell -------------------------
new_root enabled
run cell linux "$CFG/missing.cell" "$IN/Image"; t "missing config" 3 '' 'missing.cell: No such file'
run cell linux "$CFG/rev13.cell" "$IN/Image"; t "revision 13 config" 3 '' 'revision 13'
run cell linux "$CFG/sys.cell" "$IN/Image"; t "system config as cell" 3 '' 'is a system config'
linux "$IN/Image" --system-config "$CELL"; t "cell config as --system-config" 3 '' 'where a system config is needed'
linux "$IN/Image" --system-config "$CFG/missing.cell"; t "missing --system-config" 3 '' 'missing.cell: No such file'
# arguments swapped: a kernel where the config goes is no config
run cell linux "$IN/Image" "$CELL"; t "Image given as the config" 3 '' 'Image: wrong signature "'
linux "$IN/missing"; t "missing kernel" 1 '' 'reading the kernel .*missing: No such file'
no_cell "missing kernel"
linux "$IN/not-an-image"; t "not an Image" 1 '' 'not-an-image: not an arm64 Image'
no_cell "not an Image"
head -c 100000 "$IN/Image.gz" >"$WORK/trunc.gz"
linux "$WORK/trunc.gz"; t "truncated gzip" 1 '' 'trunc.gz'
no_cell "truncated gzip"
# caught while the kernel is inflated into the cell: after some loads
linux "$WORK/crc.gz"
t "bad gzip CRC: refused while loading" 1 '' "booting Linux in cell 'qemu-arm64-linux-demo': loading the kernel \(3145728 bytes at 0x70200000\): .*crc.gz: CRC-32 mismatch \(data 0x[0-9a-f]{8}, trailer 0xffffffff\): corrupt file; cell 1 was destroyed again"
no_cell "bad gzip CRC"
linux "$WORK/cut.gz" -i "$IN/initrd"
t "truncated gzip, real trailer: refused while loading" 1 '' 'loading the kernel .*cut.gz: gzip data ends early.*; cell 1 was destroyed again'
no_cell "truncated gzip, real trailer"
truncate -s 200M "$WORK/huge"
linux "$IN/Image" -i "$WORK/huge"; t "initrd too big" 1 '' 'no room for the initrd'
no_cell "initrd too big"
linux "$IN/Image" -d "$IN/initrd"; t "not a DTB" 1 '' 'not a device tree'
no_cell "not a DTB"
linux "$IN/Image" -c "$(head -c 5000 /dev/zero | tr '\0' x)"; t "command line too long" 1 '' 'kernel command line of 5000 characters'
no_cell "command line too long"
JAILHOUSE_LINUX_LOADER=$WORK/none linux "$IN/Image"
t "missing linux-loader.bin" 1 '' "reading linux-loader.bin at .*none: No such file"
no_cell "missing linux-loader.bin"
head -c 8192 "$IN/Image" >"$WORK/not-loader.bin"
JAILHOUSE_LINUX_LOADER=$WORK/not-loader.bin linux "$IN/Image"
t "not a linux-loader.bin" 1 '' "not-loader.bin does not look like linux-loader.bin \(its parameter area at 0x1000 is not empty\)"
no_cell "not a linux-loader.bin"
new_root
linux "$IN/Image"; t "hypervisor not enabled" 1 '' "booting Linux in cell 'qemu-arm64-linux-demo': creating the cell: the hypervisor is not enabled"
no_cell "hypervisor not enabled"

# --- scripted driver failures: the step, and the cell destroyed --------
new_root enabled
# Loads: stop, loader, the 3 MiB Image in 12 pieces, DTB, the initrd in
# 2, parameters
for f in "CELL_CREATE=EBUSY:creating the cell" \
	 "CELL_LOAD=EPERM:stopping the cell for loading" \
	 "CELL_LOAD@3=EIO:loading the kernel \(3145728 bytes at 0x70200000\)" \
	 "CELL_LOAD@15=EINVAL:loading the dtb" \
	 "CELL_LOAD@16=ENOMEM:loading the initrd" \
	 "CELL_START=EIO:starting the cell"; do
	JH_FAKE_IOCTL_ERR=${f%%:*} linux "$IN/Image" -i "$IN/initrd"
	t "${f%%:*} fails the boot" 1 '' "${f#*:}"
	no_cell "${f%%:*}"
done
t "the message says the cell went" 1 '' 'cell 1 was destroyed again'

# --- a signal in the middle: undone, then the command dies of it -------
# (the fake raises it during the ioctl named; 128 + the signal number).
# The command keeps a signal ignored as it finds it (below): a test run
# started in the background of a script has SIGINT ignored, so these
# runs get the default disposition back first.
JH_RUN_WRAP="env --default-signal=INT,TERM,HUP"
# The initrd's last piece is @17: a stop during it counts there.
for f in "CELL_LOAD@5=SIGINT:130:loading the kernel" \
	 "CELL_LOAD@16=SIGTERM:143:loading the initrd" \
	 "CELL_LOAD@17=SIGHUP:129:loading the initrd" \
	 "CELL_LOAD@18=SIGHUP:129:loading the params"; do
	JH_FAKE_IOCTL_ERR=${f%%:*} linux "$IN/Image" -i "$IN/initrd"
	s=${f#*:}
	t "${f%%:*} stops the boot" "${s%%:*}" '' "${s#*:} [^:]*: stopped on request; cell 1 was destroyed again"
	no_cell "${f%%:*}"
done
# too late to stop anything: the cell started, the command succeeds
JH_FAKE_IOCTL_ERR=CELL_START=SIGINT linux "$IN/Image" -i "$IN/initrd"
t "SIGINT while the cell starts: the boot stands" 0
JH_RUN_WRAP=
run cell list; t "... and the cell runs" 0 '^1 +qemu-arm64-linux-demo +running +2-3'
run cell destroy 1; t "destroy it" 0
# an ignored signal stays ignored
(trap '' INT; JH_FAKE_IOCTL_ERR=CELL_LOAD@5=SIGINT linux "$IN/Image" -i "$IN/initrd"; echo "rc=$rc" >"$WORK/rc")
grep -qx 'rc=0' "$WORK/rc"; ok $? "SIGINT ignored by the caller: the boot goes on"
run cell destroy 1; t "destroy it" 0

# --- booting -----------------------------------------------------------
linux "$IN/Image" -i "$IN/initrd" -c "console=ttyAMA0 rdinit=/init"
t "boot raw Image with initrd" 0
run cell list; t "the cell runs" 0 '^1 +qemu-arm64-linux-demo +running +2-3'
landed 0x70200000 "$IN/Image"; ok $? "Image at 0x70200000"
landed 0x70800000 "$IN/initrd"; ok $? "initrd at 0x70800000"
printf 'kernel=0x70200000 dtb=0x70000000\0' >"$WORK/params"
landed 0x1000 "$WORK/params"; ok $? "parameters at 0x1000"
head -c 4096 "$IN/linux-loader.bin" >"$WORK/loader-head"
landed 0 "$WORK/loader-head"; ok $? "linux-loader.bin at 0"
run cell destroy 1; t "destroy" 0

linux "$IN/Image.gz" -i "$IN/initrd-big" --name big
t "boot Image.gz with a 9 MiB initrd" 0
run cell list; t "the cell runs under --name" 0 '^1 +big +running +2-3'
landed 0x70200000 "$IN/Image"; ok $? "Image.gz inflated at 0x70200000"
[ "$(grep -c '^0x70[234][0-9a-f]* 262144$' "$ROOT/.fake/cell-1.loads")" = 12 ] &&
	grep -A11 -x '0x70200000 262144' "$ROOT/.fake/cell-1.loads" | tail -1 |
	grep -qx '0x704c0000 262144'
ok $? "the kernel inflated into 12 loads of 256 KiB, in order"
landed 0x70800000 "$IN/initrd-big"; ok $? "big initrd at 0x70800000"
[ "$(grep -c '^0x7[0-9a-f]* 262144$' "$ROOT/.fake/cell-1.loads")" = $((12 + 36)) ] &&
	grep -qx '0x71100000 5' "$ROOT/.fake/cell-1.loads"
ok $? "the initrd went in 256 KiB loads"
loads_before=$(wc -l <"$ROOT/.fake/cell-1.loads")
linux "$IN/Image" --name big
t "a running cell is not booted again without --reboot" 1 '' \
  'cell 1 \(big\) is running: shut it down or destroy it first, or ask for a reboot \(cell linux --reboot\)'
[ "$(wc -l <"$ROOT/.fake/cell-1.loads")" = "$loads_before" ]
ok $? "... and nothing was loaded into it"
run cell list; t "it keeps running" 0 '^1 +big +running +2-3'
linux "$IN/Image" --name big --reboot
t "boot again into the same cell with --reboot" 0
run cell list; t "the cell was reused" 0 '^1 +big +running +2-3'
linux "$WORK/crc.gz" --name big --reboot
t "bad CRC into the existing cell" 1 '' 'CRC-32 mismatch .*; cell 1 existed before and is left as it was'
run cell list; t "the existing cell keeps running, untouched" 0 '^1 +big +running +2-3'
run cell shutdown big; t "shut down" 0
linux "$IN/Image.gz" --name big
t "Image.gz into that cell, shut down: no --reboot needed" 0
landed 0x70200000 "$IN/Image"; ok $? "Image.gz inflated again at 0x70200000"

tap_done
