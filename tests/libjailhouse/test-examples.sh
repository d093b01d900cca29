#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# shellcheck disable=SC3044 # "enable" is a jailhouse sub-command here, not the bash builtin
#
# The library guide's examples (examples/, docs/libjailhouse-guide.md)
# against a fake root and the fake driver (TAP): each does what the guide
# says, and boot-inmate leaves no cell behind when the boot fails.

set -u

. "${JH_SRCDIR:-.}/tests/unit/tap.sh"
. "${JH_SRCDIR:-.}/tests/fakes/fake-cli.sh"

EX=$builddir/examples

# ex NAME ARGS...: an example under the fake driver, in root $ROOT
ex() {
	_ex=$1
	shift
	JAILHOUSE_TEST_ROOT=$ROOT JH_FAKE_ROOT=$ROOT LD_PRELOAD=$FAKE \
		"$EX/$_ex" "$@" >"$WORK/out" 2>"$WORK/err"
	rc=$?
}

ROOT=$WORK/root
"$HELPER" root "$ROOT" || exit 99
printf 'inmate' >"$WORK/inmate.bin"

ex list-cells; t "list-cells: no hypervisor, no cells" 0
[ ! -s "$WORK/out" ]
ok $? "list-cells: prints nothing"
run enable "$CFG/sys.cell"; t "enable (the command)" 0

ex list-cells; t "list-cells: the root cell" 0 '^0 qemu-arm64 running 0-3$'
ex boot-inmate "$CFG/gic-demo.cell" "$WORK/inmate.bin"
t "boot-inmate: created, loaded and started" 0 '^cell 1 \(gic-demo\) runs$'
ex list-cells; t "list-cells: both cells" 0 '^1 gic-demo running 1$'
cmp -s "$ROOT/.fake/cell-1.mem" "$WORK/inmate.bin"
ok $? "boot-inmate: the image landed at address 0"
ex cell-stats gic-demo; t "cell-stats: the cell's counters" 0 '^vmexits_total +[0-9]+ +[0-9]+$'
ex cell-stats nobody; t "cell-stats: no such cell" 1 '' "no cell named 'nobody'"

# a load that fails: the cell is destroyed again, the cause kept
JH_FAKE_IOCTL_ERR=CELL_LOAD=EADDRNOTAVAIL
export JH_FAKE_IOCTL_ERR
ex boot-inmate "$CFG/linux-demo.cell" "$WORK/inmate.bin" 0x1000
t "boot-inmate: a failed load is the error" 1 '' \
	'^boot-inmate: load cell 2 \(qemu-arm64-linux-demo\): .* \(the cell was destroyed again\)$'
ex list-cells; t "boot-inmate: no half-made cell left" 0
! grep -q linux-demo "$WORK/out"
ok $? "boot-inmate: linux-demo is gone"
# and if the undo fails too, the message says so
JH_FAKE_IOCTL_ERR=CELL_START=EIO,CELL_DESTROY=EBUSY
ex boot-inmate "$CFG/linux-demo.cell" "$WORK/inmate.bin" 0x1000
t "boot-inmate: a failed undo is told" 1 '' \
	'^boot-inmate: start cell 2 \(qemu-arm64-linux-demo\): .*; and destroying the cell again failed: destroy cell 2'
unset JH_FAKE_IOCTL_ERR
run cell destroy qemu-arm64-linux-demo; t "(the command destroys it)" 0
ex boot-inmate "$CFG/gic-demo.cell" "$WORK/inmate.bin"
t "boot-inmate: a taken name, refused before any cell is made" 1 '' 'already exists'

printf 'Started cell "gic-demo" on CPU 1 at 0\n' >"$ROOT/sys/devices/jailhouse/console"
ex follow-console 1; t "follow-console: the console's text" 0 '^Started cell "gic-demo"'

tap_done
