#!/bin/bash
# Boot the Debian 12 guest (systemd as init, the image of
# build-debian-rootfs.sh) on the test bed's machine, run a payload in it,
# capture both consoles and judge the JHTEST-* markers the payload prints.
#
#   run-debian-guest.sh [options] KERNEL_IMAGE PAYLOAD_DIR [-- extra qemu args]
#     --image IMG     root image (default: build-debian-rootfs.sh's, built
#                     if need be)
#     --timeout SEC   kill QEMU after SEC seconds (default 900, 0 = never)
#     --log FILE      root console log (default: a new file under $TMPDIR)
#     --serial-log F  PL011 log (default: FILE with .serial.log for .log)
#     --smp N         number of CPUs (default 4)
#     --mem SIZE      guest RAM (default 1G; Linux is told mem=768M)
#     --append ARGS   extra kernel command line
#     --max-boots N   stop QEMU when the guest boots an N+1st time (default
#                     5): a reboot loop, e.g. after a panic (panic=-1)
#     --verbose       also show the consoles live on stdout
#     --interactive   root console on this terminal (a root shell on hvc0),
#                     no timeout; the PL011 goes to its log
#   Environment: JH_QEMU (binary), JH_QEMU_ARGS (extra args, word-split),
#   JH_FAIL_REGEX (extra console patterns that fail the run).
#
# The machine is run-qemu.sh's virt machine (GICv3, virtualization=on,
# its=off, Cortex-A57, 1 GiB with mem=768M, the same two consoles), the
# kernel is given here (root=/dev/vda rw), and the disks are:
#   vda  a qcow2 overlay on the image, made for this run: the cached image
#        stays pristine and each run starts from it, while a reboot within
#        the run keeps what the boot before wrote;
#   vdb  PAYLOAD_DIR as a read-only ext4 labelled jh-payload, with
#        debian/lib.sh as lib.sh (the payloads' shared helpers).
# At every boot, once multi-user.target is reached, the image's
# jh-payload.service mounts vdb at /payload and runs /payload/run.sh with
# its output on the console and in the environment JH_BOOT (1 on the
# first boot of the run, then 2, ...) and JH_STATE (a directory on the
# root disk). The payload ends a boot with `reboot` or `poweroff`; if
# run.sh returns without either, the guest powers off. QEMU runs without
# -no-reboot, so a reboot boots the same disks again, and it exits when
# the guest powers off.
#
# Markers, anywhere in a line of the root console, as run-qemu.sh's:
#   JHTEST-PLAN NAME...          optional; the last one counts
#   JHTEST-RESULT NAME PASS|FAIL one per check
#   JHTEST-DONE                  the payload finished (before poweroff)
# and the image's own JHTEST-BOOT N at the start of each boot's payload.
# Passes (exit 0) iff the payload printed JHTEST-DONE and at least one
# result, every planned name reported PASS, none FAIL, QEMU exited by
# itself (no timeout, no reboot loop) and neither console shows a panic or
# Oops. The last line printed is "N passed, N failed".
#
# Consoles: hvc0 (a virtio console alone on its virtio-serial device) is
# /dev/console, systemd's and the payload's, in the --log file; the PL011
# (ttyAMA0) keeps the hypervisor, every kernel message and QEMU's own, in
# the serial log. See run-qemu.sh for why. The image masks the getty on
# ttyAMA0; the one on hvc0 is masked here unless --interactive.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/qemu/lib-boot.sh
. "$here/lib-boot.sh"

usage() {
	sed -n '2,/^set /s/^# \{0,1\}//p' "$0" | grep -v '^set ' >&2
	exit 2
}

image=
timeout=900
log=
serial_log=
smp=4
mem=1G
append=
max_boots=5
verbose=false
interactive=false
while [ $# -gt 0 ]; do
	case $1 in
	--image) image=$2; shift 2 ;;
	--timeout) timeout=$2; shift 2 ;;
	--log) log=$2; shift 2 ;;
	--serial-log) serial_log=$2; shift 2 ;;
	--smp) smp=$2; shift 2 ;;
	--mem) mem=$2; shift 2 ;;
	--append) append="$append $2"; shift 2 ;;
	--max-boots) max_boots=$2; shift 2 ;;
	--verbose) verbose=true; shift ;;
	--interactive) interactive=true; shift ;;
	-h | --help) usage ;;
	--) break ;;
	-*) echo "run-debian-guest: unknown option $1" >&2; usage ;;
	*) break ;;
	esac
done
[ $# -ge 2 ] || usage
kernel=$1
payload=$2
shift 2
if [ $# -gt 0 ]; then
	[ "$1" = -- ] || usage
	shift
fi
extra=("$@")
[ -f "$kernel" ] || { echo "run-debian-guest: no kernel image $kernel" >&2; exit 2; }
[ -d "$payload" ] || { echo "run-debian-guest: no payload directory $payload" >&2; exit 2; }
# Without run.sh the guest would idle until the timeout; interactive use
# may want just the shell.
$interactive || [ -f "$payload/run.sh" ] ||
	{ echo "run-debian-guest: no $payload/run.sh" >&2; exit 2; }
for tool in qemu-img mkfs.ext4 pkill; do
	command -v "$tool" >/dev/null ||
		{ echo "run-debian-guest: $tool missing (tests/qemu/setup-host.sh installs it)" >&2; exit 2; }
done
if [ -z "$image" ]; then
	image=$("$here/build-debian-rootfs.sh")
fi
[ -f "$image" ] || { echo "run-debian-guest: no image $image" >&2; exit 2; }
image=$(realpath "$image")

read -ra env_args <<<"${JH_QEMU_ARGS:-}"
$interactive && timeout=0
[ -n "$log" ] || log=$(mktemp "${TMPDIR:-/tmp}/jh-debian.XXXXXX.log")
[ -n "$serial_log" ] || serial_log=${log%.log}.serial.log
mkdir -p "$(dirname "$log")" "$(dirname "$serial_log")"
: >"$log"
: >"$serial_log"

work=$(mktemp -d "${TMPDIR:-/tmp}/jh-debian-guest.XXXXXX")
cleanup() {
	jh_bg_stop
	rm -rf "$work"
}
trap cleanup EXIT

# The run's disks: the overlay (the image is only read), the payload.
qemu-img create -q -f qcow2 -b "$image" -F raw "$work/root.qcow2"
# The payload's files and the helpers every payload shares.
cp -a "$payload" "$work/payload"
cp "$here/debian/lib.sh" "$work/payload/lib.sh"
kib=$(du -sk "$work/payload" | cut -f1)
mkfs.ext4 -q -F -L jh-payload -O ^has_journal -E root_owner=0:0 \
	-d "$work/payload" "$work/payload.img" "$((kib * 2 + 8192))K" >/dev/null

# Kernel messages reach the PL011 through the polled early console kept
# on (keep_bootcon), not through console=ttyAMA0: systemd opens every
# console of the kernel's list at boot, and a PL011 once opened keeps its
# interrupt, which a Linux cell taking the UART needs free.
cmdline="earlycon=pl011,0x09000000 keep_bootcon console=hvc0 mem=768M panic=-1 root=/dev/vda rw"
if $interactive; then
	consoles=(-serial "file:$serial_log" -chardev "stdio,id=rootcon")
	qemu_out=/dev/stderr
else
	cmdline="$cmdline systemd.mask=serial-getty@hvc0.service"
	consoles=(-serial stdio -chardev "file,id=rootcon,path=$log")
	qemu_out=$serial_log
fi
cmdline="$cmdline$append"
jh_virt_args 3 "$smp"
# The kernel names virtio-mmio disks in the reverse order of these
# options: root (the later one) is vda.
qemu=(
	"${JH_QEMU:-qemu-system-aarch64}" -nodefaults -display none -monitor none
	"${jh_virt[@]}" -m "$mem" "${consoles[@]}"
	-drive "if=none,id=payload,format=raw,readonly=on,file=$work/payload.img"
	-device "virtio-blk-device,drive=payload"
	-drive "if=none,id=root,format=qcow2,discard=unmap,file=$work/root.qcow2"
	-device "virtio-blk-device,drive=root"
	-kernel "$kernel" -append "$cmdline" -pidfile "$work/qemu.pid"
	"${env_args[@]}" "${extra[@]}"
)

echo "run-debian-guest: $(printf '%q ' "${qemu[@]}")" >&2
echo "run-debian-guest: root console log in $log, PL011 log in $serial_log (timeout ${timeout}s)" >&2

start=$(date +%s.%N)
since() {
	awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'
}

# Stops QEMU on a panic (panic=-1 reboots the guest, which would only
# start over) or a reboot loop, and tells when each boot's payload starts.
watch_guest() {
	payloads=0
	while sleep 1; do
		[ -f "$work/qemu.pid" ] || continue
		if grep -qE "$jh_panic_re" "$log" "$serial_log"; then
			echo "kernel panic/Oops/BUG: $(grep -h -m1 -E "$jh_panic_re" "$serial_log" "$log" | head -n 1 | tr -d '\r')" >"$work/stopped"
		else
			boots=$(grep -c 'Booting Linux on physical CPU' "$serial_log" || true)
			[ "$boots" -le "$max_boots" ] ||
				echo "the guest booted more than $max_boots times" >"$work/stopped"
		fi
		if [ -f "$work/stopped" ]; then
			echo "run-debian-guest: stopping QEMU: $(cat "$work/stopped")" >&3
			kill "$(cat "$work/qemu.pid")" 2>/dev/null || true
			return
		fi
		n=$(grep -c 'JHTEST-BOOT ' "$log" || true)
		if [ "$n" -gt "$payloads" ]; then
			payloads=$n
			echo "run-debian-guest: payload of boot $n started at $(since) s" >&3
		fi
	done
}
# Its messages on fd 3; its own stderr quiet (the shell would report its
# sleep's end at cleanup).
exec 3>&2
watch_guest 2>/dev/null &
jh_bg_pids+=($!)

set +e
if $interactive; then
	timeout --foreground -k 5 "$timeout" "${qemu[@]}" 2>&1 | tee "$log"
elif $verbose; then
	# Kernel messages (timestamped) come on both consoles.
	jh_follow "$log" "root| " '^\[ *[0-9]*\.[0-9]*\]'
	timeout --foreground -k 5 "$timeout" "${qemu[@]}" </dev/null 2>&1 | tee "$serial_log"
else
	timeout --foreground -k 5 "$timeout" "${qemu[@]}" </dev/null >"$qemu_out" 2>&1
fi
rc=${PIPESTATUS[0]}
set -e
if $verbose || $interactive; then
	sleep 0.5	# the live view's last lines
fi
elapsed=$(since)
stopped=$(cat "$work/stopped" 2>/dev/null || true)
cleanup

jh_strip_cr "$log" "$serial_log"
jh_tally "$log"
boots=$(grep -c 'Booting Linux on physical CPU' "$serial_log" || true)
reasons=()
[ -z "$stopped" ] || reasons+=("QEMU stopped: $stopped")
grep -q 'JHTEST-BOOT ' "$log" || reasons+=("no JHTEST-BOOT: the payload never started")
grep -q 'JHTEST-DONE' "$log" || reasons+=("no JHTEST-DONE: the payload did not finish")
[ -n "$results" ] || reasons+=("no JHTEST-RESULT: the payload checked nothing")
# (a stop for a panic gave its reason already)
if [ -z "$stopped" ] && panic=$(jh_panic_in "$serial_log" "$log"); then
	reasons+=("$panic")
fi
jh_reasons_common "$rc" "$timeout" "$log" check

echo "run-debian-guest: QEMU ran ${elapsed}s (exit $rc, $boots boot(s))"
jh_print_results

if [ ${#reasons[@]} -eq 0 ]; then
	echo "run-debian-guest: PASS"
	echo "$passed passed, $failed failed"
	exit 0
fi
echo "run-debian-guest: ---- last 60 lines of the root console, $log ----"
tail -n 60 "$log"
echo "run-debian-guest: ---- last 30 lines of the PL011, $serial_log ----"
tail -n 30 "$serial_log"
echo "run-debian-guest: ---- end of logs ----"
for r in "${reasons[@]}"; do
	echo "run-debian-guest: FAIL: $r"
done
[ "$failed" -gt 0 ] || failed=1
echo "$passed passed, $failed failed"
exit 1
