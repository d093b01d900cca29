#!/bin/sh
# Guest side of tests/bench/net-bench.sh: 64 MiB over TCP (busybox nc)
# from root into a Linux cell on the ivshmem-net link, and the same into
# root's own loopback, interleaved, $rounds times each; then 20 pings
# each way of comparing. Prints "JHNETBENCH KIND WALL_US MAXRSS_KIB RC"
# per transfer (loadbench run) and "JHNETBENCH ping-KIND AVG_MS".
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

rounds=3
cfg=/etc/jailhouse/qemu-arm64-linux-demo.cell
res=/tmp/netbench
mkdir -p $res

# the listeners start again after each transfer: a moment for them
one() {
	loadbench run $res/link sh -c "nc 192.168.19.2 5001 </tmp/blob" &&
		sleep 1 &&
		loadbench run $res/loopback sh -c "nc 127.0.0.1 6001 </tmp/blob" &&
		sleep 1
}

rounds_all() {
	i=0
	while [ $i -lt $rounds ]; do
		one || return 1
		i=$((i + 1))
	done
}

# ping_avg HOST: the average round trip of 20 pings, in ms
ping_avg() {
	ping -c 20 -i 0.2 "$1" | sed -n 's|.*min/avg/max = [0-9.]*/\([0-9.]*\)/.*|\1|p'
}

require "insmod jailhouse.ko" insmod "$jh_ko"
require "enable" jailhouse enable $jh_sys_cfg
require "insmod ivshmem_net.ko" insmod "$(dirname "$jh_ko")/ivshmem_net.ko"
netif=$(jh_net_if 00:01.0)
require "root's end up" sh -c \
	"ip addr add 192.168.19.1/24 dev $netif && ip link set $netif up && ip link set lo up"
mark=$(jh_serial_mark)
require "the cell, accepting on port 5001" jailhouse cell linux $cfg \
	/boot/Image.gz -i /boot/cell-initrd.cpio.gz \
	-c "console=ttyAMA0 rdinit=/init jhcell.net=192.168.19.2 jhcell.sink=5001"
require "its link up" jh_serial_wait "$mark" '^JHCELL-NET sink 5001$' 1 90
mkfifo /tmp/sink-hold
(while :; do nc -l -p 6001 <>/tmp/sink-hold >/dev/null; done) &
sink=$!
dd if=/dev/urandom of=/tmp/blob bs=1M count=64 2>/dev/null
check "$rounds rounds" rounds_all
for kind in link loopback; do
	sed "s/^/JHNETBENCH $kind /" $res/$kind
done
echo "JHNETBENCH ping-link $(ping_avg 192.168.19.2)"
echo "JHNETBENCH ping-loopback $(ping_avg 127.0.0.1)"
kill $sink
check "rx/tx errors 0" sh -c "[ \$(cat /sys/class/net/$netif/statistics/rx_errors) = 0 ] &&
	[ \$(cat /sys/class/net/$netif/statistics/tx_errors) = 0 ]"
check "destroy the cell" jailhouse cell destroy qemu-arm64-linux-demo
check "rmmod ivshmem_net" rmmod ivshmem_net
check "disable" jailhouse disable
check "rmmod jailhouse" rmmod jailhouse
finish
