#!/bin/sh
# A careless root's random ioctls on /dev/jailhouse (tools/jh-ioctl-fuzz):
# 2000 calls times $JHTEST_SCALE (jhtest.scale=N; the seed is the scale,
# so each scale is one fixed run), good and bad arguments mixed, cell
# configs with random bytes changed. Every call returns 0 or an errno that
# driver/ERRORS.md lists for it, none hangs; afterwards the cells it made
# are destroyed, disable and rmmod work, root Linux works and the kernel
# logged no warning.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

cfg=$jh_sys_cfg
gic=/etc/jailhouse/qemu-arm64-gic-demo.cell
smp=/etc/jailhouse/qemu-arm64-smp-test.cell
calls=$((2000 * ${JHTEST_SCALE:-1}))
seed=${JHTEST_SCALE:-1}

require "insmod jailhouse.ko" insmod "$jh_ko"
t0=$(jh_now)
check "$calls calls, each answered as documented" sh -c \
	"$jh_tests/jh-ioctl-fuzz $calls $seed $cfg $gic $smp >/tmp/jh-ioctl-fuzz.out ||
	{ grep -v '^calls' /tmp/jh-ioctl-fuzz.out | head -n 20; false; }"
note "$(tail -n 1 /tmp/jh-ioctl-fuzz.out) ($(($(jh_now) - t0)) cs)"
for cell in "$jh_sys"/cells/*; do
	id=${cell##*/}
	if [ -d "$cell" ] && [ "$id" != 0 ]; then
		check_raw "destroy cell $id it left" ok destroy "$id"
	fi
done
if [ "$(cat $jh_sys/enabled)" = 1 ]; then
	check_raw "disable" ok disable
fi
check_eq "all CPUs online" 0-3 cat /sys/devices/system/cpu/online
check "root Linux responsive" jh_root_alive
check "rmmod" rmmod jailhouse
expect_fail "no kernel warning, BUG or Oops" sh -c 'dmesg | grep -E "WARNING:|BUG:|Oops|Unable to handle|stall"'
finish
