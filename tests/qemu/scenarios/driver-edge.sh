#!/bin/sh
# Driver edge cases from review:
# - disable with a root CPU that Linux took offline under the hypervisor
#   works (the hypervisor already let it go), also with a cell to tear
#   down first, and the CPU comes back under Linux and under a new enable;
# - console readers (read, poll, sysfs) do not wait for a command that
#   holds the driver for seconds, and an ioctl waiting for it is killable;
# - a LOADABLE region in Linux's System RAM is refused even if ROOTSHARED,
#   so CELL_LOAD can never write over Linux's own memory.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

cfg=$jh_sys_cfg
gic=/etc/jailhouse/qemu-arm64-gic-demo.cell
smp=/etc/jailhouse/qemu-arm64-smp-test.cell
work=/tmp/driver-edge
mkdir -p $work

timer_irqs() {
	awk -v c=$(($1 + 2)) '/arch_timer/ { print $c; exit }' /proc/interrupts
}

# logged REGEX: one of the last kernel log lines matches
logged() {
	dmesg | tail -n 8 | grep -qE -e "$1"
}

# running PID: the process exists and is no zombie
running() {
	_st=$(cut -d' ' -f3 /proc/"$1"/stat 2>/dev/null) || return 1
	[ -n "$_st" ] && [ "$_st" != Z ]
}

# cpu_serves CPU: CPU runs tasks and takes timer interrupts
cpu_serves() {
	_b=$(timer_irqs "$1")
	# shellcheck disable=SC2016 # the inner shell expands
	taskset -c "$1" sh -c 'i=0; while [ $i -lt 20000 ]; do i=$((i + 1)); done' || return 1
	sleep 1
	_a=$(timer_irqs "$1")
	[ "$_a" -gt "$_b" ]
}

require "insmod jailhouse.ko" insmod "$jh_ko"

# --- disable with a root CPU offline -----------------------------------
require "enable" $jh_raw enable $cfg
check "CPU 3 offline under the hypervisor" sh -c "echo 0 > /sys/devices/system/cpu/cpu3/online"
check "jailhouse disable with CPU 3 offline" jailhouse disable
check "kernel log says CPU 3 comes back without the hypervisor" \
	logged "disable: CPU 3 is offline, it comes back without the hypervisor"
check_eq "enabled reads 0" 0 cat $jh_sys/enabled
check "CPU 3 online again" sh -c "echo 1 > /sys/devices/system/cpu/cpu3/online"
check_eq "CPUs 0-3 online" 0-3 cat /sys/devices/system/cpu/online
check "CPU 3 runs tasks and takes timer interrupts" cpu_serves 3
check "root alive on every CPU" jh_root_alive

require "enable again, CPU 3 under the hypervisor" $jh_raw enable $cfg
check "create gic-demo (CPU 1)" $jh_raw create $gic
check "CPU 2 offline" sh -c "echo 0 > /sys/devices/system/cpu/cpu2/online"
check_raw "disable: destroys gic-demo, skips CPU 2" ok disable
check "kernel log names CPU 2" logged "CPU 2 is offline, it comes back without the hypervisor"
check_eq "CPU 1 back in Linux, CPU 2 still offline" 0-1,3 cat /sys/devices/system/cpu/online
check "CPU 2 online again" sh -c "echo 1 > /sys/devices/system/cpu/cpu2/online"
check "CPU 2 runs tasks and takes timer interrupts" cpu_serves 2
check "serial echo reaches root" jh_serial_roundtrip

# --- console readers while a command holds the driver -------------------
# A cell that spins at its reset address never answers the shutdown
# request: the hypervisor waits inside the LOAD ioctl, holding the
# driver's mutex, until it gives up on the cell (at most 2 s). jh-raw
# busy-check does all the checks in one process within that time; when
# the machine is so slow that the shutdown ended first, it gives no
# verdict and the round is repeated (a reader that waited for the mutex
# never gets a verdict: it fails).
# The holder's CPU waits in the hypervisor with interrupts masked: a task
# queued there would not run until the command ends. So the cell is
# gic-demo (CPU 1; without its passive comm region, so that it is asked),
# the holder gets CPU 0, and this shell, the checker and its child CPUs
# 2 and 3.
printf '\000\000\000\024' >$work/spin.bin	# "b ."
cp $gic $work/asked.cell
flags=$(od -An -tu1 -j44 -N1 $gic)		# JAILHOUSE_CELL_PASSIVE_COMMREG: bit 0
# shellcheck disable=SC2059 # an octal escape
printf "\\$(printf %o $((flags & ~1)))" | dd of=$work/asked.cell bs=1 seek=44 conv=notrunc 2>/dev/null
require "enable" $jh_raw enable $cfg

# busy_round N: one shutdown of a spinning gic-demo, checked while it runs
busy_round() {
	require "round $1: create gic-demo" $jh_raw create $work/asked.cell
	require "round $1: load a spinning inmate" $jh_raw load gic-demo $work/spin.bin 0
	require "round $1: start it" $jh_raw start gic-demo
	taskset -p -c 2,3 $$ >/dev/null
	taskset -c 0 $jh_raw shutdown gic-demo >$work/shutdown.out 2>&1 &
	_spid=$!
	usleep 100000
	_brc=0
	$jh_raw busy-check $_spid >$work/busy.out 2>&1 || _brc=$?
	taskset -p -c 0-3 $$ >/dev/null
	_src=0
	wait $_spid || _src=$?
	check_eq "round $1: shutdown returns" 0 echo $_src
	check_eq "round $1: shutdown succeeded (cell marked failed, then stopped)" ok \
		cat $work/shutdown.out
	check_eq "round $1: cell is shut down" "shut down" cat $jh_sys/cells/1/state
	check "round $1: destroy gic-demo" $jh_raw destroy gic-demo
	return $_brc
}

round=1
while :; do
	brc=0
	busy_round $round || brc=$?
	if [ $brc -ne 3 ] || [ $round -ge 3 ]; then
		break
	fi
	note "round $round: $(tail -n 1 $work/busy.out)"
	round=$((round + 1))
done
check_eq "console read, poll and sysfs answer while a command holds the driver; an ioctl waits, a signal ends the wait" \
	"read: answers
poll: answers
sysfs: answers
another ioctl: waits
a signal: ends the wait
the command ran throughout" cat $work/busy.out

# --- LOADABLE regions in System RAM ------------------------------------
# qemu-arm64-smp-test.cell: region 1 (RAM) phys at 172, flags at 196.
# variant NAME PHYS FLAGS: smp-test with those bytes (printf escapes)
variant() {
	cp $smp "$work/$1.cell"
	# shellcheck disable=SC2059 # the bytes are printf escapes on purpose
	printf "$2" | dd of="$work/$1.cell" bs=1 seek=172 conv=notrunc 2>/dev/null
	# shellcheck disable=SC2059
	printf "$3" | dd of="$work/$1.cell" bs=1 seek=196 conv=notrunc 2>/dev/null
}
pool=$(jh_pool_used)
# 0x50000000 is Linux's (mem=768M from 0x40000000)
variant shared-load '\000\000\000\120' '\307'	# R|W|X|LOADABLE|ROOTSHARED
check_raw "ROOTSHARED|LOADABLE region in System RAM: EADDRINUSE" "error: EADDRINUSE" \
	create $work/shared-load.cell
check "logged" logged "region 1 \(0x50000000-0x5000ffff\) of \"smp-test\" overlaps Linux's System RAM and is LOADABLE"
check_eq "no cell left" "0" sh -c "echo \$(ls $jh_sys/cells)"
check_eq "CPUs 0-3 online" 0-3 cat /sys/devices/system/cpu/online
check_eq "pool unchanged" "$pool" jh_pool_used

variant shared '\000\000\000\120' '\207'	# R|W|X|ROOTSHARED
check_raw "ROOTSHARED region in System RAM, not loadable: accepted" ok create $work/shared.cell
check_raw "loading into it: EACCES" "error: EACCES" load smp-test $work/spin.bin 0
check_raw "destroy it" ok destroy smp-test

check_raw "disable" ok disable
check "rmmod" rmmod jailhouse
expect_fail "no kernel warning, BUG or Oops" sh -c 'dmesg | grep -E "WARNING:|BUG:|Oops|Unable to handle"'
finish
