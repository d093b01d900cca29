#!/bin/sh
# Guest side of tests/bench/run-bench.sh: measure under the hypervisor.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

require "insmod jailhouse.ko" insmod "$jh_ko"
require "insmod uio_ivshmem.ko" insmod "$(dirname "$jh_ko")/uio_ivshmem.ko"
require "enable" "$jh_raw" enable "$jh_sys_cfg"
# root's demo device, driven (its BAR decoding on) for the doorbell
check "uio_ivshmem binds root's demo device" test -e /sys/class/uio/uio0
check "measure" insmod /lib/modules/jhbench.ko gic="$jh_gic_version"
check "benchmark printed results" sh -c 'dmesg | grep -q "jhbench: ivshmem_doorbell"'
check "unload" rmmod jhbench
dmesg | grep "jhbench:" | sed 's/^\[[^]]*\] //'

# 1000 pings root -> bare-metal cell -> root through uio_ivshmem
printf '%s\000' "con-type=none con-virtual" >/tmp/bench-demo.par
check "create gic-demo" "$jh_raw" create /etc/jailhouse/qemu-arm64-gic-demo.cell
check "load ivshmem-demo.bin" "$jh_raw" load gic-demo \
	/usr/libexec/jailhouse/demos/ivshmem-demo.bin 0 /tmp/bench-demo.par 0x1000
check "start" "$jh_raw" start gic-demo
for run in 1 2 3; do
	check "ping-pong $run" sh -c '/usr/libexec/jailhouse/demos/ivshmem-demo -q -t 1 -n 1000 >>/tmp/bench-pp.out'
done
# the smallest mean of the runs: root's scheduling can only add
sed -n 's/.* \([0-9.]*\) us per round trip/\1/p' /tmp/bench-pp.out | sort -n |
	head -n 1 | sed 's/^/jhbench: ivshmem_pingpong_us /'
check "destroy" "$jh_raw" destroy gic-demo

# virtual timer interrupts into the gic-demo cell, each stamped at the
# cell's vector: 20 ticks 10 ms apart, the least latency; the cell waits
# busy, or QEMU's wake-up of an idle vCPU would be measured
printf '%s\000' "con-type=none con-virtual period-ms=10 ticks=20 spin" >/tmp/bench-gic.par
check "create gic-demo for the timer" "$jh_raw" create /etc/jailhouse/qemu-arm64-gic-demo.cell
check "load gic-demo.bin" "$jh_raw" load gic-demo \
	/usr/libexec/jailhouse/demos/gic-demo.bin 0 /tmp/bench-gic.par 0x1000
check "start" "$jh_raw" start gic-demo
check "20 ticks" jh_poll 30 sh -c 'jailhouse console | grep -q "gic-demo: done after 20 ticks"'
jailhouse console | sed -n 's/.*gic-demo: done after 20 ticks, latency min \([0-9]*\) .*/jhbench: timer_irq_ns \1/p' | tail -n 1
check "destroy" "$jh_raw" destroy gic-demo

# an SPI into a cell: cell-test's "spib" in smp-test, which owns SPI 150;
# not under exit-profile.sh, whose trace of its 4000 exits takes an hour
if [ ! -e /etc/jailhouse/exit-profile ]; then
	printf 'spib' >/tmp/bench-spi.par
	check "create smp-test for the SPI" "$jh_raw" create /etc/jailhouse/qemu-arm64-smp-test.cell
	check "load cell-timer.bin" "$jh_raw" load smp-test \
		"$jh_tests/cell-timer.bin" 0 /tmp/bench-spi.par 0x1000
	check "start" "$jh_raw" start smp-test
	check "SPI rounds done" jh_poll 60 sh -c 'jailhouse console | grep -q "cell-test: spib: "'
	jailhouse console | sed -n 's/.*cell-test: spib: \([0-9]*\) rounds, raised and taken \([0-9]*\) ticks, written only \([0-9]*\) ticks.*/jhbench: spi_delivery \1 \2 \3/p' | tail -n 1
	check "destroy" "$jh_raw" destroy smp-test
fi
check "disable" "$jh_raw" disable
check "rmmod uio_ivshmem" rmmod uio_ivshmem
finish
