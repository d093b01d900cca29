#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# "jailhouse config create" on the device trees of real boards from the
# test kernel's source tree (TAP): GICv2 and GICv3 boards, each console
# type the hypervisor knows. Each tree is preprocessed and compiled as
# Linux's build does; the config made with Linux in its first 256 MiB
# (--linux-mem) must pass config check without errors, have the GIC and
# console the board has, and name its devices. A tree whose memory the
# boot loader fills in is refused with a message that says so.
#
#   tests/cli/test-config-create-boards.sh KERNEL_SRC BUILDDIR
set -u

ksrc=${1:?usage: test-config-create-boards.sh KERNEL_SRC BUILDDIR}
builddir=${2:?usage: test-config-create-boards.sh KERNEL_SRC BUILDDIR}
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/unit/tap.sh"
JH=$builddir/cli/jailhouse
dts=$ksrc/arch/arm64/boot/dts
work=$(mktemp -d "${TMPDIR:-/tmp}/jhboards-XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT

# dtb BOARD: the board's DTB in $work, as Linux's dtbs target makes it
dtb() {
	cpp -nostdinc -I "$ksrc/include" -I "$dts" \
		-I "$ksrc/scripts/dtc/include-prefixes" -I "$(dirname "$dts/$1.dts")" \
		-undef -D__DTS__ -x assembler-with-cpp "$dts/$1.dts" 2>"$work/cpp.err" |
		dtc -q -I dts -O dtb -o "$work/${1##*/}.dtb" - 2>"$work/dtc.err"
}

# board PATH GIC CONSOLE MIN-DEVICES: one board's checks
board() {
	n=${1##*/}
	if ! dtb "$1"; then
		ok 1 "$n: tree compiles"
		sed 's/^/# /' "$work/cpp.err" "$work/dtc.err" | head -n 5
		return
	fi
	"$JH" config create --dtb "$work/$n.dtb" --linux-mem 256M \
		"$work/$n.c" 2>"$work/err" &&
		"$JH" config create --dtb "$work/$n.dtb" --linux-mem 256M \
			"$work/$n.cell" 2>>"$work/err"
	ok $? "$n: config made"
	[ -f "$work/$n.cell" ] || { sed 's/^/# /' "$work/err"; return; }
	"$JH" config check "$work/$n.cell" >"$work/check" 2>&1
	ok $? "$n: config check finds no error"
	grep -E '^(error|warning)' "$work/check" | sed 's/^/# /'
	grep -q "\.gic_version = $2," "$work/$n.c"
	ok $? "$n: GICv$2"
	grep -q "\.type = JAILHOUSE_CON_TYPE_$3," "$work/$n.c"
	ok $? "$n: console $3"
	devs=$(grep -cE '^		/\* .*\(.*\)( and [0-9]+ more)? \*/$' "$work/$n.c")
	[ "$devs" -ge "$4" ]
	ok $? "$n: $devs device regions named by node and compatible (at least $4)"
}

board xilinx/zynqmp-zcu102-rev1.0 2 XUARTPS 20
board arm/juno 2 PL011 20
board hisilicon/hi6220-hikey 2 PL011 20
board renesas/r8a77951-salvator-x 2 SCIF 40
board freescale/fsl-ls1043a-rdb 2 8250 20
board amlogic/meson-gxbb-odroidc2 2 NONE 10
board freescale/imx8mm-evk 3 IMX 5
board freescale/imx8mq-evk 3 IMX 5
board ti/k3-am654-base-board 3 NONE 20
board marvell/armada-3720-espressobin 3 MVEBU 10
board mediatek/mt8183-evb 3 NONE 10

# memory filled in by the boot loader: no size in the tree
n=bcm2711-rpi-4-b
if dtb broadcom/$n; then
	"$JH" config create --dtb "$work/$n.dtb" --linux-mem 256M "$work/$n.c" \
		2>"$work/err"
	[ $? = 1 ] && grep -q 'no memory node with a size.*/sys/firmware/fdt' "$work/err"
	ok $? "$n: refused, the boot loader's memory named"
else
	ok 1 "$n: tree compiles"
fi

tap_done
