#!/bin/sh
# The ivshmem-v2 device model, seen from root by raw config and register
# accesses (devmem) and from a bare-metal cell running ivshmem-demo.bin:
# config space, BAR sizing, the register page, the state table both
# ways with its interrupt, doorbells from root into the cell, a peer
# that goes away (its state back to 0) and one that breaks the rules
# (writes the state table or another peer's output section: stopped,
# root unharmed, link usable after).
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

cfg=$jh_sys_cfg
demo_cfg=/etc/jailhouse/qemu-arm64-gic-demo.cell
demo=/usr/libexec/jailhouse/demos/ivshmem-demo.bin
work=/tmp/cell-ivshmem
ecam=0x3f000000
bar=0x3f100000
table=0x7fa10000
mkdir -p $work
# the demos print on the hypervisor's console, which root reads
printf '%s\000' "con-type=none con-virtual" >$work/demo.par

# reg OFFSET [VALUE]: read or write a register of root's 00:00.0
reg() {
	_off=$1
	shift
	devmem $((bar + _off)) 32 "$@"
}
cfg_rd() { devmem $((ecam + $1)) "${2:-32}"; }

require "insmod jailhouse.ko" insmod "$jh_ko"
require "enable" $jh_raw enable $cfg
console_follow_start $work/console.log
pool0=$(jh_pool_used)

# --- config space as root sees it (root is peer 0 of both links). Root
# Linux found the devices on the host enable added; uio_ivshmem (loaded
# on demand, as udev would) lets go of 00:00.0 for these raw accesses.
pci=/sys/bus/pci/devices/0001:00:00.0
check "root Linux has the device" test -e $pci
check "no driver holds it" sh -c \
	"[ ! -e $pci/driver ] || echo 0001:00:00.0 >$pci/driver/unbind"
check "memory decoding off" devmem $((ecam + 4)) 16 0
check "one-shot mode off" devmem $((ecam + 0x43)) 8 0
check_eq "00:00.0 is an ivshmem device" 0x4106110A cfg_rd 0
check_eq "00:00.0 class ff, protocol 0" 0xFF000000 cfg_rd 8
check_eq "00:01.0 class ff, protocol 1 (veth)" 0xFF000100 cfg_rd 0x8008
check_eq "00:02.0 is an empty slot" 0xFFFFFFFF cfg_rd 0x10000
check_eq "status: capability list; command 0" 0x00100000 cfg_rd 4
check_eq "capability pointer" 0x40 cfg_rd 0x34 8
check_eq "INTA for slot 0" 0x01 cfg_rd 0x3d 8
check_eq "INTB for slot 1" 0x02 cfg_rd 0x803d 8
check_eq "vendor capability: id 9, length 0x20" 0x00200009 cfg_rd 0x40
check "one-shot mode on" devmem $((ecam + 0x43)) 8 1
check_eq "the one-shot bit reads back" 0x01200009 cfg_rd 0x40
check "the rest of the capability is read-only" devmem $((ecam + 0x44)) 32 0
check_eq "the state table size stays" 0x00001000 cfg_rd 0x44
check "one-shot mode off" devmem $((ecam + 0x43)) 8 0
check_eq "state table size" 0x00001000 cfg_rd 0x44
check_eq "r/w section size" 0x0000F000 cfg_rd 0x48
check_eq "output section size" 0x00004000 cfg_rd 0x50
check_eq "address of the memory" 0x7FA10000 cfg_rd 0x58
check_eq "beyond the emulated config space: all ones" 0xFFFFFFFF cfg_rd 0x100
check "BAR0 sizing write" devmem $((ecam + 0x10)) 32 0xffffffff
check_eq "BAR0 reads its size mask" 0xFFFFF000 cfg_rd 0x10
check "BAR1 sizing write" devmem $((ecam + 0x14)) 32 0xffffffff
check_eq "BAR1 unimplemented (INTx)" 0x00000000 cfg_rd 0x14
check "BAR0 back at $bar, where Linux put it" devmem $((ecam + 0x10)) 32 $bar
check "memory decoding on" devmem $((ecam + 4)) 16 2
check_eq "command reads back" 0x00100002 cfg_rd 4

# --- the register page
check_eq "ID: root is peer 0" 0x00000000 reg 0
check_eq "max peers 3" 0x00000003 reg 4
check_eq "interrupts off" 0x00000000 reg 8
check_eq "state 0" 0x00000000 reg 0x10
check "root says state 5" reg 0x10 5
check_eq "the state reads back" 0x00000005 reg 0x10
check_eq "the state table has it" 0x00000005 devmem $table 32
exit_status() {
	"$@" >/dev/null 2>&1 && echo 0 || echo $?
}
check_eq "a 16-bit register read: SIGBUS for the reader" 135 \
	exit_status timeout 10 devmem $bar 16
check "root Linux responsive" jh_root_alive
check_eq "the device still answers" 0x00000003 reg 4

# --- a bare-metal peer
check_raw "create gic-demo (peer 1)" ok create $demo_cfg
check_raw "load ivshmem-demo" ok load gic-demo $demo 0 $work/demo.par 0x1000
mark=$(console_mark)
check_raw "start" ok start gic-demo
check "the cell finds its device" console_wait "$mark" \
	'ivshmem-demo: 00:00.0 peer 1 of 3, memory 0x7fa10000, r/w 61440 bytes, output 16384 bytes, INTID 144'
check "the cell sees root's state" console_wait "$mark" 'ivshmem-demo: peer 0 state 5'
check "the cell's READY is in the table" sh -c "[ \$(devmem $((table + 4)) 32) = 0x00000001 ]"
mark=$(console_mark)
check "root changes its state" reg 0x10 7
check "the cell's interrupt tells it" console_wait "$mark" 'ivshmem-demo: peer 0 state 7'

# a doorbell with no message in it: the cell looks, finds nothing new
check "root rings peer 1" reg 0xc 0x00010000
check "a doorbell to a peer beyond max peers is ignored" reg 0xc 0x00070000
check "a vector beyond INTx's one is ignored" reg 0xc 0x00010003
check "the cell still runs" jh_wait_state 1 running

# --- a peer going away: its state goes back to 0
check_raw "shut the cell down" ok shutdown gic-demo
check_eq "the table says peer 1 left" 0x00000000 devmem $((table + 4)) 32
check_raw "destroy" ok destroy gic-demo
check_eq "mem_pool_used back to $pool0" "$pool0" jh_pool_used

# --- a peer that writes what it must not
out0=$(devmem 0x7fa20000 32)
for what in "state table:0x7fa10000" "root's output section:0x7fa20000"; do
	addr=${what##*:}
	name=${what%%:*}
	printf 'addr=%s write con-type=none con-virtual\000' "$addr" >$work/fault.par
	check_raw "create gic-demo" ok create $demo_cfg
	check_raw "load fault-demo" ok load gic-demo /usr/libexec/jailhouse/demos/fault-demo.bin 0 $work/fault.par 0x1000
	mark=$(console_mark)
	check_raw "start" ok start gic-demo
	check "writing the $name stops the cell" jh_wait_state 1 failed 10
	check "root Linux responsive" jh_root_alive
	check_eq "the state table is intact" 0x00000007 devmem $table 32
	check_eq "root's output section is intact" "$out0" devmem 0x7fa20000 32
	check_raw "destroy" ok destroy gic-demo
done
check_eq "mem_pool_used back to $pool0" "$pool0" jh_pool_used

check_raw "disable" ok disable
console_follow_stop
check "rmmod" rmmod jailhouse
expect_fail "no kernel warning, BUG or Oops" sh -c 'dmesg | grep -E "WARNING:|BUG:|Oops|Unable to handle|stall"'
finish
