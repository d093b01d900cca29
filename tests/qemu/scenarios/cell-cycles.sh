#!/bin/sh
# 50 create/load/start/destroy cycles: every cycle runs the cell, and
# after each one the hypervisor's page pool is back to its count before
# the first, the CPU is back in Linux and no cell is left.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

cfg=$jh_sys_cfg
cell_cfg=/etc/jailhouse/qemu-arm64-gic-demo.cell
cycles=50

require "insmod jailhouse.ko" insmod "$jh_ko"
require "enable" $jh_raw enable $cfg
pool0=$(jh_pool_used)
remap0=$(cat $jh_sys/remap_pool_used)
note "mem_pool_used before the cycles: $pool0, remap_pool_used $remap0"

# took_irqs: the running cell received its timer interrupt (20 s at most;
# one comes every 100 ms, but TCG on a loaded host can be slow)
took_irqs() {
	jh_poll 20 _took_irq
}

_took_irq() {
	[ "$(cat $jh_sys/cells/1/statistics/vmexits_virt_irq)" -gt 0 ]
}

fails=0
leaks=0
not_running=0
i=0
while [ $i -lt $cycles ]; do
	i=$((i + 1))
	if ! { $jh_raw create $cell_cfg &&
		$jh_raw load gic-demo $jh_tests/cell-timer.bin 0 &&
		$jh_raw start gic-demo; } >/dev/null; then
		fails=$((fails + 1))
		echo "# cycle $i: create/load/start failed"
	fi
	{ jh_wait_state 1 running 20 && took_irqs; } ||
		not_running=$((not_running + 1))
	if ! $jh_raw destroy gic-demo >/dev/null; then
		fails=$((fails + 1))
		echo "# cycle $i: destroy failed"
	fi
	used=$(jh_pool_used)
	if [ "$used" != "$pool0" ]; then
		leaks=$((leaks + 1))
		echo "# cycle $i: mem_pool_used $used, expected $pool0"
	fi
	[ "$(cat /sys/devices/system/cpu/online)" = 0-3 ] ||
		echo "# cycle $i: online CPUs $(cat /sys/devices/system/cpu/online)"
done

check_eq "$cycles cycles without a failed command" 0 echo $fails
check_eq "the cell ran and took interrupts in every cycle" 0 echo $not_running
check_eq "no cycle leaked pool pages" 0 echo $leaks
check_eq "mem_pool_used back to $pool0" "$pool0" jh_pool_used
check_eq "remap_pool_used back to $remap0" "$remap0" cat $jh_sys/remap_pool_used
check_eq "all CPUs online" 0-3 cat /sys/devices/system/cpu/online
check_eq "only the root cell left" 0 ls $jh_sys/cells
check "root Linux responsive" jh_root_alive
check_raw "disable" ok disable
check "rmmod" rmmod jailhouse
expect_fail "no kernel warning, BUG or Oops" sh -c 'dmesg | grep -E "WARNING:|BUG:|Oops|Unable to handle|stall"'
finish
