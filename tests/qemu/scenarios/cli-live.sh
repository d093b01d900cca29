#!/bin/sh
# The jailhouse command against the real driver and hypervisor: module
# autoload, config checks that stop bad files before the driver sees them,
# list/stats/console/doctor on a live system, JSON output.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

cfg=$jh_sys_cfg
work=/tmp/cli-live
mkdir -p $work

# expect_exit CODE DESCRIPTION COMMAND...: COMMAND exits with CODE.
expect_exit() {
	_want=$1
	shift
	_desc=$1
	shift
	check_eq "$_desc (exit $_want)" "$_want" sh -c '"$@" >/dev/null 2>&1; echo $?' sh "$@"
}

expect_fail "driver not loaded yet" test -e /dev/jailhouse
check "offline check of the shipped configs" jailhouse config check $cfg \
	/etc/jailhouse/qemu-arm64-gic-demo.cell /etc/jailhouse/qemu-arm64-linux-demo.cell
check "config show" sh -c "jailhouse config show $cfg | grep -q 'Root cell: *qemu-arm64'"

# Bad files are refused by the library with exit 3; the driver never sees
# them (no log line from it).
head -c 300 $cfg >$work/trunc.cell
cp $cfg $work/rev.cell
printf '\015' | dd of=$work/rev.cell bs=1 seek=6 conv=notrunc 2>/dev/null
expect_exit 3 "truncated config refused" jailhouse enable $work/trunc.cell
check "truncation named" sh -c "jailhouse enable $work/trunc.cell 2>&1 | grep -q truncated"
expect_exit 3 "wrong revision refused" jailhouse enable $work/rev.cell
check "revision named" sh -c "jailhouse enable $work/rev.cell 2>&1 | grep -q 'revision 13, expected 14'"
expect_exit 2 "usage error" jailhouse enable
expect_exit 3 "missing file: a config error" jailhouse enable /nonexistent.cell

# libkmod loads jailhouse.ko on demand.
require "enable right after boot, no insmod" jailhouse enable $cfg
check "module was autoloaded" grep -q '^jailhouse ' /proc/modules
expect_exit 1 "enable while enabled fails" jailhouse enable $cfg
check "enable while enabled names the cause" sh -c \
	"jailhouse enable $cfg 2>&1 | grep -qi 'already enabled'"

check "cell list shows the root cell" sh -c \
	'jailhouse cell list | grep -Eq "^0 +qemu-arm64 +running +0-3"'
check "cell list --json" sh -c \
	'jailhouse cell list --json | grep -q "\"name\": *\"qemu-arm64\""'
check "cell stats by id" sh -c 'jailhouse cell stats 0 | grep -q total'
check "cell stats by name" sh -c 'jailhouse cell stats qemu-arm64 | grep -q hypercall'
check "cell stats --json" sh -c 'jailhouse cell stats 0 --json | grep -q "\"total\""'
expect_exit 1 "stats of a missing cell" jailhouse cell stats nosuchcell
check "console holds the banner" sh -c 'jailhouse console | grep -q "hypervisor active"'
check "doctor on the live system" jailhouse doctor $cfg
check "doctor finds the config's GIC in the device tree" sh -c \
	"jailhouse doctor $cfg | grep -q 'the GICv$jh_gic_version of the device tree is the system config.s'"
# the other GIC's config: the hypervisor would refuse it
other=/etc/jailhouse/qemu-arm64-gicv2.cell
[ "$jh_gic_version" = 3 ] || other=/etc/jailhouse/qemu-arm64.cell
check "doctor names a config for the other GIC" sh -c \
	"jailhouse doctor $other | grep -q 'Linux runs on a GICv$jh_gic_version, the system config says GICv$((5 - jh_gic_version))'"
expect_exit 1 "and says the system needs fixing" jailhouse doctor $other
check "doctor --json" sh -c "jailhouse doctor $cfg --json | grep -q '{'"
expect_exit 1 "destroying the root cell is refused" jailhouse cell destroy 0

check "disable" jailhouse disable
check "cell list empty after disable" test -z "$(jailhouse cell list)"
check "console keeps the log after disable" sh -c 'jailhouse console | grep -q "disabling"'
check "rmmod" rmmod jailhouse
finish
