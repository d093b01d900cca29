#!/bin/sh
# Soak, in one run: 20 create/load/start/destroy cycles of a bare-metal
# cell, 2 non-root Linux boot/destroy cycles and 5 enable/disable cycles,
# each times $JHTEST_SCALE (kernel command line jhtest.scale=N; the long
# form, tests/soak.sh, runs 10: 200, 20 and 50). Every cycle works, the
# hypervisor's pools are back to their counts after the cell cycles, and
# the kernel logs no warning.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

cfg=$jh_sys_cfg
gic=/etc/jailhouse/qemu-arm64-gic-demo.cell
linux_cfg=/etc/jailhouse/qemu-arm64-linux-demo.cell
linux_cell=qemu-arm64-linux-demo
scale=${JHTEST_SCALE:-1}
bare=$((20 * scale))
linux=$((2 * scale))
enables=$((5 * scale))
up_re='^JHCELL-LINUX-UP cpus=2 '
note "scale $scale: $bare bare-metal cycles, $linux Linux cycles, $enables enable/disable cycles"

fails=0
# fail WHAT: count a failed step, with its cycle
fail() {
	fails=$((fails + 1))
	echo "# $1"
}

require "insmod jailhouse.ko" insmod "$jh_ko"
require "enable" $jh_raw enable $cfg
pool0=$(jh_pool_used)
remap0=$(cat $jh_sys/remap_pool_used)
t0=$(jh_now)

i=0
while [ $i -lt $bare ]; do
	i=$((i + 1))
	{ $jh_raw create $gic && $jh_raw load gic-demo $jh_tests/cell-timer.bin 0 &&
		$jh_raw start gic-demo && jh_wait_state 1 running 20 &&
		$jh_raw destroy gic-demo; } >/dev/null 2>&1 ||
		fail "bare-metal cycle $i failed"
	[ "$(jh_pool_used)" = "$pool0" ] || fail "bare-metal cycle $i: pool $(jh_pool_used)"
done
note "bare-metal cycles: $(($(jh_now) - t0)) cs"

t0=$(jh_now)
mark=$(jh_serial_mark)
i=0
while [ $i -lt $linux ]; do
	i=$((i + 1))
	if jailhouse cell linux -c "console=ttyAMA0 rdinit=/init" $linux_cfg \
		/boot/Image.gz -i /boot/cell-initrd.cpio.gz >/dev/null 2>&1 &&
		jh_serial_wait "$mark" "$up_re" $i 120; then
		jailhouse cell destroy $linux_cell >/dev/null 2>&1 ||
			fail "Linux cycle $i: destroy failed"
	else
		fail "Linux cycle $i: no boot"
		jailhouse cell destroy $linux_cell >/dev/null 2>&1 || true
	fi
	[ "$(jh_pool_used)" = "$pool0" ] || fail "Linux cycle $i: pool $(jh_pool_used)"
done
note "Linux cycles: $(($(jh_now) - t0)) cs"

check_eq "mem_pool_used back to $pool0" "$pool0" jh_pool_used
check_eq "remap_pool_used back to $remap0" "$remap0" cat $jh_sys/remap_pool_used
check_eq "all CPUs back in Linux" 0-3 cat /sys/devices/system/cpu/online
check_raw "disable" ok disable

t0=$(jh_now)
i=0
while [ $i -lt $enables ]; do
	i=$((i + 1))
	{ $jh_raw enable $cfg && jh_root_alive && $jh_raw disable; } >/dev/null 2>&1 ||
		fail "enable/disable cycle $i failed"
done
note "enable/disable cycles: $(($(jh_now) - t0)) cs"

check_eq "every cycle worked" 0 echo $fails
check "root Linux responsive" jh_root_alive
check "rmmod" rmmod jailhouse
expect_fail "no kernel warning, BUG or Oops" sh -c 'dmesg | grep -E "WARNING:|BUG:|Oops|Unable to handle|stall"'
finish
