#!/bin/sh
# Under the hypervisor, root Linux takes CPUs offline and online again via
# PSCI (trapped SMCs), and the CPUs that come back take interrupts.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

cfg=$jh_sys_cfg

timer_irqs() {
	awk -v c=$(($1 + 2)) '/arch_timer/ { print $c; exit }' /proc/interrupts
}

require "insmod jailhouse.ko" insmod "$jh_ko"
require "jailhouse enable" jailhouse enable $cfg

for c in 1 2 3; do
	check "CPU $c offline" sh -c "echo 0 > /sys/devices/system/cpu/cpu$c/online"
	check_eq "CPU $c reads offline" 0 cat /sys/devices/system/cpu/cpu$c/online
done
check_eq "only CPU 0 online" 0 cat /sys/devices/system/cpu/online
for c in 1 2 3; do
	check "CPU $c online" sh -c "echo 1 > /sys/devices/system/cpu/cpu$c/online"
done
check_eq "CPUs 0-3 online" 0-3 cat /sys/devices/system/cpu/online

for c in 1 2 3; do
	b=$(timer_irqs $c)
	# shellcheck disable=SC2016 # the inner shell expands
	taskset -c $c sh -c 'i=0; while [ $i -lt 20000 ]; do i=$((i + 1)); done'
	sleep 1
	a=$(timer_irqs $c)
	check "CPU $c takes timer interrupts again ($b -> $a)" test "$a" -gt "$b"
	check "CPU $c runs tasks" taskset -c $c true
done

check "serial echo still reaches root" jh_serial_roundtrip
check "jailhouse disable" jailhouse disable
check "serial echo reaches root after disable" jh_serial_roundtrip
check "rmmod" rmmod jailhouse
expect_fail "no kernel warning, BUG or Oops" sh -c 'dmesg | grep -E "WARNING:|BUG:|Oops|Unable to handle"'
finish
