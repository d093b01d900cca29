# Shared helpers for the host-side test bed scripts; sourced, not run.
# shellcheck shell=sh disable=SC2034 # its variables are for the sourcing scripts

# One directory outside the tree holds everything the test bed fetches or
# builds. The kernel builds and the Debian guest's images have folders of
# their own, the only parts of the cache that tests/fresh-machine.sh
# shares into its fresh root: their keys cover every input (the images
# are made again after a week, as the fresh roots' base is, for Debian's
# updates).
jh_cache=${JH_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/jailhouse-arm64}
jh_kernel_cache=$jh_cache/kernels
jh_image_cache=$jh_cache/images

# The Debian 12 packages the README's two commands install, by what needs
# them. Every one is used, and none comes with another one on the list:
# tests/fresh-machine.sh checks the latter with apt's simulation, so that
# deleting any one of them from here fails that check. They bring along what
# the scripts also call: automake, autoconf and libtool (debhelper, through
# dh-autoreconf), man-db's man for the man page checks (debhelper), gcc, libc6-dev and file, binutils-aarch64-linux-gnu (the
# cross gcc), xz-utils (linux-source-6.1), make (build-essential) and kmod's
# depmod for the staged module (dkms).
# The kernel build, and make; the versions of these packages are part of the
# kernel cache key (tests/qemu/build-kernel.sh).
jh_pkgs_kernel="linux-source-6.1 gcc-aarch64-linux-gnu bc flex bison"
jh_kernel_tools="$jh_pkgs_kernel make"
# The userspace, hypervisor and configs (libraries, dtc).
jh_pkgs_build="pkg-config zlib1g-dev libkmod-dev libfdt-dev device-tree-compiler"
# Cross-building the toolkit through multiarch. Not libfdt-dev:arm64: it
# conflicts with the native libfdt-dev (see jh_fdt_sysroot).
jh_pkgs_arm64="libkmod-dev:arm64 zlib1g-dev:arm64"
# The test bed: QEMU, the initramfs, pkill in run-qemu.sh.
jh_pkgs_qemu="qemu-system-arm cpio procps"
# Host tests: jq checks the loader's JSON, systemd-analyze the units; the
# linters of tests/lint.sh.
jh_pkgs_tests="jq shellcheck cppcheck systemd"
# The fuzz smoke: libFuzzer with ASan/UBSan.
jh_pkgs_fuzz="clang libclang-rt-14-dev"
# The Debian packages (tests/packages): what dpkg-buildpackage checks for
# (build-essential) and its helpers, lintian, mmdebstrap for the root they
# are installed into, and dkms, which builds the driver package's modules
# for the Debian guest's kernel (tests/qemu/test-debian-guest.sh).
jh_pkgs_packaging="build-essential debhelper dh-dkms dkms lintian mmdebstrap"
# The Debian guest: debootstrap's first stage on this machine
# (build-debian-rootfs.sh), qemu-img for the disk overlay each boot writes to
# (run-debian-guest.sh). mkfs.ext4 comes with the base system (e2fsprogs).
jh_pkgs_debian="debootstrap qemu-utils"
jh_pkgs="$jh_pkgs_kernel $jh_pkgs_build $jh_pkgs_arm64 $jh_pkgs_qemu
$jh_pkgs_tests $jh_pkgs_fuzz $jh_pkgs_packaging $jh_pkgs_debian"

jh_die() {
	echo "${0##*/}: $*" >&2
	exit 1
}

jh_is_root() {
	[ "$(id -u)" -eq 0 ]
}

# apt-get refuses (or warns) when its sandbox user cannot write the
# download directory, which is the case for a cache under /root.
# A download that fails once (a mirror's hiccup) is tried again.
jh_apt() {
	if jh_is_root; then
		apt-get -o Acquire::Retries=3 -o APT::Sandbox::User=root "$@"
	else
		apt-get -o Acquire::Retries=3 "$@"
	fi
}

# jh_fetch_debs DEST PKG... : download Debian packages (any architecture,
# without installing them) and unpack them into DEST. Done once: DEST/.done
# records the package list, so warm runs need neither apt nor the network.
jh_fetch_debs() {
	dest=$1
	shift
	want="$*"
	if [ -f "$dest/.done" ] && [ "$(cat "$dest/.done")" = "$want" ]; then
		return 0
	fi
	dl=$(mktemp -d "${TMPDIR:-/tmp}/jh-debs.XXXXXX")
	# An arm64 package is only known to apt once the foreign architecture
	# is enabled and the lists are updated; retry once after doing that.
	if ! (cd "$dl" && jh_apt download -q "$@") >&2; then
		if jh_is_root; then
			echo "${0##*/}: retrying after enabling arm64 and apt-get update" >&2
			dpkg --add-architecture arm64
			jh_apt update -q >&2
			(cd "$dl" && jh_apt download -q "$@") >&2 || {
				rm -rf "$dl"
				jh_die "apt-get download $* failed"
			}
		else
			rm -rf "$dl"
			jh_die "apt-get download $* failed (run tests/qemu/setup-host.sh as root first)"
		fi
	fi
	rm -rf "$dest"
	mkdir -p "$dest"
	for deb in "$dl"/*.deb; do
		dpkg-deb -x "$deb" "$dest"
	done
	rm -rf "$dl"
	echo "$want" >"$dest/.done"
}

# Path of a static arm64 busybox, fetched on first use.
jh_busybox() {
	jh_fetch_debs "$jh_cache/busybox-static-arm64" busybox-static:arm64
	bb=$jh_cache/busybox-static-arm64/bin/busybox
	[ -x "$bb" ] || jh_die "no bin/busybox in busybox-static:arm64"
	echo "$bb"
}

# Sysroot holding arm64 libfdt (headers, .a, .so). The package cannot be
# installed through multiarch next to the native libfdt-dev, so it is only
# unpacked. Use with -I$sysroot/usr/include -L$sysroot/usr/lib/aarch64-linux-gnu.
jh_fdt_sysroot() {
	jh_fetch_debs "$jh_cache/sysroot-fdt-arm64" libfdt-dev:arm64 libfdt1:arm64
	echo "$jh_cache/sysroot-fdt-arm64"
}
