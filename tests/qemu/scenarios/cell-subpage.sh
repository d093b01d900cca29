#!/bin/sh
# Sub-page regions (issue 12: upstream's Raspberry Pi 4 and Pine64 cells
# have them): a cell given 32 bytes of the PL011's page with 32-bit
# access reads a register there through the hypervisor; a read beyond
# the 32 bytes, or of a width the region does not allow, stops the cell;
# root keeps the page, and the pool is back after each cell.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

cfg=$jh_sys_cfg
smp=/etc/jailhouse/qemu-arm64-smp-test.cell
inmate=$jh_tests/cell-timer.bin
work=/tmp/cell-subpage
mkdir -p $work

# smp-test's region 0 (the UART page, at byte 140: phys, virt, size,
# flags) cut to 32 bytes; flags READ|WRITE|IO|ROOTSHARED + width
subpage_cfg() {
	cp $smp "$1"
	printf '%b' "$(jh_le_bytes 0x20 8)$(jh_le_bytes "$2" 8)" |
		dd of="$1" bs=1 seek=156 conv=notrunc 2>/dev/null
}
subpage_cfg $work/io32.cell $((0x93 | 4 << 16))
subpage_cfg $work/io8.cell $((0x93 | 1 << 16))

# run_peek CONFIG ADDR: a new cell reads ADDR first
run_peek() {
	printf 'peek=%s\000' "$2" >$work/peek.par
	$jh_raw create "$1" >/dev/null &&
		$jh_raw load smp-test $inmate 0 $work/peek.par 0x1000 >/dev/null &&
		$jh_raw start smp-test >/dev/null
}

check "config check accepts the sub-page region" \
	jailhouse config check $cfg $work/io32.cell
require "insmod jailhouse.ko" insmod "$jh_ko"
require "enable" $jh_raw enable $cfg
console_follow_start $work/console.log
pool0=$(jh_pool_used)

mark=$(console_mark)
require "a cell reads the UART's flag register (32-bit)" run_peek $work/io32.cell 0x09000018
check "the read came back" console_wait "$mark" 'peek 9000018 returned [0-9a-f]+'
check "the cell runs on" jh_wait_state 1 running
check "root still has the page: its UART works" sh -c 'echo jhtest-subpage-root >/dev/kmsg'
check_raw "destroy" ok destroy smp-test
check_eq "mem_pool_used back to $pool0" "$pool0" jh_pool_used

mark=$(console_mark)
require "a cell reads beyond its 32 bytes" run_peek $work/io32.cell 0x09000020
check "it is stopped" jh_wait_state 1 failed 10
check "the read never returned" console_none "$mark" 'peek 9000020 returned'
check_raw "destroy" ok destroy smp-test

mark=$(console_mark)
require "a 32-bit read where only bytes are allowed" run_peek $work/io8.cell 0x09000018
check "it is stopped" jh_wait_state 1 failed 10
check "the hypervisor says why" console_wait "$mark" \
	'Cell "smp-test": 4-byte read at 9000018: region \(9000000 size 20\) does not allow it'
check_raw "destroy" ok destroy smp-test
check_eq "mem_pool_used back to $pool0" "$pool0" jh_pool_used
check "root Linux responsive" jh_root_alive

check_raw "disable" ok disable
console_follow_stop
check "rmmod" rmmod jailhouse
expect_fail "no kernel warning, BUG or Oops" sh -c 'dmesg | grep -E "WARNING:|BUG:|Oops|Unable to handle|stall"'
finish
