# SPDX-License-Identifier: LGPL-2.1-or-later
#
# TAP output for the host test scripts; sourced, never run:
#   . "$JH_SRCDIR/tests/unit/tap.sh"
# A script calls ok/skip per check and ends with tap_done, whose status
# is the script's verdict. Define tap_on_failure to show more context
# (e.g. the captured output) under a failed check.
# shellcheck shell=sh

tap_n=0
tap_failed=0

# ok STATUS DESCRIPTION: STATUS 0 passes.
ok() {
	tap_n=$((tap_n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_failed=$((tap_failed + 1))
		if command -v tap_on_failure >/dev/null; then
			tap_on_failure
		fi
	fi
}

# skip DESCRIPTION REASON: counted as passed, marked as skipped.
skip() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1 # SKIP $2"
}

tap_done() {
	echo "1..$tap_n"
	[ "$tap_failed" = 0 ]
}
