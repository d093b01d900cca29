#!/bin/sh
# The long soak (issue 20): 200 bare-metal cell cycles, 20 Linux cell
# boot/destroy cycles and 50 enable/disable cycles in one QEMU run, i.e.
# the soak scenario that CI runs at scale 1, at scale 10.
#
#   tests/soak.sh [SCALE]      default 10; prints "N passed, N failed"
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
scale=${1:-10}
case $scale in
''|*[!0-9]*) echo "usage: tests/soak.sh [SCALE]" >&2; exit 2 ;;
esac

stage=$("$top/tests/build-all.sh")
"$top/tests/qemu/run-scenarios.sh" --timeout $((600 + 300 * scale)) \
	--append "jhtest.scale=$scale" --verbose "$stage" \
	"$top/tests/qemu/scenarios/soak.sh" | tee /dev/stderr |
	sed -n 's/^scenarios: \(.*\)/\1/p' | tail -n 1 | grep -q '^1 passed, 0 failed$' &&
	{ echo "1 passed, 0 failed"; exit 0; }
echo "0 passed, 1 failed"
exit 1
