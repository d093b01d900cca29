#!/bin/sh
# A system config whose root regions overlap, as upstream ships for some
# boards (Jetson TX1/TX2, LS1046A-RDB, i.MX8DXL): config check passes
# with a note, enable works, where the regions overlap the later one's
# flags apply, and cells come and go as usual. Here the QEMU config's
# region 2 is moved onto the end of root's RAM region (1) as device
# memory.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

cfg=$jh_sys_cfg
demo_cfg=/etc/jailhouse/qemu-arm64-gic-demo.cell
work=/tmp/root-overlap
mkdir -p $work

# region 2 (at 496 + 2 * 32: phys, virt, size) = 2 MiB at 0x7f000000
cp $cfg $work/sys.cell
printf '%b' "$(jh_le_bytes 0x7f000000 8)$(jh_le_bytes 0x7f000000 8)$(jh_le_bytes 0x200000 8)" |
	dd of=$work/sys.cell bs=1 seek=560 conv=notrunc 2>/dev/null

check "config check passes" sh -c "jailhouse config check $work/sys.cell >$work/check.out 2>&1"
check_file_contains "it notes the overlap" $work/check.out \
	'memory regions 1 \(0x40000000-0x7fa0ffff\) and 2 \(0x7f000000-0x7f1fffff\) overlap; where they do, region 2.s flags apply'
require "insmod jailhouse.ko" insmod "$jh_ko"
require "enable with overlapping root regions" jailhouse enable $work/sys.cell
console_follow_start $work/console.log
pool0=$(jh_pool_used)
check "root reads the overlap" devmem 0x7f000000 32
check "root reads around it" sh -c "devmem 0x7effff00 32 && devmem 0x7f200000 32"
check "root Linux responsive" jh_root_alive
check_raw "create gic-demo" ok create $demo_cfg
check_raw "destroy gic-demo" ok destroy gic-demo
check_eq "mem_pool_used back to $pool0" "$pool0" jh_pool_used
check "disable" jailhouse disable
console_follow_stop
check "rmmod" rmmod jailhouse
expect_fail "no kernel warning, BUG or Oops" sh -c 'dmesg | grep -E "WARNING:|BUG:|Oops|Unable to handle|stall"'
finish
