#!/bin/sh
# Bad input to ENABLE, sent raw past libjailhouse's checks: every cause has
# its own errno (driver/ERRORS.md), and after each one Linux still runs with
# EL2 free, so a good enable works at the end.
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

cfg=$jh_sys_cfg
fw=/lib/firmware/jailhouse.bin
work=/tmp/enable-errors
mkdir -p $work

# variant NAME OFFSET BYTES: a copy of the config with BYTES (printf
# escapes) written at OFFSET.
variant() {
	cp $cfg "$work/$1.cell"
	# shellcheck disable=SC2059 # the bytes are printf escapes on purpose
	printf "$3" | dd of="$work/$1.cell" bs=1 seek="$2" conv=notrunc 2>/dev/null
}

require "insmod jailhouse.ko" insmod "$jh_ko"

variant badsig 0 'XXSYS'
variant badarch 5 '\001'
variant badrev 6 '\015\000'
# hypervisor_memory.phys_start = 0x60000000, inside mem=768M System RAM
variant sysram 12 '\000\000\000\140'
# phys_start 0x7fd00000: page aligned, not 2 MiB aligned
variant hvalign 12 '\000\000\320\177'
# size 1 GiB: more than the 511 x 2 MiB the hypervisor can map
variant hvsize 28 '\000\000\000\100'

check_raw "wrong signature: EINVAL" "error: EINVAL" enable $work/badsig.cell
check_raw "wrong architecture byte: EOPNOTSUPP" "error: EOPNOTSUPP" enable $work/badarch.cell
check_raw "wrong revision: EPROTO" "error: EPROTO" enable $work/badrev.cell
check_raw "hypervisor memory in System RAM: EADDRINUSE" "error: EADDRINUSE" enable $work/sysram.cell
check_raw "hypervisor memory not 2 MiB aligned: EADDRNOTAVAIL" "error: EADDRNOTAVAIL" enable $work/hvalign.cell
check_raw "hypervisor memory over 1022 MiB: EADDRNOTAVAIL" "error: EADDRNOTAVAIL" enable $work/hvsize.cell
check "the driver says what the hypervisor memory needs" sh -c \
	'dmesg | grep -q "hypervisor memory 0x7fd00000 size 0x400000: needs a 2 MiB aligned start"'
check_raw "truncated config: EFAULT" "error: EFAULT" enable $cfg 300
check_raw "truncated header: EFAULT" "error: EFAULT" enable $cfg 100

mv $fw $work/fw.bin
check_raw "missing jailhouse.bin: ENOENT" "error: ENOENT" enable $cfg
mv $work/fw.bin $fw

# The driver accepts a root CPU set with an extra CPU 4, the hypervisor
# refuses it: its console text must stay readable after the failed enable.
variant cpu4 488 '\037'
check_raw "hypervisor refuses CPU 4 (not present): EINVAL" "error: EINVAL" enable $work/cpu4.cell
check "hypervisor's reason readable after the failed enable" \
	grep -q "CPUs online, the root cell has 5" /sys/devices/jailhouse/console
check "driver logged the hypervisor's refusal" sh -c \
	'dmesg | grep -q "enable: hypervisor returned -22 on all CPUs"'

# A GIC model the hypervisor has no driver for (platform_info.arm.gic_version
# at byte 313): refused by the interrupt controller's choice, by name.
variant gicv4 313 '\004'
check_raw "hypervisor refuses GIC version 4: ENODEV" "error: ENODEV" enable $work/gicv4.cell
check "its reason names the GIC version" \
	grep -q "GIC version 4 is not supported (only 2 and 3)" /sys/devices/jailhouse/console
# GICv2 without its CPU interface frames (gicc/gich/gicv_base at 324/332/340)
# and a config for the other GIC than this board's
if [ "$jh_gic_version" = 3 ]; then
	variant gicv2 313 '\002'
else
	variant gicv2 324 '\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000'
fi
check_raw "GICv2 config without GICC/GICH/GICV: EINVAL" "error: EINVAL" enable $work/gicv2.cell
check "its reason names the missing frames" \
	grep -q "GICv2 needs the GICC, GICH and GICV bases" /sys/devices/jailhouse/console
if [ "$jh_gic_version" = 3 ]; then
	# ... and with them, on this board's GICv3
	for f in 324:'\001' 332:'\003' 340:'\004'; do
		# shellcheck disable=SC2059 # the bytes are printf escapes on purpose
		printf "${f#*:}\010" | dd of=$work/gicv2.cell bs=1 \
			seek=$((${f%%:*} + 2)) conv=notrunc 2>/dev/null
	done
	check_raw "GICv2 config on a GICv3: ENODEV" "error: ENODEV" enable $work/gicv2.cell
	check "its reason names the revision found" \
		grep -q "architecture revision 0, the system config says 2" /sys/devices/jailhouse/console
else
	# its distributor is 4 KiB: GICv3's ID registers are not there
	variant gicv3 313 '\003'
	check_raw "GICv3 config on a GICv2: ENODEV" "error: ENODEV" enable $work/gicv3.cell
	check "its reason names the missing CPU interface" \
		grep -q "the system config says GICv3, but the CPUs have no GICv3 CPU interface" \
		/sys/devices/jailhouse/console
fi

check "each cause logged by the driver" sh -c '
	dmesg | grep -q "enable: not a system configuration" &&
	dmesg | grep -q "enable: configuration is for architecture 1" &&
	dmesg | grep -q "enable: configuration revision 13" &&
	dmesg | grep -q "overlaps Linux.s System RAM" &&
	dmesg | grep -q "enable: cannot load /lib/firmware/jailhouse.bin"'
check_eq "still disabled after the failures" 0 cat /sys/devices/jailhouse/enabled

check_raw "good config enables" ok enable $cfg
check_eq "enabled" 1 cat /sys/devices/jailhouse/enabled
check_raw "enable while enabled: EBUSY" "error: EBUSY" enable $cfg
check_raw "disable" ok disable
check_raw "disable while disabled: EINVAL" "error: EINVAL" disable
check "rmmod" rmmod jailhouse
finish
