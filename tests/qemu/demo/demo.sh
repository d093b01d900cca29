#!/bin/sh
# The demo, run inside the QEMU guest: enable the hypervisor under the
# running Linux, run the bare-metal demo cell, boot a non-root Linux, and
# give everything back. Steps whose pieces are not built yet are skipped
# with a note, so the demo grows as features land.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

cells=/etc/jailhouse
demos=/usr/libexec/jailhouse/demos

step() { echo; echo "### $*"; }

have() {
	[ -e "$1" ] && return 0
	note "skipped: $1 is not built yet"
	return 1
}

step "root Linux booted at EL2"
dmesg | grep "started at EL2"

step "load the driver"
require "insmod jailhouse.ko" insmod "$jh_ko"
ls -l /dev/jailhouse /sys/devices/jailhouse

if have /usr/bin/jailhouse && have /lib/firmware/jailhouse.bin; then
	step "enable the hypervisor"
	require "jailhouse enable" jailhouse enable $cells/qemu-arm64.cell
	jailhouse console
	check_eq "hypervisor enabled" 1 cat /sys/devices/jailhouse/enabled
	jailhouse cell list

	if have $demos/gic-demo.bin; then
		step "bare-metal demo cell"
		check "cell create" jailhouse cell create $cells/qemu-arm64-gic-demo.cell
		check "cell load" jailhouse cell load gic-demo $demos/gic-demo.bin
		check "cell start" jailhouse cell start gic-demo
		sleep 3
		jailhouse cell list
		check "cell destroy" jailhouse cell destroy gic-demo
	fi

	if have /boot/Image.gz; then
		step "non-root Linux cell, networked with root over ivshmem-net"
		net_ko=$(dirname "$jh_ko")/ivshmem_net.ko
		net=
		if have "$net_ko"; then
			check "insmod ivshmem_net.ko" insmod "$net_ko"
			net=$(jh_net_if 00:01.0)
			ip addr add 192.168.19.1/24 dev "$net"
			ip link set "$net" up
		fi
		# It boots on the PL011; the serial echo tells when it is up.
		mark=$(jh_serial_mark)
		check "cell linux" jailhouse cell linux $cells/qemu-arm64-linux-demo.cell \
			/boot/Image.gz -i /boot/cell-initrd.cpio.gz \
			-c "console=ttyAMA0 rdinit=/init${net:+ jhcell.net=192.168.19.2}"
		check "Linux up in the cell" jh_serial_wait "$mark" \
			'^JHCELL-LINUX-UP cpus=2 ' 1 60
		if [ -n "$net" ]; then
			check "its network link is up" jh_serial_wait "$mark" \
				'^JHCELL-NET up .* carrier=1 ' 1 60
			step "ping into the cell"
			ping -c 3 192.168.19.2 | tee /tmp/demo-ping.out
			check "3 replies" grep -q '3 packets received' /tmp/demo-ping.out
		fi
		sleep 3
		jailhouse cell list
		check "cell destroy" jailhouse cell destroy qemu-arm64-linux-demo
		[ -z "$net" ] || check "rmmod ivshmem_net" rmmod ivshmem_net
	fi

	step "disable the hypervisor"
	check "jailhouse disable" jailhouse disable
	check_eq "hypervisor disabled" 0 cat /sys/devices/jailhouse/enabled
fi

step "unload the driver"
check "rmmod jailhouse" rmmod jailhouse
finish
