#!/bin/sh
# A cell flooding the console (3,000 lines as fast as it can) is metered:
# after a burst its lines are dropped and counted, the hypervisor says
# how many once the cell's credit is back, the cell goes on (its ticks
# still show), and root and its management commands are not held up.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

cfg=$jh_sys_cfg
smp=/etc/jailhouse/qemu-arm64-smp-test.cell
work=/tmp/cell-flood
mkdir -p $work
printf 'flod' >$work/flood.par
dropped_re='Cell "smp-test": [0-9]+ console lines dropped \(rate limit\)'

require "insmod jailhouse.ko" insmod "$jh_ko"
require "enable" $jh_raw enable $cfg
console_follow_start $work/console.log
pool0=$(jh_pool_used)

require "create smp-test" $jh_raw create $smp
check_raw "load the timer inmate, flooding" ok \
	load smp-test $jh_tests/cell-timer.bin 0 $work/flood.par 0x1000
m=$(console_mark)
check_raw "start" ok start smp-test
# the reader may miss the burst's first lines: they overrun the 2 KiB ring
check "the flood begins" console_wait "$m" 'cell-test: flood [0-9]+$'
check "root stays responsive during the flood" jh_root_alive
check "the hypervisor reports dropped lines" console_wait "$m" "$dropped_re" 1 60
check "the cell goes on: it ticks after the flood" \
	console_wait "$m" 'cell-test: tick [0-9]+ latency' 1 60
dropped=$(console_since "$m" | sed -n 's/.*Cell "smp-test": \([0-9]*\) console lines dropped.*/\1/p' |
	awk '{ n += $1 } END { print n + 0 }')
shown=$(console_since "$m" | grep -c 'cell-test: flood [0-9]*$' || true)
note "flood lines shown: $shown, dropped: $dropped"
check "most of the 3000 lines were dropped" test "$dropped" -ge 2000
check "the ones shown fit the budget (4 KiB, then 1 KiB/s)" test "$shown" -lt 700
check_raw "destroy" ok destroy smp-test
check_eq "pool back to $pool0" "$pool0" jh_pool_used
check_raw "disable" ok disable
console_follow_stop
check "rmmod" rmmod jailhouse
finish
