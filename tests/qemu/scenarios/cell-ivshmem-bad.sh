#!/bin/sh
# Bad ivshmem links, sent raw (jh-raw, past the library's checks): the
# hypervisor refuses each at create with its errno and a console line
# naming the device and the field, and nothing is left behind. The same
# files are refused by the offline checker. Each variant is the gic-demo
# cell config (peer 1 of root's demo link 00:00.0) with one field
# patched.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

cfg=$jh_sys_cfg
demo_cfg=/etc/jailhouse/qemu-arm64-gic-demo.cell
work=/tmp/cell-ivshmem-bad
mkdir -p $work

# Offsets in qemu-arm64-gic-demo.cell: the descriptor (132 bytes), the
# CPU set (8), 8 regions of 32 bytes from 140 (3: state table, 4: r/w,
# 5-7: output sections of peers 0-2), the irqchip (32) from 396, the PCI
# device from 428.
dev=428
region() { echo $((140 + 32 * $1)); }

# variant NAME OFFSET BYTES [OFFSET BYTES]...: the config with BYTES
# (printf escapes) written at OFFSET
variant() {
	_f=$work/$1.cell
	shift
	cp $demo_cfg "$_f"
	while [ $# -ge 2 ]; do
		# shellcheck disable=SC2059 # the bytes are escapes
		printf "$2" | dd of="$_f" bs=1 seek="$1" conv=notrunc 2>/dev/null
		shift 2
	done
}

variant peers $((dev + 53)) '\002'
# peer 0, writing peer 0's output section instead of peer 1's
variant id-taken $((dev + 52)) '\000' $(($(region 5) + 24)) '\203' \
	$(($(region 6) + 24)) '\201'
variant regions-beyond $((dev + 48)) '\005'
variant irq-not-granted 80 '\161'
# at 00:01.0, pin INTB: vpci_irq_base one lower keeps INTID 144
variant bdf-of-net-link $((dev + 4)) '\010' 80 '\157'
variant state-writable $(($(region 3) + 24)) '\203'
variant foreign-output-writable $(($(region 5) + 24)) '\203'
variant table-elsewhere "$(region 3)" "$(jh_le_bytes 0x7fa2c000 4)"
variant msix $((dev + 36)) '\002'
variant gap $(($(region 4) + 16)) "$(jh_le_bytes 0xe000 4)"

require "insmod jailhouse.ko" insmod "$jh_ko"
require "enable" $jh_raw enable $cfg
console_follow_start $work/console.log
pool0=$(jh_pool_used)

# refused NAME ERRNO REGEX: raw create fails so, the console says why
refused() {
	_mark=$(console_mark)
	check_raw "$1: $2" "error: $2" create "$work/$1.cell"
	check "$1: the hypervisor says why" console_wait "$_mark" "$3"
	# shellcheck disable=SC2016 # the inner shell expands its arguments
	check "$1: config check refuses it too" sh -c \
		'! jailhouse config check "$0" "$1" >/dev/null 2>&1' $cfg "$work/$1.cell"
}

dev0='Cell config: PCI device 0 \(00:00.0\)'
refused peers EINVAL "$dev0: shmem_peers differs from cell \"qemu-arm64\""
refused id-taken EINVAL "$dev0: shmem_dev_id \(both take it\) differs from cell \"qemu-arm64\""
refused regions-beyond EINVAL "$dev0, region 5: shmem_regions_start"
refused irq-not-granted ENXIO "$dev0: its INTx, INTID 145 \(vpci_irq_base 113\), is not among the cell's interrupts"
refused bdf-of-net-link EINVAL 'Cell config: PCI device 0 \(00:01.0\): shmem_peers differs from cell "qemu-arm64"'
refused state-writable EINVAL "$dev0, region 3: the state table region is writable"
refused foreign-output-writable EINVAL "$dev0, region 5: another peer's output section is writable"
refused table-elsewhere EINVAL "$dev0: host address or size of section 0 differs from cell \"qemu-arm64\""
refused msix EINVAL "$dev0, region 3: num_msix_vectors"
refused gap EINVAL "$dev0, region 5: the regions are not consecutive"

check_eq "no cell was left, root's only" 0 ls $jh_sys/cells
check_eq "mem_pool_used back to $pool0" "$pool0" jh_pool_used
check_eq "all CPUs with root" 0-3 cat /sys/devices/system/cpu/online
check_raw "the good config still goes" ok create $demo_cfg
check_raw "destroy" ok destroy gic-demo
check_eq "mem_pool_used back to $pool0" "$pool0" jh_pool_used

check_raw "disable" ok disable
console_follow_stop
check "rmmod" rmmod jailhouse
expect_fail "no kernel warning, BUG or Oops" sh -c 'dmesg | grep -E "WARNING:|BUG:|Oops|Unable to handle|stall"'
finish
