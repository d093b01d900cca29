#!/bin/sh
# A hostile cell on the GICv2 distributor (test inmate "gicx" in
# smp-test on CPUs 2-3, gic-demo ticking on CPU 1 throughout): every
# bitmap, priority, target, config and group register of the SPIs but
# its own SPI 150 written with values that would leave root's
# interrupts lost, stuck or disabled; priority and target bytes of
# every foreign SPI; GICD_CTLR; Linux's CPU-stop IPI sent by GICD_SGIR
# to every CPU interface and to all others; the SGI pending registers;
# the hypervisor's SGIs and maintenance PPI in its own CPU's bank.
# Nothing reads back, its own SPI's targets stay on its CPUs, root
# reads its own GIC state (SPIs and CPU 0's bank) unchanged, root's
# CPUs keep running and ticking, the hypervisor still stops the cell.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

work=/tmp/gicv2-hostile
mkdir -p $work
printf 'gicx' >$work/gicx.par

# ticking_23: root's timer interrupts on CPUs 2 and 3 go on
ticking_23() {
	_a=$(awk '/arch_timer/ { print $4 + $5; exit }' /proc/interrupts)
	sleep 1
	[ "$(awk '/arch_timer/ { print $4 + $5; exit }' /proc/interrupts)" -gt \
		"$((_a + 10))" ]
}

# root_gic_state: what root reads of its GIC state the sweep must leave
# alone: group, enable, active, priority, targets and config of every SPI
# (INTIDs 32-287, but for the words holding smp-test's SPI 150) and CPU
# 0's bank of SGIs and PPIs. Run on CPU 0, where no interrupt is active
# while the reads run.
root_gic_state() {
	# shellcheck disable=SC2016 # the inner shell expands
	taskset -c 0 sh -c '
	d=$((0x08000000))
	for w in 1 2 3 5 6 7 8; do
		for r in 0x080 0x100 0x300; do
			echo "gicd $r word $w: $(devmem $((d + r + 4 * w)) 32)"
		done
	done
	for i in $(seq 8 71); do
		[ "$i" = 37 ] && continue
		echo "priority word $i: $(devmem $((d + 0x400 + 4 * i)) 32)"
		echo "targets word $i: $(devmem $((d + 0x800 + 4 * i)) 32)"
	done
	for w in $(seq 2 17); do
		[ "$w" = 9 ] || echo "config word $w: $(devmem $((d + 0xc00 + 4 * w)) 32)"
	done
	for r in 0x100 0x300 0xc00 0xc04 0x400 0x404 0x408 0x40c 0x410 0x414 \
		0x418 0x41c; do
		echo "cpu 0 bank $r: $(devmem $((d + r)) 32)"
	done'
}

jh_attack_begin $work
root_gic_state >$work/gic-before
check "root reads its GIC state ($(wc -l <$work/gic-before) registers)" \
	test "$(grep -c ': 0x' $work/gic-before)" -eq 174
timer0=$(jh_irqs arch_timer)
echo0=$(jh_irqs virtio1)

m=$(jh_serial_mark)
check_raw "load the sweep" ok load smp-test $jh_tests/cell-timer.bin 0 $work/gicx.par 0x1000
check_raw "start" ok start smp-test
check "the sweep ran to its end, nothing read back" \
	jh_serial_wait "$m" 'cell-test: gicx: done, 0 BAD' 1 60
check_eq "no probe found a leak" 0 \
	jh_serial_count "$m" 'cell-test: (gic .* BAD:|gicx .*: [1-9][0-9]* words)'
check_eq "GICD: all 12 register families hide foreign bits" 12 \
	jh_serial_count "$m" "cell-test: gicx GICD [A-Z]+: 0 words show foreign bits"
check "the cell still takes its timer interrupts" \
	console_next 'cell-test: tick [0-9]+ latency [0-9]+ ns, CPU 2$'
root_gic_state >$work/gic-after
check "root's GIC state as before the sweep, register by register" \
	diff $work/gic-before $work/gic-after
check "gic-demo keeps ticking" jh_bystander_ticks
check "root Linux responsive on its CPU 0" jh_root_alive
sleep 1
check "root's timer keeps interrupting ($timer0 before)" \
	test "$(jh_irqs arch_timer)" -gt "$((timer0 + 50))"
check "serial echo reaches root" jh_serial_roundtrip
check "its virtio interrupts keep arriving ($echo0 before)" \
	test "$(jh_irqs virtio1)" -gt "$echo0"

m=$(console_mark)
check_raw "shutdown: the hypervisor's SGI still reaches the cell" ok shutdown smp-test
check_eq "shut down" "shut down" cat $jh_sys/cells/2/state
check "no CPU given up on" console_none "$m" 'did not power off|does not answer'

jh_attack_end
check "CPUs 2 and 3 tick in root Linux again" ticking_23
finish
