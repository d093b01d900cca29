#!/bin/bash
# Boot the test bed (QEMU virt, GICv3 or v2, EL2, 4x Cortex-A57) with a
# kernel and an initramfs from build-initramfs.sh, capture both consoles,
# and judge the JHTEST-* markers its /init prints.
#
#   run-qemu.sh [options] KERNEL_IMAGE INITRAMFS [-- extra qemu args]
#     --timeout SEC   kill QEMU after SEC seconds (default 300, 0 = never)
#     --log FILE      root console log (default: a new file under $TMPDIR)
#     --serial-log F  PL011 log (default: FILE with .serial.log for .log)
#     --smp N         number of CPUs (default 4)
#     --gic V         GIC version of the virt machine: 3 (default) or 2
#     --mem SIZE      guest RAM (default 1G; Linux is told mem=768M)
#     --append ARGS   extra kernel command line, e.g. jhtest.timeout=60
#     --expect NAMES  space-separated scenario names that must report PASS
#                     even if the guest never printed its plan
#     --verbose       also show the consoles live on stdout
#     --interactive   root console on this terminal, no timeout, shell
#                     after the scenarios (the PL011 goes to its log)
#   Environment: JH_QEMU (binary), JH_QEMU_ARGS (extra args, word-split,
#   e.g. "-s -S" or "-d int,guest_errors -D /tmp/qemu.log"),
#   JH_FAIL_REGEX (extra console patterns that fail the run).
#
# Two consoles: root Linux's /dev/console is a virtio console (hvc0, the
# --log file: markers, scenario output, kernel messages once it is up),
# because a Linux cell may take the PL011's interrupt and stall root's
# interrupt-driven tty output there. The PL011 (ttyAMA0, the serial log)
# keeps the hypervisor, every kernel message (printk polls the UART) and
# the cells' output. The serial log is also fed back into the guest on the
# virtio port "jh.serial", so scenarios can check what cells print.
# The root console sits alone on a single-port virtio-serial device: Linux
# adds such a port while probing, so hvc0 is the console before /init
# runs. (Ports of a multiport device come later, from a work queue; if
# the kernel opened /dev/console before hvc0 existed, it opened ttyAMA0,
# and a console UART keeps its interrupt handler once opened: no cell
# could take the PL011's interrupt for the rest of the boot.)
#
# Passes (exit 0) iff the guest printed JHTEST-DONE, every planned scenario
# reported PASS, none FAIL, and neither console shows a panic or Oops. The
# last line printed is "scenarios: N passed, N failed".
set -euo pipefail

usage() {
	sed -n '2,32s/^# \{0,1\}//p' "$0" >&2
	exit 2
}

timeout=300
log=
serial_log=
smp=4
gic=3
mem=1G
append=
expect=
verbose=false
interactive=false
while [ $# -gt 0 ]; do
	case $1 in
	--timeout) timeout=$2; shift 2 ;;
	--log) log=$2; shift 2 ;;
	--serial-log) serial_log=$2; shift 2 ;;
	--smp) smp=$2; shift 2 ;;
	--gic) gic=$2; shift 2 ;;
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
case $gic in
2 | 3) ;;
*) echo "run-qemu: --gic $gic: the virt machine has GIC versions 2 and 3" >&2; exit 2 ;;
esac
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

# Without pkill the live views' tails would outlive QEMU and hold the
# output open: say so instead of hanging.
command -v pkill >/dev/null ||
	{ echo "run-qemu: pkill missing (procps; tests/qemu/setup-host.sh installs it)" >&2; exit 2; }
read -ra env_args <<<"${JH_QEMU_ARGS:-}"
if $interactive; then
	timeout=0
	append="$append jhtest.shell=1"
fi
[ -n "$log" ] || log=$(mktemp "${TMPDIR:-/tmp}/jh-qemu.XXXXXX.log")
[ -n "$serial_log" ] || serial_log=${log%.log}.serial.log
mkdir -p "$(dirname "$log")" "$(dirname "$serial_log")"
: >"$log"
: >"$serial_log"

# mem=768M leaves the top 256M of the 1G for the hypervisor and the cells;
# panic=-1 plus -no-reboot turns a guest panic into a prompt QEMU exit.
# The last console= is /dev/console.
cmdline="console=ttyAMA0 console=hvc0 mem=768M panic=-1$append"
if $interactive; then
	# The root console on this terminal; QEMU's own messages stay here.
	consoles=(-display none -monitor none -serial "file:$serial_log"
		-chardev "stdio,id=rootcon")
else
	# PL011 on stdout (with QEMU's own messages), into the serial log.
	consoles=(-display none -monitor none -serial stdio
		-chardev "file,id=rootcon,path=$log")
fi
# The serial echo: QEMU reads the port's input from a FIFO that a tail
# of the serial log fills. QEMU reads only while the guest has the port
# open, so the guest's /init opens it at boot and keeps it open.
echo_dir=$(mktemp -d "${TMPDIR:-/tmp}/jh-echo.XXXXXX")
mkfifo "$echo_dir/echo.in" "$echo_dir/echo.out"
bg_pids=()
cleanup() {
	for pid in "${bg_pids[@]}"; do
		pkill -P "$pid" 2>/dev/null || true
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
	bg_pids=()
	rm -rf "$echo_dir"
}
trap cleanup EXIT
# -nodefaults: only the devices named here. QEMU's implicit ones (a network
# card whose option ROM a fresh Debian lacks, a monitor) are not the test bed.
qemu=(
	"${JH_QEMU:-qemu-system-aarch64}" -nodefaults
	-machine "virt,gic-version=$gic,virtualization=on,its=off"
	-cpu cortex-a57 -smp "$smp" -m "$mem" -no-reboot
	"${consoles[@]}"
	-device "virtio-serial-device,id=rootcon-bus,max_ports=1"
	-device "virtconsole,bus=rootcon-bus.0,chardev=rootcon"
	-chardev "pipe,id=echo,path=$echo_dir/echo"
	-device "virtio-serial-device,id=echo-bus"
	-device "virtserialport,bus=echo-bus.0,chardev=echo,name=jh.serial"
	-kernel "$kernel" -initrd "$initrd" -append "$cmdline"
	"${env_args[@]}" "${extra[@]}"
)

echo "run-qemu: $(printf '%q ' "${qemu[@]}")" >&2
echo "run-qemu: root console log in $log, PL011 log in $serial_log (timeout ${timeout}s)" >&2

# Live view of the other console: follow FILE PREFIX [SKIP_REGEX].
follow() {
	(tail -F -n +1 "$1" 2>/dev/null |
		if [ -n "${3:-}" ]; then grep --line-buffered -v -e "$3"; else cat; fi |
		sed -u "s/^/$2/") &
	bg_pids+=($!)
}

(tail -F -n +1 "$serial_log" 2>/dev/null >"$echo_dir/echo.in") &
bg_pids+=($!)

start=$(date +%s.%N)
set +e
# --foreground: QEMU may own the terminal (interactive use, gdb's -S).
if $interactive; then
	follow "$serial_log" "serial| " >&2
	timeout --foreground -k 5 "$timeout" "${qemu[@]}" 2>&1 | tee "$log"
elif $verbose; then
	# Kernel messages (timestamped) come on both consoles.
	follow "$log" "root| " '^\[ *[0-9]*\.[0-9]*\]'
	timeout --foreground -k 5 "$timeout" "${qemu[@]}" </dev/null 2>&1 | tee "$serial_log"
else
	timeout --foreground -k 5 "$timeout" "${qemu[@]}" </dev/null >"$serial_log" 2>&1
fi
rc=${PIPESTATUS[0]}
set -e
if $verbose || $interactive; then
	sleep 0.5	# the live view's last lines
fi
cleanup
end=$(date +%s.%N)
elapsed=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')

# The consoles write CRLF; plain LF keeps grep and editors simple.
for f in "$log" "$serial_log"; do
	tr -d '\r' <"$f" >"$f.tmp" && mv "$f.tmp" "$f"
done

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
for f in "$serial_log" "$log"; do
	if grep -qE "$panic_re" "$f"; then
		reasons+=("kernel panic/Oops/BUG in ${f##*/}: $(grep -m1 -E "$panic_re" "$f")")
		break
	fi
done
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
# Each failed scenario's own failures first: a CI log may be all there is.
grep -ao 'JHTEST-RESULT [^ ]* FAIL' "$log" | cut -d' ' -f2 |
while read -r name; do
	echo "run-qemu: ---- failed checks of $name ----"
	sed -n "/JHTEST-BEGIN $name\$/,/JHTEST-RESULT $name /p" "$log" |
		grep -a -A8 '^not ok' | head -n 80
done
echo "run-qemu: ---- last 60 lines of the root console, $log ----"
tail -n 60 "$log"
echo "run-qemu: ---- last 40 lines of the PL011 (hypervisor, cells), $serial_log ----"
tail -n 40 "$serial_log"
echo "run-qemu: ---- end of logs ----"
for r in "${reasons[@]}"; do
	echo "run-qemu: FAIL: $r"
done
echo "scenarios: $passed passed, $failed failed"
exit 1
