#!/bin/sh
# What a non-root cell reaches of the GIC, probed from inside by the test
# inmate ("gicp" option) in smp-test: of its CPU's own SGI/PPI bank only
# its interrupts' registers (GICv3: of its redistributor besides only the
# identification; CTLR, WAKER, PROPBASER and PENDBASER read as zero and
# ignore writes), of the hypervisor's SGIs nothing; accesses of a size
# the register does not take read as zero and write nothing; its SPI's
# route only ever names its CPUs (GICv3 IROUTER: RES0 bits and IRM
# dropped, CPUs outside the cell refused, 32-bit halves merged; GICv2
# ITARGETSR: bits of other CPUs dropped, root's CPU refused, the banked
# PPI byte read-only); root's SPIs stay hidden. The cell still ticks
# after the probe, and root gets everything back at destroy.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

cfg=$jh_sys_cfg
smp=/etc/jailhouse/qemu-arm64-smp-test.cell
work=/tmp/cell-gic-filter
mkdir -p $work
# the inmate's option, on its command line at 0x1000
printf 'gicp' >$work/gicp.par

require "insmod jailhouse.ko" insmod "$jh_ko"
require "enable" $jh_raw enable $cfg
console_follow_start $work/console.log
pool0=$(jh_pool_used)

require "create smp-test" $jh_raw create $smp
check_raw "load the timer inmate with the GIC probe" ok \
	load smp-test $jh_tests/cell-timer.bin 0 $work/gicp.par 0x1000
mark=$(console_mark)
check_raw "start" ok start smp-test
check "the probe ran to its end" console_wait "$mark" 'cell-test: gic probe done'
check "no probe found a leak" console_none "$mark" 'cell-test: gic .* BAD'
if [ "$jh_gic_version" = 2 ]; then
	set -- "PPI target byte is one CPU interface" "PPI target byte read-only" \
		"ITARGETSR on the cell's CPUs only" "ITARGETSR of the sibling" \
		"ITARGETSR outside the cell refused" "ITARGETSR of root's SPI hidden" \
		"GICD_SGIR reads as zero"
else
	set -- "GICR_TYPER halves" "GICR_CTLR write ignored" \
		"GICR_WAKER write ignored" "GICR_PROPBASER write ignored" \
		"GICR_PENDBASER write ignored" "GICR_TYPER 16-bit read" \
		"IROUTER RES0 bits dropped" "IROUTER IRM refused" \
		"IROUTER outside the cell refused" "IROUTER lower half write" \
		"IROUTER upper half write refused" "IROUTER byte read" \
		"IROUTER of root's SPI hidden"
fi
for what in "$@" "PPI priority byte" "PPI priority word" \
	"hypervisor SGI priority hidden" "64-bit ICENABLER0 write ignored" \
	"GICD_TYPER 16-bit read" "GICD_CTLR 64-bit read" "SPI priority byte" \
	"root's SPI priority hidden"; do
	check "probe: $what" console_wait "$mark" "cell-test: gic $what ok" 1 5
done
check "the cell still takes its timer interrupts" \
	console_next 'cell-test: tick [0-9]+ latency [0-9]+ ns, CPU 2$'
check_eq "cell is running" running cat $jh_sys/cells/1/state
check "root Linux responsive" jh_root_alive

check_raw "shutdown" ok shutdown smp-test
check_raw "load without the parameter block" ok \
	load smp-test $jh_tests/cell-timer.bin 0
mark=$(console_mark)
check_raw "start again" ok start smp-test
check "it ticks" console_wait "$mark" 'cell-test: tick [0-9]+ latency' 1 20
check "the block was used up: no probe this time" \
	console_none "$mark" 'cell-test: gic probe done'

check_raw "destroy" ok destroy smp-test
check_eq "all CPUs back" 0-3 cat /sys/devices/system/cpu/online
check_eq "mem_pool_used back to $pool0" "$pool0" jh_pool_used
check "root Linux responsive" jh_root_alive
check_raw "disable" ok disable
console_follow_stop
check "rmmod" rmmod jailhouse
expect_fail "no kernel warning, BUG or Oops" sh -c 'dmesg | grep -E "WARNING:|BUG:|Oops|Unable to handle|stall"'
finish
