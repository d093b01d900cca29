#!/bin/sh
# Build the Debian packages (debian/) from the tree as `make dist` ships
# it, so a file missing from the tarball fails here as it would for a
# distribution. Needs a configured native build (tests/build-all.sh).
#
#   tests/packages/build-debs.sh [--arch arm64]   prints the directory of the .debs
#
# Native (amd64): dpkg-buildpackage -b with its build-dependency check.
# --arch arm64 cross-builds with dpkg-buildpackage -a arm64 -b; with the
# arm64 libfdt-dev installed that is all, as on a machine set up for it
# (tests/fresh-machine.sh proves that). The test suite's machine has the
# native libfdt-dev, which the arm64 one cannot sit beside, so there the
# arm64 libfdt comes unpacked in a sysroot (setup-host.sh --fdt-sysroot)
# and the dependency check is skipped (-d). Tests already ran in the
# suite: nocheck. Environment: JH_BUILD_DIR, JOBS.
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
build=${JH_BUILD_DIR:-$top/_build}
jobs=${JOBS:-$(nproc)}
arch=
case ${1:-} in
--arch) arch=$2 ;;
"") ;;
*) echo "usage: $0 [--arch arm64]" >&2; exit 2 ;;
esac

say() { echo "build-debs: $*" >&2; }

version=$(sed -n 's/^PACKAGE_VERSION = //p' "$build/native/Makefile")
[ -n "$version" ] || { say "no configured build in $build/native (tests/build-all.sh)"; exit 1; }
# debian/changelog and configure.ac name the same version
deb_version=$(dpkg-parsechangelog -l "$top/debian/changelog" -S Version)
[ "$deb_version" = "$version" ] || {
	say "debian/changelog says $deb_version, configure.ac $version"
	exit 1
}

out=$build/debs/${arch:-native}
rm -rf "$out"
mkdir -p "$out"
say "make dist"
(cd "$build/native" && make -s dist-gzip >/dev/null)
tar -xzf "$build/native/jailhouse-$version.tar.gz" -C "$out"
src=$out/jailhouse-$version

set -- -b -uc -us
if [ -n "$arch" ]; then
	set -- "$@" -a "$arch"
	if ! dpkg-query -W -f='${db:Status-Status}' "libfdt-dev:$arch" 2>/dev/null |
		grep -qx installed; then
		fdt=$("$top/tests/qemu/setup-host.sh" --fdt-sysroot)
		LIBFDT_CFLAGS="-I$fdt/usr/include"
		LIBFDT_LIBS="-L$fdt/usr/lib/aarch64-linux-gnu -l:libfdt.a"
		export LIBFDT_CFLAGS LIBFDT_LIBS
		set -- "$@" -d
		say "libfdt-dev:$arch is not installed: its sysroot, no build-dependency check"
	fi
fi
say "dpkg-buildpackage $* (log: $out/build.log)"
if ! (cd "$src" && DEB_BUILD_OPTIONS="nocheck parallel=$jobs" DEB_BUILD_PROFILES=nocheck \
	dpkg-buildpackage "$@") >"$out/build.log" 2>&1; then
	tail -n 40 "$out/build.log" >&2
	exit 1
fi
rm -rf "$src"
echo "$out"
