#!/bin/sh
# Guest side of tests/bench/loader-bench.sh: `jailhouse cell linux` with
# the synthetic Image.gz and initrd in /bench against the real driver and
# hypervisor, and its floor, interleaved, $rounds times each. Every run
# prints "JHLOADBENCH KIND WALL_US MAXRSS_KIB RC" (loadbench run):
#   load    cell linux (create, load, start; the cell is destroyed after
#           each run, untimed)
#   gunzip  busybox gzip -dc Image.gz >/dev/null
#   copy-image, copy-initrd
#           dd of the inflated Image, of the initrd, to /dev/null in 1 MiB
#           blocks
#   list    jailhouse cell list (the command's baseline RSS)
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

rounds=5
cfg=/etc/jailhouse/qemu-arm64-linux-demo.cell
cell=qemu-arm64-linux-demo
in=/bench
res=/tmp/loadbench
mkdir -p $res

# one ROUND: each kind once
one() {
	loadbench run $res/gunzip gzip -dc $in/Image.gz >/dev/null &&
		loadbench run $res/copy-image \
			dd if=/tmp/Image of=/dev/null bs=1M 2>/dev/null &&
		loadbench run $res/copy-initrd \
			dd if=$in/initrd of=/dev/null bs=1M 2>/dev/null &&
		loadbench run $res/load jailhouse cell linux $cfg $in/Image.gz \
			-i $in/initrd -c "console=ttyAMA0" &&
		loadbench run $res/list jailhouse cell list >/dev/null &&
		jailhouse cell destroy $cell
}

rounds_all() {
	i=0
	while [ $i -lt $rounds ]; do
		one || return 1
		i=$((i + 1))
	done
}

require "insmod jailhouse.ko" insmod "$jh_ko"
require "enable" jailhouse enable /etc/jailhouse/qemu-arm64.cell
require "inputs there" test -r $in/Image.gz -a -r $in/initrd
require "inflate the Image once" sh -c "gzip -dc $in/Image.gz >/tmp/Image"
check "$rounds rounds" rounds_all
for kind in load gunzip copy-image copy-initrd list; do
	sed "s/^/JHLOADBENCH $kind /" $res/$kind
done
check "disable" jailhouse disable
check "rmmod" rmmod jailhouse
finish
