#!/bin/sh
# The whole test suite, as CI runs it (.ci/run):
#   1. build everything (tests/build-all.sh: packages, kernel, native and
#      arm64 builds),
#   2. host unit tests (make check in the native build),
#   3. the linters (tests/lint.sh),
#   4. every QEMU scenario on the real kernel, module and hypervisor,
#   5. the fuzz smoke and make distcheck,
#   6. the Debian packages: build, lintian, install, upgrade and purge on
#      this machine, and with the systemd units in the Debian arm64 guest.
# Ends with "N passed, N failed" over all of them; exits non-zero on any
# failure.
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
build=${JH_BUILD_DIR:-$top/_build}
jobs=${JOBS:-$(nproc)}
passed=0
failed=0

note() { echo "check-all: $*"; }
# Seconds since the last call: where the time goes (docs/testing.md).
t_last=$(date +%s)
took() {
	t_now=$(date +%s)
	echo "$((t_now - t_last)) s"
	t_last=$t_now
}

count() {
	passed=$((passed + $1))
	failed=$((failed + $2))
}

# A phase that is one test by itself.
phase() {
	name=$1
	shift
	note "== $name"
	took >/dev/null
	if "$@"; then
		count 1 0
		note "PASS $name ($(took))"
		return 0
	fi
	count 0 1
	note "FAIL $name ($(took))"
	return 1
}

# counts NAME OUT PREFIX TIME: the counts of OUT's last line "PREFIXN
# passed, N failed"; one failure if it has none.
counts() {
	line=$(sed -n "s/^$3\([0-9]*\) passed, \([0-9]*\) failed\$/\1 \2/p" "$2" |
		tail -n 1)
	if [ -n "$line" ]; then
		# shellcheck disable=SC2086 # two numbers
		count $line
		note "$1: $line (passed failed) ($4)"
	else
		note "FAIL $1: no verdict"
		count 0 1
	fi
}

# counted NAME OUT PREFIX CMD...: a run whose output (kept in OUT, shown
# as it goes) ends with "PREFIXN passed, N failed" adds those counts; one
# that never says so is one failure.
counted() {
	name=$1 out=$2 prefix=$3
	shift 3
	note "== $name"
	took >/dev/null
	"$@" 2>&1 | tee "$out"
	counts "$name" "$out" "$prefix" "$(took)"
}

# background NAME OUT PREFIX CMD...: as counted, but CMD runs beside what
# follows, its output only into OUT until `collect` waits for it, shows
# the output and counts it. One at a time. In a session of its own, so
# that the suite's end, however it comes, takes it and its QEMU along.
bg_pid=
# shellcheck disable=SC2317 # reached through scenarios
background() {
	bg_name=$1 bg_out=$2 bg_prefix=$3
	shift 3
	note "== $bg_name: started in the background"
	bg_start=$(date +%s)
	setsid -w "$@" >"$bg_out" 2>&1 </dev/null &
	bg_pid=$!
}
trap '[ -z "$bg_pid" ] || kill -TERM "-$bg_pid" 2>/dev/null' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
collect() {
	note "== $bg_name: waiting for it"
	wait "$bg_pid"
	bg_pid=
	cat "$bg_out"
	counts "$bg_name" "$bg_out" "$bg_prefix" "$(($(date +%s) - bg_start)) s, in the background"
}

finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
	exit
}

start=$(date +%s)

stage=$("$top/tests/build-all.sh") || {
	note "FAIL build"
	count 0 1
	finish
}
count 1 0
note "PASS build ($(took))"

# Unit tests: automake's summary gives the per-assertion TAP counts.
note "== unit tests"
# make's status too: a check-local rule can fail outside the TAP counts.
make_rc=0
(cd "$build/native" && make -s -j"$jobs" check) || make_rc=$?
log=$build/native/test-suite.log
if [ -f "$log" ]; then
	p=$(sed -n 's/^# PASS: *//p' "$log")
	f=$(sed -n 's/^# FAIL: *//p' "$log")
	e=$(sed -n 's/^# ERROR: *//p' "$log")
	x=$(sed -n 's/^# XPASS: *//p' "$log")
	# build-all.sh installed everything the tests use, so a test that
	# skips for want of a tool tests nothing here: it fails.
	s=$(sed -n 's/^# SKIP: *//p' "$log")
	bad=$((${f:-0} + ${e:-0} + ${x:-0} + ${s:-0}))
	if [ "$bad" -eq 0 ] && [ "$make_rc" -ne 0 ]; then
		note "FAIL make check: exit status $make_rc with every test passed"
		bad=1
	fi
	count "${p:-0}" "$bad"
	note "unit tests: ${p:-0} passed, $bad failed (${s:-0} skipped) ($(took))"
	[ "$bad" -eq 0 ] || cat "$log"
	[ "${s:-0}" -eq 0 ] || find "$build/native" -name '*.trs' \
		-exec grep -l '^:test-result: SKIP' {} + | sed 's/\.trs$/.log/' |
		xargs grep -h 'SKIP' | sed 's/^/check-all: skipped: /'
else
	note "FAIL unit tests: no test-suite.log"
	count 0 1
fi

phase "lint" "$top/tests/lint.sh"

# config create on the trees of real boards in the test kernel's source
# (its build is cached: build-kernel.sh only prints where it is)
# shellcheck disable=SC2317 # reached through phase
config_create_boards() (
	log=$build/config-create-boards.log
	kdir=$("$top/tests/qemu/build-kernel.sh") || exit 1
	if ! "$top/tests/cli/test-config-create-boards.sh" "$kdir" \
		"$build/native" >"$log" 2>&1; then
		grep -v '^ok' "$log"
		exit 1
	fi
	note "config create: $(grep -c '^ok' "$log") checks on board trees"
)
phase "config create on Linux's board trees" config_create_boards

# Scenarios: each one is a test; run-scenarios prints the counts. One
# boot of the test bed (4 CPUs) for those in scenarios/; upstream's QEMU
# setup boots with its 16 CPUs for those in scenarios-smp16/; the board
# with a GICv2 runs scenarios/ again, and scenarios-gicv2/ (GICv2 only);
# the ZCU102 board model runs scenarios-zcu102/ with its own configs.
# A boot's guest waits more than it computes (the two cores are about 40 %
# busy during the 4-CPU boot), so the GICv2 boot, the longest, runs beside
# the others: together they take little longer than it alone.
scenarios() { # [--background] NAME "QEMU-OPTION..." DIR...
	how=counted
	if [ "$1" = --background ]; then
		how=background
		shift
	fi
	name=$1
	opts=$2
	shift 2
	files=
	for dir; do
		files="$files $dir/[0-9a-z]*.sh"
	done
	# shellcheck disable=SC2086 # options and globs, split on purpose
	$how "QEMU scenarios ($name)" "$build/scenarios-$name.out" "scenarios: " \
		"$top/tests/qemu/run-scenarios.sh" --timeout 1200 \
		--log "$build/qemu-console-$name.log" $opts "$stage" $files
}
scenarios --background gicv2 "--gic 2" "$top/tests/qemu/scenarios" "$top/tests/qemu/scenarios-gicv2"
scenarios 4cpu "" "$top/tests/qemu/scenarios"
scenarios 16cpu "--smp 16" "$top/tests/qemu/scenarios-smp16"
scenarios zcu102 "--machine zcu102" "$top/tests/qemu/scenarios-zcu102"
collect

# The build without the Linux loader: configure stops when libfdt is
# missing and says how to go on; with --disable-linux-loader the rest
# builds, and "cell linux" says what it lacks and hands upstream's script
# the arguments (the tests that have a path for a loader-less build).
# Configured with the default prefix (/usr/local), its install puts
# jailhouse.bin where the kernel looks, /lib/firmware.
# shellcheck disable=SC2317 # reached through phase
no_loader() (
	mkdir -p "$build/no-loader" && cd "$build/no-loader" || exit 1
	if "$top/configure" -q ac_cv_header_libfdt_h=no >configure.log 2>&1; then
		echo "configure went on without libfdt"
		exit 1
	fi
	if ! grep -q 'configure with --disable-linux-loader to build without it' configure.log; then
		tail -n 5 configure.log
		exit 1
	fi
	if ! { "$top/configure" -q --disable-linux-loader --enable-werror >configure.log 2>&1 &&
		make -s -j"$jobs" >make.log 2>&1 &&
		make -s -j"$jobs" check TESTS="tests/cli/test-cli-linux.sh tests/libjailhouse/test-linux" \
			>check.log 2>&1 &&
		grep -q 'without the loader cell linux says so' tests/cli/test-cli-linux.sh.log; }; then
		tail -n 30 configure.log make.log check.log 2>/dev/null
		exit 1
	fi
	rm -rf inst
	if ! { make -s install DESTDIR="$PWD/inst" >install.log 2>&1 &&
		test -f inst/lib/firmware/jailhouse.bin &&
		test -x inst/usr/local/bin/jailhouse; }; then
		echo "default install: jailhouse.bin not in /lib/firmware"
		tail -n 20 install.log
		find inst -name jailhouse.bin
		exit 1
	fi
)
phase "build without the Linux loader" no_loader

# Fuzz smoke: every parser of untrusted bytes under libFuzzer with
# ASan/UBSan, a few seconds each, in a build instrumented as a whole. Any
# undefined behaviour stops the fuzzer (no recovery), in the libraries too.
# shellcheck disable=SC2317 # reached through phase
fuzz_smoke() (
	mkdir -p "$build/fuzz" && cd "$build/fuzz" &&
	{ [ -f Makefile ] || CC=clang \
		CFLAGS="-g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" \
		"$top/configure" -q --enable-fuzzing --enable-static --disable-shared \
		--enable-werror \
		>configure.log 2>&1 || { tail -n 20 configure.log; false; }; } &&
	make -s -j"$jobs" fuzz-smoke FUZZ_SECONDS="${FUZZ_SECONDS:-10}"
)
phase "fuzz smoke" fuzz_smoke
phase "distcheck" sh -c "cd '$build/native' && make -s -j$jobs distcheck >distcheck.log 2>&1 || { tail -n 40 distcheck.log; exit 1; }"

# The Debian packages (tests/packages): built from the tarball `make dist`
# makes, lintian, then installed, upgraded and purged in a Debian root of
# their own; each check counts.
# shellcheck disable=SC2317 # reached through phase
packages_host() {
	debs=$("$top/tests/packages/build-debs.sh") &&
		"$top/tests/packages/test-host.sh" "$debs"
}
counted "Debian packages on this machine" "$build/packages-host.out" "" packages_host
# The arm64 packages and the systemd units in the Debian arm64 guest
# booting systemd: install, units started, failures, reboot, purge.
counted "Debian packages and systemd units in the Debian guest" \
	"$build/debian-guest.out" "" "$top/tests/qemu/test-debian-guest.sh"

note "total time $(($(date +%s) - start)) s"
finish
