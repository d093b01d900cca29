#!/bin/bash
# Boot the test bed (QEMU virt, GICv3, EL2 available, 4x Cortex-A57) with a
# kernel and an initramfs from build-initramfs.sh, capture the serial
# console, and judge the JHTEST-* markers its /init prints.
#
#   run-qemu.sh [options] KERNEL_IMAGE INITRAMFS [-- extra qemu args]
#     --timeout SEC   kill QEMU after SEC seconds (default 300, 0 = never)
#     --log FILE      console log (default: a new file under $TMPDIR)
#     --smp N         number of CPUs (default 4)
#     --mem SIZE      guest RAM (default 1G; Linux is told mem=768M)
#     --append ARGS   extra kernel command line, e.g. jhtest.timeout=60
#     --expect NAMES  space-separated scenario names that must report PASS
#                     even if the guest never printed its plan
#     --verbose       also show the console live on stdout
#     --interactive   keep stdin, no timeout, shell after the scenarios
#   Environment: JH_QEMU (binary), JH_QEMU_ARGS (extra args, word-split,
#   e.g. "-s -S" or "-d int,guest_errors -D /tmp/qemu.log"),
#   JH_FAIL_REGEX (extra console patterns that fail the run).
#
# Passes (exit 0) iff the guest printed JHTEST-DONE, every planned scenario
# reported PASS, none FAIL, and the console shows no panic or Oops. The last
# line printed is "scenarios: N passed, N failed".
set -euo pipefail

usage() {
	sed -n '2,21s/^# \{0,1\}//p' "$0" >&2
	exit 2
}

timeout=300
log=
smp=4
mem=1G
append=
expect=
verbose=false
interactive=false
while [ $# -gt 0 ]; do
	case $1 in
	--timeout) timeout=$2; shift 2 ;;
	--log) log=$2; shift 2 ;;
	--smp) smp=$2; shift 2 ;;
	--mem) mem=$2; shift 2 ;;
	--append) append="$append $2"; shift 2 ;;
	--expect) expect="$expect $2"; shift 2 ;;
	--verbose) verbose=true; shift ;;
	--interactive) interactive=true; shift ;;
	-h | --help) usage ;;
	--) break ;;
	-*) echo "run-qemu: unknown option $1" >&2; usage ;;
	*) break ;;
	esac
done
[ $# -ge 2 ] || usage
kernel=$1
initrd=$2
shift 2
if [ $# -gt 0 ]; then
	[ "$1" = -- ] || usage
	shift
fi
extra=("$@")
[ -f "$kernel" ] || { echo "run-qemu: no kernel image $kernel" >&2; exit 2; }
[ -f "$initrd" ] || { echo "run-qemu: no initramfs $initrd" >&2; exit 2; }

read -ra env_args <<<"${JH_QEMU_ARGS:-}"
if $interactive; then
	timeout=0
	verbose=true
	append="$append jhtest.shell=1"
fi
[ -n "$log" ] || log=$(mktemp "${TMPDIR:-/tmp}/jh-qemu.XXXXXX.log")
mkdir -p "$(dirname "$log")"

# mem=768M leaves the top 256M of the 1G for the hypervisor and the cells;
# panic=-1 plus -no-reboot turns a guest panic into a prompt QEMU exit.
cmdline="console=ttyAMA0 mem=768M panic=-1$append"
qemu=(
	"${JH_QEMU:-qemu-system-aarch64}"
	-machine "virt,gic-version=3,virtualization=on,its=off"
	-cpu cortex-a57 -smp "$smp" -m "$mem"
	-nographic -no-reboot
	-kernel "$kernel" -initrd "$initrd" -append "$cmdline"
	"${env_args[@]}" "${extra[@]}"
)

echo "run-qemu: $(printf '%q ' "${qemu[@]}")" >&2
echo "run-qemu: console log in $log (timeout ${timeout}s)" >&2
start=$(date +%s.%N)
set +e
# --foreground: QEMU may own the terminal (interactive use, gdb's -S).
if $interactive; then
	timeout --foreground -k 5 "$timeout" "${qemu[@]}" 2>&1 | tee "$log"
elif $verbose; then
	timeout --foreground -k 5 "$timeout" "${qemu[@]}" </dev/null 2>&1 | tee "$log"
else
	timeout --foreground -k 5 "$timeout" "${qemu[@]}" </dev/null >"$log" 2>&1
fi
rc=${PIPESTATUS[0]}
set -e
end=$(date +%s.%N)
elapsed=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')

# The serial console writes CRLF; plain LF keeps grep and editors simple.
tr -d '\r' <"$log" >"$log.tmp" && mv "$log.tmp" "$log"

# Markers may have kernel messages printed into the middle of their line's
# start, so they are looked for anywhere in a line.
plan=$(sed -n 's/.*JHTEST-PLAN\( \(.*\)\)\{0,1\}$/\2/p' "$log" | tail -n 1)
results=$(grep -o 'JHTEST-RESULT [^ ]* .*' "$log" || true)
panic_re='Kernel panic - not syncing|Internal error: |Unable to handle kernel|kernel BUG at|(^|\] )BUG: '
[ -z "${JH_FAIL_REGEX:-}" ] || panic_re="$panic_re|$JH_FAIL_REGEX"

passed=0
failed=0
missing=
declare -A seen=()
while read -r _ name verdict; do
	[ -n "$name" ] || continue
	seen[$name]=1
	if [ "$verdict" = PASS ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
	fi
done <<<"$results"
for name in $plan $expect; do
	if [ -z "${seen[$name]:-}" ]; then
		seen[$name]=1
		missing="$missing $name"
		failed=$((failed + 1))
	fi
done

reasons=()
[ "$rc" -ne 124 ] && [ "$rc" -ne 137 ] || reasons+=("timeout: QEMU killed after ${timeout}s")
grep -q 'JHTEST-START' "$log" || reasons+=("no JHTEST-START: the kernel never ran /init")
grep -q 'JHTEST-DONE' "$log" || reasons+=("no JHTEST-DONE: /init did not finish")
if grep -qE "$panic_re" "$log"; then
	reasons+=("kernel panic/Oops/BUG on the console: $(grep -m1 -E "$panic_re" "$log")")
fi
grep -q 'JHTEST-RESULT [^ ]* FAIL' "$log" && reasons+=("failed scenario(s):$(grep -o 'JHTEST-RESULT [^ ]* FAIL' "$log" | cut -d' ' -f2 | tr '\n' ' ' | sed 's/^/ /; s/ $//')")
[ -z "$missing" ] || reasons+=("scenario(s) without a result:$missing")
[ "$rc" -eq 0 ] || [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ] || reasons+=("QEMU exited with status $rc")

echo "run-qemu: QEMU ran ${elapsed}s (exit $rc)"
[ -z "$results" ] || printf '%s\n' "$results"
for name in $missing; do
	echo "JHTEST-RESULT $name MISSING"
done

if [ ${#reasons[@]} -eq 0 ]; then
	[ -n "$plan$expect" ] || echo "run-qemu: warning: no scenarios were run" >&2
	echo "run-qemu: PASS"
	echo "scenarios: $passed passed, $failed failed"
	exit 0
fi
echo "run-qemu: ---- last 60 lines of $log ----"
tail -n 60 "$log"
echo "run-qemu: ---- end of log ----"
for r in "${reasons[@]}"; do
	echo "run-qemu: FAIL: $r"
done
echo "scenarios: $passed passed, $failed failed"
exit 1
