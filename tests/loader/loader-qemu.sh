#!/bin/sh
# TAP: linux-loader.bin on a bare QEMU virt. An EL2 shim stands in for the
# hypervisor (debug-console hypercall, exit), a fake Image prints the
# registers it was entered with. The loader runs at 0x41000000, not at its
# link address 0, so this also checks that it is position-independent.
set -u

top=.
bin=$top/inmates/linux-loader/linux-loader.bin
shim=$top/tests/loader/qemu/shim.bin
kernel=$top/tests/loader/qemu/fake-kernel.bin
qemu=${QEMU:-qemu-system-aarch64}

if ! command -v "$qemu" >/dev/null || ! command -v dtc >/dev/null; then
	echo "1..0 # SKIP $qemu or dtc not installed"
	exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '/dts-v1/;\n/ { };\n' | dtc -q -I dts -O dtb -o "$work/test.dtb" -
n=0
failed=0

# run PARAMS: loader with PARAMS at +0x1000; prints the console, status.
run() {
	cp "$bin" "$work/loader.bin"
	# shellcheck disable=SC2059 # PARAMS carries \0 escapes on purpose
	printf "$1" | dd of="$work/loader.bin" bs=1 seek=4096 conv=notrunc 2>/dev/null
	# -nodefaults: no implicit devices (a network card needs an option ROM
	# that a fresh Debian lacks).
	timeout 30 "$qemu" -nodefaults \
		-machine virt,gic-version=3,virtualization=on,secure=off \
		-cpu cortex-a57 -smp 1 -m 2G -display none -monitor none \
		-serial stdio -semihosting \
		-device loader,file="$shim",addr=0x40100000,cpu-num=0 \
		-device loader,file="$work/loader.bin",addr=0x41000000 \
		-device loader,file="$kernel",addr=0x41200000 \
		-device loader,file="$work/test.dtb",addr=0x48000000 \
		>"$work/console" 2>&1
	echo "status $?" >>"$work/console"
}

expect() {
	n=$((n + 1))
	if grep -qF -- "$2" "$work/console" && grep -qx "status $3" "$work/console"; then
		printf 'ok %d - %s\n' "$n" "$1"
	else
		failed=$((failed + 1))
		printf 'not ok %d - %s\n' "$n" "$1"
		sed 's/^/#   /' "$work/console"
	fi
}

booted='kernel: x0=0x48000000 x1=0x0 x2=0x0 x3=0x0 sctlr.mci=0x0 el=0x1 pc=0x41200000'

run 'kernel=0x41200000 dtb=0x48000000'
expect "boots the kernel: x0 = DTB, x1-x3 = 0, MMU and caches off, EL1" "$booted" 0
run 'kernel=0x41200000 dtb=1207959552\0'
expect "decimal number" "$booted" 0
# The string ends at its first NUL: what a longer earlier one left behind
# it does not count.
run 'kernel=0x41200000 dtb=0x48000000\0dtb=0x48100000'
expect "bytes after the NUL ignored" "$booted" 0
run 'con-type=PL011  dtb=0x48000000 kernel=0x41200000'
expect "other keys ignored, any order" "$booted" 0
run ''
expect "no parameters: message and halt" "linux-loader: no kernel= parameter" 3
run 'kernel=0x41200000'
expect "no dtb=: message and halt" "linux-loader: no dtb= parameter" 3
# Address 0 is a number, not "missing": each gets its own message.
run 'kernel=0 dtb=0x48000000'
expect "kernel=0: message and halt" \
	"linux-loader: kernel=0: the kernel cannot be at address 0" 3
run 'kernel=0x41200000 dtb=0x0'
expect "dtb=0: message and halt" \
	"linux-loader: dtb=0: Linux does not accept a device tree at address 0" 3
run 'dtb=0 kernel=0x41200000\0dtb=0x48000000\0'
expect "dtb=0, a dtb= after the NUL does not replace it" \
	"linux-loader: dtb=0: Linux does not accept a device tree at address 0" 3
run 'kernel=0x4120zz dtb=0x48000000'
expect "bad number: message and halt" "linux-loader: bad number in kernel= parameter" 3
run 'kernel=0x41200000 dtb=0x148000000000000000'
expect "number beyond 64 bits: message and halt" "linux-loader: bad number in dtb= parameter" 3
run 'kernel=0x41400000 dtb=0x48000000'
expect "no Image at kernel=: message and halt" \
	"linux-loader: no arm64 Image at kernel=0x41400000" 3
run 'kernel=0x41200000 dtb=0x48100000'
expect "no DTB at dtb=: message and halt" \
	"linux-loader: no device tree at dtb=0x48100000" 3
run 'kernel=0x41200000 dtb=0x48000004'
expect "misaligned DTB: message and halt" \
	"linux-loader: device tree not 8-byte aligned: dtb=0x48000004" 3

echo "1..$n"
[ "$failed" -eq 0 ]
