#!/bin/sh
# The virtual PCI host where upstream's QEMU config puts it, 0x08e00000:
# inside the GIC redistributor window that Linux's GICv3 driver claims
# whole. The driver cuts that claim short while the host exists, so the
# host probes and uio_ivshmem binds; disable gives the GIC its whole
# claim back. (A ping-pong with a bare-metal cell here fails after a
# long run of other scenarios in one boot, not alone: open, issue 11.)
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

cfg=/etc/jailhouse/qemu-arm64.cell
pci=/sys/bus/pci/devices/0001:00:00.0
work=/tmp/root-vpci-upstream
mkdir -p $work

# pci_mmconfig_base (byte 76) = 0x08e00000, as upstream's qemu-arm64.c
cp $cfg $work/sys.cell
printf '%b' "$(jh_le_bytes 0x08e00000 8)" |
	dd of=$work/sys.cell bs=1 seek=76 conv=notrunc 2>/dev/null

check_eq "before: the GIC claims its whole redistributor window" 1 \
	grep -c '080a0000-08ffffff : GICR' /proc/iomem
require "insmod jailhouse.ko" insmod "$jh_ko"
require "insmod uio_ivshmem.ko" insmod "$(dirname "$jh_ko")/uio_ivshmem.ko"
require "enable" jailhouse enable $work/sys.cell
console_follow_start $work/console.log
check "root Linux finds the demo link's device" test -e $pci
check_eq "uio_ivshmem drives it" uio_ivshmem sh -c "basename \$(readlink $pci/driver)"
check "the host's ECAM is claimed at 0x08e00000" grep -q '08e00000-08efffff : ' /proc/iomem
check "the GIC's claim ends below it" grep -q '080a0000-08dfffff : ' /proc/iomem
check_eq "its BAR0 in the window behind the ECAM" 0x0000000008f00000 \
	sh -c "cut -d' ' -f1 $pci/resource | head -n 1"
check_eq "root reads the register page there: 3 peers" 0x00000003 devmem 0x08f00004 32
check "disable" jailhouse disable
check "the host is gone" sh -c "[ ! -e $pci ]"
check_eq "the GIC has its whole claim again" 1 grep -c '080a0000-08ffffff : ' /proc/iomem
console_follow_stop
check "rmmod uio_ivshmem" rmmod uio_ivshmem
check "rmmod" rmmod jailhouse
expect_fail "no kernel warning, BUG or Oops" sh -c 'dmesg | grep -E "WARNING:|BUG:|Oops|Unable to handle|stall"'
finish
