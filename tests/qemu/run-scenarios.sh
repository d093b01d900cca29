#!/bin/sh
# Run guest scenarios on the QEMU test bed, end to end:
#
#   run-scenarios.sh [options] STAGE_DIR SCENARIO...
#     --timeout SEC   QEMU wall-clock limit (default 300)
#     --log FILE      keep root's console log there (default: in the work
#                     dir); the PL011 log goes next to it as *.serial.log
#     --work DIR      work dir for initramfs and log (default: a temp dir,
#                     removed after a pass, kept after a failure)
#     --verbose       show the console live
#     (other run-qemu.sh options: --smp, --gic, --machine, --mem, --append,
#     --interactive)
#
# Builds (or reuses) the kernel with build-kernel.sh, packs STAGE_DIR and
# the scenarios into an initramfs, boots it with run-qemu.sh and exits with
# its verdict. STAGE_DIR holds what the guest needs, e.g.
# lib/modules/jailhouse.ko built against the kernel printed by
# build-kernel.sh; stage-cell-linux.sh adds the Linux cell's kernel,
# initramfs and DTB in /boot. The last line printed is
# "scenarios: N passed, N failed".
set -eu

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/qemu/lib-host.sh
. "$here/lib-host.sh"

usage() {
	sed -n '2,20s/^# \{0,1\}//p' "$0" >&2
	exit 2
}

timeout=300
log=
work=
qemu_opts=
while [ $# -gt 0 ]; do
	case $1 in
	--timeout) timeout=$2; shift 2 ;;
	--log) log=$2; shift 2 ;;
	--work) work=$2; shift 2 ;;
	--verbose | --interactive) qemu_opts="$qemu_opts $1"; shift ;;
	# Values of these must not contain spaces (only --append could want
	# them; pass several --append instead).
	--smp | --gic | --machine | --mem | --append) qemu_opts="$qemu_opts $1 $2"; shift 2 ;;
	-h | --help) usage ;;
	-*) echo "run-scenarios: unknown option $1" >&2; usage ;;
	*) break ;;
	esac
done
[ $# -ge 2 ] || usage
stage=$1
shift

kdir=$("$here/build-kernel.sh")
image=$kdir/arch/arm64/boot/Image

own_work=false
if [ -z "$work" ]; then
	work=$(mktemp -d "${TMPDIR:-/tmp}/jh-scenarios.XXXXXX")
	own_work=true
fi
mkdir -p "$work"
[ -n "$log" ] || log=$work/console.log

expect=
for s in "$@"; do
	name=$(basename "$s" .sh)
	[ "$name" = lib ] || expect="$expect $name"
done

# The staged tree plus what a Linux cell boots from (/boot).
rm -rf "$work/stage"
mkdir -p "$work/stage"
cp -R "$stage/." "$work/stage/"
"$here/stage-cell-linux.sh" "$kdir" "$work/stage"

"$here/build-initramfs.sh" "$work/initramfs.cpio.gz" "$work/stage" "$@"
echo "run-scenarios: initramfs $(wc -c <"$work/initramfs.cpio.gz") bytes" >&2

# Through tee, so the summary line can be repeated after the notes below.
# shellcheck disable=SC2086 # qemu_opts holds separate words on purpose
{
	rc=0
	"$here/run-qemu.sh" --timeout "$timeout" --log "$log" --expect "$expect" \
		$qemu_opts "$image" "$work/initramfs.cpio.gz" || rc=$?
	echo "$rc" >"$work/rc"
} | tee "$work/run-qemu.out"
rc=$(cat "$work/rc")
summary=$(grep '^scenarios: ' "$work/run-qemu.out" | tail -n 1)

if [ "$rc" -eq 0 ] && $own_work; then
	rm -rf "$work"
elif [ "$rc" -ne 0 ]; then
	echo "run-scenarios: kept $work for inspection (console logs: $log, ${log%.log}.serial.log)"
	# Repeated so that it stays the closing line.
	echo "${summary:-scenarios: 0 passed, 1 failed}"
fi
exit "$rc"
