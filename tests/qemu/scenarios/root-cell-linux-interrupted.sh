#!/bin/sh
# Ctrl-C at every step of `jailhouse cell linux`: SIGINT 10 to 400 ms
# after the start (the whole boot takes about 0.4 s here), which lands
# before, during and after create, load and start. A run it interrupts
# undoes what it did (no cell left), a run that finished first left a
# running cell that can be destroyed; afterwards the pool is back to its
# count, every CPU is Linux's again and the kernel logged no warning.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

sys_cfg=$jh_sys_cfg
cfg=/etc/jailhouse/qemu-arm64-linux-demo.cell
cell=qemu-arm64-linux-demo
work=/tmp/root-cell-linux-interrupted
mkdir -p $work

require "insmod jailhouse.ko" insmod "$jh_ko"
require "enable" jailhouse enable $sys_cfg
pool0=$(jh_pool_used)
interrupted=0
half_made=0
leaked=0
completed=0

# The command runs in the foreground (an asynchronous list would ignore
# SIGINT, and the CLI keeps an ignored signal ignored); a watcher sends
# SIGINT after the delay (busybox timeout counts whole seconds).
for ms in 10 40 70 100 130 160 190 220 250 280 310 340 370 400; do
	rm -f $work/pid
	( while [ ! -s $work/pid ]; do usleep 1000; done
	  usleep $((ms * 1000))
	  kill -INT "$(cat $work/pid)" 2>/dev/null ) &
	rc=0
	sh -c 'echo $$ >'$work/pid'; exec "$@"' sh \
		jailhouse cell linux -c "console=ttyAMA0 rdinit=/init" \
		$cfg /boot/Image.gz -i /boot/cell-initrd.cpio.gz >/dev/null 2>&1 || rc=$?
	wait
	if jailhouse cell list 2>/dev/null | grep -q $cell; then
		if [ $rc -eq 0 ]; then
			completed=$((completed + 1))
		else
			half_made=$((half_made + 1))
			echo "# SIGINT after $ms ms (exit $rc) left a cell"
		fi
		jailhouse cell destroy $cell >/dev/null 2>&1 ||
			echo "# SIGINT after $ms ms: the cell left cannot be destroyed"
	elif [ $rc -ne 0 ]; then
		interrupted=$((interrupted + 1))
	fi
	if [ "$(jh_pool_used)" != "$pool0" ]; then
		leaked=$((leaked + 1))
		echo "# SIGINT after $ms ms: pool $(jh_pool_used), not $pool0"
	fi
done
note "of 14 runs $interrupted were interrupted and undone, $completed completed first"

check "some runs were interrupted (SIGINT came before the boot was done)" \
	test $interrupted -ge 2
check_eq "no interrupted run left a half-made cell" 0 echo $half_made
check_eq "no pool pages leaked" 0 echo $leaked
check_eq "no cell left" 0 ls $jh_sys/cells
check_eq "all CPUs back in Linux" 0-3 cat /sys/devices/system/cpu/online
check "root Linux responsive" jh_root_alive
check "disable" jailhouse disable
check "rmmod" rmmod jailhouse
expect_fail "no kernel warning, BUG or Oops" sh -c 'dmesg | grep -E "WARNING:|BUG:|Oops|Unable to handle|stall"'
finish
