# Helpers for test bed scenarios; sourced inside the guest (busybox sh) as
#   . /scenarios/lib.sh
# Scenarios run under `sh -e`, so every helper returns 0 except where noted;
# failures are counted and `finish` turns them into the exit status.
# Output is TAP-like: "ok - ..." / "not ok - ..." with the command's output
# indented below a failure.
# shellcheck shell=sh

jh_checks=0
jh_failed=0

# Print captured output indented, so it cannot be mistaken for a marker.
_jh_show() {
	[ -n "$1" ] && printf '%s\n' "$1" | sed 's/^/#   /'
	return 0
}

_jh_ok() {
	jh_checks=$((jh_checks + 1))
	echo "ok - $1"
}

_jh_not_ok() {
	jh_checks=$((jh_checks + 1))
	jh_failed=$((jh_failed + 1))
	echo "not ok - $1"
	_jh_show "$2"
}

# check DESCRIPTION COMMAND... : passes if COMMAND exits 0.
check() {
	_jh_desc=$1
	shift
	if _jh_out=$("$@" 2>&1); then
		_jh_ok "$_jh_desc"
	else
		_jh_rc=$?
		[ -z "$_jh_out" ] || _jh_out="$_jh_out
"
		_jh_not_ok "$_jh_desc" "${_jh_out}(exit $_jh_rc: $*)"
	fi
}

# expect_fail DESCRIPTION COMMAND... : passes if COMMAND exits non-zero.
expect_fail() {
	_jh_desc=$1
	shift
	if _jh_out=$("$@" 2>&1); then
		[ -z "$_jh_out" ] || _jh_out="$_jh_out
"
		_jh_not_ok "$_jh_desc" "${_jh_out}(unexpectedly succeeded: $*)"
	else
		_jh_ok "$_jh_desc"
	fi
}

# check_eq DESCRIPTION EXPECTED COMMAND... : passes if COMMAND exits 0 and
# its standard output is exactly EXPECTED (trailing newlines ignored).
check_eq() {
	_jh_desc=$1
	_jh_want=$2
	shift 2
	if _jh_out=$("$@" 2>/dev/null) && [ "$_jh_out" = "$_jh_want" ]; then
		_jh_ok "$_jh_desc"
	else
		_jh_not_ok "$_jh_desc" "$(printf 'expected: %s\ngot: %s' "$_jh_want" "$_jh_out")"
	fi
}

# check_file_contains DESCRIPTION FILE REGEX : passes if a line of FILE
# matches the extended regular expression REGEX.
# Files filled by a background reader (cat /dev/jailhouse > log) may lag
# behind under load, so the line gets up to JH_FILE_WAIT seconds (20).
check_file_contains() {
	if [ ! -r "$2" ]; then
		_jh_not_ok "$1" "cannot read $2"
	elif wait_file_contains "$2" "$3" "${JH_FILE_WAIT:-20}"; then
		_jh_ok "$1"
	else
		_jh_not_ok "$1" "$(printf 'no line matches /%s/ in %s; its tail:\n%s' \
			"$3" "$2" "$(tail -n 10 "$2")")"
	fi
}

# jh_now: centiseconds since boot
jh_now() {
	read -r _jh_up _jh_rest </proc/uptime
	echo $((${_jh_up%.*} * 100 + 1${_jh_up#*.} - 100))
}

# jh_poll SECONDS COMMAND...: runs COMMAND every 0.2 s until it succeeds
# (returns 0 at once) or SECONDS (whole) of wall-clock time have passed
# (returns 1, after one last try). For conditions that take long under
# load.
jh_poll() {
	_jh_end=$(($(jh_now) + $1 * 100))
	shift
	while :; do
		"$@" && return 0
		[ "$(jh_now)" -lt "$_jh_end" ] || break
		usleep "${_jh_poll_us:-200000}"
	done
	"$@"
}

# file_contains FILE REGEX: a line of FILE matches the extended regular
# expression REGEX (CRs ignored); 1 if not or if FILE cannot be read.
file_contains() {
	[ -r "$1" ] && tr -d '\r' <"$1" | grep -qE -e "$2"
}

# wait_file_contains FILE REGEX [SECONDS]: 0 as soon as a line of FILE
# matches REGEX (see file_contains), 1 after SECONDS (default 30).
wait_file_contains() {
	jh_poll "${3:-30}" file_contains "$1" "$2"
}

# require DESCRIPTION COMMAND... : like check, but a failure ends the
# scenario at once (for steps the rest depends on, e.g. loading the module).
require() {
	_jh_before=$jh_failed
	check "$@"
	if [ "$jh_failed" -ne "$_jh_before" ]; then
		echo "# required step failed, stopping"
		finish
		exit 1
	fi
}

# note TEXT... : a comment in the output.
note() {
	echo "# $*"
}

# finish : summary line; returns non-zero if any check failed, so a
# scenario ends with `finish` as its last command.
finish() {
	_jh_took=$(($(jh_now) - jh_t0))
	echo "# ${JHTEST_SCENARIO:-scenario}: $jh_checks checks, $jh_failed failed" \
		"in $((_jh_took / 100)).$((_jh_took / 10 % 10)) s"
	[ "$jh_failed" -eq 0 ]
}

# when the scenario began, for finish
jh_t0=$(jh_now)

# The module as `make install` stages it: /lib/modules/<release>/extra/.
jh_ko=$(find /lib/modules -name jailhouse.ko 2>/dev/null | head -n 1)

# Raw ioctl tool (tests/qemu/tools/jh-raw.c): bypasses libjailhouse's checks.
jh_raw=/usr/libexec/jailhouse-tests/jh-raw

# check_raw DESCRIPTION EXPECTED jh-raw-args...: the raw ioctl answers
# "ok" or "error: <ERRNO>" exactly as EXPECTED.
check_raw() {
	_jh_desc=$1
	_jh_want=$2
	shift 2
	# shellcheck disable=SC2016 # the inner shell expands
	check_eq "$_jh_desc" "$_jh_want" sh -c '"$0" "$@" | sed "s/ (.*//"' "$jh_raw" "$@"
}

# --- cell scenarios ---------------------------------------------------
# jh_le_bytes VALUE N: the N low bytes of VALUE, little endian, as printf
# escapes (printf "$(jh_le_bytes 0x1234 4)" writes 34 12 00 00)
jh_le_bytes() {
	_jh_i=0
	while [ "$_jh_i" -lt "$2" ]; do
		printf '\\%03o' $((($1 >> (8 * _jh_i)) & 255))
		_jh_i=$((_jh_i + 1))
	done
}

jh_sys=/sys/devices/jailhouse

# The system config of the board this boots on: QEMU virt with a GICv3, or
# with a GICv2 (run-qemu.sh --gic 2; check-all runs every scenario on both),
# or the ZCU102 model (--machine zcu102; its own scenarios).
# jh_board: virt or zcu102;
# jh_vpci_intid: root's INTx of its first virtual PCI device there;
# jh_gic_version: 3 or 2.
# shellcheck disable=SC2034 # for the scenarios
if grep -q 'xlnx,zynqmp-zcu102' /proc/device-tree/compatible 2>/dev/null; then
	jh_board=zcu102
	jh_gic_version=2
	jh_sys_cfg=/etc/jailhouse/zynqmp-zcu102.cell
	jh_vpci_intid=137
elif grep -q GICv2 /proc/interrupts 2>/dev/null; then
	jh_board=virt
	jh_gic_version=2
	jh_sys_cfg=/etc/jailhouse/qemu-arm64-gicv2.cell
	jh_vpci_intid=152
else
	jh_board=virt
	jh_gic_version=3
	jh_sys_cfg=/etc/jailhouse/qemu-arm64.cell
	jh_vpci_intid=128
fi
# jh_net_if DEV: root's ivshmem_net interface on PCI device DEV (00:01.0
# in the shipped configs: the link with linux-demo)
jh_net_if() {
	for _jh_i in /sys/class/net/*; do
		[ "$(basename "$(readlink "$_jh_i/device/driver" 2>/dev/null)")" = \
			ivshmem-net ] || continue
		case $(readlink "$_jh_i/device") in
		*":$1") echo "${_jh_i##*/}"; return 0 ;;
		esac
	done
	return 0
}

# jh_carrier_is IF 0|1: the interface's carrier is off or on
jh_carrier_is() {
	[ "$(cat /sys/class/net/"$1"/carrier 2>/dev/null)" = "$2" ]
}

# Test inmates (tests/qemu/inmates/) and jh-raw live here.
jh_tests=/usr/libexec/jailhouse-tests

jh_pool_used() {
	cat $jh_sys/mem_pool_used
}

# jh_wait_console REGEX [SECONDS]: returns 0 once a line of the hypervisor
# console (the 2 KiB ring) matches REGEX, 1 after SECONDS (default 10).
jh_wait_console() {
	_jh_n=$((${2:-10} * 10))
	while [ "$_jh_n" -gt 0 ]; do
		grep -qE -e "$1" $jh_sys/console 2>/dev/null && return 0
		usleep 100000
		_jh_n=$((_jh_n - 1))
	done
	return 1
}

# jh_root_alive: root Linux computes on each of its online CPUs and sleeps.
jh_root_alive() {
	for _jh_d in /sys/devices/system/cpu/cpu[0-9]*; do
		[ "$(cat "$_jh_d/online" 2>/dev/null || echo 1)" = 1 ] || continue
		taskset -c "${_jh_d##*cpu}" sh -c 'echo root-alive | md5sum' \
			>/dev/null || return 1
	done
	usleep 200000
}

# jh_irqs REGEX: the count of the first /proc/interrupts line matching
# REGEX, summed over the CPUs online
jh_irqs() {
	awk -v re="$1" '$0 ~ re { n = 0
		for (i = 2; i <= NF && $i ~ /^[0-9]+$/; i++) n += $i
		print n; exit }' /proc/interrupts
}

# jh_gone PID: the process has ended (a zombie the shell has not reaped
# yet counts: busy-box ash reaps background jobs only when it waits)
jh_gone() {
	[ ! -e /proc/"$1" ] || grep -q '^State:.*Z' /proc/"$1"/status 2>/dev/null
}

# jh_wait_state ID STATE [SECONDS]: cell ID's sysfs state becomes STATE
# within SECONDS (default 5).
jh_wait_state() {
	_jh_n=$((${3:-5} * 10))
	while [ "$_jh_n" -gt 0 ]; do
		[ "$(cat $jh_sys/cells/"$1"/state 2>/dev/null)" = "$2" ] && return 0
		usleep 100000
		_jh_n=$((_jh_n - 1))
	done
	return 1
}

# --- following the hypervisor console ---------------------------------
# The console ring (/dev/jailhouse, sysfs console) holds 2 KiB, which a
# ticking cell fills within a second or two, so jh_wait_console can miss
# a line that came and went. Instead, console_follow_start (right after
# enable) has a background reader append everything to $jh_con as it
# comes, and the console_* helpers look there: they wait with generous
# bounds but return as soon as the condition holds, and console_sync
# makes sure the log has caught up before anything is concluded from
# what is NOT in it. Marks are byte offsets into $jh_con; a line that was
# still incomplete at a mark counts as before it. All of this holds
# within one hypervisor instance (the next enable starts a new ring).
jh_con=
_jh_con_pid=

# console_follow_start [FILE]: follow the hypervisor console into FILE
# (default /tmp/jhtest/$JHTEST_SCENARIO.console.log), from the ring's
# oldest byte on. The reader keeps the driver busy, so end it with
# console_follow_stop before rmmod (after disable is fine: the saved ring
# stays readable). An EXIT trap ends it if the scenario ends early.
console_follow_start() {
	jh_con=${1:-/tmp/jhtest/${JHTEST_SCENARIO:-scenario}.console.log}
	mkdir -p "$(dirname "$jh_con")"
	: >"$jh_con"
	cat /dev/jailhouse >>"$jh_con" &
	_jh_con_pid=$!
	trap console_follow_stop EXIT
}

# console_follow_stop: ends the reader started by console_follow_start
# and returns once it has let go of the device. Call it directly, not
# under check (a subshell); `check "..." console_sync` before it if the
# log must be complete.
console_follow_stop() {
	[ -n "$_jh_con_pid" ] || return 0
	# The reader dies by SIGTERM; its status must not end `sh -e`.
	kill "$_jh_con_pid" 2>/dev/null || true
	wait "$_jh_con_pid" 2>/dev/null || true
	_jh_con_pid=
}

# _jh_con_pos FILE: how far into the ring a reader that wrote FILE got:
# its bytes, each "<missed N bytes of console log>" notice counting as
# the N bytes it stands for.
_jh_con_pos() {
	awk -v b="$(wc -c <"$1")" '
	match($0, /<missed [0-9]+ bytes of console log>/) {
		b += substr($0, RSTART + 8, RLENGTH - 30) - RLENGTH - 1
	}
	END { print b + 0 }' "$1"
}

_jh_con_reached() {
	[ "$(_jh_con_pos "$jh_con")" -ge "$1" ]
}

# console_sync [SECONDS]: 0 once $jh_con holds everything the console had
# when called (a fresh non-blocking read tells how far the ring got), 1
# if the reader did not get there within SECONDS (default 30).
console_sync() {
	jailhouse console >"$jh_con.ring" 2>/dev/null || {
		echo "console_sync: cannot read the console"
		return 1
	}
	_jh_target=$(_jh_con_pos "$jh_con.ring")
	# the reader looks every 100 ms, so look more often than usual
	_jh_poll_us=50000
	if jh_poll "${1:-30}" _jh_con_reached "$_jh_target"; then
		_jh_poll_us=
		return 0
	fi
	_jh_poll_us=
	echo "console_sync: the reader got to $(_jh_con_pos "$jh_con") of $_jh_target"
	return 1
}

# console_mark: once the reader has caught up, the log's length in bytes,
# a start for the helpers below.
console_mark() {
	console_sync 30 >&2 || echo "# console_mark: reader behind, mark early" >&2
	wc -c <"$jh_con"
}

# console_since MARK: the log's lines that began after MARK (CRs dropped)
console_since() {
	if [ "$1" -gt 0 ]; then
		# from the byte before the mark: the first line is the end of
		# one begun before it, or the empty rest of the one ended there
		tail -c +"$1" "$jh_con" | sed 1d
	else
		cat "$jh_con"
	fi | tr -d '\r'
}

# console_count MARK REGEX: lines after MARK matching REGEX
console_count() {
	console_since "$1" | grep -cE -e "$2" || true
}

_jh_con_atleast() {
	[ "$(console_count "$1" "$2")" -ge "$3" ]
}

# console_wait MARK REGEX [N] [SECONDS]: 0 as soon as N (default 1) lines
# after MARK match REGEX; 1 after SECONDS (default 30), showing the log's
# last lines. MARK 0 is the start of the log.
console_wait() {
	jh_poll "${4:-30}" _jh_con_atleast "$1" "$2" "${3:-1}" && return 0
	echo "$(console_count "$1" "$2") of ${3:-1} lines match /$2/ after byte $1 of $jh_con; its last lines:"
	if console_since "$1" | grep -q '<missed [0-9]* bytes of console log>'; then
		echo "(the reader fell behind the 2 KiB ring and missed lines: too much output for a loaded machine)"
	fi
	console_since "$1" | tail -n 8
	return 1
}

# console_next REGEX [SECONDS]: a new line matching REGEX comes within
# SECONDS (default 20), e.g. a running cell ticks.
console_next() {
	_jh_next=$(console_mark)
	console_wait "$_jh_next" "$1" 1 "${2:-20}"
}

# console_none MARK REGEX: once the reader caught up, no line after MARK
# matches REGEX; the matching lines are shown otherwise.
console_none() {
	console_sync 30 || return 1
	_jh_lines=$(console_since "$1" | grep -E -e "$2") || return 0
	printf '%s\n' "$_jh_lines" | tail -n 5
	return 1
}

# console_quiet REGEX SECONDS: no new line matching REGEX is printed for
# SECONDS (choose many periods of what is expected to have stopped); the
# reader has caught up at both ends, so late lines from before do not
# count and lines from the interval cannot be missed.
console_quiet() {
	_jh_quiet=$(console_mark)
	sleep "$2"
	console_none "$_jh_quiet" "$1"
}

# --- attack scenarios: smp-test (CPUs 2-3) attacks while gic-demo (CPU 1,
# test inmate) ticks as the bystander
# jh_attack_begin WORKDIR: enable, follow the console into WORKDIR,
# start the bystander, create smp-test; $pool0 is the pool count before
jh_attack_begin() {
	require "insmod jailhouse.ko" insmod "$jh_ko"
	require "enable" $jh_raw enable "$jh_sys_cfg"
	console_follow_start "$1/console.log"
	pool0=$(jh_pool_used)
	require "create gic-demo" $jh_raw create /etc/jailhouse/qemu-arm64-gic-demo.cell
	require "load gic-demo" $jh_raw load gic-demo $jh_tests/cell-timer.bin 0
	require "start gic-demo" $jh_raw start gic-demo
	require "create smp-test" $jh_raw create /etc/jailhouse/qemu-arm64-smp-test.cell
}

# jh_bystander_ticks: gic-demo prints a new tick
jh_bystander_ticks() {
	console_next 'cell-test: tick [0-9]+ latency [0-9]+ ns, CPU 1$'
}

# jh_attack_end: both cells destroyed, everything back to where
# jh_attack_begin found it, no kernel warning
jh_attack_end() {
	check_raw "destroy smp-test" ok destroy smp-test
	check_raw "destroy gic-demo" ok destroy gic-demo
	check_eq "pool back to $pool0" "$pool0" jh_pool_used
	check_eq "all CPUs back in Linux" 0-3 cat /sys/devices/system/cpu/online
	check_raw "disable" ok disable
	console_follow_stop
	check "rmmod" rmmod jailhouse
	expect_fail "no kernel warning, BUG or Oops" sh -c \
		'dmesg | grep -E "WARNING:|BUG:|Oops|Unable to handle|stall"'
}

# --- the PL011 as the host sees it ------------------------------------
# What cells print on the shared UART, which root cannot read itself:
# run-qemu.sh feeds its serial log back on a virtio port, and /init copies
# that into this file (CRs dropped) for the whole run.
jh_serial=/tmp/jhtest/serial.log

# jh_serial_mark: the log's length in lines now, a start for the others
jh_serial_mark() {
	if [ -r $jh_serial ]; then
		wc -l <$jh_serial
	else
		echo 0
	fi
}

# jh_serial_since MARK: the lines logged after MARK. The hypervisor
# writes a line of gic-demo's (its own too) to the PL011 in one go, so one
# can land inside a line that a Linux (root's kernel, a cell) writes to the
# same UART a character at a time: "J", "gic-demo: tick 37 ...", newline,
# "HCELL-NET up ...". Such a line is put back together: the gic-demo line
# on its own, the fragment before it in front of the next line.
jh_serial_since() {
	tail -n +$(($1 + 1)) $jh_serial 2>/dev/null | awk '
		{ $0 = held $0; held = "" }
		(p = index($0, "gic-demo: ")) > 1 {
			held = substr($0, 1, p - 1)
			$0 = substr($0, p)
		}
		{ print }
		END { if (held != "") print held }'
	return 0
}

# jh_serial_count MARK REGEX: lines after MARK matching REGEX
jh_serial_count() {
	jh_serial_since "$1" | grep -cE -e "$2" || true
}

# jh_serial_wait MARK REGEX N [SECONDS]: 0 once N lines after MARK match
# REGEX, 1 after SECONDS (default 30).
jh_serial_wait() {
	_jh_n=$((${4:-30} * 5))
	while [ "$(jh_serial_count "$1" "$2")" -lt "$3" ]; do
		[ "$_jh_n" -gt 0 ] || return 1
		usleep 200000
		_jh_n=$((_jh_n - 1))
	done
}

# jh_serial_roundtrip: a line root writes to the kernel log comes back
# through the PL011 and the serial echo within 10 s, i.e. root's virtio
# input still gets its (edge-triggered) interrupts.
jh_serial_roundtrip() {
	_jh_mark=$(jh_serial_mark)
	_jh_token="jhtest-roundtrip-$(cut -d' ' -f1 /proc/uptime)"
	echo "$_jh_token" >/dev/kmsg
	jh_serial_wait "$_jh_mark" "$_jh_token" 1 10
}

# jh_serial_quiet REGEX SECONDS: no new line matching REGEX reaches the
# PL011 for SECONDS. A round trip through the serial echo (up to 30 s)
# at both ends makes sure that lines from before have all arrived and
# that lines from the interval would have.
jh_serial_quiet() {
	jh_serial_sync || return 1
	_jh_quiet=$(jh_serial_mark)
	sleep "$2"
	jh_serial_sync || return 1
	_jh_lines=$(jh_serial_since "$_jh_quiet" | grep -E -e "$1") || return 0
	printf 'new lines on the PL011:\n%s\n' "$_jh_lines" | tail -n 6
	return 1
}

# jh_serial_sync: everything the PL011 printed so far is in $jh_serial
jh_serial_sync() {
	_jh_mark=$(jh_serial_mark)
	_jh_token="jhtest-sync-$(cut -d' ' -f1 /proc/uptime)"
	echo "$_jh_token" >/dev/kmsg
	jh_serial_wait "$_jh_mark" "$_jh_token" 1 30 && return 0
	echo "jh_serial_sync: $_jh_token did not come back in 30 s"
	return 1
}
