#!/bin/sh
# The long forms of the scenarios CI runs at scale 1 (issue 20), in one
# QEMU run at scale 10: the soak (200 bare-metal cell cycles, 20 Linux
# cell boot/destroy cycles, 50 enable/disable cycles) and the guest ioctl
# fuzzer (20,000 random ioctls).
#
#   tests/soak.sh [SCALE]      default 10; prints "N passed, N failed"
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
scale=${1:-10}
case $scale in
''|*[!0-9]*) echo "usage: tests/soak.sh [SCALE]" >&2; exit 2 ;;
esac

stage=$("$top/tests/build-all.sh")
line=$("$top/tests/qemu/run-scenarios.sh" --timeout $((600 + 400 * scale)) \
	--append "jhtest.scale=$scale" --verbose "$stage" \
	"$top/tests/qemu/scenarios/soak.sh" \
	"$top/tests/qemu/scenarios/root-ioctl-fuzz.sh" | tee /dev/stderr |
	sed -n 's/^scenarios: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' |
	tail -n 1)
# shellcheck disable=SC2086 # two numbers
set -- ${line:-0 2}
echo "$1 passed, $2 failed"
[ "$1" -eq 2 ] && [ "$2" -eq 0 ]
