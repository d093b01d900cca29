#!/bin/sh
# A careless root running several tools at once: four processes for
# $rounds rounds each, two taking a cell each through its life with the
# CLI (gic-demo on CPU 1, smp-test on CPUs 2-3), one querying (cell list,
# sysfs statistics, the console) while cells come and go, one sending
# corrupted cell configs straight to CELL_CREATE and destroying cells that
# do not exist. Every lifecycle command succeeds, every query answers,
# every bad request gets an errno of driver/ERRORS.md; afterwards no cell
# is left, the CPUs are back in Linux, the pool is back to its count and
# the kernel logged no warning.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

cfg=$jh_sys_cfg
gic=/etc/jailhouse/qemu-arm64-gic-demo.cell
smp=/etc/jailhouse/qemu-arm64-smp-test.cell
work=/tmp/root-concurrent
rounds=10
mkdir -p $work
rm -f $work/*.err $work/garbage.errnos $work/stop

# errnos CELL_CREATE may return for a corrupted config (driver/ERRORS.md)
create_errnos='EINVAL|E2BIG|ENOMEM|EFAULT|EPROTO|EOPNOTSUPP|ENODATA|EEXIST|ECHRNG|EACCES|EBUSY|EDOM|EADDRINUSE|ENOSPC|EPERM|ERANGE|EADDRNOTAVAIL|ENXIO|ETIMEDOUT'

# lifecycle NAME CONFIG IMAGE: create, load, start, destroy, $rounds times
lifecycle() {
	_r=0
	while [ $_r -lt $rounds ]; do
		_r=$((_r + 1))
		for _cmd in "create $2" "load $1 $3" "start $1" "destroy $1"; do
			# shellcheck disable=SC2086 # the command's words
			_out=$(jailhouse cell $_cmd 2>&1) ||
				echo "round $_r: cell $_cmd: $_out" >>"$work/$1.err"
		done
	done
}

# queries until the others are done
queries() {
	while [ ! -e $work/stop ]; do
		jailhouse cell list >/dev/null 2>>$work/queries.err ||
			echo "cell list failed" >>$work/queries.err
		cat $jh_sys/cells/*/statistics/vmexits_total >/dev/null 2>&1 || true
		jailhouse console >/dev/null 2>>$work/queries.err ||
			echo "console failed" >>$work/queries.err
	done
}

# garbage: corrupted copies of smp-test (named "garbage", on CPU 1, the
# regions and interrupts random) and destroys of a cell that is not there
garbage() {
	_r=0
	while [ $_r -lt $((rounds * 3)) ]; do
		_r=$((_r + 1))
		cp $smp $work/garbage.cell
		printf 'garbage\000' | dd of=$work/garbage.cell bs=1 seek=8 conv=notrunc 2>/dev/null
		printf '\002' | dd of=$work/garbage.cell bs=1 seek=132 conv=notrunc 2>/dev/null
		dd if=/dev/urandom of=$work/garbage.cell bs=1 seek=140 count=128 conv=notrunc 2>/dev/null
		_out=$($jh_raw create $work/garbage.cell 2>&1) || true
		case "$_out" in
		ok*)	$jh_raw destroy garbage >/dev/null 2>&1 ||
				echo "round $_r: a random config was accepted and not destroyed" >>$work/garbage.err ;;
		"error: "*) echo "${_out%% (*}" >>$work/garbage.errnos
			echo "$_out" | grep -qE "^error: ($create_errnos) " ||
				echo "round $_r: undocumented $_out" >>$work/garbage.err ;;
		*)	echo "round $_r: $_out" >>$work/garbage.err ;;
		esac
		_out=$($jh_raw destroy 77 2>&1) || true
		[ "${_out%% (*}" = "error: ENOENT" ] ||
			echo "round $_r: destroy 77: $_out" >>$work/garbage.err
	done
}

require "insmod jailhouse.ko" insmod "$jh_ko"
require "enable" jailhouse enable $cfg
pool0=$(jh_pool_used)
t0=$(jh_now)

lifecycle gic-demo $gic /usr/libexec/jailhouse/demos/gic-demo.bin &
p1=$!
lifecycle smp-test $smp $jh_tests/cell-timer.bin &
p2=$!
queries &
p3=$!
garbage &
p4=$!
# each worker records its failures in $work/<worker>.err
wait $p1 $p2 $p4 || true
touch $work/stop
wait $p3 || true
note "4 processes, $rounds rounds, $(($(jh_now) - t0)) cs"
note "corrupted configs refused with: $(sed 's/error: //' $work/garbage.errnos |
	sort | uniq -c | awk '{ printf "%s %s, ", $2, $1 }')"

for w in gic-demo smp-test queries garbage; do
	check "$w: every call answered as it should" sh -c \
		"! cat $work/$w.err 2>/dev/null | head -n 5 | grep ."
done
check_eq "no cell left" 0 ls $jh_sys/cells
check_eq "all CPUs back in Linux" 0-3 cat /sys/devices/system/cpu/online
check_eq "pool back to $pool0" "$pool0" jh_pool_used
check "root Linux responsive" jh_root_alive
check "disable" jailhouse disable
check "rmmod" rmmod jailhouse
expect_fail "no kernel warning, BUG or Oops" sh -c 'dmesg | grep -E "WARNING:|BUG:|Oops|Unable to handle|stall"'
finish
