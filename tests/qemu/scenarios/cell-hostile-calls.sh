#!/bin/sh
# A hostile cell making calls it has no business making (test inmate,
# "call" option, in smp-test while gic-demo ticks on CPU 1): PSCI for
# CPUs that are root's, another cell's or absent, MIGRATE, unknown PSCI
# and architecture functions, SiP, OEM, trusted-OS and vendor services
# (never forwarded to the firmware), and every management hypercall with
# hostile arguments. Each gets its refusal, nothing about other CPUs or
# cells leaks, the calling cell goes on, gic-demo keeps ticking and root
# Linux keeps working.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

work=/tmp/cell-hostile-calls
mkdir -p $work
printf 'call' >$work/call.par

# name = expected result (64-bit, hex): PSCI -1 NOT_SUPPORTED, -2
# INVALID_PARAMETERS; hypercalls -EPERM (-1), -EINVAL (-22), -ENOSYS (-38)
expected='psci_cpu_on_root_cpu0 = fffffffffffffffe
psci_cpu_on_other_cell_cpu1 = fffffffffffffffe
psci_cpu_on_absent_cpu7 = fffffffffffffffe
psci_cpu_on_bad_mpidr = fffffffffffffffe
psci_affinity_root_cpu0 = fffffffffffffffe
psci_affinity_absent_cpu7 = fffffffffffffffe
psci_migrate = ffffffffffffffff
psci_migrate_info_type = 2
psci_unknown_fn = ffffffffffffffff
smccc_arch_workaround_1 = ffffffffffffffff
smccc_unknown_arch_fn = ffffffffffffffff
sip_call = ffffffffffffffff
oem_call = ffffffffffffffff
trusted_os_call = ffffffffffffffff
trusted_os_64_call = ffffffffffffffff
vendor_hyp_call = ffffffffffffffff
hc_disable = ffffffffffffffff
hc_cell_create = ffffffffffffffff
hc_cell_start_root = ffffffffffffffff
hc_cell_start_other = ffffffffffffffff
hc_set_loadable_other = ffffffffffffffff
hc_destroy_root = ffffffffffffffff
hc_destroy_other = ffffffffffffffff
hc_destroy_self = ffffffffffffffff
hc_get_info_bad = ffffffffffffffea
hc_cell_state_root = ffffffffffffffff
hc_cell_state_absent = ffffffffffffffff
hc_cpu_info_root_cpu0 = ffffffffffffffff
hc_cpu_info_absent = ffffffffffffffea
hc_cpu_info_bad_type = ffffffffffffffea
hc_unknown_code = ffffffffffffffda'

jh_attack_begin $work

m=$(console_mark)
check_raw "load smp-test with the calls" ok \
	load smp-test $jh_tests/cell-timer.bin 0 $work/call.par 0x1000
check_raw "start it" ok start smp-test
require "it made all its calls" console_wait "$m" 'cell-test: calls done' 1 30
console_since "$m" | sed -n 's/^cell-test: call //p' >$work/got
# (a here-document, not a pipe: the loop must count in this shell)
while read -r name _ value; do
	check_eq "$name refused" "$name = $value" grep "^$name = " $work/got
done <<EOF
$expected
EOF
check_eq "no other calls" "$(echo "$expected" | wc -l)" sh -c "wc -l <$work/got"
check "the cell goes on: it ticks" \
	console_wait "$m" 'cell-test: tick [0-9]+ latency [0-9]+ ns, CPU 2$'
check_eq "it is not failed" running cat $jh_sys/cells/2/state
check "gic-demo keeps ticking" jh_bystander_ticks
check "root Linux responsive" jh_root_alive

jh_attack_end
finish
