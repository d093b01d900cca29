#!/bin/sh
# A root CPU the hypervisor parks after a fatal trap never comes back, but
# Linux still counts it online: DISABLE and CELL_CREATE must refuse at
# once (EBUSY, the log names the CPU) instead of waiting for it for ever
# in on_each_cpu() or stop_machine(). The CPU stays lost until reboot, so
# this must be the last scenario of a boot (check-all orders it so) and
# fails otherwise.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

cfg=/etc/jailhouse/qemu-arm64.cell
smp=/etc/jailhouse/qemu-arm64-smp-test.cell
out=/tmp/root-cpu-parked.out

if [ "$(tail -n 1 /scenarios/ORDER)" != "$JHTEST_SCENARIO" ]; then
	check "runs as the last scenario of the boot (it parks a CPU for good)" false
	finish
	exit
fi

# within SECONDS COMMAND...: COMMAND's output, or "hangs" and failure if
# it is still running after SECONDS
within() {
	_n=$(($1 * 10))
	shift
	"$@" >$out 2>&1 &
	_p=$!
	while [ "$_n" -gt 0 ]; do
		_st=$(cut -d' ' -f3 /proc/$_p/stat 2>/dev/null) || break
		[ "$_st" != Z ] || break
		usleep 100000
		_n=$((_n - 1))
	done
	if [ "$_n" -eq 0 ]; then
		echo "hangs"
		return 1
	fi
	wait $_p || true
	cat $out
}

logged() {
	dmesg | tail -n 5 | grep -qE -e "$1"
}

require "insmod jailhouse.ko" insmod "$jh_ko"
require "enable" $jh_raw enable $cfg

# 0x7fb00000 is in no region of the root cell (its RAM ends at
# 0x7fa10000) and not the hypervisor's: the stage-2 fault cannot be
# handled, and the hypervisor parks the CPU that made it.
# Linux's scheduler would still place tasks on the parked CPU, where they
# never run: keep this shell, its children and init on CPU 0 from here on.
taskset -p -c 0 $$ >/dev/null
taskset -p -c 0 1 >/dev/null
taskset -c 1 devmem 0x7fb00000 32 >/dev/null 2>&1 &
require "hypervisor parks CPU 1" jh_wait_console "CPU 1 parked: unhandled data abort" 10
check_eq "Linux still counts CPU 1 online" 0-3 cat /sys/devices/system/cpu/online

check_eq "create (takes CPUs 2-3 offline): EBUSY at once" "error: EBUSY (16)" \
	within 10 $jh_raw create $smp
check "kernel log names CPU 1" \
	logged "create: the hypervisor reports root CPU\(s\) 1 failed \(parked after a fatal trap"
check_eq "no cell" "0" sh -c "echo \$(ls $jh_sys/cells)"
check_eq "CPUs 2-3 stay online" 0-3 cat /sys/devices/system/cpu/online

check_eq "disable: EBUSY at once" "error: EBUSY (16)" within 10 $jh_raw disable
check "kernel log names CPU 1" \
	logged "disable: the hypervisor reports root CPU\(s\) 1 failed \(parked after a fatal trap"
check_eq "still enabled" 1 cat $jh_sys/enabled
check "root keeps working on CPU 0" taskset -c 0 true
finish
