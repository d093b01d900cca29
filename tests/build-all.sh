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

# libfdt for arm64 comes unpacked in a sysroot (it cannot be installed
# next to the native libfdt-dev); the path is the only stdout line.
fdt=$("$top/tests/qemu/setup-host.sh" --fdt-sysroot)
kdir=$("$top/tests/qemu/build-kernel.sh")

# shellcheck disable=SC3013 # dash's test has -nt, as bash's
if [ ! -x "$top/configure" ] || [ "$top/configure.ac" -nt "$top/configure" ]; then
	say "generating the build system"
	"$top/autogen.sh" >&2
fi

# Developer and CI builds treat warnings as errors (a release need not).
# A build configured otherwise, or before the option, is configured again.
configured_strict() {
	[ -f Makefile ] && grep -qF -- --enable-werror config.status
}

# Native: userspace for the host (unit tests), hypervisor and configs.
say "native build in $build/native"
mkdir -p "$build/native"
(cd "$build/native" &&
	{ configured_strict || "$top/configure" -q --enable-werror >&2; } &&
	make -s -j"$jobs" >&2)

# arm64: what runs in the guest, installed like a distribution would.
stage=$build/stage
say "arm64 build in $build/aarch64, staged in $stage"
mkdir -p "$build/aarch64"
# The Linux loader (jailhouse cell linux) is required here; libfdt is
# linked statically, so the guest needs no libfdt.so. An existing build
# configured without these flags, or for another kernel tree (its config
# changed), is configured again.
fdt_cflags="-I$fdt/usr/include"
fdt_libs="-L$fdt/usr/lib/aarch64-linux-gnu -l:libfdt.a"
configure_aarch64() {
	say "configuring the arm64 build"
	PKG_CONFIG_LIBDIR=/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig \
	"$top/configure" -q --host=aarch64-linux-gnu --prefix=/usr \
		--sysconfdir=/etc --with-firmwaredir=/lib/firmware \
		--with-kernel="$kdir" --enable-linux-loader --enable-werror \
		LIBFDT_CFLAGS="$fdt_cflags" LIBFDT_LIBS="$fdt_libs" >&2
}
(cd "$build/aarch64" &&
	{ { configured_strict && grep -qF -- "$fdt_libs" config.status &&
		grep -qF -- "--with-kernel=$kdir" config.status; } ||
		configure_aarch64; } &&
	make -s -j"$jobs" >&2 &&
	rm -rf "$stage" &&
	make -s install DESTDIR="$stage" >&2 &&
	make -s install-qemu-tests DESTDIR="$stage" >&2)

echo "$stage"
