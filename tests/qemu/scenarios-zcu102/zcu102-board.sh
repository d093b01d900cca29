#!/bin/sh
# The ZCU102 board model with the configs in upstream's layout for it
# (configs/arm64/zynqmp-zcu102*.c): the hypervisor comes up with its
# console on the Cadence UART0 that root Linux shares, `doctor` finds the
# platform sound, gic-demo ticks in inmate-demo on CPU 3 printing on UART1
# through the inmate library's Cadence driver, a Linux cell boots on CPUs
# 2-3 with UART1 as its console (given DTB, then the one `cell linux`
# generates), and everything goes back at destroy and disable. UART1 comes back through the serial echo ($jh_serial).
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

etc=/etc/jailhouse
demo_cfg=$etc/zynqmp-zcu102-inmate-demo.cell
linux_cfg=$etc/zynqmp-zcu102-linux-demo.cell
demo=/usr/libexec/jailhouse/demos/gic-demo.bin
work=/tmp/zcu102-board
mkdir -p $work

check_eq "the board is the ZCU102 model" zcu102 echo $jh_board
require "insmod jailhouse.ko" insmod "$jh_ko"
require "enable with the ZCU102 system config" jailhouse enable $jh_sys_cfg
console_follow_start $work/hypervisor.log
check "the hypervisor is active" console_wait 0 '^hypervisor active, root Linux continues'
check "doctor finds nothing wrong" jailhouse doctor $jh_sys_cfg
pool0=$(jh_pool_used)

# gic-demo on UART1 (the config's console, Cadence)
mark=$(jh_serial_mark)
require "create inmate-demo" jailhouse cell create $demo_cfg
check_eq "CPU 3 handed over" 0 cat /sys/devices/system/cpu/cpu3/online
require "load gic-demo" jailhouse cell load inmate-demo $demo
require "start" jailhouse cell start inmate-demo
check "gic-demo starts on CPU 3 with the Cadence UART" jh_serial_wait "$mark" \
	'^gic-demo: start cpu 3 mpidr 0x[0-9a-f]+ console XUARTPS@0xff010000' 1 30
check "its timer ticks 5 times" jh_serial_wait "$mark" '^gic-demo: tick [0-9]+ ' 5 30
check "root still computes on its CPUs" jh_root_alive
require "destroy inmate-demo" jailhouse cell destroy inmate-demo
check_eq "CPU 3 back with root" 1 cat /sys/devices/system/cpu/cpu3/online

# a Linux cell, UART1 as its console
mark=$(jh_serial_mark)
require "cell linux" jailhouse cell linux $linux_cfg /boot/Image.gz \
	-d /boot/zcu102-linux-demo.dtb -i /boot/cell-initrd.cpio.gz \
	-c "console=ttyPS0 rdinit=/init"
check "the cell's Linux comes up on its 2 CPUs" jh_serial_wait "$mark" \
	'^JHCELL-LINUX-UP cpus=2 ' 1 120
check "it keeps running" jh_serial_wait "$mark" '^JHCELL-LINUX-ALIVE [0-9]+$' 3 30
check "root still computes on its CPUs" jh_root_alive
require "destroy the Linux cell" jailhouse cell destroy ZynqMP-linux-demo

# the same cell with the DTB `cell linux` generates from the cell config
# and the running system's (no platform option): GIC-400, Cadence UART1
# on SPI 22, the virtual PCI host of its links; root and the cell on the
# ivshmem-net link 00:01.0
require "insmod ivshmem_net.ko" insmod "$(dirname "$jh_ko")/ivshmem_net.ko"
# 00:01.0 is the link with linux-demo (00:02.0 is linux-demo-2's)
netif=$(jh_net_if 00:01.0)
require "root's end of the link up" sh -c \
	"ip addr add 192.168.19.1/24 dev $netif && ip link set $netif up"
mark=$(jh_serial_mark)
require "cell linux, generated DTB" jailhouse cell linux \
	$linux_cfg /boot/Image.gz \
	-i /boot/cell-initrd.cpio.gz -c "rdinit=/init jhcell.net=192.168.19.2"
check "it comes up on its 2 CPUs" jh_serial_wait "$mark" \
	'^JHCELL-LINUX-UP cpus=2 ' 1 120
check "its console is the Cadence UART" jh_serial_wait "$mark" \
	'ff010000.serial: ttyPS0 at MMIO 0xff010000 .* is a xuartps' 1 30
check "it finds both ivshmem-net links on its PCI host" jh_serial_wait "$mark" \
	'pci 0000:00:0[13].0: \[110a:4106\]' 2 30
check "its network link comes up" jh_serial_wait "$mark" \
	'^JHCELL-NET up .* carrier=1 ' 1 60
check "root pings it" ping -c 3 -W 5 192.168.19.2
check "it pings root" jh_serial_wait "$mark" '^JHCELL-NET ping ok$' 1 30
require "destroy it" jailhouse cell destroy ZynqMP-linux-demo
check "rmmod ivshmem_net" rmmod ivshmem_net
check_eq "CPU 2 back with root" 1 cat /sys/devices/system/cpu/cpu2/online
check_eq "CPU 3 back with root" 1 cat /sys/devices/system/cpu/cpu3/online
check_eq "the hypervisor's memory pool as before" "$pool0" jh_pool_used
check "no fault on the hypervisor console" console_none 0 'FATAL|Unhandled|unhandled'

console_follow_stop
require "disable" jailhouse disable
require "rmmod" rmmod jailhouse
finish
