#!/bin/sh
# A Linux cell that plays a broken ivshmem-net peer through /dev/mem
# (build-cell-initramfs.sh, jhcell.hostile): it stays in INIT, then, after
# a proper walk to RUN, it returns nothing root sends; then, after each
# further walk, it announces a queue jump, a frame inside its rings, a
# state no peer has, and 1000 doorbells. Root's ivshmem_net keeps its
# carrier off while the peer is in INIT, counts each fault, resets the
# link and comes back up with the next proper walk; root stays healthy,
# and a proper cell afterwards gets a working link.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

cfg=/etc/jailhouse/qemu-arm64-linux-demo.cell
cell=qemu-arm64-linux-demo
work=/tmp/cell-linux-net-hostile
mkdir -p $work

# carrier_stays 0|1 SECONDS
carrier_stays() {
	for _i in $(seq $(($2 * 2))); do
		jh_carrier_is "$netif" "$1" || return 1
		sleep 0.5
	done
}

stat_atleast() {
	[ "$(cat /sys/class/net/"$netif"/statistics/"$1")" -ge "$2" ]
}

logged() {
	dmesg | grep -q "$netif: link reset: $1"
}

# the peer's script saw root move on at every stage
never_stuck() {
	! jh_serial_since "$mark" | grep 'JHCELL-HOSTILE root stuck'
}

require "insmod jailhouse.ko" insmod "$jh_ko"
require "enable" jailhouse enable $jh_sys_cfg
console_follow_start $work/hypervisor.log
require "insmod ivshmem_net.ko" insmod "$(dirname "$jh_ko")/ivshmem_net.ko"
netif=$(jh_net_if 00:01.0)
require "address and link up" sh -c \
	"ip addr add 192.168.19.1/24 dev $netif && ip link set $netif up"

mark=$(jh_serial_mark)
require "cell linux, a hostile peer" jailhouse cell linux $cfg /boot/Image.gz \
	-i /boot/cell-initrd.cpio.gz \
	-c "console=ttyAMA0 rdinit=/init jhcell.hostile=0x7fb00000,0x7fb80000"
check "the peer sits in INIT" jh_serial_wait "$mark" '^JHCELL-HOSTILE init$' 1 90
check "root's carrier stays off" carrier_stays 0 6
check "root computes meanwhile" jh_root_alive
check "after a proper walk to RUN" jh_serial_wait "$mark" '^JHCELL-HOSTILE run$' 1 60
check "root's carrier comes on" jh_poll 5 jh_carrier_is "$netif" 1

# big pings fill root's queue (the peer answers no ARP: a fixed entry)
require "a neighbour entry for the peer" \
	arp -i "$netif" -s 192.168.19.2 02:00:00:00:00:02
pings=
for _i in $(seq 40); do
	ping -c 1 -W 1 -s 16000 192.168.19.2 >/dev/null 2>&1 &
	pings="$pings $!"
done
# shellcheck disable=SC2086 # a list of PIDs
wait $pings || true	# none is answered
check "root's queue stays full, the link is reset" \
	jh_poll 20 logged 'peer stopped returning frames'
check "counted as aborted transmits" stat_atleast tx_aborted_errors 1
check "the carrier comes back with the next walk" \
	jh_poll 30 jh_carrier_is "$netif" 1
check "drop the neighbour entry" arp -i "$netif" -d 192.168.19.2

check "the peer's avail index jumps" jh_serial_wait "$mark" '^JHCELL-HOSTILE bad-desc$' 1 60
check "root counted it" stat_atleast rx_frame_errors 1
check "and reset the link, saying why" logged 'avail index jumped past the queue'
check "a frame inside the peer's rings" jh_serial_wait "$mark" '^JHCELL-HOSTILE bad-state$' 1 60
check "root counted it too" stat_atleast rx_frame_errors 2
check "and reset the link again" logged "frame outside the peer's data area"
check "a state no peer has, then 1000 doorbells" jh_serial_wait "$mark" \
	'^JHCELL-HOSTILE done$' 1 120
check "root reset the link for the state" logged 'peer state out of range'
check "root came back after each reset" never_stuck
check "root still computes" jh_root_alive
check "no delivered frame from the peer" stat_atleast rx_packets 0
check "destroy the hostile cell" jailhouse cell destroy $cell

mark=$(jh_serial_mark)
require "a proper cell" jailhouse cell linux $cfg /boot/Image.gz \
	-i /boot/cell-initrd.cpio.gz \
	-c "console=ttyAMA0 rdinit=/init jhcell.net=192.168.19.2"
check "its link comes up" jh_serial_wait "$mark" '^JHCELL-NET up .* carrier=1 ' 1 90
check "root's carrier is on" jh_poll 20 jh_carrier_is "$netif" 1
check "and they ping" ping -c 3 -W 5 192.168.19.2
check "destroy it" jailhouse cell destroy $cell

check "rmmod ivshmem_net" rmmod ivshmem_net
check "hypervisor reported no fault" console_none 0 'FATAL|Unhandled|unhandled'
check "disable" jailhouse disable
console_follow_stop
check "rmmod jailhouse" rmmod jailhouse
expect_fail "no kernel warning, BUG or Oops" sh -c 'dmesg | grep -E "WARNING:|BUG:|Oops|Unable to handle"'
finish
