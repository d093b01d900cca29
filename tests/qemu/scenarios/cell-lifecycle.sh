#!/bin/sh
# A cell's life: create -> load -> start (timer interrupts with their
# latency) -> shutdown -> start again -> destroy, through raw ioctls.
# Root Linux keeps working throughout, the cell's CPU and its statistics
# move between the cells in sysfs, bad images are refused without
# disturbing the running cell, root gets the cell's RAM back zeroed, and
# the hypervisor's page pool is back to its old count at the end. Uses
# gic-demo from inmates/ when installed, else the test inmate.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

cfg=$jh_sys_cfg
cell_cfg=/etc/jailhouse/qemu-arm64-gic-demo.cell
c=$jh_sys/cells/1
demo=/usr/libexec/jailhouse/demos/gic-demo.bin
work=/tmp/cell-lifecycle
mkdir -p $work

if [ -r $demo ]; then
	note "running inmates/ gic-demo, its console switched to the virtual one"
	printf 'con-type=none con-virtual=1\0' >$work/cmdline
	image="$demo 0 $work/cmdline 0x1000"
else
	note "no gic-demo installed: running the test inmate"
	image="$jh_tests/cell-timer.bin 0"
fi
tick='(gic-demo|cell-test): tick [0-9]+ latency [0-9]+ ns'
banner='gic-demo: start|cell-test: comm region ok, GIC v3'

# ticking: the cell prints a new timer line (within 20 s)
ticking() {
	console_next "$tick"
}

require "insmod jailhouse.ko" insmod "$jh_ko"
require "enable" $jh_raw enable $cfg
console_follow_start $work/console.log
pool0=$(jh_pool_used)
note "mem_pool_used before create: $pool0"

require "create gic-demo" $jh_raw create $cell_cfg
check_eq "cell 1 is gic-demo" gic-demo cat $c/name
check_eq "new cell is shut down" "shut down" cat $c/state
check_eq "it has CPU 1" 1 cat $c/cpus_assigned_list
check_eq "no failed CPUs" "" cat $c/cpus_failed_list
check_eq "root keeps CPUs 0,2-3" 0,2-3 cat $jh_sys/cells/0/cpus_assigned_list
check_eq "Linux took CPU 1 offline" 0,2-3 cat /sys/devices/system/cpu/online
check "CPU 1 statistics moved to the cell" test -d $c/statistics/cpu1
check "... and left the root cell" test ! -e $jh_sys/cells/0/statistics/cpu1
check "hypervisor logged the create" console_wait 0 'Created cell "gic-demo" \(id 1\)'
note "mem_pool_used with the cell: $(jh_pool_used)"

run=$(console_mark)
# shellcheck disable=SC2086 # $image holds FILE ADDR pairs
check_raw "load the image at 0" ok load gic-demo $image
check_raw "start" ok start gic-demo
check_eq "running" running cat $c/state
check "inmate started, comm region valid" console_wait "$run" "$banner"
check "10 timer interrupts with latencies" console_wait "$run" "$tick"
check "... at least 10 of them" console_wait "$run" "${tick%%\[*}10 latency"
check "root Linux responsive while the cell runs" jh_root_alive
check "cell statistics count its exits" test "$(cat $c/statistics/vmexits_total)" -gt 10
check "... and its virtual interrupts" test "$(cat $c/statistics/cpu1/vmexits_virt_irq)" -gt 5

# Bad images: refused before the cell is stopped.
dd if=/dev/zero of=$work/128k bs=1k count=128 2>/dev/null
echo x >$work/small
check_raw "image outside the cell's memory: EADDRNOTAVAIL" "error: EADDRNOTAVAIL" \
	load gic-demo $work/small 0x100000
check_raw "image overrunning its region: EFBIG" "error: EFBIG" \
	load gic-demo $work/128k 0
check_raw "image into the UART (not loadable): EACCES" "error: EACCES" \
	load gic-demo $work/small 0x09000000
check_raw "image into the comm region: EACCES" "error: EACCES" \
	load gic-demo $work/small 0x80000000
check_raw "second image bad, first fine: EFBIG" "error: EFBIG" \
	load gic-demo $work/small 0 $work/128k 0x1000
check "log names image and region" sh -c '
	dmesg | grep -q "load: image 0 (0x2 bytes at 0x100000) is outside the memory of cell \"gic-demo\"" &&
	dmesg | grep -q "load: image 0 (0x20000 bytes at 0x0) overruns region 1 (0x0-0xffff) of cell \"gic-demo\" by 0x10000 bytes" &&
	dmesg | grep -q "load: image 0 at 0x9000000: region 0 .* is not writable and loadable" &&
	dmesg | grep -q "load: image 1 (0x20000 bytes at 0x1000) overruns region 1"'
check "the command names the file, where and why" sh -c \
	"jailhouse cell load gic-demo $work/small -a 0 $work/128k -a 0x1000 2>&1 |
	 grep -q '^jailhouse: $work/128k: load cell 1 (gic-demo): image 1 (0x20000 bytes at 0x1000) overruns region 1'"
check_eq "the cell still runs after the refusals" running cat $c/state
check "... and still ticks" ticking

check_raw "shutdown (load without images)" ok shutdown gic-demo
check_eq "shut down" "shut down" cat $c/state
# 3 s: 30 timer periods
check "no ticks after the shutdown" console_quiet "$tick" 3
check "root Linux responsive" jh_root_alive

check_raw "start again" ok start gic-demo
check_eq "running again" running cat $c/state
check "ticks again" ticking

# shellcheck disable=SC2086 # $image holds FILE ADDR pairs
check_raw "load into the running cell stops and reloads it" ok load gic-demo $image
check_eq "shut down after the load" "shut down" cat $c/state
check_raw "start after reload" ok start gic-demo
check "ticks after reload" ticking

check_raw "destroy" ok destroy gic-demo
check "cell gone from sysfs" test ! -e $c
check_eq "CPU 1 back online in Linux" 0-3 cat /sys/devices/system/cpu/online
check_eq "root has CPUs 0-3 again" 0-3 cat $jh_sys/cells/0/cpus_assigned_list
check "CPU 1 statistics back in the root cell" test -d $jh_sys/cells/0/statistics/cpu1
check "CPU 1 runs Linux tasks again" taskset -c 1 true
check "root Linux responsive" jh_root_alive
# The image and its command line were there: root gets zeros.
for off in 0 4 0x1000; do
	check_eq "its RAM at +$off is zeroed" 0x00000000 \
		devmem $((0x7fa00000 + off)) 32
done
check_eq "mem_pool_used back to $pool0" "$pool0" jh_pool_used
check_raw "destroy again: ENOENT" "error: ENOENT" destroy gic-demo
check_raw "start the root cell: EINVAL" "error: EINVAL" start 0
check_raw "disable" ok disable
check "console log complete" console_sync
console_follow_stop
check "rmmod" rmmod jailhouse
expect_fail "no kernel warning, BUG or Oops" sh -c 'dmesg | grep -E "WARNING:|BUG:|Oops|Unable to handle|stall"'
finish
