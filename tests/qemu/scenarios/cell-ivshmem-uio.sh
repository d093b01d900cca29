#!/bin/sh
# Root Linux and a bare-metal cell talk over the ivshmem demo link the
# way users do: enable adds the virtual PCI host to root Linux (a
# device-tree overlay), uio_ivshmem binds root's demo device, root's
# ivshmem-demo tool and the cell's ivshmem-demo.bin exchange 1000
# checked messages each way with a doorbell per message. A peer that
# is destroyed or restarted: the other sees its state go and come, and
# no stale interrupt follows. Disable takes the host away again.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

cfg=$jh_sys_cfg
demo_cfg=/etc/jailhouse/qemu-arm64-gic-demo.cell
demo_bin=/usr/libexec/jailhouse/demos/ivshmem-demo.bin
tool=/usr/libexec/jailhouse/demos/ivshmem-demo
uio_ko=$(dirname "$jh_ko")/uio_ivshmem.ko
pci=/sys/bus/pci/devices/0001:00:00.0
work=/tmp/cell-ivshmem-uio
mkdir -p $work

# cell_run PARAMS: (re)load ivshmem-demo.bin with PARAMS and start it
cell_run() {
	printf '%s con-type=none con-virtual\000' "$1" >$work/demo.par
	$jh_raw load gic-demo $demo_bin 0 $work/demo.par 0x1000 >/dev/null &&
		$jh_raw start gic-demo >/dev/null
}

map_eq() {
	check_eq "map $1: $2, $3 bytes" "$2 $3" sh -c \
		"echo \$(cat /sys/class/uio/uio0/maps/map$1/name) \$((\$(cat /sys/class/uio/uio0/maps/map$1/size)))"
}

uio_irqs() {
	jh_irqs 'uio_ivshmem'
}

# Leftovers of an earlier life in the slots of peer 2, which is not on
# the link in this scenario (ivshmem-demo.h): a ping to the cell and a
# pong to root. Neither may count, nor a pong of one peer for another's.
# Planted before enable: root may not write peer 2's section after it.
stale=0x7fa28000	# peer 2's output section: ping slot, then pong slot
stale_msg() { # SLOT SEQ TO
	devmem $((stale + $1 * 256)) 32 "$2" && devmem $((stale + $1 * 256 + 4)) 32 "$3"
}
require "plant peer 2's stale ping to the cell" stale_msg 0 5 1
require "and its stale pong to root" stale_msg 1 1 0

require "insmod jailhouse.ko" insmod "$jh_ko"
require "insmod uio_ivshmem.ko" insmod "$uio_ko"
check_eq "no virtual PCI host before enable" no sh -c "[ -e $pci ] && echo yes || echo no"
require "enable" jailhouse enable $cfg
console_follow_start $work/console.log
pool0=$(jh_pool_used)

check "root Linux finds the demo link's device" test -e $pci
check_eq "its IDs" "0x110a 0x4106 0xff0000" sh -c \
	"echo \$(cat $pci/vendor $pci/device $pci/class)"
check_eq "uio_ivshmem drives it" uio_ivshmem sh -c "basename \$(readlink $pci/driver)"
check "the network link's device is there too" test -e /sys/bus/pci/devices/0001:00:01.0
check_eq "and left to a network driver" no sh -c \
	"[ -e /sys/bus/pci/devices/0001:00:01.0/driver ] && echo yes || echo no"
check_eq "the UIO device's name" "uio_ivshmem[0001:00:00.0]" cat /sys/class/uio/uio0/name
map_eq 0 registers 4096
map_eq 1 state_table 4096
map_eq 2 rw_section 61440
map_eq 3 input_sections 49152
map_eq 4 output_section 16384
check_eq "its interrupt is INTID $jh_vpci_intid, edge" "$jh_vpci_intid Edge" sh -c \
	"awk '/uio_ivshmem/ { for (i = 1; i <= NF; i++) if (\$i == \"$jh_vpci_intid\") print \$i, \$(i + 1) }' /proc/interrupts"

require "create gic-demo (peer 1)" jailhouse cell create $demo_cfg
mark=$(console_mark)
require "run ivshmem-demo.bin" cell_run ""
check "the cell is ready" console_wait "$mark" 'ivshmem-demo: 00:00.0 peer 1 of 3'

# --- root pings the cell: 1000 doorbells each way
check "root: 1000 pings, 1000 pongs, all intact" sh -c \
	"$tool -q -t 1 -n 1000 >$work/ping.out 2>&1 && grep -q 'sent 1000 pings to peer 1, 1000 pongs, 0 bad' $work/ping.out"
note "$(cat $work/ping.out)"
check "the cell answered exactly 1000" console_wait "$mark" 'ivshmem-demo: 1000 pings answered, 0 bad'
check "and not one more" console_none "$mark" 'ivshmem-demo: 1100 pings answered'

# --- the cell pings root
$tool -q -a 1000 -w 30 >$work/answer.out 2>&1 &
answerer=$!
usleep 300000
mark=$(console_mark)
require "restart the cell with ping=1000" cell_run "ping=1000"
check "cell: 1000 pings, 1000 pongs, all intact" console_wait "$mark" \
	'ivshmem-demo: sent 1000 pings to peer 0, 1000 pongs, 0 bad' 1 60
check "root answered exactly 1000" wait_file_contains $work/answer.out \
	'1000 pings answered, 0 bad'
check "and ended" jh_poll 10 jh_gone $answerer
note "$(cat $work/answer.out)"

# --- the peer restarts and goes away: root sees both
# lines_of FILE REGEX N: FILE has N lines matching REGEX
lines_of() {
	[ "$(grep -cE -e "$2" "$1")" = "$3" ]
}
$tool -a 0 -w 5 >$work/states.out 2>&1 &
watcher=$!
check "root's tool sees the cell ready" wait_file_contains $work/states.out 'peer 1 state 1'
check "shutdown" jailhouse cell shutdown gic-demo
check "root saw peer 1 stop" wait_file_contains $work/states.out 'peer 1 state 0'
require "start it again" $jh_raw start gic-demo
check "root saw it come back" jh_poll 10 lines_of $work/states.out 'peer 1 state 1' 2
check "shutdown again" jailhouse cell shutdown gic-demo
check "root saw peer 1 stop again" jh_poll 10 lines_of $work/states.out 'peer 1 state 0' 2
irqs=$(uio_irqs)
check "destroy" jailhouse cell destroy gic-demo
usleep 500000
check_eq "no interrupt after the peer is gone" "$irqs" uio_irqs
kill $watcher 2>/dev/null
check "the watcher is gone" jh_poll 5 jh_gone $watcher
note "$(cat $work/states.out)"
check_eq "mem_pool_used back to $pool0" "$pool0" jh_pool_used

check "disable" jailhouse disable
check "the virtual PCI host left with the hypervisor" sh -c "[ ! -e $pci ]"
check "no UIO device left" sh -c "[ ! -e /sys/class/uio/uio0 ]"
console_follow_stop
check "rmmod uio_ivshmem" rmmod uio_ivshmem
check "rmmod" rmmod jailhouse
expect_fail "no kernel warning, BUG or Oops" sh -c 'dmesg | grep -E "WARNING:|BUG:|Oops|Unable to handle|stall"'
finish
