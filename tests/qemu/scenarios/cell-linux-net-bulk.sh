#!/bin/sh
# 64 MiB over TCP each way between root and a Linux cell on the
# ivshmem-net link (busybox nc), checked by SHA-256 on both ends, with the
# throughput as a note; then the cell is destroyed in the middle of a
# transfer: root's carrier goes off, the transfer fails with an error
# instead of hanging (the test bed shortens TCP's retry time), root stays
# healthy, and the next cell brings the link back.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

cfg=/etc/jailhouse/qemu-arm64-linux-demo.cell
cell=qemu-arm64-linux-demo
work=/tmp/cell-linux-net-bulk
# 64 MiB on the GICv3 test bed; the GICv2 run takes the same path with
# other interrupt plumbing, which a quarter of it shows as well
mib=64
[ "$jh_gic_version" = 3 ] || mib=16
mkdir -p $work

uptime_s() {
	cut -d' ' -f1 /proc/uptime
}

# serial_value MARK PREFIX: the last word of the first line after MARK
# starting with PREFIX
serial_value() {
	jh_serial_since "$1" | sed -n "s/^$2 //p" | head -n 1
}

boot_cell() {
	jailhouse cell linux $cfg /boot/Image.gz -i /boot/cell-initrd.cpio.gz \
		-c "console=ttyAMA0 rdinit=/init jhcell.net=192.168.19.2 $1"
}

require "insmod jailhouse.ko" insmod "$jh_ko"
require "enable" jailhouse enable $jh_sys_cfg
console_follow_start $work/hypervisor.log
require "insmod ivshmem_net.ko" insmod "$(dirname "$jh_ko")/ivshmem_net.ko"
netif=$(jh_net_if 00:01.0)
require "address and link up" sh -c \
	"ip addr add 192.168.19.1/24 dev $netif && ip link set $netif up"

# cell -> root: root listens before the cell boots. A listening nc sends
# its stdin and half-closes at its end, which ends the sender's nc: its
# stdin is a FIFO that never ends.
mkfifo $work/hold
(nc -l -p 5002 <>$work/hold | sha256sum >$work/rx.sum) &
listener=$!
mark=$(jh_serial_mark)
t0=$(uptime_s)
require "cell linux" boot_cell "jhcell.bulk=$mib"
check "the link comes up" jh_serial_wait "$mark" '^JHCELL-NET up .* carrier=1 ' 1 90
check "the cell sent $mib MiB" jh_serial_wait "$mark" '^JHCELL-NET tx [0-9a-f]{64}$' 1 180
check "root got them all" jh_poll 30 sh -c "! kill -0 $listener 2>/dev/null"
check_eq "with the same SHA-256" "$(serial_value "$mark" JHCELL-NET\ tx)" \
	sh -c "cut -d' ' -f1 $work/rx.sum"

# root -> cell
check "the cell listens" jh_serial_wait "$mark" '^JHCELL-NET listening 5001$' 1 30
dd if=/dev/urandom of=$work/blob bs=1M count=$mib 2>/dev/null
sum=$(sha256sum <$work/blob | cut -d' ' -f1)
t0=$(uptime_s)
check "root sends $mib MiB" sh -c "nc 192.168.19.2 5001 <$work/blob"
t1=$(uptime_s)
check "the cell got them all, with the same SHA-256" jh_serial_wait "$mark" \
	"^JHCELL-NET rx $sum\$" 1 60
note "root -> cell: $mib MiB in $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s" \
	"($(awk -v a="$t0" -v b="$t1" -v m="$mib" 'BEGIN { printf "%.1f", m / (b - a) }') MiB/s, TCG)"
rm -f $work/blob
check_eq "no receive errors" 0 cat /sys/class/net/"$netif"/statistics/rx_errors
check_eq "no transmit errors" 0 cat /sys/class/net/"$netif"/statistics/tx_errors

# destroyed mid-transfer: TCP gives up after about 6 s instead of 15 min
echo 4 >/proc/sys/net/ipv4/tcp_retries2
check "the cell listens again" jh_serial_wait "$mark" '^JHCELL-NET listening 5003$' 1 30
(set +e
	dd if=/dev/zero bs=1M count=4096 2>/dev/null | nc 192.168.19.2 5003
	echo $? >$work/mid.rc) &
sleep 2
check "destroy the cell mid-transfer" jailhouse cell destroy $cell
check "root's carrier goes off" jh_poll 5 jh_carrier_is "$netif" 0
check "the transfer fails with an error" jh_poll 60 sh -c \
	"[ -s $work/mid.rc ] && [ \$(cat $work/mid.rc) != 0 ]"
check "root still computes on its CPUs" jh_root_alive
echo 15 >/proc/sys/net/ipv4/tcp_retries2

mark=$(jh_serial_mark)
require "a new cell" boot_cell ""
check "its link comes up" jh_serial_wait "$mark" '^JHCELL-NET up .* carrier=1 ' 1 90
check "root's carrier is back" jh_poll 20 jh_carrier_is "$netif" 1
check "and it pings" ping -c 3 -W 5 192.168.19.2
check "destroy it" jailhouse cell destroy $cell

check "rmmod ivshmem_net" rmmod ivshmem_net
check "hypervisor reported no fault" console_none 0 'FATAL|Unhandled|unhandled'
check "disable" jailhouse disable
console_follow_stop
check "rmmod jailhouse" rmmod jailhouse
expect_fail "no kernel warning, BUG or Oops" sh -c 'dmesg | grep -E "WARNING:|BUG:|Oops|Unable to handle"'
finish
