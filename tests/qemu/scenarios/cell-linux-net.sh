#!/bin/sh
# Root Linux and a Linux cell on the ivshmem-net link (00:01.0, protocol
# 1): both load ivshmem_net.ko, the link comes up with the carrier on both
# sides, each pings the other, the cell's destroy takes root's carrier
# down cleanly, and a new cell brings it back; that cell takes its link
# down and up over and over, and root's kernel memory stays where it was.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

cfg=/etc/jailhouse/qemu-arm64-linux-demo.cell
cell=qemu-arm64-linux-demo
work=/tmp/cell-linux-net
mkdir -p $work

# the interrupt count of root's link
link_irqs() {
	awk '/ivshmem-net/ { n = 0; for (i = 2; i <= NF; i++)
		if ($i ~ /^[0-9]+$/) n += $i; else break; print n }' /proc/interrupts
}

boot_cell() {
	jailhouse cell linux $cfg /boot/Image.gz -i /boot/cell-initrd.cpio.gz \
		-c "console=ttyAMA0 rdinit=/init jhcell.net=192.168.19.2 $1"
}

# root's unreclaimable kernel memory in KiB (slab: sk_buffs, work items)
sunreclaim() {
	awk '/^SUnreclaim:/ { print $2 }' /proc/meminfo
}

require "insmod jailhouse.ko" insmod "$jh_ko"
require "enable" jailhouse enable $jh_sys_cfg
console_follow_start $work/hypervisor.log
require "insmod ivshmem_net.ko" insmod "$(dirname "$jh_ko")/ivshmem_net.ko"
netif=$(jh_net_if 00:01.0)
check "root has an ivshmem-net interface" test -n "$netif"
require "address and link up" sh -c \
	"ip addr add 192.168.19.1/24 dev $netif && ip link set $netif up"
check "no carrier without a peer" jh_carrier_is "$netif" 0

mark=$(jh_serial_mark)
require "cell linux with the network link" boot_cell
check "the cell's link comes up with its carrier" jh_serial_wait "$mark" \
	'^JHCELL-NET up [a-z0-9]+ carrier=1 mtu=16384$' 1 90
check "root's carrier comes on" jh_poll 20 jh_carrier_is "$netif" 1
check "root pings the cell" ping -c 5 -W 5 192.168.19.2
check "the cell pings root" jh_serial_wait "$mark" '^JHCELL-NET ping ok$' 1 30
# root's MTU from the smallest to the largest the link allows (65535 on
# its 466816-byte data areas; the cell keeps 16384): the largest ping
# each MTU carries unfragmented (IPv4 tops out at 65507 bytes of payload)
for mtu in 68 1500 9000 16384 65535; do
	size=$((mtu - 28))
	[ $size -le 65507 ] || size=65507
	check "MTU $mtu on root" ip link set "$netif" mtu $mtu
	check "pings of $size bytes" ping -c 2 -W 5 -s $size 192.168.19.2
done
check_eq "MTU 65536 refused, 65535 kept" 65535 sh -c \
	"! ip link set $netif mtu 65536 2>/dev/null; cat /sys/class/net/$netif/mtu"
check "back to 1500" ip link set "$netif" mtu 1500
check_eq "no receive errors" 0 cat /sys/class/net/"$netif"/statistics/rx_errors
check_eq "no transmit errors" 0 cat /sys/class/net/"$netif"/statistics/tx_errors

check "destroy the cell" jailhouse cell destroy $cell
check "root's carrier goes off" jh_poll 10 jh_carrier_is "$netif" 0
check "ping fails cleanly" sh -c "! ping -c 1 -W 2 192.168.19.2"
irqs=$(link_irqs)
sleep 2
check_eq "no interrupt from the gone peer" "$irqs" link_irqs

# The new cell flaps its link: each time root resets its side, takes
# fresh rings and answers a ping. 5 flaps warm the caches, the next
# $flaps must leave root's slab where it was: a leak of one sk_buff or
# work item per flap would add well over 10 KiB.
flaps=40
mark=$(jh_serial_mark)
require "a new cell" boot_cell "jhcell.flaps=5,$flaps"
check "its link comes up" jh_serial_wait "$mark" \
	'^JHCELL-NET up [a-z0-9]+ carrier=1 mtu=16384$' 1 90
check "root's carrier is back" jh_poll 20 jh_carrier_is "$netif" 1
check "5 flaps of the cell's link" jh_serial_wait "$mark" '^JHCELL-NET flapped 5 0$' 1 60
before=$(sunreclaim)
check "$flaps more, each with a ping answered" jh_serial_wait "$mark" \
	"^JHCELL-NET flapped $((flaps + 5)) 0\$" 1 $((flaps * 3))
after=$(sunreclaim)
note "root's SUnreclaim over $flaps flaps: $before -> $after KiB"
check "root's slab did not grow by 10 KiB" test $((after - before)) -lt 10
check "root's carrier is on" jh_poll 20 jh_carrier_is "$netif" 1
check "root pings the new cell" ping -c 3 -W 5 192.168.19.2
check "destroy it" jailhouse cell destroy $cell

check "rmmod ivshmem_net" rmmod ivshmem_net
check "hypervisor reported no fault" console_none 0 'FATAL|Unhandled|unhandled'
check "disable" jailhouse disable
console_follow_stop
check "rmmod jailhouse" rmmod jailhouse
expect_fail "no kernel warning, BUG or Oops" sh -c 'dmesg | grep -E "WARNING:|BUG:|Oops|Unable to handle"'
finish
