#!/bin/sh
# The virtual PCI host's empty slots: the QEMU system config puts the
# ECAM at 0x3f000000 (pci_is_virtual); root (devices at 00:00.0 and
# 00:01.0) and a cell without devices each see an ECAM whose empty slots
# read as all ones at every access size; a cell writing to an empty slot
# is stopped, root and the other cells go on; a cell region over the
# ECAM is refused.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

cfg=$jh_sys_cfg
smp=/etc/jailhouse/qemu-arm64-smp-test.cell
work=/tmp/cell-vpci
ecam=0x3f000000
mkdir -p $work
printf 'pcie' >$work/pcie.par

require "insmod jailhouse.ko" insmod "$jh_ko"
require "enable with a virtual PCI host" $jh_raw enable $cfg
console_follow_start $work/console.log
pool0=$(jh_pool_used)

check_eq "root: empty slot 00:02.0 reads all ones" 0xFFFFFFFF devmem $((ecam + 0x10000)) 32
check_eq "root: empty slot 00:1f.7 reads all ones" 0xFFFF devmem $((ecam + 0xff002)) 16
check_eq "root: a byte of 00:03.0 reads all ones" 0xFF devmem $((ecam + 0x300e)) 8

require "create smp-test" $jh_raw create $smp
check_raw "load the timer inmate with the PCI probe" ok \
	load smp-test $jh_tests/cell-timer.bin 0 $work/pcie.par 0x1000
mark=$(console_mark)
check_raw "start" ok start smp-test
check "the probe ran to its end" console_wait "$mark" 'cell-test: pci: done, 0 BAD'
for what in "00:00.0 vendor/device all ones" "00:1f.7 16-bit read all ones" \
	"00:03.0 byte read all ones" "last register of the bus all ones"; do
	check "cell: $what" console_wait "$mark" "cell-test: pci $what ok" 1 5
done
check "the write to an empty slot stopped the cell" jh_wait_state 1 failed 30
check "the hypervisor says why" console_wait "$mark" \
	'Cell "smp-test": PCI config write to empty slot 00:00.0 register 0x4'
check "the write never returned" console_none "$mark" 'isolation broken'
check "root Linux responsive" jh_root_alive
check_eq "root still reads the ECAM" 0xFFFFFFFF devmem $((ecam + 0x10000)) 32
check_raw "destroy" ok destroy smp-test
check_eq "all CPUs back" 0-3 cat /sys/devices/system/cpu/online
check_eq "mem_pool_used back to $pool0" "$pool0" jh_pool_used

# smp-test with its first region (the UART, at byte 140: phys, virt)
# moved onto the ECAM
cp $smp $work/over.cell
printf '\000\000\000\077\000\000\000\000\000\000\000\077\000\000\000\000' |
	dd of=$work/over.cell bs=1 seek=140 conv=notrunc 2>/dev/null
mark=$(console_mark)
check_raw "a cell region over the ECAM: EADDRINUSE" "error: EADDRINUSE" create $work/over.cell
check "the hypervisor names the emulated range" console_wait "$mark" \
	'Cell config: region 0 \(3f000000\) overlaps registers the hypervisor emulates \(3f000000\)'
check_eq "mem_pool_used still $pool0" "$pool0" jh_pool_used
# shellcheck disable=SC2016 # the inner shell expands its arguments
check "config check refuses it too, naming the ECAM" sh -c \
	'! jailhouse config check "$1" "$2" >"$3" 2>&1 && grep -q "overlaps registers the hypervisor emulates: the virtual PCI host.s ECAM" "$3"' \
	_ $cfg $work/over.cell $work/check.out

check_raw "disable" ok disable
console_follow_stop
check "rmmod" rmmod jailhouse
expect_fail "no kernel warning, BUG or Oops" sh -c 'dmesg | grep -E "WARNING:|BUG:|Oops|Unable to handle|stall"'
finish
