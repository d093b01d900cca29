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

# The management ioctls alone (jh-raw, JH_RAW_TIME: the ioctl's own
# time), the fewest of 3 each: "jhmanage: NAME NS"
export JH_RAW_TIME=1
raw=/usr/libexec/jailhouse-tests/jh-raw
sys=$jh_sys_cfg
gic=/etc/jailhouse/qemu-arm64-gic-demo.cell
linux=/etc/jailhouse/qemu-arm64-linux-demo.cell
printf '%s\000' "con-type=none con-virtual" >/tmp/manage.par
dd if=/dev/urandom of=/tmp/manage-1m bs=1M count=1 2>/dev/null
dd if=/dev/urandom of=/tmp/manage-16m bs=1M count=16 2>/dev/null
: >/tmp/manage.out
# timed NAME ARGS...: one jh-raw call, its time on a line
timed() {
	_name=$1
	shift
	"$raw" "$@" >/tmp/manage.one && sed -n "s/^ok \([0-9]*\) ns$/$_name \1/p" \
		/tmp/manage.one >>/tmp/manage.out
}
check "disable for the timed enable" jailhouse disable
for _r in 1 2 3; do
	check "enable $_r" timed enable enable "$sys"
	check "create $_r" timed create create "$gic"
	check "load gic-demo.bin $_r" timed load-demo load gic-demo \
		/usr/libexec/jailhouse/demos/gic-demo.bin 0 /tmp/manage.par 0x1000
	check "start $_r" timed start start gic-demo
	check "destroy $_r" timed destroy destroy gic-demo
	check "create linux-demo $_r" timed create-linux create "$linux"
	check "load 1 MiB $_r" timed load-1m load qemu-arm64-linux-demo \
		/tmp/manage-1m 0x70000000
	check "load 16 MiB $_r" timed load-16m load qemu-arm64-linux-demo \
		/tmp/manage-16m 0x70000000
	check "destroy linux-demo $_r" timed destroy-linux destroy qemu-arm64-linux-demo
	check "disable $_r" timed disable disable
done
for _n in enable create load-demo start destroy create-linux load-1m load-16m \
	destroy-linux disable; do
	awk -v n="$_n" '$1 == n && (m == "" || $2 < m) { m = $2 }
		END { print "jhmanage: " n " " m }' /tmp/manage.out
done
check "rmmod jailhouse" rmmod jailhouse
finish
