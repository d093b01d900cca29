#!/bin/sh
# A hostile cell reaching for memory that is not its own: smp-test (test
# inmate, "peek"/"poke" options) reads and writes just past each of its
# regions, below its UART, root's RAM, the hypervisor's memory, gic-demo's
# RAM and a device page it was not given, one access per run. Each time
# the cell is stopped at that access (failed, the hypervisor names it) and
# never gets past it, while gic-demo on CPU 1 keeps ticking and root
# Linux keeps working; at the end the pool is back to its count.
# smp-test's guest map: RAM 0-0xffff, UART 0x09000000, comm 0x80000000.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

work=/tmp/cell-hostile-memory
mkdir -p $work

# attack OP ADDRESS WHAT: one access by smp-test, which must stop it
attack() {
	printf '%s=%s' "$1" "$2" >$work/attack.par
	_m=$(console_mark)
	check_raw "$3: load" ok load smp-test $jh_tests/cell-timer.bin 0 $work/attack.par 0x1000
	check_raw "$3: start" ok start smp-test
	check "$3: the cell gets to the access" \
		console_wait "$_m" "cell-test: $1 $(printf %x "$2")$"
	check "$3: the cell is failed" jh_wait_state 2 failed 30
	check "$3: the hypervisor stopped CPU 2" \
		console_wait "$_m" 'CPU 2 of cell "smp-test" failed: unhandled data abort'
	check "$3: the access never returned" console_none "$_m" 'isolation broken'
	check "$3: gic-demo keeps ticking" \
		jh_bystander_ticks
	check "$3: root Linux responsive" jh_root_alive
}

jh_attack_begin $work

attack peek 0x10000 "read just past its RAM"
attack poke 0x10000 "write just past its RAM"
attack peek 0x09001000 "read just past its UART"
attack peek 0x08fff000 "read just below its UART"
attack peek 0x80001000 "read just past its comm region"
attack poke 0x80001000 "write just past its comm region"
attack peek 0x09010000 "read a device page not given (RTC)"
attack peek 0x40000000 "read root's RAM"
attack poke 0x40000000 "write root's RAM"
attack peek 0x7fc00000 "read the hypervisor's memory"
attack poke 0x7fc00000 "write the hypervisor's memory"
attack poke 0x7fa00000 "write gic-demo's RAM"
attack peek 0xfffffff000 "read the top of a 40-bit guest space"

jh_attack_end
finish
