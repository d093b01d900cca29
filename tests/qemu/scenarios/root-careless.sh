#!/bin/sh
# A careless root must fail for root, never take the machine down:
#  - a cell config that takes a device page or interrupt a Linux driver
#    holds (the PL011, root's virtio transport and its interrupt) is
#    refused with EBUSY and a log line naming the resource;
#  - a cell's memory shows up in /proc/iomem as the cell's, and /dev/mem
#    refuses it while the cell has it;
#  - an access to memory root does not have (here 0x7fa80000, in no
#    region of root's) gets an external abort: the process dies of
#    SIGBUS and the CPU goes on, from 64-bit and from 32-bit processes;
#  - 32-bit processes run on root CPUs under the hypervisor (exits from
#    AArch32 EL0: interrupts, MMIO emulation, aborts).
# shellcheck source=tests/qemu/scenarios/lib.sh
. /scenarios/lib.sh

cfg=$jh_sys_cfg
smp=/etc/jailhouse/qemu-arm64-smp-test.cell
work=/tmp/root-careless
mkdir -p $work

# Offsets in qemu-arm64-smp-test.cell: region 0 (UART) at 140 (phys 140,
# virt 148, flags 164), region 1 (RAM, phys 0x7f800000) at 172; irqchip
# pin_base at 248, pin_bitmap at 252-267.

# variant NAME OFFSET VALUE SIZE [OFFSET VALUE SIZE ...]: smp-test with
# SIZE-byte little-endian VALUEs at OFFSETs
variant() {
	_f=$work/$1.cell
	shift
	cp $smp "$_f"
	while [ $# -ge 3 ]; do
		# shellcheck disable=SC2059 # the bytes are printf escapes
		printf "$(jh_le_bytes "$2" "$3")" |
			dd of="$_f" bs=1 seek="$1" conv=notrunc 2>/dev/null
		shift 3
	done
}

# within SECONDS COMMAND...: runs COMMAND; "hangs" and failure if it has
# not ended after SECONDS, else its output
within() {
	_s=$1
	shift
	timeout "$_s" "$@" >$work/out 2>&1
	_rc=$?
	[ "$_rc" -ne 143 ] || { echo hangs; return 1; }
	cat $work/out
	return $_rc
}

# exit_status COMMAND...: prints COMMAND's exit status (135 = SIGBUS)
exit_status() {
	"$@" >/dev/null 2>&1 && echo 0 || echo $?
}

logged() {
	dmesg | sed -n "/$kmsg_mark/,\$p" | grep -qE -e "$1"
}

log_mark() {
	kmsg_mark="jhtest: root-careless $1 at $(cut -d' ' -f1 /proc/uptime)"
	echo "$kmsg_mark" >/dev/kmsg
}

# --- 32-bit test programs, written as ELF files here -----------------
# a32 FILE WORD...: a static EABI5 ARM executable whose code is WORDs,
# loaded at 0x10000 and entered at 0x10074, right after the ELF header
# and two program headers (the code, a non-executable stack)
a32() {
	_f=$1
	shift
	_size=$((116 + 4 * $#))
	{
		for w in 0x464c457f 0x00010101 0 0 0x00280002 1 0x10074 52 0 \
			0x05000000 0x00200034 2 0 \
			1 0 0x10000 0x10000 $_size $_size 5 0x1000 \
			0x6474e551 0 0 0 0 0 6 16 "$@"; do
			# shellcheck disable=SC2059 # printf escapes
			printf "$(jh_le_bytes "$w" 4)"
		done
	} >"$_f"
	chmod 755 "$_f"
}

# spin32: loops for ever ("b .")
a32 $work/spin32 0xeafffffe
# peek32 PAGE: maps physical page PAGE of /dev/mem, loads its first word
# and exits with its low byte; exits with 1 if the mapping is refused.
#   open("/dev/mem", O_RDONLY); mmap2(0, 4096, PROT_READ, MAP_SHARED, fd,
#   PAGE >> 12); exit(1) on an error; exit(*(u32 *)map)
peek32() {
	a32 "$work/peek32-$1" \
		0xe28f0048 0xe3a01000 0xe3a07005 0xef000000 \
		0xe1a04000 0xe3a00000 0xe3a01a01 0xe3a02001 \
		0xe3a03001 0xe59f5020 0xe3a070c0 0xef000000 \
		0xe3700a01 0x23a00001 0x23a07001 0x2f000000 \
		0xe5900000 0xe3a07001 0xef000000 \
		$(($1 >> 12)) 0x7665642f 0x6d656d2f 0
	echo "$work/peek32-$1"
}

require "insmod jailhouse.ko" insmod "$jh_ko"
require "enable" $jh_raw enable $cfg
console_follow_start $work/console.log
pool0=$(jh_pool_used)

# --- what a Linux driver holds is refused -------------------------------
variant pl011 164 0x13 8		# the UART without ROOTSHARED
log_mark pl011
check_raw "cell takes the PL011 page unshared: EBUSY" "error: EBUSY" create $work/pl011.cell
check "log names the claimed range" logged \
	'region 0 \(0x9000000-0x9000fff\) of "smp-test": 0x9000000-0x9000fff of it is claimed by a Linux driver'

# the claim of a bound transport is named after its device: a003e00.virtio_mmio
vio=$(grep -m1 '[0-9a-f]\.virtio' /proc/iomem | sed 's/^ *\([0-9a-f]*\)-.*/\1/')
vio=$(printf %x $((0x$vio)))
note "root's virtio transport at 0x$vio"
page=$((0x$vio & ~0xfff))
variant virtio 140 $page 8 148 $page 8 164 0x13 8
log_mark virtio
check_raw "cell takes root's virtio page: EBUSY" "error: EBUSY" create $work/virtio.cell
check "log names the virtio claim" logged ": 0x$vio-0x[0-9a-f]+ of it is claimed by a Linux driver"

virq=$(awk '/virtio/ { for (i = 1; i < NF; i++) if ($i ~ /^GICv[23]$/) { print $(i + 1); exit } }' /proc/interrupts)
note "root's virtio interrupt: INTID $virq"
variant virtirq 248 $((virq & ~31)) 4 252 $((1 << (virq & 31))) 4 264 0 4
log_mark virtirq
check_raw "cell takes root's virtio interrupt: EBUSY" "error: EBUSY" create $work/virtirq.cell
check "log names the interrupt" logged "interrupt $virq of \"smp-test\" has a Linux handler"
check_eq "no cell was left behind" "0" sh -c "echo \$(ls $jh_sys/cells)"
check_eq "CPUs 0-3 online" 0-3 cat /sys/devices/system/cpu/online
check_eq "pool unchanged" "$pool0" jh_pool_used
check "root's virtio console still answers" jh_root_alive

# --- a cell's memory is the cell's --------------------------------------
require "create smp-test" $jh_raw create $smp
check "its RAM is claimed in /proc/iomem" \
	grep -q '7f800000-7f80ffff : jailhouse cell smp-test' /proc/iomem
check "the shared UART is not" sh -c \
	'! grep "jailhouse cell" /proc/iomem | grep -q 9000000'
check "/dev/mem refuses the cell's RAM (64-bit)" within 10 sh -c \
	'devmem 0x7f800000 32 2>&1 | grep -q "not permitted"'
check_eq "/dev/mem refuses the cell's RAM (32-bit)" 1 \
	exit_status timeout 10 "$(peek32 0x7f800000)"
check_raw "destroy smp-test" ok destroy smp-test
check "the claim is gone" sh -c '! grep -q "jailhouse cell" /proc/iomem'

# --- accesses to memory root does not have -------------------------------
m=$(console_mark)
check_eq "64-bit read of 0x7fa80000: SIGBUS" 135 \
	exit_status timeout 10 taskset -c 1 devmem 0x7fa80000 32
check "the hypervisor says so" console_wait "$m" \
	'Root cell: CPU 1: data abort at pc [0-9a-f]+, FAR [0-9a-f]+: external abort delivered'
check_eq "64-bit write of 0x7fa80000: SIGBUS" 135 \
	exit_status timeout 10 taskset -c 2 devmem 0x7fa80000 32 1
check_eq "32-bit read of 0x7fa80000: SIGBUS" 135 \
	exit_status timeout 10 taskset -c 3 "$(peek32 0x7fa80000)"
# shellcheck disable=SC2016 # expanded by the inner shell
check "CPUs 1-3 still run Linux" within 10 sh -c \
	'for c in 1 2 3; do taskset -c "$c" true || exit 1; done'

# --- 32-bit processes under the hypervisor -------------------------------
taskset -c 1 $work/spin32 &
spin=$!
sleep 2
check "a 32-bit process spins on CPU 1 through interrupts" kill -0 $spin
kill $spin
wait $spin 2>/dev/null || true
check "CPU 1 still runs Linux" within 10 taskset -c 1 true
ctlr=$(devmem 0x08000000 32)
check_eq "32-bit MMIO read of GICD_CTLR (emulated) returns its value" \
	$((ctlr & 255)) exit_status timeout 10 taskset -c 2 "$(peek32 0x08000000)"
check "nothing was parked" console_none 0 'parked'

check_raw "smp-test still works" ok create $smp
check_raw "destroy it" ok destroy smp-test
check_eq "pool back to $pool0" "$pool0" jh_pool_used
check_raw "disable" ok disable
console_follow_stop
check "rmmod" rmmod jailhouse
expect_fail "no kernel warning, BUG or Oops" sh -c 'dmesg | grep -E "WARNING:|BUG:|Oops|Internal error|stall"'
finish
