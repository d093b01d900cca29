#!/bin/sh
# A hostile cell writing every GIC register of interrupts and CPUs it
# does not own (test inmate "gicx" in smp-test, gic-demo ticking on CPU 1
# throughout): all GICD bitmap, priority, config, group and routing
# registers of all 1020 INTIDs but its own SPI with values that would
# leave root's interrupts lost, stuck active, masked or disabled,
# GICD_CTLR, SETSPI/CLRSPI and the legacy SGIR, the redistributors of
# root's CPU 0 and gic-demo's CPU 1 (LPI and power registers, every
# SGI/PPI register), and the hypervisor's own SGIs and maintenance PPI in
# its own redistributor. On a GICv2 (check-all's GICv2 boot):
# the SPIs' registers and target bytes, GICD_CTLR, Linux's CPU-stop IPI
# by GICD_SGIR to every CPU interface and to all others, the SGI pending
# registers, the hypervisor's SGIs and PPI in the CPU's own bank, its own
# SPI's targets staying on its CPUs. Nothing of it reads back, and root
# reads its own GIC state (group, enable, active, priority, config,
# routing or targets of all its SPIs and of CPU 0's SGIs and PPIs)
# unchanged; root keeps its timer and virtio interrupts, gic-demo ticks,
# the hypervisor still stops the cell, and root gets CPUs 2 and 3 back
# ticking.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

work=/tmp/cell-hostile-gic
mkdir -p $work
printf 'gicx' >$work/gicx.par

# ticking_23: root's timer interrupts on CPUs 2 and 3 go on
ticking_23() {
	_a=$(awk '/arch_timer/ { print $4 + $5; exit }' /proc/interrupts)
	sleep 1
	[ "$(awk '/arch_timer/ { print $4 + $5; exit }' /proc/interrupts)" -gt \
		"$((_a + 10))" ]
}

# root_gic_state_v3: what root itself reads of the GIC state the sweep must
# leave alone: group, enable, active, group modifier, priority, config and
# routing of every SPI (INTIDs 32-287, but for the words holding smp-test's
# SPI 150) and of CPU 0's SGIs and PPIs. Pending bits come and go by
# themselves; run on CPU 0, root's only CPU here, where no interrupt is
# active while the reads run.
root_gic_state_v3() {
	# shellcheck disable=SC2016 # the inner shell expands
	taskset -c 0 sh -c '
	d=$((0x08000000)) s=$((0x080a0000 + 0x10000))
	for w in 1 2 3 5 6 7 8; do
		for r in 0x080 0x100 0x300 0xd00; do
			echo "gicd $r word $w: $(devmem $((d + r + 4 * w)) 32)"
		done
	done
	for i in $(seq 8 71); do
		[ "$i" = 37 ] || echo "priority word $i: $(devmem $((d + 0x400 + 4 * i)) 32)"
	done
	for w in $(seq 2 17); do
		[ "$w" = 9 ] || echo "config word $w: $(devmem $((d + 0xc00 + 4 * w)) 32)"
	done
	for irq in $(seq 32 287); do
		[ "$irq" = 150 ] || echo "route $irq: $(devmem $((d + 0x6000 + 8 * irq)) 64)"
	done
	for r in 0x080 0x100 0x300 0xc00 0xc04 0xd00 0x400 0x404 0x408 0x40c \
		0x410 0x414 0x418 0x41c; do
		echo "cpu 0 sgi frame $r: $(devmem $((s + r)) 32)"
	done'
}

# root_gic_state_v2: the same on a GICv2: group, enable, active, priority,
# targets and config of every SPI but the words holding SPI 150, and CPU
# 0's bank of SGIs and PPIs at the start of the distributor's registers.
root_gic_state_v2() {
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

# the registers root reads and the sweep's GIC register sets, per model
root_gic_state=root_gic_state_v$jh_gic_version
if [ "$jh_gic_version" = 2 ]; then
	gic_regs=174
	set -- GICD
else
	gic_regs=375
	set -- GICD "GICR of CPU 0" "GICR of CPU 1"
fi

jh_attack_begin $work
$root_gic_state >$work/gic-before
check "root reads its GIC state ($(wc -l <$work/gic-before) registers)" \
	test "$(grep -c ': 0x' $work/gic-before)" -eq $gic_regs
timer0=$(jh_irqs arch_timer)
virtio0=$(jh_irqs virtio)
echo0=$(jh_irqs virtio1)

# its 40 lines come faster than a reader of the 2 KiB console ring, so
# they are read from the serial log
m=$(jh_serial_mark)
check_raw "load the sweep" ok load smp-test $jh_tests/cell-timer.bin 0 $work/gicx.par 0x1000
check_raw "start" ok start smp-test
check "the sweep ran to its end, nothing read back" \
	jh_serial_wait "$m" 'cell-test: gicx: done, 0 BAD' 1 60
check_eq "no probe found a leak" 0 \
	jh_serial_count "$m" 'cell-test: (gic .* BAD:|gicx .*: [1-9][0-9]* words)'
for where; do
	check_eq "$where: all 12 register families hide foreign bits" 12 \
		jh_serial_count "$m" "cell-test: gicx $where [A-Z]+: 0 words show foreign bits"
done
check "the cell still takes its timer interrupts" \
	console_next 'cell-test: tick [0-9]+ latency [0-9]+ ns, CPU 2$'
$root_gic_state >$work/gic-after
check "root's GIC state as before the sweep, register by register" \
	diff $work/gic-before $work/gic-after
check "gic-demo keeps ticking" jh_bystander_ticks
check "root Linux responsive" jh_root_alive
sleep 1
check "root's timer keeps interrupting ($timer0 before)" \
	test "$(jh_irqs arch_timer)" -gt "$((timer0 + 50))"
check "root's virtio console keeps interrupting ($virtio0 before)" \
	test "$(jh_irqs virtio)" -gt "$virtio0"
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
