#!/bin/sh
# Upstream's board configs use patterns its hypervisor accepts (issue 12);
# tests/qemu/configs has a test config for each, written for this board:
# root regions that overlap (Jetson TX1/TX2, LS1046A-RDB, i.MX8DXL), a
# cell on CPU 0, a console on a UART the cell does not map, the all-zero
# placeholder region of ivshmem-net links, a ROOTSHARED region root does
# not have, a sub-page MMIO region (Raspberry Pi 4, Pine64). Each passes
# config check with the warning it deserves, and is enabled or created
# with upstream's commands; its cell runs and goes again.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

cfg=$jh_sys_cfg
smp=/etc/jailhouse/qemu-arm64-smp-test.cell
work=/tmp/board-patterns
mkdir -p $work

# checked SYSCONFIG [CELLCONFIG] RULE: config check passes, with a finding
# of RULE if not "-", and with no other warning
checked() {
	_rule=$(eval echo "\${$#}")
	if [ $# = 3 ]; then
		jailhouse config check "$1" "$2" >$work/check.out 2>&1 || return 1
	else
		jailhouse config check "$1" >$work/check.out 2>&1 || return 1
	fi
	if [ "$_rule" = - ]; then
		grep -q '^0 errors, 0 warnings$' $work/check.out
	else
		grep -q "\[$_rule\]\$" $work/check.out &&
			! grep -v "\[$_rule\]\$" $work/check.out | grep -q '^warning:'
	fi
}

# runs NAME CONFIG: upstream's create, load, start; the inmate ticks; destroy
runs() {
	m=$(console_mark)
	check "$1: cell create" jailhouse cell create "$2"
	check "$1: cell load" jailhouse cell load smp-test $jh_tests/cell-timer.bin
	check "$1: cell start" jailhouse cell start smp-test
	check "$1: it ticks" console_wait "$m" 'cell-test: tick [0-9]+ latency' 3 20
	check "$1: root Linux responsive" jh_root_alive
	check "$1: cell destroy" jailhouse cell destroy smp-test
	check_eq "$1: mem_pool_used back to $pool0" "$pool0" jh_pool_used
}

# --- root regions that overlap
overlap=$jh_tests/pattern-root-overlap.cell
[ "$jh_gic_version" = 3 ] || overlap=$jh_tests/pattern-root-overlap-gicv2.cell
check "root-overlap: config check notes the overlaps" checked $overlap root-mem-overlap
require "insmod jailhouse.ko" insmod "$jh_ko"
require "root-overlap: enable" jailhouse enable $overlap
console_follow_start $work/console.log
pool0=$(jh_pool_used)
check "root-overlap: root reads the UART page mapped twice" devmem 0x09000018 32
runs root-overlap $smp
check "root-overlap: disable" jailhouse disable
console_follow_stop

# --- the cell patterns, on the test bed's own system config
require "enable" jailhouse enable $cfg
console_follow_start $work/console2.log
pool0=$(jh_pool_used)
for p in cpu0:cpu0 console-unmapped:console-unmapped placeholder:- \
	shared-outside-root:mem-not-in-root subpage:-; do
	name=${p%%:*}
	c=$jh_tests/pattern-$name.cell
	check "$name: config check passes (${p#*:})" checked $cfg "$c" "${p#*:}"
	runs "$name" "$c"
done
check_eq "CPU 0 is Linux's again" 0-3 cat /sys/devices/system/cpu/online
check "disable" jailhouse disable
console_follow_stop
check "rmmod" rmmod jailhouse
expect_fail "no kernel warning, BUG or Oops" sh -c 'dmesg | grep -E "WARNING:|BUG:|Oops|Unable to handle|stall"'
finish
