#!/bin/sh
# A cell that leaves SGI state behind for whoever gets its CPUs next
# (test inmate, "sgip" option): SGI 2, Linux's CPU-stop IPI, pending at
# the lowest priority for both its CPUs (one never started), and SGI 3 at
# priority 0, which would sit in front of the hypervisor's own SGIs.
# GICv3: planted in the redistributors, SGI 3 made Group 0; GICv2: sent
# by GICD_SGIR (virtual SGIs), with tries at the SGI pending registers
# and the groups. The group and pending writes are refused (its SGI 3
# simply reaches the cell), the cell still stops when asked, and after
# destroy root Linux gets both CPUs back clean: they come online and
# take IPIs, and no planted SGI reaches Linux.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

cfg=$jh_sys_cfg
smp=/etc/jailhouse/qemu-arm64-smp-test.cell
work=/tmp/cell-gic-plant
mkdir -p $work
printf 'sgip' >$work/sgip.par

# kernel messages of earlier scenarios (a CPU refused on purpose) are not ours
kmsg0=$(dmesg | wc -l)

require "insmod jailhouse.ko" insmod "$jh_ko"
require "enable" $jh_raw enable $cfg
console_follow_start $work/console.log
pool0=$(jh_pool_used)

require "create smp-test" $jh_raw create $smp
check_raw "load the timer inmate with the SGI plant" ok \
	load smp-test $jh_tests/cell-timer.bin 0 $work/sgip.par 0x1000
mark=$(console_mark)
check_raw "start" ok start smp-test
check "the plant ran to its end" console_wait "$mark" 'cell-test: gic plant done'
check "SGI 2 planted on both CPUs" console_wait "$mark" \
	'cell-test: planted SGI 2 for CPU' 2 5
if [ "$jh_gic_version" = 2 ]; then
	set -- "SGI pending registers closed" "SGI group change refused" \
		"SPI group change refused"
else
	set -- "SGI Group 0 refused" "SGI group modifier refused" \
		"SPI Group 0 refused"
fi
for what; do
	check "probe: $what" console_wait "$mark" "cell-test: gic $what ok" 1 5
done
check "no probe found a leak" console_none "$mark" 'cell-test: gic .* BAD'
check "its Group 1 SGI 3 reached the cell itself" \
	console_wait "$mark" 'cell-test: unexpected interrupt 3' 1 10
check "the cell still takes its timer interrupts" \
	console_next 'cell-test: tick [0-9]+ latency [0-9]+ ns, CPU 2$'

mark=$(console_mark)
check_raw "shutdown" ok shutdown smp-test
check "no CPU given up on" console_none "$mark" 'did not power off|lost|giving up'
check_raw "destroy" ok destroy smp-test
check_eq "mem_pool_used back to $pool0" "$pool0" jh_pool_used
check_eq "CPUs 2 and 3 back online" 0-3 cat /sys/devices/system/cpu/online
# IPIs to the CPUs that had the planted SGIs: a function call on each.
check "CPU 2 runs tasks and takes IPIs" taskset -c 2 sh -c 'echo 1 >/dev/null'
check "CPU 3 runs tasks and takes IPIs" taskset -c 3 sh -c 'echo 1 >/dev/null'
check "CPU 2 goes offline and online again" sh -c \
	'echo 0 >/sys/devices/system/cpu/cpu2/online && echo 1 >/sys/devices/system/cpu/cpu2/online'
check "root Linux responsive" jh_root_alive
check_raw "disable" ok disable
console_follow_stop
check "rmmod" rmmod jailhouse
check_eq "all CPUs online" 0-3 cat /sys/devices/system/cpu/online
expect_fail "no kernel warning, BUG, Oops or failed CPU since the start" sh -c \
	"dmesg | tail -n +$((kmsg0 + 1)) | grep -E 'WARNING:|BUG:|Oops|Unable to handle|stall|failed to come online|failed to boot'"
finish
