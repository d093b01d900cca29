#!/bin/sh
# A hostile cell abusing its own CPU (test inmate in smp-test, gic-demo
# ticking on CPU 1 throughout): spinning with every interrupt masked and
# answering nothing, flooding itself with SGIs with interrupts masked,
# sending SGIs at root's and gic-demo's CPUs (targeted and broadcast),
# cache and TLB maintenance and WFE/WFI storms, trying to make the PMU
# count at EL2, and taking an exception with its vectors pointed at
# root's RAM. The spinners are still stopped when root asks (the
# hypervisor's own interrupt reaches EL2 whatever the cell masks), the
# flood's "queue full" lines are metered, no SGI reaches another cell or
# root, the storms end and the cell ticks on, the PMU's EL2 filter bit
# does not stick, and the bad vectors fail the cell with its report shown
# (fault reports are not metered); root Linux and gic-demo keep working
# throughout.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

work=/tmp/cell-hostile-cpu
mkdir -p $work

# run OPTION SAYS: load and start smp-test with OPTION; it says SAYS
run() {
	printf '%s' "$1" >"$work/$1.par"
	m=$(console_mark)
	check_raw "$1: load" ok load smp-test $jh_tests/cell-timer.bin 0 "$work/$1.par" 0x1000
	check_raw "$1: start" ok start smp-test
	check "$1: it says \"$2\"" console_wait "$m" "cell-test: $2"
}

# others_fine WHAT: gic-demo ticks and root Linux answers
others_fine() {
	check "$1: gic-demo keeps ticking" \
		jh_bystander_ticks
	check "$1: root Linux responsive" jh_root_alive
}

jh_attack_begin $work

run mask "mask: spinning with interrupts masked"
others_fine mask
check_raw "mask: shutdown still goes through" ok shutdown smp-test
check "mask: the hypervisor gave up waiting for an answer" \
	console_wait "$m" 'Cell "smp-test" did not answer message 1, marking it failed'
check_eq "mask: shut down" "shut down" cat $jh_sys/cells/2/state
others_fine "after mask"

# the flood overruns the console ring, so its first line may be missed
printf 'sgif' >$work/sgif.par
m=$(console_mark)
check_raw "sgif: load" ok load smp-test $jh_tests/cell-timer.bin 0 $work/sgif.par 0x1000
check_raw "sgif: start" ok start smp-test
check "sgif: its SGI queue overflows" console_wait "$m" 'CPU 2: virtual IRQ [0-9]+ lost, queue full'
sleep 3
others_fine sgif
check "sgif: the lines about it are metered" console_wait "$m" \
	'Cell "smp-test": [0-9]+ console lines dropped \(rate limit\)'
note "sgif: $(console_since "$m" | grep -c 'queue full' || true) \"queue full\" lines shown"
check_raw "sgif: shutdown still goes through" ok shutdown smp-test
check_eq "sgif: shut down" "shut down" cat $jh_sys/cells/2/state
others_fine "after sgif"

# SGI 2 is Linux's CPU-stop IPI: one reaching root would stop a CPU;
# SGI 9 has no handler in Linux, which warns when one comes
run sgir "sgir: SGIs 2 and 9 at CPUs 0 and 1, and at all"
check "sgir: it sent them all" console_wait "$m" 'cell-test: sgir: done' 1 30
others_fine sgir
check "sgir: the cell goes on" console_wait "$m" 'cell-test: tick [0-9]+ latency [0-9]+ ns, CPU 2$'
check "sgir: root Linux got none (no stopped CPU, no unexpected interrupt)" \
	sh -c '! dmesg | grep -iE "unexpected interrupt|CPU[0-3]: stopping"'

# QEMU models no caches: this shows the storms neither stop the
# hypervisor nor reach others, not what they would cost on hardware
run stor "storm: set/way and broadcast invalidation, 20 rounds"
check "stor: WFE storm done" console_wait "$m" 'cell-test: storm: 100000 WFE done' 1 60
check "stor: WFI storm done" console_wait "$m" 'cell-test: storm: 100000 WFI done' 1 60
check "stor: the cell ticks after" console_wait "$m" 'cell-test: tick [0-9]+ latency [0-9]+ ns, CPU 2$'
others_fine stor

# an ARMv8.0 PMU (QEMU's cortex-a57) counts EL2 for a guest setting NSH
run pmuh "pmu: done, 0 BAD"
check "pmuh: no probe found a leak" console_none "$m" 'cell-test: pmu .*BAD'
for what in "PMCCFILTR NSH dropped" "PMEVTYPER0 NSH dropped" \
	"PMXEVTYPER NSH dropped" "PMCCFILTR through PMSELR NSH dropped" \
	"PMSELR kept" "counter past PMCR.N undefined" "cycle counter counts"; do
	check "pmuh: $what" console_wait "$m" "cell-test: pmu $what ok" 1 5
done
check "pmuh: the cell goes on" console_wait "$m" 'cell-test: tick [0-9]+ latency [0-9]+ ns, CPU 2$'
others_fine pmuh

run vbad "vbad: vectors at 40000000, brk"
check "vbad: the cell is failed" jh_wait_state 2 failed 30
check "vbad: the hypervisor stopped CPU 2" \
	console_wait "$m" 'CPU 2 of cell "smp-test" failed: unhandled instruction abort'
check "vbad: it never got back" console_none "$m" 'isolation broken'
others_fine vbad

jh_attack_end
finish
