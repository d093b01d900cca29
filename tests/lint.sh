#!/bin/sh
# The linters, each of which must be clean: shellcheck over every shell
# script, every QEMU scenario ending in `finish` (without it failed
# checks do not fail the scenario), the kernel's checkpatch over the driver, cppcheck over the C
# code built for the host and over the freestanding code built for EL1
# and EL2. tests/check-all.sh runs it after the build.
#
#   tests/lint.sh [KERNEL_TREE]    (default: the test kernel's, built)
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
kdir=${1:-$("$top/tests/qemu/build-kernel.sh")} || exit 1
cd "$top" || exit 1
failed=0

lint() {
	name=$1
	shift
	if "$@"; then
		echo "lint: $name clean"
	else
		echo "lint: FAIL $name"
		failed=1
	fi
}

# Every script of ours: not build or distcheck trees, not autotools'.
scripts=$(find . \( -path ./_build -o -path './jailhouse-arm64-*' -o \
	-path ./.git -o -path ./build-aux -o -path ./autom4te.cache \) \
	-prune -o -name '*.sh' -print | sort)
# shellcheck disable=SC2086 # one word per script
lint shellcheck shellcheck -x .ci/run $scripts

# A scenario's verdict is its exit status, which only `finish` derives
# from the checks: it must be the last command.
# shellcheck disable=SC2317 # called through lint
scenarios_finish() {
	_ok=0
	for _s in tests/qemu/scenarios*/*.sh; do
		[ "${_s##*/}" != lib.sh ] || continue
		[ "$(grep -v '^[[:space:]]*$' "$_s" | tail -n 1)" = finish ] && continue
		echo "$_s: does not end with finish"
		_ok=1
	done
	return "$_ok"
}
lint "scenario endings" scenarios_finish

# Out of tree, the modules serve several kernels: driver/compat.h holds
# the version tests checkpatch would have merged code do without.
lint checkpatch perl "$kdir/scripts/checkpatch.pl" --no-tree --quiet \
	--color=never --ignore LINUX_VERSION_CODE --file driver/*.c driver/*.h

cppcheck_opts="-q --error-exitcode=1 --inline-suppr \
--enable=warning,portability,performance --suppress=missingIncludeSystem"
# shellcheck disable=SC2086 # options
lint "cppcheck (host)" cppcheck $cppcheck_opts -D__linux__ -I include \
	-I libjailhouse -I loaders libjailhouse cli loaders/*.c
# shellcheck disable=SC2086 # options
lint "cppcheck (EL1/EL2)" cppcheck $cppcheck_opts -D__aarch64__ \
	-D__JAILHOUSE_FREESTANDING__ -I include -I hypervisor/include \
	-I hypervisor/arch/arm64/include -I freestanding/include freestanding \
	hypervisor inmates tests/qemu/inmates tests/inmates

exit $failed
