#!/bin/sh
# A non-root Linux in the linux-demo cell (CPUs 2-3): the test bed's own
# Image.gz with a busybox initramfs (tests/qemu/build-cell-initramfs.sh),
# booted by `jailhouse cell linux` with a generated DTB, then with a given
# one. Its /init reports on the cell's console, the shared PL011, which
# this scenario reads back through the test bed's serial echo
# ($jh_serial). Checked:
# both CPUs come up (also after a hotplug round trip inside the cell),
# root Linux keeps working, shutdown silences the cell, a second boot
# works, the cell's reboot and poweroff stop only the cell, destroy gives
# CPUs and memory back, a fresh cell boots again, and a running cell is
# booted again only with --reboot.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

sys_cfg=$jh_sys_cfg
cfg=/etc/jailhouse/qemu-arm64-linux-demo.cell
cell=qemu-arm64-linux-demo
work=/tmp/cell-linux
hv=$work/hypervisor.log
mkdir -p $work

up_re='^JHCELL-LINUX-UP cpus=2 '
alive_re='^JHCELL-LINUX-ALIVE [0-9]+$'

# boot_linux [OPTIONS...]: boots the test bed's kernel in the cell,
# reusing the cell if it exists; its start and duration go to $work/t0
# and $work/cli-time (it runs in check's subshell).
boot_linux() {
	t0=$(uptime_s)
	echo "$t0" >$work/t0
	jailhouse cell linux "$@" $cfg /boot/Image.gz \
		-i /boot/cell-initrd.cpio.gz || return 1
	awk -v a="$t0" -v b="$(uptime_s)" 'BEGIN { printf "%.1f\n", b - a }' \
		>$work/cli-time
}

cmdline() {
	echo "console=ttyAMA0 rdinit=/init $*"
}

cell_id() {
	for _d in "$jh_sys"/cells/*; do
		[ "$(cat "$_d/name" 2>/dev/null)" = $cell ] && echo "${_d##*/}"
	done
	return 0
}

cell_state() {
	_id=$(cell_id)
	[ -n "$_id" ] && cat $jh_sys/cells/"$_id"/state
	return 0
}

uptime_s() {
	cut -d' ' -f1 /proc/uptime
}

# booted N: the Nth "up" marker appears within 60 s; the time since
# boot_linux began (seen from root, 0.2 s resolution) goes to
# $work/boot-time.
booted() {
	t0=$(cat $work/t0)
	jh_serial_wait "$mark" "$up_re" "$1" 60 || return 1
	awk -v a="$t0" -v b="$(uptime_s)" 'BEGIN { printf "%.1f\n", b - a }' \
		>$work/boot-time
}

# note_boot N: how long boot N took, and the cell's uptime at its /init
note_boot() {
	note "boot $1: 'cell linux' took $(cat $work/cli-time) s, the" \
		"marker came $(cat $work/boot-time) s after its start; cell" \
		"uptime at /init $(jh_serial_since "$mark" | grep -E "$up_re" |
			sed -n "$1s/.*uptime=//p") s"
}

# ticking: the cell prints a new ALIVE line (one a second; within 20 s)
ticking() {
	_n=$(jh_serial_count "$mark" "$alive_re")
	jh_serial_wait "$mark" "$alive_re" $((_n + 1)) 20
}

# silent: no new ALIVE line for 5 s (five of its periods), counted from
# when all the cell printed before has come through the serial echo
silent() {
	jh_serial_quiet "$alive_re" 5
}

# root_works: root computes on each of its CPUs, hashes 32 MiB, sleeps
root_works() {
	jh_root_alive &&
		dd if=/dev/zero bs=1M count=32 2>/dev/null | md5sum >/dev/null &&
		sleep 1
}

hv_clean() {
	console_none 0 'FATAL|unhandled|Unhandled|failed'
}

require "insmod jailhouse.ko" insmod "$jh_ko"
require "enable" jailhouse enable $sys_cfg
console_follow_start $hv
check "serial echo there" test -r "$jh_serial"
mark=$(jh_serial_mark)
pool0=$(jh_pool_used)
note "mem_pool_used before the cell: $pool0"

# 1: generated DTB, with a CPU hotplug round trip inside the cell
kmsg0=$(dmesg | wc -l)
require "cell linux, generated DTB" boot_linux -c "$(cmdline jhcell.hotplug=1)"
# the kernel, initrd and DTB go in many pieces: the log has two lines
check_eq "one kernel-log line for all the loads" 1 sh -c \
	"dmesg | tail -n +$((kmsg0 + 1)) | grep -c 'loading into cell \"$cell\"'"
check_eq "and the start sums them up" 1 sh -c \
	"dmesg | tail -n +$((kmsg0 + 1)) | grep -Ec 'started cell \"$cell\" \([0-9]{2,} image\(s\), [0-9]+ bytes loaded\)'"
check_eq "cell running" running cell_state
check "Linux up with 2 CPUs" booted 1
note_boot 1
check "CPU 1 offline and online again inside the cell" \
	jh_serial_wait "$mark" '^JHCELL-LINUX-HOTPLUG ok cpus=2$' 1 30
check "the cell ticks" ticking
check_eq "root has CPUs 0-1 online" 0-1 cat /sys/devices/system/cpu/online
check_eq "the cell has CPUs 2-3" 2-3 cat $jh_sys/cells/"$(cell_id)"/cpus_assigned_list
check "root Linux works" root_works
check "... while the cell keeps ticking" ticking
check "cell list shows it" sh -c "jailhouse cell list | grep -q '$cell.*running'"

check "cell shutdown" jailhouse cell shutdown $cell
check_eq "shut down" "shut down" cell_state
check "the cell is silent" silent

# 2: given DTB (checked against the cell), into the cell that exists;
# it reboots itself after 5 s, which stops it
dtb=/boot/linux-demo.dtb
[ "$jh_gic_version" = 3 ] || dtb=/boot/linux-demo-gicv2.dtb
require "cell linux, given DTB" boot_linux -d $dtb --strict \
	-c "$(cmdline jhcell.reboot=5)"
check "Linux up again with 2 CPUs" booted 2
note_boot 2
check "it ticks" ticking
check "root Linux works" root_works
check "it reboots" jh_serial_wait "$mark" '^JHCELL-LINUX-STOP reboot$' 1 30
check "which stops the cell" jh_wait_state "$(cell_id)" "shut down" 30
check_file_contains "the hypervisor said so" $hv \
	'PSCI SYSTEM_RESET on CPU [23], stopping the cell'

# 3: the cell powers itself off: only the cell stops
require "cell linux, poweroff after 2 s" boot_linux -c "$(cmdline jhcell.poweroff=2)"
check "Linux up a third time" booted 3
note_boot 3
check "it powers off" jh_serial_wait "$mark" '^JHCELL-LINUX-STOP poweroff$' 1 30
check "the cell is shut down" jh_wait_state "$(cell_id)" "shut down" 30
check "and silent" silent
check_file_contains "the hypervisor stopped only the cell" $hv \
	'PSCI SYSTEM_OFF on CPU [23], stopping the cell'
check "root Linux works" root_works

check "cell destroy" jailhouse cell destroy $cell
check_eq "cell gone" "" cell_id
check_eq "CPUs 2-3 back in root" 0-3 cat /sys/devices/system/cpu/online
check_eq "memory pool back to its level" "$pool0" jh_pool_used

# 4: a fresh cell boots too, and goes away while running
require "cell linux into a new cell" boot_linux -c "$(cmdline)"
check "Linux up a fourth time" booted 4
note_boot 4
# a running cell is not rebooted behind the user's back
check "cell linux into the running cell is refused, saying why" sh -c \
	"! jailhouse cell linux $cfg /boot/Image.gz -i /boot/cell-initrd.cpio.gz \
		-c '$(cmdline)' 2>$work/busy.err &&
	grep -q 'is running: shut it down or destroy it first, or ask for a reboot (cell linux --reboot)' $work/busy.err"
check_eq "the cell still runs" running cell_state
check "and ticks" ticking
require "cell linux --reboot boots it again" boot_linux --reboot -c "$(cmdline)"
check "Linux up a fifth time" booted 5
note_boot 5
check "cell destroy while Linux runs" jailhouse cell destroy $cell
check "silent after destroy" silent
check_eq "CPUs back" 0-3 cat /sys/devices/system/cpu/online
check_eq "memory pool back again" "$pool0" jh_pool_used

check "hypervisor reported no fault" hv_clean
check "disable" jailhouse disable
console_follow_stop
check "rmmod" rmmod jailhouse
expect_fail "no kernel warning, BUG or Oops" sh -c 'dmesg | grep -E "WARNING:|BUG:|Oops|Unable to handle"'
finish
