#!/bin/sh
# Upstream Jailhouse's QEMU arm64 setup as its users run it: QEMU with 16
# CPUs, and configs in the layout of upstream's qemu-arm64, inmate-demo
# and linux-demo (configs/arm64/qemu-arm64-upstream*.c: vPCI at
# 0x08e00000, ivshmem memory at 0x7faf0000 and 0x7fb00000, a console
# without size, a network device outside the PCI domain). With upstream's
# command syntax: enable on all 16 CPUs, a gic-demo in "inmate-demo",
# root and the bare-metal cell on the ivshmem demo link, a Linux cell
# that finds both its links and pings root, disable.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

cfgs=/etc/jailhouse
sys_cfg=$cfgs/qemu-arm64-upstream.cell
inmate_cfg=$cfgs/qemu-arm64-upstream-inmate-demo.cell
linux_cfg=$cfgs/qemu-arm64-upstream-linux-demo.cell
demos=/usr/libexec/jailhouse/demos
tool=$demos/ivshmem-demo
work=/tmp/upstream-qemu
mkdir -p $work

check_eq "16 CPUs online, as upstream's setup has them" 16 sh -c \
	"grep -c '^processor' /proc/cpuinfo"
check "config check passes on the three configs" \
	jailhouse config check $sys_cfg $inmate_cfg $linux_cfg
require "insmod jailhouse.ko" insmod "$jh_ko"
require "insmod uio_ivshmem.ko" insmod "$(dirname "$jh_ko")/uio_ivshmem.ko"
require "enable" jailhouse enable $sys_cfg
check "on all 16 CPUs" sh -c \
	"dmesg | grep -q 'hypervisor enabled on CPUs 0-15, root cell \"qemu-arm64\"'"
check "uio_ivshmem binds root's demo device" jh_poll 10 test -e /sys/class/uio/uio0
pool0=$(jh_pool_used)

# --- gic-demo in "inmate-demo", on the PL011 (the cell has no virtual
# console)
mark=$(jh_serial_mark)
require "cell create inmate-demo" jailhouse cell create $inmate_cfg
check "cell load inmate-demo gic-demo.bin" jailhouse cell load inmate-demo $demos/gic-demo.bin
check "cell start inmate-demo" jailhouse cell start inmate-demo
check "gic-demo ticks on CPU 1" jh_serial_wait "$mark" \
	'^gic-demo: tick [0-9]+ latency' 5 30
check_eq "cell list: running on CPU 1" "inmate-demo running 1" sh -c \
	"jailhouse cell list | awk '\$2 == \"inmate-demo\" { print \$2, \$3, \$4 }'"

# --- root and the bare-metal cell on the demo link
mark=$(jh_serial_mark)
check "cell load inmate-demo ivshmem-demo.bin" jailhouse cell load inmate-demo $demos/ivshmem-demo.bin
check "cell start inmate-demo" jailhouse cell start inmate-demo
check "it is peer 1 at 0x7faf0000" jh_serial_wait "$mark" \
	'^ivshmem-demo: 00:00.0 peer 1 of 3, memory 0x7faf0000, r/w 36864 bytes, output 8192 bytes, INTID 144' 1 30
check "10 pings to the cell and back" sh -c \
	"$tool -q -t 1 -n 10 >$work/ping.out 2>&1 && grep -q 'sent 10 pings to peer 1, 10 pongs, 0 bad' $work/ping.out"
note "$(cat $work/ping.out)"
check "cell destroy inmate-demo" jailhouse cell destroy inmate-demo

# --- the Linux cell: both links in its DTB, a ping each way with root
# It takes the PL011's interrupt: root must never have opened ttyAMA0
# (a console UART keeps its handler once opened; run-qemu.sh).
expect_fail "root Linux has no handler on the PL011" grep uart-pl011 /proc/interrupts
$tool -q -t 2 -n 1 -a 1 -w 120 >$work/root.out 2>&1 &
root_tool=$!
mark=$(jh_serial_mark)
require "cell linux" jailhouse cell linux $linux_cfg /boot/Image.gz \
	-i /boot/cell-initrd.cpio.gz -c "console=ttyAMA0 rdinit=/init jhcell.ivshmem=1"
check "the cell's Linux runs on 2 CPUs" jh_serial_wait "$mark" '^JHCELL-LINUX-UP cpus=2 ' 1 90
check "it sees both ivshmem devices" jh_serial_wait "$mark" \
	'^JHCELL-LINUX-PCI 0001:00:00.0 0001:00:01.0 $' 1 60
check "its ping came back from root" jh_serial_wait "$mark" \
	'^ivshmem-demo: sent 1 pings to peer 0, 1 pongs, 0 bad' 1 60
check "root's ping came back from it" wait_file_contains $work/root.out \
	'sent 1 pings to peer 2, 1 pongs, 0 bad' 60
check "root's tool ended" jh_poll 10 jh_gone $root_tool
note "$(cat $work/root.out)"
check "cell destroy" jailhouse cell destroy qemu-arm64-linux-demo
check "root Linux has its 16 CPUs back" jh_poll 10 sh -c \
	"[ \$(cat /sys/devices/system/cpu/online) = 0-15 ]"
check_eq "mem_pool_used back to $pool0" "$pool0" jh_pool_used

check "disable" jailhouse disable
check "rmmod uio_ivshmem" rmmod uio_ivshmem
check "rmmod" rmmod jailhouse
expect_fail "no kernel warning, BUG or Oops" sh -c 'dmesg | grep -E "WARNING:|BUG:|Oops|Unable to handle|stall"'
finish
