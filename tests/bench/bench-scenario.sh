#!/bin/sh
# Guest side of tests/bench/run-bench.sh: measure under the hypervisor.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

require "insmod jailhouse.ko" insmod "$jh_ko"
require "enable" "$jh_raw" enable /etc/jailhouse/qemu-arm64.cell
check "measure" insmod /lib/modules/jhbench.ko
check "benchmark printed results" sh -c 'dmesg | grep -q "jhbench: gicd_read"'
check "unload" rmmod jhbench
dmesg | grep "jhbench:" | sed 's/^\[[^]]*\] //'
check "disable" "$jh_raw" disable
finish
