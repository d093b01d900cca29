#!/bin/sh
# The driver loads into a kernel that was started at EL2 (so the hyp stub is
# there for the hypervisor to take over), exposes its device nodes with the
# hypervisor disabled, and unloads without leaving anything behind.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

ko=${jh_ko:-/lib/modules/jailhouse.ko}

# Wording from arch/arm64/kernel/smp.c (Linux 6.1), hyp_mode_check().
# the boot's log, saved by /init: later scenarios' lines push it out of dmesg
check "all CPUs started at EL2" grep -q "CPU: All CPU(s) started at EL2" /tmp/jhtest/boot.dmesg
require "$ko is staged" test -f "$ko"

for round in 1 2; do
	note "load/unload round $round"
	require "insmod jailhouse.ko" insmod "$ko"
	check "jailhouse listed in /proc/modules" grep -q '^jailhouse ' /proc/modules
	check "/dev/jailhouse is a char device" test -c /dev/jailhouse
	check "/sys/devices/jailhouse exists" test -d /sys/devices/jailhouse
	check_eq "enabled reads 0" 0 cat /sys/devices/jailhouse/enabled
	require "rmmod jailhouse" rmmod jailhouse
	expect_fail "jailhouse gone from /proc/modules" grep -q '^jailhouse ' /proc/modules
	expect_fail "/dev/jailhouse removed" test -e /dev/jailhouse
	expect_fail "/sys/devices/jailhouse removed" test -e /sys/devices/jailhouse
done

expect_fail "no kernel warning, BUG or Oops" sh -c 'dmesg | grep -E "WARNING:|BUG:|Oops|Unable to handle"'

finish
