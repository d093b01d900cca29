#!/bin/bash
# Boot the test bed (QEMU virt, GICv3 or v2, EL2, 4x Cortex-A57; or the
# xlnx-zcu102 board model) with a kernel and an initramfs from
# build-initramfs.sh, capture both consoles, and judge the JHTEST-*
# markers its /init prints.
#
#   run-qemu.sh [options] KERNEL_IMAGE INITRAMFS [-- extra qemu args]
#     --timeout SEC   kill QEMU after SEC seconds (default 300, 0 = never)
#     --log FILE      root console log (default: a new file under $TMPDIR)
#     --serial-log F  PL011 log (default: FILE with .serial.log for .log)
#     --smp N         number of CPUs (default 4)
#     --gic V         GIC version of the virt machine: 3 (default) or 2
#     --machine M     virt (default) or zcu102 (see below)
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
# On zcu102 (4x Cortex-A53, GIC-400, 4 GiB in two banks, no virtio) the
# root console is UART0, which the hypervisor shares (the --log file), and
# UART1 is the cells' (the serial log); the serial log comes back as
# UART0's input, which /init reads. QEMU's own messages go to *.qemu.log.
#
# Passes (exit 0) iff the guest printed JHTEST-DONE, every planned scenario
# reported PASS, none FAIL, and neither console shows a panic or Oops. The
# last line printed is "scenarios: N passed, N failed".
set -euo pipefail

# shellcheck source=tests/qemu/lib-boot.sh
. "$(dirname "$0")/lib-boot.sh"

usage() {
	sed -n '2,/^set /s/^# \{0,1\}//p' "$0" | grep -v '^set ' >&2
	exit 2
}

timeout=300
log=
serial_log=
smp=4
gic=
machine=virt
mem=
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
	--machine) machine=$2; shift 2 ;;
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
case $machine:$gic in
virt: | virt:2 | virt:3) gic=${gic:-3} mem=${mem:-1G} ;;
virt:*) echo "run-qemu: --gic $gic: the virt machine has GIC versions 2 and 3" >&2; exit 2 ;;
zcu102:)
	[ "$smp" = 4 ] || { echo "run-qemu: zcu102 has 4 CPUs, not $smp" >&2; exit 2; }
	mem=${mem:-4G} ;;
zcu102:*) echo "run-qemu: zcu102 has a GIC-400; --gic does not apply" >&2; exit 2 ;;
*) echo "run-qemu: --machine $machine: virt or zcu102" >&2; exit 2 ;;
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

echo_dir=$(mktemp -d "${TMPDIR:-/tmp}/jh-echo.XXXXXX")
mkfifo "$echo_dir/echo.in" "$echo_dir/echo.out"
cleanup() {
	jh_bg_stop
	rm -rf "$echo_dir"
}
trap cleanup EXIT
# QEMU's stdout and stderr when no console is on them
qemu_log=${log%.log}.qemu.log
qemu_out=$serial_log
if [ "$machine" = virt ]; then
	# mem=768M leaves the top 256M of the 1G for the hypervisor and the
	# cells; panic=-1 plus -no-reboot turns a guest panic into a prompt
	# QEMU exit. The last console= is /dev/console.
	cmdline="console=ttyAMA0 console=hvc0 mem=768M panic=-1$append"
	if $interactive; then
		# The root console on this terminal; QEMU's messages stay here.
		consoles=(-serial "file:$serial_log" -chardev "stdio,id=rootcon")
	else
		# PL011 on stdout (with QEMU's own messages), into the serial log.
		consoles=(-serial stdio -chardev "file,id=rootcon,path=$log")
	fi
	# The serial echo: QEMU reads the port's input from a FIFO that a
	# tail of the serial log fills. QEMU reads only while the guest has
	# the port open, so the guest's /init opens it at boot and keeps it.
	jh_virt_args "$gic" "$smp"
	board=("${jh_virt[@]}" "${consoles[@]}"
		-chardev "pipe,id=echo,path=$echo_dir/echo"
		-device "virtio-serial-device,id=echo-bus"
		-device "virtserialport,bus=echo-bus.0,chardev=echo,name=jh.serial")
else
	command -v dtc >/dev/null ||
		{ echo "run-qemu: dtc missing (tests/qemu/setup-host.sh installs it)" >&2; exit 2; }
	dtc -q -I dts -O dtb -o "$echo_dir/zcu102.dtb" "$(dirname "$0")/dts/zcu102.dts"
	# QEMU rewrites the DTB's /memory as one bank from 0 of -m's size,
	# while the model splits RAM at 2 GiB into the bank at 0x8_0000_0000:
	# mem=2G keeps root Linux in the low bank, and the high bank is the
	# hypervisor's and the cells' (configs/arm64/zynqmp-zcu102.c).
	cmdline="console=ttyPS0 mem=2G panic=-1$append"
	qemu_out=$qemu_log
	if $interactive; then
		consoles=(-serial stdio -serial "file:$serial_log")
	else
		# UART0 through a pipe: out to the log, in from the echo
		consoles=(-chardev "pipe,id=uart0,path=$echo_dir/echo"
			-serial chardev:uart0 -serial "file:$serial_log")
	fi
	# The display port's sound output needs a backend: a silent one.
	board=(-machine "xlnx-zcu102,virtualization=on" -dtb "$echo_dir/zcu102.dtb"
		-audiodev "none,id=silent" "${consoles[@]}")
fi
# -nodefaults: only the devices named here. QEMU's implicit ones (a network
# card whose option ROM a fresh Debian lacks, a monitor) are not the test bed.
qemu=(
	"${JH_QEMU:-qemu-system-aarch64}" -nodefaults -display none -monitor none
	"${board[@]}" -m "$mem" -no-reboot
	-kernel "$kernel" -initrd "$initrd" -append "$cmdline"
	"${env_args[@]}" "${extra[@]}"
)

echo "run-qemu: $(printf '%q ' "${qemu[@]}")" >&2
echo "run-qemu: root console log in $log, PL011 log in $serial_log (timeout ${timeout}s)" >&2

(tail -F -n +1 "$serial_log" 2>/dev/null >"$echo_dir/echo.in") &
jh_bg_pids+=($!)
if [ "$machine" = zcu102 ] && ! $interactive; then
	# until QEMU closes UART0's pipe
	cat "$echo_dir/echo.out" >"$log" &
	uart0_pid=$!
	jh_bg_pids+=("$uart0_pid")
fi

start=$(date +%s.%N)
set +e
# --foreground: QEMU may own the terminal (interactive use, gdb's -S).
if $interactive; then
	jh_follow "$serial_log" "serial| " >&2
	timeout --foreground -k 5 "$timeout" "${qemu[@]}" 2>&1 | tee "$log"
elif $verbose && [ "$machine" = zcu102 ]; then
	jh_follow "$log" "uart0| "
	jh_follow "$serial_log" "uart1| "
	timeout --foreground -k 5 "$timeout" "${qemu[@]}" </dev/null >"$qemu_out" 2>&1
elif $verbose; then
	# Kernel messages (timestamped) come on both consoles.
	jh_follow "$log" "root| " '^\[ *[0-9]*\.[0-9]*\]'
	timeout --foreground -k 5 "$timeout" "${qemu[@]}" </dev/null 2>&1 | tee "$serial_log"
else
	timeout --foreground -k 5 "$timeout" "${qemu[@]}" </dev/null >"$qemu_out" 2>&1
fi
rc=${PIPESTATUS[0]}
set -e
# UART0's reader ends once it read what QEMU left in the pipe (or at
# once, if QEMU never opened it)
if [ -n "${uart0_pid:-}" ]; then
	for _ in $(seq 50); do
		kill -0 "$uart0_pid" 2>/dev/null || break
		sleep 0.1
	done
fi
if $verbose || $interactive; then
	sleep 0.5	# the live view's last lines
fi
cleanup
end=$(date +%s.%N)
elapsed=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')

jh_strip_cr "$log" "$serial_log"
# shellcheck disable=SC2086 # one word a name
jh_tally "$log" $expect
reasons=()
grep -q 'JHTEST-START' "$log" || reasons+=("no JHTEST-START: the kernel never ran /init")
grep -q 'JHTEST-DONE' "$log" || reasons+=("no JHTEST-DONE: /init did not finish")
if panic=$(jh_panic_in "$serial_log" "$log"); then
	reasons+=("$panic")
fi
jh_reasons_common "$rc" "$timeout" "$log" scenario

echo "run-qemu: QEMU ran ${elapsed}s (exit $rc)"
jh_print_results

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
if [ "$machine" = zcu102 ]; then
	echo "run-qemu: ---- last 40 lines of UART1 (cells), $serial_log ----"
else
	echo "run-qemu: ---- last 40 lines of the PL011 (hypervisor, cells), $serial_log ----"
fi
tail -n 40 "$serial_log"
echo "run-qemu: ---- end of logs ----"
for r in "${reasons[@]}"; do
	echo "run-qemu: FAIL: $r"
done
echo "scenarios: $passed passed, $failed failed"
exit 1
