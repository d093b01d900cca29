#!/bin/sh
# Root Linux's CPU hotplug racing cell create and destroy: one process
# takes smp-test (CPUs 2-3) through create/load/start/destroy $rounds
# times while another keeps taking CPUs 2 and 3 offline and online. Every
# create either succeeds or is refused with a documented errno, every
# destroy succeeds, Linux never gets a CPU back while a cell has it, and
# at the end no cell is left, CPUs 2-3 come online, the pool is back to
# its count and the kernel logged no warning.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

cfg=$jh_sys_cfg
smp=/etc/jailhouse/qemu-arm64-smp-test.cell
work=/tmp/root-hotplug-race
rounds=10
mkdir -p $work
rm -f $work/*.err $work/stop $work/created $work/refused

lifecycle() {
	_r=0
	while [ $_r -lt $rounds ]; do
		_r=$((_r + 1))
		_out=$($jh_raw create $smp 2>&1) || true
		case "$_out" in
		ok*)	echo >>$work/created ;;
		"error: EBUSY "*|"error: ECHRNG "*|"error: ETIMEDOUT "*)
			echo "${_out%% (*}" >>$work/refused
			continue ;;
		*)	echo "round $_r: create: $_out" >>$work/cell.err
			continue ;;
		esac
		for _cmd in "load smp-test $jh_tests/cell-timer.bin 0" \
			"start smp-test"; do
			# shellcheck disable=SC2086 # the command's words
			_out=$($jh_raw $_cmd 2>&1) ||
				echo "round $_r: $_cmd: $_out" >>$work/cell.err
		done
		# while the cell has them, Linux must not get CPUs 2-3 back
		for _c in 2 3; do
			if echo 1 2>/dev/null >/sys/devices/system/cpu/cpu$_c/online; then
				echo "round $_r: Linux onlined CPU $_c of the cell" >>$work/cell.err
			fi
		done
		_out=$($jh_raw destroy smp-test 2>&1) ||
			echo "round $_r: destroy: $_out" >>$work/cell.err
	done
}

hotplug() {
	while [ ! -e $work/stop ]; do
		for _c in 2 3; do
			echo 0 2>/dev/null >/sys/devices/system/cpu/cpu$_c/online || true
			echo 1 2>/dev/null >/sys/devices/system/cpu/cpu$_c/online || true
		done
	done
}

require "insmod jailhouse.ko" insmod "$jh_ko"
require "enable" $jh_raw enable $cfg
pool0=$(jh_pool_used)

hotplug &
hp=$!
lifecycle
touch $work/stop
wait $hp || true
note "$(wc -l <$work/created) of $rounds creates went through the hotplug storm;" \
	"refused: $(sort $work/refused 2>/dev/null | uniq -c | tr -s ' \n' ' ')"

check "every call answered as it should" sh -c \
	"! cat $work/cell.err 2>/dev/null | head -n 5 | grep ."
check "at least one create went through" test -s $work/created
check_eq "no cell left" 0 ls $jh_sys/cells
for c in 2 3; do
	echo 1 2>/dev/null >/sys/devices/system/cpu/cpu$c/online || true
done
check_eq "all CPUs online again" 0-3 cat /sys/devices/system/cpu/online
check_eq "pool back to $pool0" "$pool0" jh_pool_used
check "root Linux responsive" jh_root_alive
check_raw "disable" ok disable
check "rmmod" rmmod jailhouse
expect_fail "no kernel warning, BUG or Oops" sh -c 'dmesg | grep -E "WARNING:|BUG:|Oops|Unable to handle|stall"'
finish
