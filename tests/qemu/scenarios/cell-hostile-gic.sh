#!/bin/sh
# A hostile cell writing every GIC register of interrupts and CPUs it
# does not own (test inmate "gicx" in smp-test, gic-demo ticking on CPU 1
# throughout): all GICD bitmap, priority, config, group and routing
# registers of all 1020 INTIDs but its own SPI with values that would
# leave root's interrupts lost, stuck active, masked or disabled,
# GICD_CTLR, SETSPI/CLRSPI and the legacy SGIR, the redistributors of
# root's CPU 0 and gic-demo's CPU 1 (LPI and power registers, every
# SGI/PPI register), and the hypervisor's own SGIs and maintenance PPI in
# its own redistributor. Nothing of it reads back; root keeps its timer
# and virtio interrupts, gic-demo ticks, the hypervisor still stops the
# cell, and root gets CPUs 2 and 3 back ticking.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

work=/tmp/cell-hostile-gic
mkdir -p $work
printf 'JHTPgicx' >$work/gicx.par

# ticking_23: root's timer interrupts on CPUs 2 and 3 go on
ticking_23() {
	_a=$(awk '/arch_timer/ { print $4 + $5; exit }' /proc/interrupts)
	sleep 1
	[ "$(awk '/arch_timer/ { print $4 + $5; exit }' /proc/interrupts)" -gt \
		"$((_a + 10))" ]
}

jh_attack_begin $work
timer0=$(jh_irqs arch_timer)
virtio0=$(jh_irqs virtio)

# its 40 lines come faster than a reader of the 2 KiB console ring, so
# they are read from the serial log
m=$(jh_serial_mark)
check_raw "load the sweep" ok load smp-test $jh_tests/cell-timer.bin 0 $work/gicx.par 0xb000
check_raw "start" ok start smp-test
check "the sweep ran to its end, nothing read back" \
	jh_serial_wait "$m" 'cell-test: gicx: done, 0 BAD' 1 60
check_eq "no probe found a leak" 0 \
	jh_serial_count "$m" 'cell-test: (gic .* BAD:|gicx .*: [1-9][0-9]* words)'
for where in GICD "GICR of CPU 0" "GICR of CPU 1"; do
	check_eq "$where: all 12 register families hide foreign bits" 12 \
		jh_serial_count "$m" "cell-test: gicx $where [A-Z]+: 0 words show foreign bits"
done
check "the cell still takes its timer interrupts" \
	console_next 'cell-test: tick [0-9]+ latency [0-9]+ ns, CPU 2$'
check "gic-demo keeps ticking" jh_bystander_ticks
check "root Linux responsive" jh_root_alive
sleep 1
check "root's timer keeps interrupting ($timer0 before)" \
	test "$(jh_irqs arch_timer)" -gt "$((timer0 + 50))"
check "root's virtio console keeps interrupting ($virtio0 before)" \
	test "$(jh_irqs virtio)" -gt "$virtio0"

m=$(console_mark)
check_raw "shutdown: the hypervisor's SGI still reaches the cell" ok shutdown smp-test
check_eq "shut down" "shut down" cat $jh_sys/cells/2/state
check "no CPU given up on" console_none "$m" 'did not power off|does not answer'

jh_attack_end
check "CPUs 2 and 3 tick in root Linux again" ticking_23
finish
