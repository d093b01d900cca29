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
# behind under load, so the line gets up to JH_FILE_WAIT seconds (10).
check_file_contains() {
	_jh_tries=$((${JH_FILE_WAIT:-10} * 5))
	while [ -r "$2" ] && ! grep -qE -e "$3" "$2" && [ "$_jh_tries" -gt 0 ]; do
		usleep 200000
		_jh_tries=$((_jh_tries - 1))
	done
	if [ ! -r "$2" ]; then
		_jh_not_ok "$1" "cannot read $2"
	elif grep -qE -e "$3" "$2"; then
		_jh_ok "$1"
	else
		_jh_not_ok "$1" "$(printf 'no line matches /%s/ in %s; its tail:\n%s' \
			"$3" "$2" "$(tail -n 10 "$2")")"
	fi
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
	echo "# ${JHTEST_SCENARIO:-scenario}: $jh_checks checks, $jh_failed failed"
	[ "$jh_failed" -eq 0 ]
}

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
	check_eq "$_jh_desc" "$_jh_want" sh -c '"$0" "$@" | sed "s/ (.*//"' "$jh_raw" "$@"
}

# --- cell scenarios ---------------------------------------------------
jh_sys=/sys/devices/jailhouse
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

# jh_serial_since MARK: the lines logged after MARK
jh_serial_since() {
	tail -n +$(($1 + 1)) $jh_serial 2>/dev/null
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
