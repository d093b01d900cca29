#!/bin/sh
# TAP: the loader through its test front end (jhl-plan, the options of
# "jailhouse cell linux"), with the DTBs read back by dtc and the JSON plan
# by jq. Run from the top build directory by "make check".
set -u

if ! command -v dtc >/dev/null; then
	echo "1..0 # SKIP dtc (device-tree-compiler) not installed"
	exit 0
fi

plan=./tests/loader/jhl-plan
src=${srcdir:-.}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
n=0
failed=0

ok() {
	n=$((n + 1))
	printf 'ok %d - %s\n' "$n" "$1"
}

not_ok() {
	n=$((n + 1))
	failed=$((failed + 1))
	printf 'not ok %d - %s\n' "$n" "$1"
}

check() {
	desc=$1
	shift
	if "$@" >"$work/out" 2>&1; then
		ok "$desc"
	else
		not_ok "$desc"
		sed 's/^/#   /' "$work/out"
	fi
}

skip() {
	n=$((n + 1))
	printf 'ok %d - %s # SKIP %s\n' "$n" "$1" "$2"
}

has() {
	grep -qF -- "$1" "$2"
}

$plan --fixtures "$work"
gzip -k "$work/Image"
cell=$work/linux-demo.cell

# Generated DTB, written with -w and read back by dtc.
check "-w writes a generated DTB" \
	$plan "$cell" "$work/Image.gz" -i "$work/initrd.cpio" \
	-c "console=ttyAMA0 rdinit=/init" -w "$work/gen.dtb"
cp "$work/out" "$work/commands"
check "dtc reads the generated DTB without warnings" \
	sh -c "dtc -I dtb -O dts -o '$work/gen.dts' '$work/gen.dtb' 2>&1 | tee /dev/stderr | grep -q . && exit 1 || exit 0"
for line in 'method = "smc";' 'compatible = "arm,gic-v3";' \
	'reg = <0x00 0x8000000 0x00 0x10000 0x00 0x80a0000 0x00 0xf60000>;' \
	'cpu@2 {' 'cpu@3 {' 'enable-method = "psci";' \
	'interrupts = <0x01 0x0d 0x04 0x01 0x0e 0x04 0x01 0x0b 0x04 0x01 0x0a 0x04>;' \
	'memory@70000000 {' 'reg = <0x00 0x70000000 0x00 0x8000000>;' \
	'bootargs = "console=ttyAMA0 rdinit=/init";' \
	'linux,initrd-start = <0x00 0x70800000>;' \
	'linux,initrd-end = <0x00 0x7084b000>;' \
	'stdout-path = "/serial@9000000";' \
	'compatible = "arm,pl011\0arm,primecell";' \
	'interrupts = <0x00 0x01 0x04>;'; do
	check "generated DTB has: $line" has "$line" "$work/gen.dts"
done
check "-w prints the cell load command" has \
	'jailhouse cell load qemu-arm64-linux-demo linux-loader.bin -a 0x0 -s "kernel=0x70200000 dtb=0x70000000" -a 0x1000' \
	"$work/commands"
check "-w names the decompressed kernel" has \
	"$work/Image.gz-unzipped -a 0x70200000 $work/initrd.cpio -a 0x70800000 $work/gen.dtb -a 0x70000000" \
	"$work/commands"

# A user's DTB, patched.
dtc -q -I dts -O dtb -o "$work/user.dtb" "$src/tests/loader/inmate-qemu-arm64.dts"
check "-d patches a user DTB" \
	$plan "$cell" "$work/Image" -d "$work/user.dtb" -c "console=ttyAMA0" \
	-w "$work/patched.dtb"
dtc -I dtb -O dts -o "$work/patched.dts" "$work/patched.dtb" 2>/dev/null
for line in 'memory@70000000 {' 'bootargs = "console=ttyAMA0";' \
	'stdout-path = "/uart@9000000";' 'model = "Jailhouse cell on QEMU arm64 (test)";'; do
	check "patched DTB has: $line" has "$line" "$work/patched.dts"
done
check "patching the patched DTB again gives the same bytes" sh -c \
	"$plan '$cell' '$work/Image' -d '$work/patched.dtb' -c console=ttyAMA0 -w '$work/again.dtb' >/dev/null &&
	 cmp '$work/patched.dtb' '$work/again.dtb'"

# --system takes the GIC from the system config.
check "--system: generated" $plan "$cell" "$work/Image" -s "$work/qemu-arm64.cell" \
	-w "$work/sys.dtb"
dtc -I dtb -O dts -o "$work/sys.dts" "$work/sys.dtb" 2>/dev/null
check "--system: GICR sized for the system's 4 CPUs" has \
	'reg = <0x00 0x8000000 0x00 0x10000 0x00 0x80a0000 0x00 0x80000>;' "$work/sys.dts"

# Dry run as text and JSON.
check "--dry-run text" $plan "$cell" "$work/Image.gz" -i "$work/initrd.cpio"
cp "$work/out" "$work/text"
check "text shows the parameters" has \
	"Loader parameters at 0x1000: kernel=0x70200000 dtb=0x70000000" "$work/text"
check "text says the layout is upstream's" has \
	"Layout: same as the upstream jailhouse-cell-linux" "$work/text"
check "text lists the initrd load" has \
	"initrd  0x0070800000-0x007084afff    300 KiB    300 KiB      2  $work/initrd.cpio" \
	"$work/text"
$plan --json "$cell" "$work/Image.gz" -i "$work/initrd.cpio" >"$work/plan.json"
if command -v jq >/dev/null; then
	for expr in '.segments | length == 5' \
		'.segments | map(.what) == ["loader","kernel","dtb","initrd","params"]' \
		'.kernel.address == 1881145344 and .kernel.gzip' \
		'.initrd.address == 1887436800 and .initrd.size == 307200' \
		'.dtb.generated and .dtb.address == 1879048192' \
		'.parameters == "kernel=0x70200000 dtb=0x70000000"' \
		'.upstream_layout and .cpus == "2-3"' \
		'.memory == [{"region":2,"guest_address":1879048192,"size":134217728,"loadable":true}]'; do
		check "JSON: $expr" jq -e "$expr" "$work/plan.json"
	done
else
	skip "JSON checks" "jq not installed"
fi

# Refusals reach the user as one clear line and exit status 1.
if $plan "$cell" "$work/initrd.cpio" 2>"$work/err"; then
	not_ok "a cpio archive as kernel is refused"
else
	check "a cpio archive as kernel: says what it is" has \
		"not an arm64 Image: a cpio archive" "$work/err"
fi
# linux-loader.bin: the real one passes, other files are recognised.
loader=./loaders/linux-loader/linux-loader.bin
if [ -f "$loader" ]; then
	check "the built linux-loader.bin is accepted" \
		$plan "$cell" "$work/Image" -l "$loader"
else
	skip "the built linux-loader.bin is accepted" "not built (no cross compiler)"
fi
head -c 8192 "$work/Image" >"$work/head.bin"
if $plan "$cell" "$work/Image" -l "$work/head.bin" 2>"$work/err"; then
	not_ok "8 KiB of an Image as linux-loader.bin is refused"
else
	check "8 KiB of an Image as linux-loader.bin: says so" has \
		"$work/head.bin does not look like linux-loader.bin (its parameter area at 0x1000 is not empty)" \
		"$work/err"
fi
head -c 100000 "$work/Image.gz" >"$work/cut.gz"
if $plan "$cell" "$work/cut.gz" 2>"$work/err"; then
	not_ok "a truncated Image.gz is refused"
else
	check "a truncated Image.gz: says truncated" has "truncated" "$work/err"
fi

echo "1..$n"
[ "$failed" -eq 0 ]
