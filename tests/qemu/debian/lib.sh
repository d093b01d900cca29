# Shared by the Debian guest's payloads: run-debian-guest.sh puts it on
# every payload disk as /payload/lib.sh; sourced. jh_tag (set by the
# payload) starts each line it prints.
# shellcheck shell=sh

pass() { echo "JHTEST-RESULT $1 PASS"; }
fail() { echo "JHTEST-RESULT $1 FAIL"; }

# check NAME CMD...: CMD with its output on the console, a result by its
# exit status.
check() {
	name=$1
	shift
	# shellcheck disable=SC2154 # the payload sets jh_tag
	echo "$jh_tag: $name: $*"
	if "$@"; then pass "$name"; else fail "$name"; fi
}
