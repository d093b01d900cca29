#!/bin/sh
# The hypervisor console ring through /dev/jailhouse: nothing before the
# first enable, the banner after it, non-blocking and blocking read(),
# poll() waking up when the hypervisor writes, and the saved log after
# disable.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

cfg=$jh_sys_cfg

require "insmod jailhouse.ko" insmod "$jh_ko"
expect_fail "console before any enable fails" jailhouse console
check_eq "poll before any enable: nothing" timeout "$jh_raw" console-poll 300

require "enable" "$jh_raw" enable $cfg
check "non-blocking read shows the banner" sh -c 'jailhouse console | grep -q "hypervisor active"'
check "sysfs console shows the banner" grep -q "hypervisor active" /sys/devices/jailhouse/console
check_eq "poll: banner readable" readable "$jh_raw" console-poll 1000
check_eq "poll after draining: nothing new" timeout "$jh_raw" console-poll 300 drain

# A cell create makes the hypervisor write while poll() waits.
(sleep 1; "$jh_raw" create /etc/jailhouse/qemu-arm64-gic-demo.cell >/dev/null) &
check_eq "poll wakes up on new hypervisor output" readable "$jh_raw" console-poll 5000 drain
wait
check "the new line is there" sh -c 'jailhouse console | grep -q "Created cell \"gic-demo\""'
check "destroy the cell" "$jh_raw" destroy gic-demo

# Blocking read keeps following until interrupted.
timeout 2 jailhouse console -f >/tmp/follow.txt 2>&1 || true
check "blocking read (-f) delivered the log" grep -q "hypervisor active" /tmp/follow.txt

check "disable" "$jh_raw" disable
check "saved log readable after disable" sh -c 'jailhouse console | grep -q "disabling"'
check "rmmod" rmmod jailhouse
finish
