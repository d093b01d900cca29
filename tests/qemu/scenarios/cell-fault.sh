#!/bin/sh
# A cell that breaks the rules is stopped, never root: reading root's
# memory and a hypercall with a foreign immediate each leave the cell
# "failed" with its CPU in cpus_failed, root Linux untouched, and the
# cell can be shut down, restarted with a good image, and destroyed.
# Uses fault-demo from inmates/ when installed, else the test inmate.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

cfg=$jh_sys_cfg
cell_cfg=/etc/jailhouse/qemu-arm64-gic-demo.cell
c=$jh_sys/cells/1
demos=/usr/libexec/jailhouse/demos
work=/tmp/cell-fault
mkdir -p $work
printf 'con-type=none con-virtual=1\0' >$work/cmdline

if [ -r $demos/fault-demo.bin ]; then
	note "faulting with inmates/ fault-demo"
	fault_image="$demos/fault-demo.bin 0 $work/cmdline 0x1000"
else
	fault_image="$jh_tests/cell-fault.bin 0"
fi

# failed_run IMAGE...: load, start, expect the cell to fail on CPU 1;
# $run marks the console log before the load
failed_run() {
	run=$(console_mark)
	check_raw "load" ok load gic-demo "$@"
	check_raw "start" ok start gic-demo
	check "state becomes failed" jh_wait_state 1 failed 30
	check "hypervisor says it stopped CPU 1" \
		console_wait "$run" 'CPU 1 of cell "gic-demo" failed: '
	check_eq "cpus_failed_list" 1 cat $c/cpus_failed_list
	check_eq "cpus_failed" 2 cat $c/cpus_failed
	check_eq "Linux still has CPUs 0,2-3" 0,2-3 cat /sys/devices/system/cpu/online
	check "root Linux responsive" jh_root_alive
	check_eq "root cell running" running cat $jh_sys/cells/0/state
	check_eq "root CPUs not failed" "" cat $jh_sys/cells/0/cpus_failed_list
}

require "insmod jailhouse.ko" insmod "$jh_ko"
require "enable" $jh_raw enable $cfg
console_follow_start $work/console.log
pool0=$(jh_pool_used)
require "create gic-demo" $jh_raw create $cell_cfg

note "reading memory the cell does not own"
# shellcheck disable=SC2086 # FILE ADDR pairs
failed_run $fault_image
check "console shows the access" console_wait "$run" 'MMIO read at (0x)?0*40000000'
check "... and the register dump" console_wait "$run" 'ESR_EL2: [0-9a-f]+ \(EC 0x24\)'
check "the inmate never got past the access" \
	console_none 0 'FAIL read|isolation broken'

check_raw "shutdown the failed cell" ok shutdown gic-demo
check_eq "shut down" "shut down" cat $c/state
check_eq "no failed CPUs any more" "" cat $c/cpus_failed_list
good=$(console_mark)
check_raw "load a good image into the same cell" ok load gic-demo $jh_tests/cell-timer.bin 0
check_raw "start it" ok start gic-demo
check "the CPU that failed runs the cell again" \
	console_wait "$good" 'cell-test: tick [0-9]+ latency [0-9]+ ns, CPU 1$'
check_eq "running" running cat $c/state

note "a hypercall with a foreign immediate"
failed_run $jh_tests/cell-hvc.bin 0
check "console names the cause" console_wait "$run" 'failed: hvc with a foreign immediate'
check "the inmate did not go on" console_none 0 'hvc #0 returned'

check_raw "destroy the failed cell" ok destroy gic-demo
check_eq "CPU 1 back in Linux" 0-3 cat /sys/devices/system/cpu/online
check "CPU 1 runs Linux tasks" taskset -c 1 true
check "root Linux responsive on all CPUs" jh_root_alive
check_eq "mem_pool_used back to $pool0" "$pool0" jh_pool_used

note "a fault on CPU 1 again, destroyed by DISABLE"
check_raw "create" ok create $cell_cfg
# shellcheck disable=SC2086
check_raw "load" ok load gic-demo $fault_image
check_raw "start" ok start gic-demo
check "failed again" jh_wait_state 1 failed 30
check_raw "disable" ok disable
check "console log complete" console_sync
console_follow_stop
check_eq "all CPUs online" 0-3 cat /sys/devices/system/cpu/online
check "rmmod" rmmod jailhouse
expect_fail "no kernel warning, BUG or Oops" sh -c 'dmesg | grep -E "WARNING:|BUG:|Oops|Unable to handle|stall"'
finish
