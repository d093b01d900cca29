#!/bin/sh
# The comm region protocol with a cell that is not passive (smp-test):
# it sees a valid comm region and what a cell may ask the hypervisor;
# while it is "running/locked" no other cell may come or go; it refuses a
# shutdown (EPERM, still running) and approves the next one. Root Linux
# trying to take back a CPU that a cell owns fails cleanly.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

cfg=$jh_sys_cfg
gic=/etc/jailhouse/qemu-arm64-gic-demo.cell
smp=/etc/jailhouse/qemu-arm64-smp-test.cell

require "insmod jailhouse.ko" insmod "$jh_ko"
require "enable" $jh_raw enable $cfg
console_follow_start /tmp/cell-comm.console.log
pool0=$(jh_pool_used)

require "create smp-test" $jh_raw create $smp
check_raw "load the locking inmate" ok load smp-test $jh_tests/cell-lock.bin 0
check_raw "start" ok start smp-test
check "it reports the cells and its CPU" \
	console_wait 0 'cell-test: hypervisor runs 2 cells, own CPU state 0, CPU 0 refused'
check "CELL_CREATE from a cell is refused" \
	console_wait 0 'cell-test: CELL_CREATE from a cell refused'
check "state becomes running/locked" jh_wait_state 1 running/locked 30

m=$(console_mark)
check_raw "create another cell while locked: EPERM" "error: EPERM" create $gic
check "hypervisor says why" console_wait "$m" 'Cell create refused: a cell is running/locked'
check_eq "CPU 1 back in Linux after the refusal" 0-1 cat /sys/devices/system/cpu/online

m=$(console_mark)
kmsg="jhtest: cell-comm refused shutdown $(cut -d' ' -f1 /proc/uptime)"
echo "$kmsg" >/dev/kmsg
check_raw "shutdown refused by the cell: EPERM" "error: EPERM" shutdown smp-test
check "the cell denied it" console_wait "$m" 'cell-test: shutdown request denied'
check_eq "still running/locked" running/locked cat $jh_sys/cells/1/state
check "still ticking" console_next 'cell-test: tick [0-9]+ latency [0-9]+ ns, CPU 2$'
check "driver logged the refusal" sh -c \
	"dmesg | sed -n '/$kmsg/,\$p' | grep -q 'load: the hypervisor refused to stop cell \"smp-test\" (-1): Cell \"smp-test\" refused to shut down'"

check "Linux cannot online CPU 2 while smp-test has it" sh -c \
	'! echo 1 > /sys/devices/system/cpu/cpu2/online'
check_eq "CPU 2 stays offline" 0 cat /sys/devices/system/cpu/cpu2/online
check_eq "smp-test keeps running/locked" running/locked cat $jh_sys/cells/1/state

m=$(console_mark)
check_raw "second shutdown approved" ok shutdown smp-test
check "the cell approved it" console_wait "$m" 'cell-test: shutdown request approved'
check_eq "shut down" "shut down" cat $jh_sys/cells/1/state

check_raw "create gic-demo now" ok create $gic
check_raw "start smp-test again" ok start smp-test
check "it sees 3 cells now" console_wait 0 'cell-test: hypervisor runs 3 cells'
check "locked again" jh_wait_state 1 running/locked 30
check_raw "destroy gic-demo while smp-test is locked: EPERM" "error: EPERM" destroy gic-demo
check "hypervisor says why" console_wait 0 'Cell destroy refused: a cell is running/locked'
check_raw "destroy smp-test: first refused" "error: EPERM" destroy smp-test
check_raw "destroy smp-test: then approved" ok destroy smp-test
check_raw "destroy gic-demo" ok destroy gic-demo
check_eq "all CPUs back" 0-3 cat /sys/devices/system/cpu/online
check_eq "mem_pool_used back to $pool0" "$pool0" jh_pool_used
check "root Linux responsive" jh_root_alive

# --- disable destroys the lowest ID first, not the oldest cell -----------
# IDs are reused: gic-demo gets ID 1 again after smp-test took ID 2. With
# smp-test locked, trying gic-demo first is refused by the lock, while
# trying smp-test first would send smp-test a shutdown request.
require "create gic-demo (ID 1)" $jh_raw create $gic
require "create smp-test (ID 2)" $jh_raw create $smp
require "destroy gic-demo" $jh_raw destroy gic-demo
require "create gic-demo again" $jh_raw create $gic
check_eq "gic-demo has ID 1 again" gic-demo cat $jh_sys/cells/1/name
check_raw "load the locking inmate" ok load smp-test $jh_tests/cell-lock.bin 0
check_raw "start smp-test" ok start smp-test
check "smp-test running/locked" jh_wait_state 2 running/locked 30
m=$(console_mark)
check_raw "disable while smp-test is locked: EPERM" "error: EPERM" disable
check "gic-demo, ID 1, was tried first: the lock refused it" \
	console_wait "$m" 'Cell destroy refused: a cell is running/locked'
check "smp-test, ID 2, got no shutdown request" console_none "$m" 'cell-test: shutdown request'
check_eq "both cells still there" "1 2" sh -c "echo \$(ls $jh_sys/cells | grep -v '^0$')"
check_raw "destroy smp-test: first refused" "error: EPERM" destroy smp-test
check_raw "destroy smp-test: then approved" ok destroy smp-test
check_raw "disable destroys gic-demo" ok disable
check "console log complete" console_sync
console_follow_stop
check "rmmod" rmmod jailhouse
expect_fail "no kernel warning, BUG or Oops" sh -c 'dmesg | grep -E "WARNING:|BUG:|Oops|Unable to handle|stall"'
finish
