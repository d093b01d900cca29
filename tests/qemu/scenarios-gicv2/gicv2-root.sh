#!/bin/sh
# Root Linux under the hypervisor on a GICv2 (QEMU virt gic-version=2):
# the distributor trapped, the CPU interface virtual (GICV where Linux
# has its GICC), IPIs by GICD_SGIR turned into virtual SGIs, device and
# timer interrupts through list registers. A cell region where the
# cell's CPU interface is (the hypervisor maps GICV there) is refused.
# Cells themselves: the cell-* scenarios linked here.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

cfg=$jh_sys_cfg
ncpus=$(grep -c ^processor /proc/cpuinfo)


check_eq "the board's GIC is a GICv2" qemu-arm64-gicv2.cell basename "$cfg"
check "config check passes" jailhouse config check "$cfg"
require "insmod jailhouse.ko" insmod "$jh_ko"
require "enable" jailhouse enable "$cfg"
check "on all $ncpus CPUs" sh -c \
	"dmesg | grep -q 'hypervisor enabled on CPUs 0-$((ncpus - 1)), root cell \"qemu-arm64\"'"

# Function-call IPIs (SGI 1): GICD_SGIR writes, trapped, virtual SGIs
calls0=$(jh_irqs "^IPI1:")
for _ in $(seq 20); do
	for c in $(seq 0 $((ncpus - 1))); do
		taskset -c "$c" true
	done
done
calls1=$(jh_irqs "^IPI1:")
check "function-call IPIs keep arriving ($calls0 -> $calls1)" \
	test "$calls1" -gt "$calls0"
# an SPI: the serial echo's virtio port interrupts on input
echo0=$(jh_irqs virtio1)
check "serial echo reaches root" jh_serial_roundtrip
echo1=$(jh_irqs virtio1)
check "its virtio interrupts arrive ($echo0 -> $echo1)" test "$echo1" -gt "$echo0"
check "root computes and sleeps on every CPU" jh_root_alive
check "the hypervisor's SGIs and maintenance PPI are not root's" sh -c \
	"! grep -qE '^ *[0-9]+: .*GICv2 +(14|15|25) ' /proc/interrupts"

# reading the emulated distributor: root sees a GICv2 distributor
check_eq "GICD_PIDR2 reads architecture revision 2" 2 sh -c \
	"echo \$(( (\$(devmem 0x08000fe8 32) >> 4) & 0xf ))"

# gic-demo's region 0 (the UART) moved to guest 0x08010000, its GICC
work=/tmp/gicv2-root
mkdir -p $work
cp /etc/jailhouse/qemu-arm64-gic-demo.cell $work/gicc.cell
# shellcheck disable=SC2059 # the bytes are printf escapes on purpose
printf "$(jh_le_bytes 0x08010000 8)" |
	dd of=$work/gicc.cell bs=1 seek=148 conv=notrunc 2>/dev/null
check_raw "a cell region over the GICC window: EINVAL" "error: EINVAL" \
	create $work/gicc.cell
check "the hypervisor names the region" sh -c \
	"jailhouse console | grep -q 'region 0 (guest 8010000) covers the GIC CPU interface at 8010000'"
check_eq "root keeps its CPUs" "0-$((ncpus - 1))" cat /sys/devices/system/cpu/online

check "disable" jailhouse disable
check "IPIs after disable" sh -c "taskset -c 3 true && taskset -c 1 true"
check "serial echo reaches root after disable" jh_serial_roundtrip
check "rmmod" rmmod jailhouse
expect_fail "no kernel warning, BUG or Oops" sh -c 'dmesg | grep -E "WARNING:|BUG:|Oops|Unable to handle"'
finish
