#!/bin/sh
# Build everything the test bed needs, from a fresh clone on Debian 12:
# host packages, the test kernel, a native build (host unit tests) and a
# cross build for arm64 installed into the guest's staging tree.
#
#   tests/build-all.sh            prints the staging directory on stdout
#
# Environment: JH_BUILD_DIR (default _build in the tree), JH_CACHE_DIR
# (kernel cache, default ~/.cache/jailhouse-arm64), JOBS.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build=${JH_BUILD_DIR:-$top/_build}
jobs=${JOBS:-$(nproc)}

say() { echo "build-all: $*" >&2; }

"$top/tests/qemu/setup-host.sh" >&2
kdir=$("$top/tests/qemu/build-kernel.sh")

if [ ! -x "$top/configure" ] || [ "$top/configure.ac" -nt "$top/configure" ]; then
	say "generating the build system"
	"$top/autogen.sh" >&2
fi

# Native: userspace for the host (unit tests), hypervisor and configs.
say "native build in $build/native"
mkdir -p "$build/native"
(cd "$build/native" &&
	{ [ -f Makefile ] || "$top/configure" -q >&2; } &&
	make -s -j"$jobs" >&2)

# arm64: what runs in the guest, installed like a distribution would.
stage=$build/stage
say "arm64 build in $build/aarch64, staged in $stage"
mkdir -p "$build/aarch64"
(cd "$build/aarch64" &&
	{ [ -f Makefile ] ||
		PKG_CONFIG_LIBDIR=/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig \
		"$top/configure" -q --host=aarch64-linux-gnu --prefix=/usr \
			--sysconfdir=/etc --with-firmwaredir=/lib/firmware \
			--with-kernel="$kdir" >&2; } &&
	make -s -j"$jobs" >&2 &&
	rm -rf "$stage" &&
	make -s install DESTDIR="$stage" >&2 &&
	make -s install-qemu-tests DESTDIR="$stage" >&2)

echo "$stage"
