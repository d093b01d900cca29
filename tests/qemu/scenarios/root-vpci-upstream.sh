#!/bin/sh
# The virtual PCI host where upstream's QEMU config puts it, 0x08e00000:
# inside the GIC redistributor window that Linux's GICv3 driver claims
# whole. The driver cuts that claim short while the host exists, so the
# host probes, uio_ivshmem binds and root talks to a bare-metal cell;
# disable gives the GIC its whole claim back.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

cfg=/etc/jailhouse/qemu-arm64.cell
demo_cfg=/etc/jailhouse/qemu-arm64-gic-demo.cell
tool=/usr/libexec/jailhouse/demos/ivshmem-demo
pci=/sys/bus/pci/devices/0001:00:00.0
work=/tmp/root-vpci-upstream
mkdir -p $work

# pci_mmconfig_base (byte 76) = 0x08e00000, as upstream's qemu-arm64.c
cp $cfg $work/sys.cell
printf '%b' "$(jh_le_bytes 0x08e00000 8)" |
	dd of=$work/sys.cell bs=1 seek=76 conv=notrunc 2>/dev/null
printf '%s\000' "con-type=none con-virtual" >$work/demo.par

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
check_raw "create gic-demo" ok create $demo_cfg
check_raw "load ivshmem-demo.bin" ok load gic-demo \
	/usr/libexec/jailhouse/demos/ivshmem-demo.bin 0 $work/demo.par 0x1000
check_raw "start" ok start gic-demo
check "10 pings to the cell and back" sh -c \
	"$tool -q -t 1 -n 10 >$work/ping.out 2>&1 && grep -q 'sent 10 pings to peer 1, 10 pongs, 0 bad' $work/ping.out"
check_raw "destroy" ok destroy gic-demo
check "disable" jailhouse disable
check "the host is gone" sh -c "[ ! -e $pci ]"
check_eq "the GIC has its whole claim again" 1 grep -c '080a0000-08ffffff : ' /proc/iomem
console_follow_stop
check "rmmod uio_ivshmem" rmmod uio_ivshmem
check "rmmod" rmmod jailhouse
expect_fail "no kernel warning, BUG or Oops" sh -c 'dmesg | grep -E "WARNING:|BUG:|Oops|Unable to handle|stall"'
finish
