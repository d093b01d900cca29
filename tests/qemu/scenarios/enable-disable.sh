#!/bin/sh
# Enable puts the hypervisor under the running Linux on all CPUs, Linux keeps
# working (computation, timers, interrupts on every CPU), disable gives EL2
# back, and the cycle repeats cleanly.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

cfg=$jh_sys_cfg
ncpus=$(grep -c ^processor /proc/cpuinfo)

# Timer interrupt count of CPU $1 (arch_timer line of /proc/interrupts).
timer_irqs() {
	awk -v c=$(($1 + 2)) '/arch_timer/ { print $c; exit }' /proc/interrupts
}

# The same data hashed on every CPU must give the same sum as before.
workload() {
	for c in $(seq 0 $((ncpus - 1))); do
		taskset -c "$c" md5sum /tmp/data | cut -d" " -f1
	done | sort -u
}

dd if=/dev/urandom of=/tmp/data bs=1M count=4 2>/dev/null
ref=$(md5sum /tmp/data | cut -d" " -f1)

require "insmod jailhouse.ko" insmod "$jh_ko"
require "jailhouse enable" jailhouse enable $cfg
check_eq "enabled reads 1" 1 cat /sys/devices/jailhouse/enabled
check "console shows the hypervisor banner" sh -c 'jailhouse console | grep -q "hypervisor"'
check_eq "md5sum on every CPU matches" "$ref" workload

before=
for c in $(seq 0 $((ncpus - 1))); do before="$before $(timer_irqs "$c")"; done
t0=$(date +%s)
check "timer sleep works" sleep 2
check "wall clock advanced" test $(($(date +%s) - t0)) -ge 2
after=
for c in $(seq 0 $((ncpus - 1))); do after="$after $(timer_irqs "$c")"; done
# shellcheck disable=SC2016 # the inner shell expands
check "timer interrupts still arrive on every CPU" sh -c '
	set -- $0; n=$(($# / 2)); i=1
	while [ $i -le $n ]; do
		eval b=\${$i} a=\${$((i + n))}
		[ "$a" -gt "$b" ] || { echo "CPU $((i - 1)): $b -> $a"; exit 1; }
		i=$((i + 1))
	done' "$before $after"
check "console output from the guest" echo "root Linux still prints"
check_eq "root cell listed" "qemu-arm64" cat /sys/devices/jailhouse/cells/0/name
check_eq "root cell running" "running" cat /sys/devices/jailhouse/cells/0/state
check_eq "root cell owns CPUs 0-3" "0-3" cat /sys/devices/jailhouse/cells/0/cpus_assigned_list
check "memory pool reported" test "$(cat /sys/devices/jailhouse/mem_pool_size)" -gt 0
check "memory pool in use" test "$(cat /sys/devices/jailhouse/mem_pool_used)" -gt 0
stats=/sys/devices/jailhouse/cells/0/statistics
check "VM exits counted for the root cell" test "$(cat $stats/vmexits_total)" -gt 0
check "VM exits counted on CPU 3" test "$(cat $stats/cpu3/vmexits_total)" -gt 0
check "hypercalls counted" test "$(cat $stats/vmexits_hypercall)" -gt 0

require "jailhouse disable" jailhouse disable
check_eq "enabled reads 0" 0 cat /sys/devices/jailhouse/enabled
check_eq "md5sum after disable" "$ref" workload

fails=0
for _ in $(seq 1 10); do
	jailhouse enable $cfg && md5sum /tmp/data >/dev/null && jailhouse disable ||
		fails=$((fails + 1))
done
check_eq "10 more enable/disable cycles" 0 echo $fails
# Their kernel and hypervisor lines were echoed into root meanwhile: an
# interrupt pending at disable must not be lost.
check "serial echo still reaches root" jh_serial_roundtrip
check "rmmod" rmmod jailhouse
expect_fail "no kernel warning, BUG or Oops" sh -c 'dmesg | grep -E "WARNING:|BUG:|Oops|Unable to handle"'
finish
