#!/bin/sh
# "jailhouse config create" on the running test bed (GICv3, and GICv2
# when run with --gic 2): the system config made from /sys/firmware/fdt and
# /proc/iomem agrees with the hand-written one on CPUs, hypervisor memory,
# console and GIC, maps the devices that one maps, and passes the checker
# with the demo cells. Then a system config with an ivshmem-net link, an
# inmate cell and a Linux cell on that link, made the same way, run
# together: enable, gic-demo ticks, a Linux boots with two CPUs, root and
# the Linux cell ping each other over the link, both destroyed, disable.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

work=/tmp/config-create
gen=$work/gen.cell
gen_net=$work/gen-net.cell
gen_demo=$work/gic-demo.cell
gen_linux=$work/linux.cell
demo_cfg=/etc/jailhouse/qemu-arm64-gic-demo.cell
linux_cfg=/etc/jailhouse/qemu-arm64-linux-demo.cell
demo=/usr/libexec/jailhouse/demos/gic-demo.bin
con=$work/console.log
mkdir -p $work

# show_line CFG KEY: the line of `config show` that starts with KEY
show_line() {
	jailhouse config show "$1" | grep "^$2"
}

# io_regions CFG: "START SIZE" of each IO memory region, in hex
io_regions() {
	jailhouse config show "$1" |
		awk '$NF == "IO" && $1 ~ /^[0-9]+$/ { print $2, $4 }'
}

# covered START SIZE CFG: the range lies in one IO region of CFG
covered() {
	io_regions "$3" | while read -r _s _z; do
		if [ $(($1)) -ge $((_s)) ] &&
			[ $(($1 + $2)) -le $((_s + _z)) ]; then
			echo yes
		fi
	done | grep -q yes
}

# hand_devices_mapped: every device window of the generated config that
# lies in the board's low MMIO or the PCIe ECAM is mapped by the
# hand-written config too (which leaves out flash and the 64-bit window)
hand_devices_mapped() {
	io_regions $gen | while read -r _s _z; do
		[ $((_s)) -lt $((0x09000000)) ] && continue
		[ $((_s)) -ge $((0x8000000000)) ] && continue
		covered "$_s" "$_z" "$jh_sys_cfg" || { echo "$_s $_z"; exit 1; }
	done
}

known_devices_mapped() {
	covered 0x09000000 0x1000 $gen && covered 0x0a000000 0x4000 $gen &&
		covered 0x4010000000 0x10000000 $gen
}

cell_running() {
	for _d in "$jh_sys"/cells/*; do
		[ "$(cat "$_d/name" 2>/dev/null)" = "$1" ] &&
			[ "$(cat "$_d/state")" = running ] && return 0
	done
	return 1
}

require "config create on the running system" \
	jailhouse config create --vpci $gen
check "the same as C, naming the console's node" sh -c \
	"jailhouse config create --vpci $work/gen.c &&
	 grep -q '/pl011@9000000 (arm,pl011), from /chosen/stdout-path' $work/gen.c"
for key in Hypervisor: "Debug console:" GIC: CPUs:; do
	check_eq "$key as the hand-written config's" \
		"$(show_line "$jh_sys_cfg" "$key")" show_line $gen "$key"
done
check "the hand-written config maps every device window made" \
	hand_devices_mapped
check "the UART, the virtio transports and the PCIe ECAM are mapped" \
	known_devices_mapped
check "config check with both demo cells: no errors" \
	jailhouse config check $gen $demo_cfg $linux_cfg

uart=/pl011@9000000
require "a system config with an ivshmem-net link" \
	jailhouse config create --link net $gen_net
require "an inmate cell made the same way" jailhouse config create \
	--link net --cell gic-demo --cpus 1 --mem 1M --device $uart $gen_demo
require "a Linux cell made the same way, peer 1 of the link" \
	jailhouse config create --link net --cell linux --linux --cpus 2-3 \
	--mem 128M@0x70000000 --device $uart --peer 0:1 $gen_linux
check "config check of the three made: no errors" \
	jailhouse config check $gen_net $gen_demo $gen_linux

require "insmod jailhouse.ko" insmod "$jh_ko"
require "enable with the generated config" jailhouse enable $gen_net
require "insmod ivshmem_net.ko" insmod "$(dirname "$jh_ko")/ivshmem_net.ko"
netif=$(jh_net_if 00:00.0)
require "root's end of the link, 00:00.0, up" sh -c \
	"ip addr add 192.168.19.1/24 dev $netif && ip link set $netif up"
console_follow_start $con

printf '%s\000' "period-ms=50 con-type=none con-virtual" >$work/args
require "gic-demo: create" jailhouse cell create $gen_demo
require "gic-demo: load" jailhouse cell load gic-demo $demo -a 0 \
	$work/args -a 0x1000
require "gic-demo: start" jailhouse cell start gic-demo
check "gic-demo ticks" console_wait 0 \
	'^gic-demo: tick [0-9]+ latency [0-9]+ ns' 10

mark=$(jh_serial_mark)
check "Linux cell: cell linux" jailhouse cell linux $gen_linux \
	/boot/Image.gz -i /boot/cell-initrd.cpio.gz \
	-c "console=ttyAMA0 rdinit=/init jhcell.net=192.168.19.2"
check "Linux cell up with 2 CPUs" \
	jh_serial_wait "$mark" '^JHCELL-LINUX-UP cpus=2 ' 1 60
check "Linux cell running" cell_running linux
check "gic-demo still ticking beside it" console_wait 0 \
	'^gic-demo: tick [0-9]+ latency [0-9]+ ns' 40
check "the cell's end of the link comes up" jh_serial_wait "$mark" \
	'^JHCELL-NET up [a-z0-9]+ carrier=1 ' 1 90
check "root pings the cell" ping -c 3 -W 5 192.168.19.2
check "the cell pings root" jh_serial_wait "$mark" '^JHCELL-NET ping ok$' 1 30
check "root Linux works meanwhile" jh_root_alive
check "Linux cell: destroy" jailhouse cell destroy linux
check "gic-demo: destroy" jailhouse cell destroy gic-demo

check "nothing fatal on the hypervisor console" \
	console_none 0 'FATAL|unhandled|Unhandled'
check "rmmod ivshmem_net" rmmod ivshmem_net
check "disable" jailhouse disable
console_follow_stop
check "rmmod" rmmod jailhouse
finish
