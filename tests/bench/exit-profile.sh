#!/bin/sh
# Where one kind of exit spends its instructions, function by function:
# the benchmark scenario (bench-scenario.sh, jhbench) runs under QEMU with
# the hypervisor's code traced (-d exec,nochain,in_asm, -dfilter on its
# addresses), each translated block counted by its instructions, the
# trace cut into exits at the EL2 vectors for lower-EL exceptions and
# IRQs, and the exits that pass through FUNCTION summed per function for
# their most frequent path. Deterministic like the hot-path benchmark
# (-icount shift=0); the numbers are what docs/benchmarks.md quotes as the
# bounds of an aim. Needs about 2 GiB in TMPDIR for the trace.
#
#   tests/bench/exit-profile.sh [--gic 2|3] FUNCTION[,-OTHER...] [STAGE_DIR]
#     exits through FUNCTION and none of the OTHERs, e.g.
#     gicv3_gicd_access (trapped GICD read), hypercall,
#     inject_local,-gic_spi_owned,-vgic_drain_queue (a PPI such as the
#     timer's injected on its CPU: no SPI, no SGI from another CPU)
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
gic=3
if [ "${1:-}" = --gic ]; then
	gic=$2
	shift 2
fi
[ $# -ge 1 ] || {
	echo "usage: $0 [--gic 2|3] FUNCTION [STAGE_DIR]" >&2
	exit 2
}
func=$1
stage=${2:-$("$top/tests/build-all.sh")}
build=${JH_BUILD_DIR:-$top/_build}
elf=$build/native/hypervisor/jailhouse.elf
kdir=$("$top/tests/qemu/build-kernel.sh")
work=$(mktemp -d "${TMPDIR:-/tmp}/jh-profile.XXXXXX")
trap 'rm -rf "$work"' EXIT

cmp -s "$build/native/hypervisor/jailhouse.bin" \
	"$stage/lib/firmware/jailhouse.bin" || {
	echo "exit-profile: $stage has another jailhouse.bin than $elf" >&2
	exit 1
}
cp -R "$top/tests/bench/jhbench" "$work/mod"
make -s -C "$kdir" M="$work/mod" ARCH=arm64 \
	CROSS_COMPILE=aarch64-linux-gnu- JH_INCLUDE="$top/include" modules
cp -R "$stage" "$work/stage"
cp "$work/mod/jhbench.ko" "$work/stage/lib/modules/jhbench.ko"
# the scenario leaves out what only makes the trace long (the SPI rounds)
touch "$work/stage/etc/jailhouse/exit-profile"

# the hypervisor's link range (its .text lies within its first 1 MiB)
base=$(aarch64-linux-gnu-nm "$elf" | awk '$3 == "hyp_vectors" { print $1 }')
[ -n "$base" ] || {
	echo "exit-profile: no hyp_vectors in $elf" >&2
	exit 1
}
JH_QEMU_ARGS="-icount shift=0 -d exec,nochain,in_asm -D $work/trace.log \
-dfilter 0xffffc0200000..0xffffc0300000" \
	"$top/tests/qemu/run-scenarios.sh" --gic "$gic" --work "$work/run" \
	"$work/stage" "$top/tests/bench/bench-scenario.sh" >&2

aarch64-linux-gnu-nm -n "$elf" | awk '$2 ~ /^[tTwW]$/ { print $1, $3 }' >"$work/syms"
# addresses stay 12-digit hex strings (awk may print big numbers inexactly)
sync_pc=$(printf '%012x' $((0x$base + 0x400)))	# lower EL, AArch64, sync
irq_pc=$(printf '%012x' $((0x$base + 0x480)))	# lower EL, AArch64, IRQ
awk -v want="$func" -v entry_sync="$sync_pc" -v entry_irq="$irq_pc" '
function hex(s,    i, v) {
	v = 0
	for (i = 1; i <= length(s); i++)
		v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
	return v
}
# the function a block starts in: the last symbol at or below it
function sym(pc,    lo, hi, mid, v) {
	if (pc in cache)
		return cache[pc]
	v = hex(pc)
	lo = 1
	hi = nsyms
	while (lo < hi) {
		mid = int((lo + hi + 1) / 2)
		if (saddr[mid] <= v)
			lo = mid
		else
			hi = mid - 1
	}
	return cache[pc] = sname[lo]
}
function close_exit(    i, key, hit, miss, s) {
	if (!nexit)
		return
	hit = miss = 0
	key = ""
	for (i = 1; i <= nexit; i++) {
		key = key " " ex[i]
		s = sym(ex[i])
		if (s == need)
			hit = 1
		if (s in shun)
			miss = 1
	}
	if (hit && !miss)
		count[key]++
	nexit = 0
}
BEGIN {
	n = split(want, w, ",")
	need = w[1]
	for (i = 2; i <= n; i++)
		shun[substr(w[i], 2)] = 1
}
FILENAME == ARGV[1] {
	saddr[++nsyms] = hex(substr($1, length($1) - 11))
	sname[nsyms] = $2
	next
}
/^IN:/ {
	cur = ""
	next
}
/^0x[0-9a-f]+:/ {
	pc = substr($1, length($1) - 12, 12)
	if (cur == "") {
		cur = pc
		len[cur] = 0
	}
	len[cur]++
	next
}
/^Trace/ {
	split($0, f, "/")
	pc = substr(f[2], length(f[2]) - 11)
	if (pc == entry_sync || pc == entry_irq)
		close_exit()
	if (pc == entry_sync || pc == entry_irq || nexit)
		ex[++nexit] = pc
}
END {
	close_exit()
	for (k in count)
		if (count[k] > best) {
			best = count[k]
			bk = k
		}
	if (!best) {
		printf "no exit passed through %s\n", want
		exit 1
	}
	n = split(bk, pcs, " ")
	for (i = 1; i <= n; i++) {
		s = sym(pcs[i])
		if (!(s in per))
			order[++no] = s
		per[s] += len[pcs[i]]
		total += len[pcs[i]]
	}
	printf "%s: %d exits on its most frequent path, %d instructions at EL2\n", want, best, total
	for (i = 1; i <= no; i++)
		printf "%6d  %s\n", per[order[i]], order[i]
}' "$work/syms" "$work/trace.log"
