#!/bin/sh
# Two cells at once on different CPUs: gic-demo on CPU 1 and smp-test on
# CPUs 2-3, whose inmate starts, stops and restarts its second CPU with
# PSCI inside the cell. Root Linux keeps CPU 0 and keeps working; one cell
# stops and starts while the other runs; smp-test is not passive and is
# asked before it is stopped; DISABLE destroys the cells still there.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

cfg=$jh_sys_cfg
demo=/usr/libexec/jailhouse/demos/gic-demo.bin
work=/tmp/cell-two
mkdir -p $work

if [ -r $demo ]; then
	# Two cells fill the 2 KiB console ring fast; at 10 ticks a second
	# a reader starved on a loaded host misses lines (the ring wraps).
	printf 'con-type=none con-virtual=1 period-ms=500\0' >$work/cmdline
	gic_image="$demo 0 $work/cmdline 0x1000"
	gic_tick='gic-demo: tick [0-9]+ latency'
else
	gic_image="$jh_tests/cell-timer.bin 0"
	gic_tick='cell-test: tick [0-9]+ latency [0-9]+ ns, CPU 1$'
fi
smp_tick='cell-test: tick [0-9]+ latency [0-9]+ ns, CPU 2$'

# runs REGEX: a new line matching REGEX comes (within 20 s)
runs() {
	console_next "$1"
}

require "insmod jailhouse.ko" insmod "$jh_ko"
require "enable" $jh_raw enable $cfg
console_follow_start $work/console.log
pool0=$(jh_pool_used)

require "create gic-demo (CPU 1)" $jh_raw create /etc/jailhouse/qemu-arm64-gic-demo.cell
require "create smp-test (CPUs 2-3)" $jh_raw create /etc/jailhouse/qemu-arm64-smp-test.cell
check_eq "smp-test is cell 2" smp-test cat $jh_sys/cells/2/name
check_eq "smp-test has CPUs 2-3" 2-3 cat $jh_sys/cells/2/cpus_assigned_list
check_eq "root keeps CPU 0 only" 0 cat $jh_sys/cells/0/cpus_assigned_list
check_eq "Linux runs on CPU 0 only" 0 cat /sys/devices/system/cpu/online
note "mem_pool_used: $pool0 without cells, $(jh_pool_used) with both"

# shellcheck disable=SC2086 # FILE ADDR pairs
check_raw "load gic-demo" ok load gic-demo $gic_image
check_raw "load smp-test" ok load smp-test $jh_tests/cell-smp.bin 0
check_raw "start gic-demo" ok start gic-demo
check_raw "start smp-test" ok start smp-test
check "gic-demo ticks" console_wait 0 "$gic_tick"
check "smp-test started on CPU 2" console_wait 0 'cell-test: hello from CPU 2$'
check "... its CPU 3 came up by PSCI CPU_ON" console_wait 0 'cell-test: CPU 3 up, context 1'
check "... went off, AFFINITY_INFO saw it" console_wait 0 'cell-test: CPU 3 is off again after [0-9]+ polls'
check "... and came up once more" console_wait 0 'cell-test: CPU 3 up, context 2'
check "smp-test ticks" console_wait 0 "$smp_tick"
check_eq "both running" "running running" sh -c \
	"echo \$(cat $jh_sys/cells/1/state $jh_sys/cells/2/state)"
check "root Linux responsive on CPU 0" jh_root_alive
check "both cells take interrupts" sh -c "
	[ \$(cat $jh_sys/cells/1/statistics/vmexits_virt_irq) -gt 0 ] &&
	[ \$(cat $jh_sys/cells/2/statistics/cpu2/vmexits_virt_irq) -gt 0 ]"
check "smp-test's PSCI calls counted on CPU 2" \
	test "$(cat $jh_sys/cells/2/statistics/cpu2/vmexits_psci)" -ge 3

m=$(console_mark)
check_raw "shutdown smp-test" ok shutdown smp-test
check "smp-test was asked and approved" console_wait "$m" 'cell-test: shutdown request approved'
check_eq "smp-test shut down" "shut down" cat $jh_sys/cells/2/state
check "gic-demo still ticks" runs "$gic_tick"
check_raw "destroy gic-demo while smp-test is stopped" ok destroy gic-demo
check_eq "CPU 1 back in Linux" 0-1 cat /sys/devices/system/cpu/online
m=$(console_mark)
check_raw "start smp-test again" ok start smp-test
check "smp-test runs again" console_wait "$m" 'cell-test: CPU 3 up, context 2'
check "smp-test ticks again" runs "$smp_tick"
check "root Linux responsive on CPUs 0-1" jh_root_alive
check_raw "destroy smp-test (asks it first)" ok destroy smp-test
check_eq "all CPUs back in Linux" 0-3 cat /sys/devices/system/cpu/online
check_eq "mem_pool_used back to $pool0" "$pool0" jh_pool_used

note "both again: smp-test first, told when gic-demo comes; then DISABLE"
m=$(console_mark)
check_raw "create smp-test" ok create /etc/jailhouse/qemu-arm64-smp-test.cell
check_raw "load smp-test" ok load smp-test $jh_tests/cell-smp.bin 0
check_raw "start smp-test" ok start smp-test
check "smp-test ticks" console_wait "$m" "$smp_tick"
m=$(console_mark)
check_raw "create gic-demo" ok create /etc/jailhouse/qemu-arm64-gic-demo.cell
check "smp-test got 'reconfiguration completed'" \
	console_wait "$m" 'cell-test: message 2 received'
check_eq "gic-demo got the next free ID" gic-demo cat $jh_sys/cells/2/name
# shellcheck disable=SC2086
check_raw "load gic-demo" ok load 2 $gic_image
check_raw "start gic-demo" ok start 2
check "gic-demo ticks" runs "$gic_tick"
check "smp-test ticks" runs "$smp_tick"
check_raw "disable destroys both first" ok disable
check "console log complete" console_sync
console_follow_stop
check_eq "disabled" 0 cat $jh_sys/enabled
check_eq "all CPUs online" 0-3 cat /sys/devices/system/cpu/online
check "driver logged both destroys" sh -c '
	dmesg | grep -q "destroyed cell \"gic-demo\"" &&
	dmesg | grep -q "destroyed cell \"smp-test\""'
check "root Linux responsive on all CPUs" jh_root_alive
check "rmmod" rmmod jailhouse
expect_fail "no kernel warning, BUG or Oops" sh -c 'dmesg | grep -E "WARNING:|BUG:|Oops|Unable to handle|stall"'
finish
