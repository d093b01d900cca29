#!/bin/sh
# Runs the benchmarks and updates docs/benchmarks.md. Each benchmark is a
# script of its own that rewrites only its section of the file (between
# "<!-- bench:NAME -->" and "<!-- /bench:NAME -->"), so they can also be
# run one at a time:
#   hotpaths  tests/bench/hotpath-bench.sh  hypervisor hot paths, QEMU
#   loader    tests/bench/loader-bench.sh   jailhouse cell linux, host
#                                           (fake driver) and QEMU
#   net       tests/bench/net-bench.sh      ivshmem-net against loopback
#   cli       tests/bench/cli-bench.sh      one jailhouse command, QEMU
#
#   tests/bench/run-bench.sh [--only NAME]... [STAGE_DIR]
#     STAGE_DIR defaults to what tests/build-all.sh prints (it is run)
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
only=
while [ $# -gt 0 ]; do
	case $1 in
	--only) only="$only $2"; shift 2 ;;
	-h | --help) sed -n '2,12s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
	-*) echo "run-bench: unknown option $1" >&2; exit 2 ;;
	*) break ;;
	esac
done
names=${only:-hotpaths loader net cli}
for name in $names; do
	case $name in
	hotpaths | loader | net | cli) ;;
	*) echo "run-bench: no benchmark '$name' (hotpaths, loader, net, cli)" >&2; exit 2 ;;
	esac
done
stage=${1:-$("$top/tests/build-all.sh")}

for name in $names; do
	case $name in
	hotpaths) "$top/tests/bench/hotpath-bench.sh" "$stage" ;;
	loader) "$top/tests/bench/loader-bench.sh" "$stage" ;;
	net) "$top/tests/bench/net-bench.sh" "$stage" ;;
	cli) "$top/tests/bench/cli-bench.sh" "$stage" ;;
	esac
done
