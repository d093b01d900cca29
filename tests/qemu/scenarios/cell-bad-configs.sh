#!/bin/sh
# Bad cell configs sent to CELL_CREATE raw, past libjailhouse's checks:
# each cause has its own errno (driver/ERRORS.md) and log line, and after
# each refusal nothing is left behind: no cell, the CPUs back in Linux,
# the hypervisor's page pool unchanged, root Linux working; and a good
# config with its regions in another order works. gic-demo
# (CPU 1, 0x7fa00000) exists throughout, so overlaps with it are tested.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

cfg=$jh_sys_cfg
gic=/etc/jailhouse/qemu-arm64-gic-demo.cell
smp=/etc/jailhouse/qemu-arm64-smp-test.cell
work=/tmp/cell-bad-configs
mkdir -p $work

# Offsets in qemu-arm64-smp-test.cell (268 bytes): descriptor 0-131,
# CPU set 132, regions at 140 (UART), 172 (RAM: phys 172, virt 180,
# size 188, flags 196), 204 (comm); irqchip at 236 (pin_base 248,
# pin_bitmap 252).

# variant NAME OFFSET BYTES: smp-test with BYTES (printf escapes) at OFFSET
variant() {
	cp $smp "$work/$1.cell"
	# shellcheck disable=SC2059 # the bytes are printf escapes on purpose
	printf "$3" | dd of="$work/$1.cell" bs=1 seek="$2" conv=notrunc 2>/dev/null
}

# log_mark: marks both logs before a step; $con_mark and $kmsg_mark
log_mark() {
	con_mark=$(console_mark)
	log_n=$((${log_n:-0} + 1))
	kmsg_mark="jhtest: cell-bad-configs step $log_n at $(cut -d' ' -f1 /proc/uptime)"
	echo "$kmsg_mark" >/dev/kmsg
}

# logged REGEX: the driver's or the hypervisor's lines since log_mark say so
logged() {
	dmesg | sed -n "/$kmsg_mark/,\$p" | grep -qE -e "$1" ||
		console_wait "$con_mark" "$1"
}

# raw_errno, raw_reason_says REGEX: of the last refused create, the errno
# jh-raw printed, and whether the reason the driver passed up
# (JAILHOUSE_GET_REASON) says what REGEX does
raw_errno() {
	head -n 1 $work/raw.out | sed 's/ (.*//'
}
raw_reason_says() {
	sed -n 's/^reason: //p' $work/raw.out | grep -qE -e "$1"
}

# refused DESC ERRNO FILE [LEN] LOGREGEX: create fails with ERRNO, the log
# (kernel or hypervisor console) explains, the reason passed up says the
# same, and nothing is left behind.
refused() {
	_desc=$1 _errno=$2 _file=$3 _len=$4 _log=$5
	log_mark
	# shellcheck disable=SC2086 # no length: no argument
	JH_RAW_REASON=1 $jh_raw create "$_file" $_len >$work/raw.out || :
	check_eq "$_desc: $_errno" "error: $_errno" raw_errno
	check "$_desc: logged" logged "$_log"
	check "$_desc: the reason passed up says so" raw_reason_says "$_log"
	check_eq "$_desc: no new cell" "0 1" sh -c "echo \$(ls $jh_sys/cells)"
	check_eq "$_desc: CPUs 0,2-3 online" 0,2-3 cat /sys/devices/system/cpu/online
	check_eq "$_desc: pool unchanged" "$pool1" jh_pool_used
}

require "insmod jailhouse.ko" insmod "$jh_ko"
require "enable" $jh_raw enable $cfg
console_follow_start $work/console.log
pool0=$(jh_pool_used)
require "create gic-demo" $jh_raw create $gic
pool1=$(jh_pool_used)

# The list
variant overlap 172 '\000\000\240\177'		# RAM at 0x7fa00000: gic-demo's
refused "overlapping memory" EADDRINUSE $work/overlap.cell "" \
	'region 1 \(7fa00000\) overlaps region 1 of cell "gic-demo"'
variant cpu4 132 '\020'
refused "CPU not in root" ECHRNG $work/cpu4.cell "" 'CPU 4 of "smp-test" is not one of the root cell.s CPUs'
variant outside 172 '\000\000\000\000\001'	# RAM at 0x100000000
refused "region outside RAM" EADDRNOTAVAIL $work/outside.cell "" \
	'region 1 \(100000000-10000ffff\) is not the root cell.s memory'
dd if=/dev/zero of=$work/big.cell bs=1k count=70 2>/dev/null
dd if=$smp of=$work/big.cell conv=notrunc 2>/dev/null
refused "oversize config" E2BIG $work/big.cell "" "configuration of 71680 bytes, limit 65536"
refused "duplicate name" EEXIST $gic "" 'a cell named "gic-demo" exists already'

# More causes
variant hvmem 172 '\000\000\300\177'		# RAM at 0x7fc00000
refused "memory of the hypervisor" EADDRINUSE $work/hvmem.cell "" \
	"region 1 \(7fc00000-7fc0ffff\) overlaps the hypervisor's memory"
# Linux's GICv3 driver claims its redistributors, so the driver refuses
# this before the hypervisor, which would refuse it as registers it
# emulates. The GICv2 driver claims nothing: the hypervisor refuses.
if [ "$jh_gic_version" = 3 ]; then
	variant gicr 172 '\000\000\012\010'	# RAM at 0x080a0000
	refused "GIC registers" EBUSY $work/gicr.cell "" \
		'region 1 \(0x80a0000-0x80affff\) of "smp-test": 0x80a0000-0x80affff of it is claimed by a Linux driver'
else
	variant gicd 172 '\000\000\000\010'	# RAM at 0x08000000
	refused "GIC registers" EADDRINUSE $work/gicd.cell "" \
		'region 1 \(8000000\) overlaps registers the hypervisor emulates \(8000000\)'
	check "GIC registers: the command gives the hypervisor's reason" sh -c \
		"jailhouse cell create $work/gicd.cell 2>&1 | grep -q 'the hypervisor refused cell \"smp-test\" (-98): Cell config: region 1 (8000000) overlaps registers the hypervisor emulates'"
fi
variant sysram 172 '\000\000\000\120'		# RAM at 0x50000000
refused "Linux's System RAM" EADDRINUSE $work/sysram.cell "" \
	"region 1 \(0x50000000-0x5000ffff\) of \"smp-test\" overlaps Linux's System RAM"
variant cpu1 132 '\002'
refused "CPU of another cell" EBUSY $work/cpu1.cell "" 'CPU 1 of "smp-test" belongs to cell "gic-demo"'
check "CPU of another cell: the command names the cell" sh -c \
	"jailhouse cell create $work/cpu1.cell 2>&1 | grep -q 'gic-demo'"
variant nocpu 132 '\000'
refused "no CPUs" EDOM $work/nocpu.cell "" 'cell "smp-test" has no CPUs'
variant unaligned 188 '\001\020\000'	# RAM size 0x1001
refused "unaligned region" EINVAL $work/unaligned.cell "" \
	'region 1 \(7f800000 size 1001\) is smaller than a page or not page aligned, and is not device memory'
variant irq 248 '\300\000\000\000\000\001'	# INTID 200: pin_base 192, bit 8
refused "interrupt line root does not own" ENXIO $work/irq.cell "" \
	'INTID 200 is not the root cell.s'
variant irqbase 248 '\041'			# pin_base 33
refused "irqchip pin_base not a multiple of 32" EINVAL $work/irqbase.cell "" 'irqchip 0: pin_base 33'
# pin_base 0xffffffe0: pin_base + 128 wraps around 32 bits; bitmap word 1
# all ones so only the range check can stop it.
variant irqwrap 248 '\340\377\377\377\000\000\000\000\377\377\377\377'
refused "irqchip pin_base wrapping around" EINVAL $work/irqwrap.cell "" 'irqchip 0: pin_base 4294967264'
refused "truncated config" ENODATA $smp 200 'configuration counts give 268 bytes, only 200 passed'
refused "shorter than a descriptor" EINVAL $smp 100 'a cell descriptor alone has 132'
variant badsig 0 'JHSYS'
refused "wrong signature" EINVAL $work/badsig.cell "" 'not a cell configuration'
variant badrev 6 '\015'
refused "wrong revision" EPROTO $work/badrev.cell "" 'configuration revision 13, driver supports 14'
variant badarch 5 '\001'
refused "wrong architecture" EOPNOTSUPP $work/badarch.cell "" 'configuration is for architecture 1'
variant noname 8 '\000'
refused "empty name" EINVAL $work/noname.cell "" 'cell name is empty'

# What the hypervisor refuses and config check calls an error too
# checker_refuses FILE RULE: config check exits 3 naming RULE
checker_refuses() {
	jailhouse config check $cfg "$1" >$work/check.out 2>&1
	[ $? = 3 ] && grep -q "^error: .*\[$2\]\$" $work/check.out
}
variant aarch32 44 '\004'			# flags: JAILHOUSE_CELL_AARCH32
refused "an AArch32 cell" EOPNOTSUPP $work/aarch32.cell "" 'AArch32'
check "an AArch32 cell: config check refuses it" checker_refuses $work/aarch32.cell aarch32
variant comm2 220 '\000\040'			# comm region of 0x2000 bytes
refused "a comm region of two pages" EINVAL $work/comm2.cell "" 'one comm region of one page'
check "a comm region of two pages: config check refuses it" checker_refuses $work/comm2.cell comm-region-size
variant ipa 180 '\000\000\000\000\000\000\377\377'	# RAM at guest 0xffff000000000000
refused "a guest address beyond the IPA range" EINVAL $work/ipa.cell "" 'wraps or exceeds the guest address space'
check "a guest address beyond the IPA range: config check refuses it" checker_refuses $work/ipa.cell mem-ipa

check "root Linux responsive after all refusals" jh_root_alive
check_eq "gic-demo unharmed" "shut down" cat $jh_sys/cells/1/state
check_raw "the good smp-test config still works" ok create $smp
check_eq "CPUs 2-3 taken" 0 cat /sys/devices/system/cpu/online
check_raw "destroy smp-test" ok destroy smp-test

# The same regions with the comm region first (UART and comm swapped):
# the order of regions means nothing, and RAM, after the comm region
# now, must be mapped from the config for the inmate to run at all.
cp $smp $work/commfirst.cell
dd if=$smp bs=1 skip=204 count=32 2>/dev/null |
	dd of=$work/commfirst.cell bs=1 seek=140 conv=notrunc 2>/dev/null
dd if=$smp bs=1 skip=140 count=32 2>/dev/null |
	dd of=$work/commfirst.cell bs=1 seek=204 conv=notrunc 2>/dev/null
check_raw "comm region first: accepted" ok create $work/commfirst.cell
check_raw "load the timer inmate" ok load smp-test $jh_tests/cell-timer.bin 0
m=$(console_mark)
check_raw "start" ok start smp-test
check "it finds its comm region" console_wait "$m" 'cell-test: comm region ok'
check "it ticks from its RAM" console_wait "$m" 'cell-test: tick [0-9]+ latency' 3 20
check_raw "destroy it" ok destroy smp-test
check_raw "destroy gic-demo" ok destroy gic-demo
check_eq "mem_pool_used back to $pool0" "$pool0" jh_pool_used

# A cell on CPU 0 (the CPU set at byte 132: CPU 0 only), as upstream
# allows: root Linux gives up its boot CPU and gets it back at destroy.
variant cpu0 132 '\001'
check "config check: CPU 0 is a warning" sh -c \
	"jailhouse config check $cfg $work/cpu0.cell 2>&1 | grep -q 'warning: .*\[cpu0\]'"
check_raw "a cell on CPU 0: created" ok create $work/cpu0.cell
check_eq "CPU 0 left Linux" 1-3 cat /sys/devices/system/cpu/online
check_raw "load the timer inmate" ok load smp-test $jh_tests/cell-timer.bin 0
m=$(console_mark)
check_raw "start" ok start smp-test
check "it ticks on CPU 0" console_wait "$m" 'cell-test: tick [0-9]+ latency [0-9]+ ns, CPU 0$' 3 20
check "root Linux responsive" jh_root_alive
check_raw "destroy it" ok destroy smp-test
check_eq "CPU 0 back in Linux" 0-3 cat /sys/devices/system/cpu/online
check_eq "mem_pool_used back to $pool0" "$pool0" jh_pool_used

# A region shared with root (its UART page, ROOTSHARED, region 0: phys
# and virt at bytes 140 and 148) on a page root does not have, at
# 0x08f00000: as upstream, mapped into the cell only; config check warns.
variant shared-away 140 '\000\000\360\010\000\000\000\000\000\000\360\010\000\000\000\000'
check "config check: only a warning" sh -c \
	"jailhouse config check $cfg $work/shared-away.cell 2>&1 | grep -q 'warning: .*mapped into this cell only'"
check_raw "a shared region root lacks: created" ok create $work/shared-away.cell
check_raw "destroy it" ok destroy smp-test
check_eq "mem_pool_used back to $pool0" "$pool0" jh_pool_used

# An empty placeholder region (size 0, all zero), as upstream's macro for
# ivshmem-net links puts into its configs: nothing, as upstream treats it.
# It goes in front of the regions (at byte 140), their count (byte 52)
# grows by one.
n=$(od -An -tu4 -j52 -N4 $smp | tr -d ' ')
{ head -c 140 $smp; head -c 32 /dev/zero; tail -c +141 $smp; } >$work/placeholder.cell
# shellcheck disable=SC2059 # an octal escape built from the count
printf "\\$(printf %o $((n + 1)))" |
	dd of=$work/placeholder.cell bs=1 seek=52 conv=notrunc 2>/dev/null
check "config check accepts the placeholder" \
	jailhouse config check $cfg $work/placeholder.cell
check_raw "the placeholder is nothing: created" ok create $work/placeholder.cell
check_raw "load the timer inmate" ok load smp-test $jh_tests/cell-timer.bin 0
m=$(console_mark)
check_raw "start" ok start smp-test
check "it ticks" console_wait "$m" 'cell-test: tick [0-9]+ latency' 3 20
check_raw "destroy it" ok destroy smp-test
check_eq "mem_pool_used back to $pool0" "$pool0" jh_pool_used

# Its console (address at byte 100) on a UART page it does not map: as
# upstream, created all the same (the cell cannot use that UART), with a
# note from the hypervisor and a warning from config check.
cp $smp $work/console-away.cell
printf '\000\000\000\012' | dd of=$work/console-away.cell bs=1 seek=100 conv=notrunc 2>/dev/null
check "config check: only a warning" sh -c \
	"jailhouse config check $cfg $work/console-away.cell 2>&1 | grep -q 'warning: .*console-unmapped'"
m=$(console_mark)
check_raw "a console it does not map: created" ok create $work/console-away.cell
check "the hypervisor notes it" console_wait "$m" \
	'Cell config: note: console at a000000 is in none of its writable regions; the cell cannot use it'
check_raw "destroy it" ok destroy smp-test
check_eq "mem_pool_used back to $pool0" "$pool0" jh_pool_used
check_raw "disable" ok disable
console_follow_stop
check "rmmod" rmmod jailhouse
expect_fail "no kernel warning, BUG or Oops" sh -c 'dmesg | grep -E "WARNING:|BUG:|Oops|Unable to handle|stall"'
finish
