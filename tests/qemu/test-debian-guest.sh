#!/bin/sh
# The Debian packages and the systemd units end to end, in the Debian
# arm64 guest with systemd as init (tests/qemu/debian/packages/run.sh says
# what is checked there): install, jailhouse.service refusing a cell
# config and an offline CPU, the units started, status, a broken cell
# description, a failing cell, stop, the state back after a reboot,
# reinstall, purge. Here, from the hypervisor's UART: gic-demo ran, the
# Linux cell came up in both boots, the faulting cell was stopped.
#
#   tests/qemu/test-debian-guest.sh [--debs DIR] [--log FILE] [--timeout SEC]
#     --debs DIR   the arm64 packages (default: build-debs.sh --arch arm64)
#     --log FILE   the guest's root console (default under _build); the
#                  hypervisor's UART goes to FILE with .serial.log
#
# The guest has no kernel headers: the modules are built here by DKMS
# against the test kernel, from the jailhouse-dkms package, and handed to
# the guest's DKMS as a binaries tarball. Ends with "N passed, N failed".
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
build=${JH_BUILD_DIR:-$top/_build}
# shellcheck source=tests/qemu/lib-host.sh
. "$here/lib-host.sh"

debs=
log=$build/debian-guest.log
timeout=1500
while [ $# -gt 0 ]; do
	case $1 in
	--debs) debs=$2; shift ;;
	--log) log=$2; shift ;;
	--timeout) timeout=$2; shift ;;
	*) jh_die "unknown argument: $1" ;;
	esac
	shift
done
say() { echo "debian-guest: $*" >&2; }

kdir=$("$here/build-kernel.sh")
krel=$(cat "$kdir/include/config/kernel.release")
[ -n "$debs" ] || debs=$("$top/tests/packages/build-debs.sh" --arch arm64)

work=$build/debian-guest
payload=$work/payload
rm -rf "$work"
mkdir -p "$payload/debs"
for deb in "$debs"/*.deb; do
	case $deb in *-dbgsym_*) ;; *) cp "$deb" "$payload/debs/" ;; esac
done
cp "$here/debian/packages/run.sh" "$payload/run.sh"
cp "$top/tests/packages/purge-check.sh" "$payload/"
cp "$kdir/arch/arm64/boot/Image.gz" "$payload/Image.gz"
# what the kernel's package would put in /lib/modules/<release>
mkdir -p "$payload/kernel"
for f in modules.builtin modules.builtin.modinfo modules.order; do
	[ ! -f "$kdir/$f" ] || cp "$kdir/$f" "$payload/kernel/"
done
"$here/build-cell-initramfs.sh" "$payload/cell-initrd.cpio.gz" >&2

# DKMS on this machine, in a tree of its own, cross-building the
# package's source for the test kernel.
say "DKMS build of jailhouse-dkms for $krel"
dk=$work/dkms
mkdir -p "$dk/tree" "$dk/src"
dkms_deb=$(echo "$payload"/debs/jailhouse-dkms_*_all.deb)
dpkg-deb -x "$dkms_deb" "$dk/src"
version=$(dpkg-deb -f "$dkms_deb" Version)
version=${version%%-*}
echo "$version" >"$payload/dkms-version"
dkms_args="-m jailhouse -v $version -k $krel -a aarch64 --dkmstree $dk/tree
--sourcetree $dk/src/usr/src"
# shellcheck disable=SC2086 # the arguments are words
if ! CROSS_COMPILE=aarch64-linux-gnu- dkms build $dkms_args \
	--kernelsourcedir "$kdir" >"$work/dkms.log" 2>&1 ||
	! dkms mktarball $dkms_args --binaries-only \
		--archive "$payload/jailhouse-dkms-binaries.tar.gz" >>"$work/dkms.log" 2>&1; then
	tail -n 30 "$work/dkms.log" >&2
	jh_die "DKMS could not build jailhouse-dkms for $krel"
fi

{
	rc=0
	"$here/run-debian-guest.sh" --timeout "$timeout" --log "$log" \
		"$kdir/arch/arm64/boot/Image" "$payload" || rc=$?
	echo "$rc" >"$work/guest.rc"
} 2>&1 | tee "$work/guest.out"
rc=$(cat "$work/guest.rc")
serial=${log%.log}.serial.log

# What the cells printed on the hypervisor's UART, in boot 1 and boot 2.
passed=0
failed=0
uart() { # NAME PATTERN MIN: at least MIN lines match
	n=$(grep -ac -- "$2" "$serial" || true)
	if [ "$n" -ge "$3" ]; then
		passed=$((passed + 1))
		echo "PASS $1"
	else
		failed=$((failed + 1))
		echo "FAIL $1 ($n lines of '$2', want $3)"
	fi
}
uart "gic-demo ran" 'gic-demo: start cpu' 1
uart "the Linux cell came up in both boots" 'JHCELL-LINUX-UP cpus=' 2
uart "the faulty cell was stopped by the hypervisor" 'of cell "gic-demo" failed' 1

# run-debian-guest.sh ends with the guest's counts; a run that failed
# without a failed check (a timeout, a panic) is one failure more.
line=$(sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$work/guest.out" |
	tail -n 1)
# shellcheck disable=SC2086 # two numbers
set -- ${line:-0 0}
passed=$((passed + $1))
failed=$((failed + $2))
if [ "$rc" -ne 0 ] && [ "$2" -eq 0 ]; then
	failed=$((failed + 1))
	echo "FAIL the guest run (exit $rc)"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
