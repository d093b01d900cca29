#!/bin/sh
# The ivshmem-net link's throughput and round trip against root's own
# loopback in the same QEMU run (tests/bench/net-scenario.sh): 64 MiB over
# TCP with busybox nc, best of 3 runs each, interleaved; 20 pings each.
# The figure is the ratio link/loopback (issue 13's aim: at least 0.5
# under TCG). Writes the "net" section of docs/benchmarks.md.
#
#   tests/bench/net-bench.sh [STAGE_DIR]
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=tests/bench/lib-bench.sh
. "$top/tests/bench/lib-bench.sh"

stage=${1:-$("$top/tests/build-all.sh")}
work=$(mktemp -d "${TMPDIR:-/tmp}/jh-net-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
say() { echo "net-bench: $*" >&2; }

cp -R "$stage" "$work/stage"
mkdir -p "$work/stage/usr/bin"
aarch64-linux-gnu-gcc -O2 -static -o "$work/stage/usr/bin/loadbench" \
	"$top/tests/bench/loadbench.c"
"$top/tests/qemu/run-scenarios.sh" --timeout 1200 --work "$work/run" \
	"$work/stage" "$top/tests/bench/net-scenario.sh" >&2
for kind in link loopback ping-link ping-loopback; do
	tr -d '\r' <"$work/run/console.log" |
		sed -n "s/^JHNETBENCH $kind //p" >"$work/$kind"
done
for kind in link loopback; do
	if [ "$(wc -l <"$work/$kind")" -ne 3 ] || ! bench_all_ok "$work/$kind"; then
		say "$kind: not 3 good runs"
		exit 1
	fi
done

mibs() { awk -v us="$1" 'BEGIN { printf "%.1f", 64 / (us / 1e6) }'; }
link=$(mibs "$(bench_min "$work/link")")
loopback=$(mibs "$(bench_min "$work/loopback")")
ratio=$(awk -v a="$link" -v b="$loopback" 'BEGIN { printf "%.2f", a / b }')
ping_link=$(cat "$work/ping-link")
ping_loopback=$(cat "$work/ping-loopback")
verdict=$(awk -v r="$ratio" 'BEGIN { print (r >= 0.5) ? "met" : "missed" }')
say "link $link MiB/s, loopback $loopback MiB/s, ratio $ratio ($verdict);" \
	"ping $ping_link ms against $ping_loopback ms"

cat >"$work/section" <<EOT
## Network between root and a Linux cell (ivshmem-net)

Written by \`tests/bench/net-bench.sh\` from one run of the QEMU test bed
(TCG, 4 vCPUs on the 2-core machine; root on CPUs 0-1, the linux-demo cell
on CPUs 2-3, both with \`ivshmem_net.ko\` on the 1 MiB link at
0x7fb00000): 64 MiB of random bytes from root's tmpfs with busybox \`nc\`,
into the cell over the link and into root's own loopback, the best of 3
runs each, interleaved; then 20 pings each. The loopback runs sender and
receiver on root's two CPUs; over the link the receiver is the cell's
Linux on its own two. A round trip over the link costs two doorbells,
each an exit to the hypervisor and an interrupt injected into the other
cell, plus a NAPI poll on each side; the loopback has none of them.

| path | TCP, 64 MiB (MiB/s) | ping (ms, average of 20) |
|---|---|---|
| root → cell over ivshmem-net | $link | $ping_link |
| root's loopback | $loopback | $ping_loopback |
| ratio link / loopback | $ratio (aim ≥ 0.5: $verdict) | |
EOT
bench_write_section net "$work/section"
say "wrote the net section of docs/benchmarks.md"
