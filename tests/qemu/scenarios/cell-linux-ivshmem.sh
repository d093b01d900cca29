#!/bin/sh
# Root Linux and a non-root Linux cell on the ivshmem demo link: `cell
# linux` gives the cell's kernel the virtual PCI host in its DTB, the
# cell finds both its devices (the demo and the network link), binds
# uio_ivshmem to the demo link and pings root; root pings it back, each
# through its UIO device (tools/ivshmem-demo on both sides, the cell's
# lines read back from the shared PL011). The cell's tool leaves the
# link (state 0) when it ends; destroy gives everything back.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

sys_cfg=$jh_sys_cfg
cfg=/etc/jailhouse/qemu-arm64-linux-demo.cell
cell=qemu-arm64-linux-demo
tool=/usr/libexec/jailhouse/demos/ivshmem-demo
work=/tmp/cell-linux-ivshmem
mkdir -p $work

require "insmod jailhouse.ko" insmod "$jh_ko"
require "insmod uio_ivshmem.ko" insmod "$(dirname "$jh_ko")/uio_ivshmem.ko"
require "enable" jailhouse enable $sys_cfg
console_follow_start $work/hypervisor.log
check "uio_ivshmem binds root's demo device" jh_poll 10 test -e /sys/class/uio/uio0
pool0=$(jh_pool_used)

# root: ping the Linux cell (peer 2) once and answer its ping
$tool -t 2 -n 1 -a 1 -w 120 >$work/root.out 2>&1 &
root_tool=$!

mark=$(jh_serial_mark)
require "cell linux with the ivshmem demo" jailhouse cell linux $cfg \
	/boot/Image.gz -i /boot/cell-initrd.cpio.gz \
	-c "console=ttyAMA0 rdinit=/init jhcell.ivshmem=1"
check "the cell's Linux runs on its 2 CPUs" jh_serial_wait "$mark" \
	'^JHCELL-LINUX-UP cpus=2 ' 1 90
check "cell list shows the cell's two links" sh -c \
	"jailhouse cell list --json | grep -q '\"name\":\"$cell\".*\"ivshmem\":\[{\"bdf\":\"0001:00:00.0\",\"id\":2,\"peers\":3,.*},{\"bdf\":\"0001:00:01.0\",\"id\":1,\"peers\":2,\"protocol\":1,'"
check "the cell's Linux sees both ivshmem devices" jh_serial_wait "$mark" \
	'^JHCELL-LINUX-PCI 0001:00:00.0 0001:00:01.0 $' 1 90
check "its uio_ivshmem finds peer 2 of 3" jh_serial_wait "$mark" \
	'^ivshmem-demo: /dev/uio0: peer 2 of 3' 1 60
check "the cell's ping came back from root" jh_serial_wait "$mark" \
	'^ivshmem-demo: sent 1 pings to peer 0, 1 pongs, 0 bad' 1 60
check "the cell answered root's ping" jh_serial_wait "$mark" \
	'^ivshmem-demo: 1 pings answered, 0 bad' 1 60
check "the cell's tool ended well" jh_serial_wait "$mark" '^JHCELL-IVSHMEM exit 0' 1 30
check "root's ping came back from the cell" wait_file_contains $work/root.out \
	'sent 1 pings to peer 2, 1 pongs, 0 bad' 60
check "root answered the cell's ping" wait_file_contains $work/root.out \
	'1 pings answered, 0 bad' 30
check "root's tool ended" jh_poll 10 jh_gone $root_tool
note "$(cat $work/root.out)"

check_eq "the cell's tool left the link: state 0" 0x00000000 devmem 0x7fa10008 32
check "destroy the cell" jailhouse cell destroy $cell
check "root Linux responsive" jh_root_alive
check_eq "mem_pool_used back to $pool0" "$pool0" jh_pool_used

check "disable" jailhouse disable
console_follow_stop
check "rmmod uio_ivshmem" rmmod uio_ivshmem
check "rmmod" rmmod jailhouse
expect_fail "no kernel warning, BUG or Oops" sh -c 'dmesg | grep -E "WARNING:|BUG:|Oops|Unable to handle|stall"'
finish
