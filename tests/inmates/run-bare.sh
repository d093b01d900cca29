#!/bin/sh
# TAP: boots the bare test builds of the demos on QEMU "virt" (GICv3, EL1,
# no hypervisor; tests/bare-qemu.c fakes the comm region) and checks their
# console output; gic-demo also with a GICv2. Run by make check from the build directory:
#
#   run-bare.sh [DIR]   DIR holds gic-demo-bare.elf, uart-demo-bare.elf,
#                       fault-demo-bare.elf, lib-test-bare.elf
#                       (default tests/inmates)
#
# Skips without qemu-system-aarch64 (tests/check-all.sh counts a skip as a
# failure). QEMU is set with $QEMU.
set -eu

dir=${1:-tests/inmates}
qemu=${QEMU:-qemu-system-aarch64}
# Where bare-qemu.c picks up the parameter string
args_addr=0x40100000

if ! command -v "$qemu" >/dev/null 2>&1; then
	echo "1..0 # SKIP no $qemu"
	exit 0
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/inmates-bare.XXXXXX")
qpid=
cleanup() {
	[ -z "$qpid" ] || kill "$qpid" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT INT TERM

n=0
failed=0

# run NAME ARGS DONE_REGEX: boots NAME-bare.elf with ARGS until a line
# matches DONE_REGEX (or 30 s pass); the log is left in $work/NAME.log.
# NAME@v2: the same program on a GICv2.
run() {
	log=$work/$1.log
	gic=3
	case $1 in *@v2) gic=2 ;; esac
	printf '%s\000' "$2" >"$work/$1.args"
	# -nodefaults: no implicit devices (a network card needs an option
	# ROM that a fresh Debian lacks).
	"$qemu" -nodefaults -M virt,gic-version=$gic -cpu cortex-a57 -m 2G \
		-display none -monitor none -serial "file:$log" \
		-kernel "$dir/${1%@v2}-bare.elf" \
		-device "loader,file=$work/$1.args,addr=$args_addr,force-raw=on" \
		2>"$work/$1.err" &
	qpid=$!
	tenths=0
	while [ $tenths -lt 300 ] && ! grep -qE "$3" "$log" 2>/dev/null; do
		kill -0 "$qpid" 2>/dev/null || break
		sleep 0.1
		tenths=$((tenths + 1))
	done
	kill "$qpid" 2>/dev/null || true
	wait "$qpid" 2>/dev/null || true
	qpid=
	# QEMU's own complaints, except the one about being stopped
	grep -v 'terminating on signal' "$work/$1.err" >&2 || true
	tr -d '\r' <"$log" >"$log.txt" 2>/dev/null || : >"$log.txt"
}

# expect NAME DESCRIPTION REGEX [MIN_COUNT]
expect() {
	want=${4:-1}
	got=$(grep -cE "$3" "$work/$1.log.txt" || true)
	n=$((n + 1))
	if [ "$got" -ge "$want" ]; then
		echo "ok - $1: $2"
	else
		echo "not ok - $1: $2 ($got of $want lines match /$3/)"
		sed 's/^/#   /' "$work/$1.log.txt"
		failed=$((failed + 1))
	fi
}

# expect_none NAME DESCRIPTION REGEX
expect_none() {
	n=$((n + 1))
	if grep -qE "$3" "$work/$1.log.txt"; then
		echo "not ok - $1: $2"
		sed 's/^/#   /' "$work/$1.log.txt"
		failed=$((failed + 1))
	else
		echo "ok - $1: $2"
	fi
}

run gic-demo "ticks=12 period-ms=50" "^gic-demo: done"
expect gic-demo "start marker with CPU" "^gic-demo: start cpu 0 mpidr 0x[0-9a-f]+ console PL011@0x9000000"
expect gic-demo "timer set up from the command line" "^gic-demo: timer [0-9]+ Hz, period 50 ms, PPI 27"
expect gic-demo "at least 10 ticks with latencies" \
	"^gic-demo: tick [0-9]+ latency [0-9]+ ns min [0-9]+ avg [0-9]+ max [0-9]+ ns" 10
expect gic-demo "stops after ticks=12" "^gic-demo: done after 12 ticks"
expect_none gic-demo "no unexpected exception or IRQ" "unhandled|unexpected|FAIL"

run gic-demo@v2 "ticks=12 period-ms=50" "^gic-demo: done"
expect gic-demo@v2 "GICv2: at least 10 ticks with latencies" \
	"^gic-demo: tick [0-9]+ latency [0-9]+ ns min [0-9]+ avg [0-9]+ max [0-9]+ ns" 10
expect gic-demo@v2 "GICv2: stops after ticks=12" "^gic-demo: done after 12 ticks"
expect_none gic-demo@v2 "GICv2: no unexpected exception or IRQ" "unhandled|unexpected|FAIL"

run uart-demo "interval-ms=100 count=3" "^uart-demo: done"
expect uart-demo "start marker with CPU" "^uart-demo: start cpu 0 mpidr 0x[0-9a-f]+"
expect uart-demo "counter lines" "^uart-demo: count [1-3]$" 3
expect uart-demo "stops after count=3" "^uart-demo: done after 3 lines"

# Bare QEMU has no stage 2: an address with nothing behind it aborts.
run fault-demo "addr=0xc0000000" "unhandled"
expect fault-demo "start marker with CPU" "^fault-demo: start cpu 0 mpidr 0x[0-9a-f]+"
expect fault-demo "announces the access" "^fault-demo: touching 0xc0000000 \(read\)"
expect fault-demo "the access faults" "^inmate: unhandled synchronous exception from EL1: .*FAR 0xc0000000"
expect_none fault-demo "nothing runs after the fault" "FAIL"

# The parameters lib-test.c expects; "far" sits beyond byte 256.
pad=$(printf '%0200d' 0)
run lib-test "dec=1234 hex=0x1F neg=-42 plus=+7 bad=12x empty= keyx=5 \
dup=1 dup=2 flag yes=YES off=off zero=0 maybe=perhaps s=hello \
addr=0xffffffffffff0000 big=0x1ffffffffffffffff huge=9223372036854775808 \
min=-9223372036854775808 pad=$pad far=77" \
	"^lib-test: done"
expect lib-test "all checks pass" "^lib-test: done, [0-9]+ checks, 0 failed"
expect_none lib-test "no failed check" "^not ok"

echo "1..$n"
[ "$failed" -eq 0 ]
