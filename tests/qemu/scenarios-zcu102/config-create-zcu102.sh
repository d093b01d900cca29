#!/bin/sh
# "jailhouse config create" on the ZCU102 board model: from root's own
# tree as a file (QEMU rewrites the memory of the one it boots with; see
# tests/qemu/dts/zcu102.dts) and the live /proc/iomem, the system config
# agrees with the hand-written one in upstream's layout on the hypervisor
# memory given, CPUs, console and GIC-400 frames, and an inmate cell and
# a Linux cell made the same way on UART1 (disabled in root's tree, so
# left to cells) run under it: gic-demo prints through the inmate
# library's Cadence driver, Linux boots on two CPUs, both go back.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

work=/tmp/config-create-zcu102
tree=/boot/zcu102.dtb
gen=$work/sys.cell
gen_demo=$work/demo.cell
gen_linux=$work/linux.cell
demo=/usr/libexec/jailhouse/demos/gic-demo.bin
uart1=/serial@ff010000
mkdir -p $work

show_line() {
	jailhouse config show "$1" | grep "^$2"
}

check_eq "the board is the ZCU102 model" zcu102 echo $jh_board
require "config create from root's tree and /proc/iomem" \
	jailhouse config create --dtb $tree --hv-mem 0x800000000 $gen
for key in Hypervisor: "Debug console:" GIC: CPUs:; do
	check_eq "$key as the hand-written config's" \
		"$(show_line "$jh_sys_cfg" "$key")" show_line $gen "$key"
done
require "an inmate cell on UART1" jailhouse config create --dtb $tree \
	--hv-mem 0x800000000 --cell demo --cpus 3 --mem 1M --device $uart1 \
	$gen_demo
require "a Linux cell on UART1" jailhouse config create --dtb $tree \
	--hv-mem 0x800000000 --cell linux --linux --cpus 2-3 \
	--mem 256M@0x810000000 --device $uart1 $gen_linux
check "config check: the system with each cell" sh -c \
	"jailhouse config check $gen $gen_demo && jailhouse config check $gen $gen_linux"

require "insmod jailhouse.ko" insmod "$jh_ko"
require "enable with the generated config" jailhouse enable $gen
console_follow_start $work/hypervisor.log

mark=$(jh_serial_mark)
require "inmate: create" jailhouse cell create $gen_demo
require "inmate: load" jailhouse cell load demo $demo
require "inmate: start" jailhouse cell start demo
check "gic-demo starts on CPU 3 with UART1" jh_serial_wait "$mark" \
	'^gic-demo: start cpu 3 mpidr 0x[0-9a-f]+ console XUARTPS@0xff010000' 1 30
check "its timer ticks" jh_serial_wait "$mark" '^gic-demo: tick [0-9]+ ' 5 30
require "inmate: destroy" jailhouse cell destroy demo

mark=$(jh_serial_mark)
require "cell linux in the Linux cell" jailhouse cell linux $gen_linux \
	/boot/Image.gz -i /boot/cell-initrd.cpio.gz -c "rdinit=/init"
check "Linux comes up on its 2 CPUs" jh_serial_wait "$mark" \
	'^JHCELL-LINUX-UP cpus=2 ' 1 120
check "root still computes on its CPUs" jh_root_alive
require "Linux cell: destroy" jailhouse cell destroy linux
check_eq "CPU 3 back with root" 1 cat /sys/devices/system/cpu/cpu3/online
check "no fault on the hypervisor console" console_none 0 'FATAL|Unhandled|unhandled'

console_follow_stop
require "disable" jailhouse disable
require "rmmod" rmmod jailhouse
finish
