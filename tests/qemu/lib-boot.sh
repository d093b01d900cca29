# What the two runners of a test-bed boot share, run-qemu.sh (the
# initramfs) and run-debian-guest.sh (the Debian guest): the machine, the
# helpers running beside QEMU, and the judgement; sourced by bash, not run.
# Both judge the same markers the guest prints on its root console:
#   JHTEST-PLAN NAME...     the checks that will report
#   JHTEST-RESULT NAME PASS|FAIL
# shellcheck shell=bash disable=SC2034 # its variables are for the callers

# What a kernel prints when it is broken; JH_FAIL_REGEX adds more.
jh_panic_re='Kernel panic - not syncing|Internal error: |Unable to handle kernel|kernel BUG at|(^|\] )BUG: '
[ -z "${JH_FAIL_REGEX:-}" ] || jh_panic_re="$jh_panic_re|$JH_FAIL_REGEX"

# The machine both boot: QEMU's virt board at EL2 with Cortex-A57s, and a
# virtio console (chardev "rootcon") for root's /dev/console.
# jh_virt_args GIC SMP: into the array jh_virt.
jh_virt_args() {
	jh_virt=(-machine "virt,gic-version=$1,virtualization=on,its=off"
		-cpu cortex-a57 -smp "$2"
		-device "virtio-serial-device,id=rootcon-bus,max_ports=1"
		-device "virtconsole,bus=rootcon-bus.0,chardev=rootcon")
}

# The helpers a run starts beside QEMU (live views, readers of its
# consoles): their PIDs go into jh_bg_pids; jh_bg_stop ends them, with
# their children.
jh_bg_pids=()
jh_bg_stop() {
	local pid
	for pid in "${jh_bg_pids[@]}"; do
		pkill -P "$pid" 2>/dev/null || true
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
	jh_bg_pids=()
}

# jh_follow FILE PREFIX [SKIP_REGEX]: a live view of FILE on stdout, each
# line after PREFIX, those matching SKIP_REGEX left out.
jh_follow() {
	(tail -F -n +1 "$1" 2>/dev/null |
		if [ -n "${3:-}" ]; then grep --line-buffered -v -e "$3"; else cat; fi |
		sed -u "s/^/$2/") &
	jh_bg_pids+=($!)
}

# jh_strip_cr FILE...: the consoles write CRLF; plain LF keeps grep and
# editors simple.
jh_strip_cr() {
	local f
	for f; do
		tr -d '\r' <"$f" >"$f.tmp" && mv "$f.tmp" "$f"
	done
}

# jh_tally LOG [NAME...]: the markers of LOG into plan, results, passed,
# failed and missing (planned or NAMEd checks that never reported, each
# counted as failed). Markers may have kernel messages printed into the
# middle of their line's start, so they are looked for anywhere in a line.
jh_tally() {
	local log=$1 name verdict
	shift
	plan=$(sed -n 's/.*JHTEST-PLAN\( \(.*\)\)\{0,1\}$/\2/p' "$log" | tail -n 1)
	results=$(grep -o 'JHTEST-RESULT [^ ]* .*' "$log" || true)
	passed=0
	failed=0
	missing=
	local -A seen=()
	while read -r _ name verdict; do
		[ -n "$name" ] || continue
		seen[$name]=1
		if [ "$verdict" = PASS ]; then
			passed=$((passed + 1))
		else
			failed=$((failed + 1))
		fi
	done <<<"$results"
	# shellcheck disable=SC2086 # one word a name
	for name in $plan "$@"; do
		if [ -z "${seen[$name]:-}" ]; then
			seen[$name]=1
			missing="$missing $name"
			failed=$((failed + 1))
		fi
	done
}

# jh_panic_in FILE...: the first line of a broken kernel in the FILEs, as a
# reason; false if there is none.
jh_panic_in() {
	local f
	for f; do
		if grep -qE "$jh_panic_re" "$f"; then
			echo "kernel panic/Oops/BUG in ${f##*/}: $(grep -m1 -E "$jh_panic_re" "$f")"
			return 0
		fi
	done
	return 1
}

# jh_reasons_common RC TIMEOUT LOG NOUN: append to the array reasons what
# every boot is judged by: QEMU's end (RC: timeout's status), failed and
# missing checks (after jh_tally). NOUN names a check in the messages.
jh_reasons_common() {
	local rc=$1 timeout=$2 log=$3 noun=$4
	[ "$rc" -ne 124 ] && [ "$rc" -ne 137 ] ||
		reasons+=("timeout: QEMU killed after ${timeout}s")
	grep -q 'JHTEST-RESULT [^ ]* FAIL' "$log" &&
		reasons+=("failed $noun(s):$(grep -o 'JHTEST-RESULT [^ ]* FAIL' "$log" | cut -d' ' -f2 | tr '\n' ' ' | sed 's/^/ /; s/ $//')")
	[ -z "$missing" ] || reasons+=("$noun(s) without a result:$missing")
	[ "$rc" -eq 0 ] || [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ] ||
		reasons+=("QEMU exited with status $rc")
}

# jh_print_results: every result, and MISSING for those that never came.
jh_print_results() {
	local name
	[ -z "$results" ] || printf '%s\n' "$results"
	for name in $missing; do
		echo "JHTEST-RESULT $name MISSING"
	done
}
