# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Running the jailhouse command against fake roots and the fake driver;
# sourced after tap.sh by the CLI test scripts. Sets WORK (removed on
# exit) and CFG (the test configs); the last run's output is in
# $WORK/out and $WORK/err, its exit status in rc.
# shellcheck shell=sh

builddir=${JH_BUILDDIR:-$PWD}
JH=$builddir/cli/jailhouse
HELPER=$builddir/tests/fakes/jhtest-helper
FAKE=$builddir/tests/fakes/.libs/libfakejh.so

WORK=$(mktemp -d "${TMPDIR:-/tmp}/jhcli-XXXXXX") || exit 99
trap 'rm -rf "$WORK"' EXIT
CFG=$WORK/cfg
mkdir "$CFG" && "$HELPER" configs "$CFG" || exit 99
: >"$WORK/out"
: >"$WORK/err"

tap_on_failure() {
	sed 's/^/#   out: /' "$WORK/out"
	sed 's/^/#   err: /' "$WORK/err"
}

# run ARGS...: the command under the fake driver, in root $ROOT; through
# $JH_RUN_WRAP if set (a command prefix, e.g. env --default-signal=INT)
run() {
	# shellcheck disable=SC2086 # the prefix is words
	JAILHOUSE_TEST_ROOT=$ROOT JH_FAKE_ROOT=$ROOT LD_PRELOAD=$FAKE \
		${JH_RUN_WRAP:-} "$JH" "$@" >"$WORK/out" 2>"$WORK/err"
	rc=$?
}

# json_ok WHAT: the last run's stdout is valid JSON (the helper's parser)
json_ok() {
	"$HELPER" json <"$WORK/out" 2>>"$WORK/err"
	ok $? "$1: valid JSON"
}

# t DESCRIPTION RC [STDOUT-REGEX [STDERR-REGEX]]: checks the last run.
t() {
	res=0
	[ "$rc" = "$2" ] || { echo "# exit $rc, want $2"; res=1; }
	if [ -n "${3:-}" ] && ! grep -Eq -- "$3" "$WORK/out"; then
		echo "# stdout lacks: $3"
		res=1
	fi
	if [ -n "${4:-}" ] && ! grep -Eq -- "$4" "$WORK/err"; then
		echo "# stderr lacks: $4"
		res=1
	fi
	ok $res "$1"
}

# new_root [enabled]: a fresh fake root, with the hypervisor on if asked.
# shellcheck disable=SC2154,SC3044 # tap_n is tap.sh's; enable is a jailhouse command
new_root() {
	ROOT=$WORK/root$tap_n
	"$HELPER" root "$ROOT" || exit 99
	if [ "${1:-}" = enabled ]; then
		run enable "$CFG/sys.cell"
		[ "$rc" = 0 ] || exit 99
	fi
}

# cells: how many non-root cells the fake sysfs holds
cells() {
	c=0
	for d in "$ROOT"/sys/devices/jailhouse/cells/*; do
		[ -d "$d" ] && [ "${d##*/}" != 0 ] && c=$((c + 1))
	done
	echo $c
}
