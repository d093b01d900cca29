#!/bin/sh
# A cell that never answers the hypervisor's messages (test inmate,
# "mute" option) cannot hold root up, even when its config says to wait
# for ever (msg_reply_timeout 0, patched into a copy of smp-test's
# config): the hypervisor waits at most its own bound (2 s), then marks
# the cell failed and goes on. A shutdown request left unanswered stops
# the cell; an unanswered reconfiguration notice (another cell created)
# leaves it failed, and it can be destroyed.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

cfg=$jh_sys_cfg
gic=/etc/jailhouse/qemu-arm64-gic-demo.cell
work=/tmp/cell-comm-timeout
mkdir -p $work
mute=$work/mute-smp-test.cell
cp /etc/jailhouse/qemu-arm64-smp-test.cell $mute
# struct jailhouse_cell_desc.msg_reply_timeout: 8 bytes at offset 92
dd if=/dev/zero of=$mute bs=1 seek=92 count=8 conv=notrunc 2>/dev/null
check_eq "config copy waits for ever" "0000000000000000" \
	sh -c "od -An -tx1 -j92 -N8 $mute | tr -d ' \n'"
printf 'mute' >$work/mute.par

# elapsed CMD...: runs CMD (output kept in $work/out), prints centiseconds
elapsed() {
	_t0=$(jh_now)
	"$@" >$work/out 2>&1 || true
	echo $(($(jh_now) - _t0))
}

require "insmod jailhouse.ko" insmod "$jh_ko"
require "enable" $jh_raw enable $cfg
console_follow_start $work/console.log
pool0=$(jh_pool_used)

require "create the mute smp-test" $jh_raw create $mute
check_raw "load the timer inmate, muted" ok \
	load smp-test $jh_tests/cell-timer.bin 0 $work/mute.par 0x1000
mark=$(console_mark)
check_raw "start" ok start smp-test
check "it ignores messages" console_wait "$mark" 'cell-test: muted: ignoring messages'
check "it ticks" console_wait "$mark" 'cell-test: tick [0-9]+ latency' 1 20

mark=$(console_mark)
t=$(elapsed $jh_raw shutdown smp-test)
note "shutdown took $t cs"
check_eq "shutdown goes through" ok cat $work/out
check "after about the 2 s bound" test "$t" -ge 150 -a "$t" -lt 1500
check "hypervisor says why" console_wait "$mark" \
	'Cell "smp-test" did not answer message 1, marking it failed'
check_eq "the cell is shut down" "shut down" cat $jh_sys/cells/1/state
check "it stopped ticking" console_quiet 'cell-test: tick' 2

check_raw "load it muted again" ok \
	load smp-test $jh_tests/cell-timer.bin 0 $work/mute.par 0x1000
mark=$(console_mark)
check_raw "start again" ok start smp-test
check "muted again" console_wait "$mark" 'cell-test: muted: ignoring messages'
t=$(elapsed $jh_raw create $gic)
note "create gic-demo took $t cs"
check_eq "creating another cell goes through" ok cat $work/out
check "after about the 2 s bound" test "$t" -ge 150 -a "$t" -lt 1500
check "hypervisor says why" console_wait "$mark" \
	'Cell "smp-test" did not answer message 2, marking it failed'
check_eq "the mute cell counts as failed" failed cat $jh_sys/cells/1/state
check "root Linux responsive" jh_root_alive

check_raw "destroy the mute cell" ok destroy smp-test
check_raw "destroy gic-demo" ok destroy gic-demo
check_eq "all CPUs back" 0-3 cat /sys/devices/system/cpu/online
check_eq "mem_pool_used back to $pool0" "$pool0" jh_pool_used
check "root Linux responsive" jh_root_alive
check_raw "disable" ok disable
console_follow_stop
check "rmmod" rmmod jailhouse
expect_fail "no kernel warning, BUG or Oops" sh -c 'dmesg | grep -E "WARNING:|BUG:|Oops|Unable to handle|stall"'
finish
