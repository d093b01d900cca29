#!/bin/sh
# A bare-metal cell's whole life with gic-demo: create, load with
# parameters, start, at least 10 timer ticks with their IRQ latencies on
# the hypervisor console, shutdown, start again (not reloaded), destroy.
# Root Linux keeps working throughout and the hypervisor's memory pool is
# back where it started.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

sys=/sys/devices/jailhouse
root_cfg=$jh_sys_cfg
cell_cfg=/etc/jailhouse/qemu-arm64-gic-demo.cell
demo=/usr/libexec/jailhouse/demos/gic-demo.bin
work=/tmp/cell-gic-demo
con=$work/console.log
mkdir -p $work

# The demo prints through the hypervisor (the cell may use its virtual
# console) and not on the shared UART, so its lines land in the console
# ring that root reads.
printf '%s\000' "period-ms=50 con-type=none con-virtual" >$work/args

tick_re='^gic-demo: tick [0-9]+ latency [0-9]+ ns min [0-9]+ avg [0-9]+ max [0-9]+ ns'
start_re='^gic-demo: start cpu 1 mpidr 0x[0-9a-f]+ console virtual'

cell_state() {
	for _d in "$sys"/cells/*; do
		if [ "$(cat "$_d/name" 2>/dev/null)" = gic-demo ]; then
			cat "$_d/state"
		fi
	done
	return 0
}

cpu0_timer_irqs() {
	awk '/arch_timer/ { print $2; exit }' /proc/interrupts
}

# timer_irqs_grow BEFORE: CPU 0's timer keeps interrupting
timer_irqs_grow() {
	[ "$(cpu0_timer_irqs)" -gt "$1" ]
}

require "insmod jailhouse.ko" insmod "$jh_ko"
require "enable" "$jh_raw" enable $root_cfg
# Follow the hypervisor console from here on.
console_follow_start $con
pool_before=$(cat $sys/mem_pool_used)

require "create the gic-demo cell" "$jh_raw" create $cell_cfg
check_eq "state after create" "shut down" cell_state
check_eq "CPU 1 handed over by Linux" 0 cat /sys/devices/system/cpu/cpu1/online
require "load gic-demo.bin at 0" "$jh_raw" load gic-demo $demo 0
require "load parameters at 0x1000" "$jh_raw" load gic-demo $work/args 0x1000

irqs_before=$(cpu0_timer_irqs)
require "start" "$jh_raw" start gic-demo
check_eq "state after start" running cell_state
check "start marker with the cell's CPU" console_wait 0 "$start_re"
check "at least 10 ticks with latencies" console_wait 0 "$tick_re" 10
note "$(console_since 0 | grep -E "$tick_re" | tail -n 1)"
check "no FAIL or unexpected event from the demo" \
	console_none 0 'gic-demo: (FAIL|unexpected)|inmate: unhandled'
check "root Linux runs commands meanwhile" sh -c 'seq 1 10000 | md5sum'
check "root timer interrupts still arrive" jh_poll 20 timer_irqs_grow "$irqs_before"

check_raw "shutdown" ok shutdown gic-demo
check_eq "state after shutdown" "shut down" cell_state
# 3 s: 60 of the demo's 50 ms periods
check "no ticks after shutdown" console_quiet "$tick_re" 3

restart=$(console_mark)
check_raw "start again without reloading" ok start gic-demo
check_eq "state after restart" running cell_state
check "second start marker" console_wait "$restart" "$start_re"
check "ticks again after restart" console_wait "$restart" "$tick_re" 10

check_raw "destroy" ok destroy gic-demo
check_eq "cell gone" "" cell_state
check_eq "CPU 1 back in Linux" 1 cat /sys/devices/system/cpu/cpu1/online
check_eq "memory pool back to its level before create" "$pool_before" \
	cat $sys/mem_pool_used

check_raw "disable" ok disable
check "console log complete" console_sync
console_follow_stop
check "rmmod" rmmod jailhouse
expect_fail "no kernel warning, BUG or Oops" sh -c 'dmesg | grep -E "WARNING:|BUG:|Oops|Unable to handle"'
finish
