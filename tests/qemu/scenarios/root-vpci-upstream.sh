#!/bin/sh
# The virtual PCI host where upstream's QEMU config puts it, 0x08e00000:
# inside the GIC redistributor window that Linux's GICv3 driver claims
# whole. The driver cuts that claim short while the host exists, so the
# host probes, uio_ivshmem binds and root talks to a bare-metal cell
# both ways; disable gives the GIC its whole claim back. (On a GICv2
# nothing is there; the host works the same.)
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

cfg=$jh_sys_cfg
demo_cfg=/etc/jailhouse/qemu-arm64-gic-demo.cell
demo_bin=/usr/libexec/jailhouse/demos/ivshmem-demo.bin
tool=/usr/libexec/jailhouse/demos/ivshmem-demo
pci=/sys/bus/pci/devices/0001:00:00.0
work=/tmp/root-vpci-upstream
mkdir -p $work

# pci_mmconfig_base (byte 76) = 0x08e00000, as upstream's qemu-arm64.c
cp $cfg $work/sys.cell
printf '%b' "$(jh_le_bytes 0x08e00000 8)" |
	dd of=$work/sys.cell bs=1 seek=76 conv=notrunc 2>/dev/null

# cell_run PARAMS: (re)load ivshmem-demo.bin with PARAMS and start it
cell_run() {
	printf '%s con-type=none con-virtual\000' "$1" >$work/demo.par
	$jh_raw load gic-demo $demo_bin 0 $work/demo.par 0x1000 >/dev/null &&
		$jh_raw start gic-demo >/dev/null
}

# An earlier life's pong for the cell in the slot of peer 2, which is not
# on the link here: it must not answer the cell's ping (ivshmem-demo.h).
# Before enable, while root may still write peer 2's output section.
require "plant peer 2's stale pong to the cell" sh -c \
	"devmem 0x7fa28100 32 1 && devmem 0x7fa28104 32 1"

# gicr_claim RANGE: GICv3's claim is RANGE; a GICv2 has none there at all
gicr_claim() {
	if [ "$jh_gic_version" = 3 ]; then
		grep -q "^ *$1 : " /proc/iomem
	else
		! grep -q "^ *080a0000-" /proc/iomem
	fi
}

check "before: the GIC claims its whole redistributor window" \
	gicr_claim 080a0000-08ffffff
require "insmod jailhouse.ko" insmod "$jh_ko"
require "insmod uio_ivshmem.ko" insmod "$(dirname "$jh_ko")/uio_ivshmem.ko"
require "enable" jailhouse enable $work/sys.cell
console_follow_start $work/console.log
check "root Linux finds the demo link's device" test -e $pci
check_eq "uio_ivshmem drives it" uio_ivshmem sh -c "basename \$(readlink $pci/driver)"
check "the host's ECAM is claimed at 0x08e00000" grep -q '08e00000-08efffff : ' /proc/iomem
check "the GIC's claim ends below it" gicr_claim 080a0000-08dfffff
check_eq "its BAR0 in the window behind the ECAM" 0x0000000008f00000 \
	sh -c "cut -d' ' -f1 $pci/resource | head -n 1"
check_eq "root reads the register page there: 3 peers" 0x00000003 devmem 0x08f00004 32
require "create gic-demo" jailhouse cell create $demo_cfg
mark=$(console_mark)
require "run ivshmem-demo.bin" cell_run ""
check "the cell is ready" console_wait "$mark" 'ivshmem-demo: 00:00.0 peer 1 of 3'
check "10 pings to the cell and back" sh -c \
	"$tool -q -t 1 -n 10 >$work/ping.out 2>&1 && grep -q 'sent 10 pings to peer 1, 10 pongs, 0 bad' $work/ping.out"
note "$(cat $work/ping.out)"
$tool -q -a 10 -w 30 >$work/answer.out 2>&1 &
answerer=$!
usleep 300000
mark=$(console_mark)
require "restart the cell with ping=10" cell_run "ping=10"
check "the cell's 10 pings came back" console_wait "$mark" \
	'ivshmem-demo: sent 10 pings to peer 0, 10 pongs, 0 bad' 1 60
check "root answered exactly 10" wait_file_contains $work/answer.out \
	'10 pings answered, 0 bad'
check "and ended" jh_poll 10 jh_gone $answerer
check "destroy" jailhouse cell destroy gic-demo
check "disable" jailhouse disable
check "the host is gone" sh -c "[ ! -e $pci ]"
check "the GIC has its whole claim again" gicr_claim 080a0000-08ffffff
console_follow_stop
check "rmmod uio_ivshmem" rmmod uio_ivshmem
check "rmmod" rmmod jailhouse
expect_fail "no kernel warning, BUG or Oops" sh -c 'dmesg | grep -E "WARNING:|BUG:|Oops|Unable to handle|stall"'
finish
