#!/bin/sh
# Guest side of tests/bench/cli-bench.sh: what one `jailhouse` command
# costs from spawn to exit, with the hypervisor enabled, next to a program
# that only starts and exits (libc only) and next to the same commands with
# libkmod loaded at start, as every command did while libjailhouse linked
# it. Prints "jhcli: NAME MIN MEDIAN" (ns of guest time).
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

t=/usr/libexec/jailhouse-tests/jh-spawn-time
runs=41
kmod=$(ls /lib/aarch64-linux-gnu/libkmod.so.2)

# measure NAME [VAR=VALUE] COMMAND...: its line, or a failed check; VAR
# is set for the runs (the spawner's own start is not measured)
measure() {
	_name=$1
	_env=
	shift
	case $1 in
	*=*) _env=$1; shift ;;
	esac
	check "measure $_name" sh -c "$_env $t $runs $* >/tmp/cli.out"
	sed -n "s/^jh-spawn-time: [^ ]* min \([0-9]*\) median \([0-9]*\)$/jhcli: $_name \1 \2/p" \
		/tmp/cli.out
}

require "insmod jailhouse.ko" insmod "$jh_ko"
require "enable" jailhouse enable "$jh_sys_cfg"
measure baseline $t 0
measure version jailhouse --version
measure list jailhouse cell list
measure stats jailhouse cell stats 0
echo "jhcli: stats-files $(find /sys/devices/jailhouse/cells/0/statistics -type f | wc -l)"
measure version-kmod LD_PRELOAD="$kmod" jailhouse --version
measure list-kmod LD_PRELOAD="$kmod" jailhouse cell list
check "disable" jailhouse disable
check "rmmod jailhouse" rmmod jailhouse
finish
