#!/bin/sh
# Install the Debian packages the arm64 QEMU test bed and the cross build
# need. Checks with dpkg-query first, so a warm run touches neither apt nor
# the network.
#
#   setup-host.sh                 install what is missing (root), or list it
#   setup-host.sh --check         only report, exit 1 if something is missing
#   setup-host.sh --fdt-sysroot   also unpack arm64 libfdt into a sysroot in
#                                 the cache and print its path on stdout
set -eu

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/qemu/lib-host.sh
. "$here/lib-host.sh"

check_only=false
fdt=false
for arg in "$@"; do
	case $arg in
	--check) check_only=true ;;
	--fdt-sysroot) fdt=true ;;
	-h | --help)
		sed -n '2,10s/^# \{0,1\}//p' "$0"
		exit 0
		;;
	*) jh_die "unknown argument: $arg" ;;
	esac
done

native_arch=$(dpkg --print-architecture)

# One dpkg-query for all: "name:arch status" lines. A bare name may match
# several architectures of a Multi-Arch: same package, so the wanted one
# (native unless qualified, or Architecture: all) must be installed.
names=
for pkg in $jh_pkgs; do
	names="$names ${pkg%%:*}"
done
# shellcheck disable=SC2086 # word splitting of the package list is wanted
status=$(dpkg-query -W -f='${Package}:${Architecture} ${db:Status-Status}\n' $names 2>/dev/null || true)
missing=
for pkg in $jh_pkgs; do
	case $pkg in
	*:*) want="$pkg" ;;
	*) want="$pkg:$native_arch|$pkg:all" ;;
	esac
	printf '%s\n' "$status" | grep -qE "^($want) installed\$" || missing="$missing $pkg"
done
# busybox-static:arm64 is downloaded later (build-initramfs.sh), which only
# works with the arm64 architecture enabled in dpkg.
arch_missing=false
dpkg --print-foreign-architectures | grep -qx arm64 || arch_missing=true

if [ -n "$missing" ] || $arch_missing; then
	if $check_only || ! jh_is_root; then
		$arch_missing && echo "setup-host: dpkg architecture arm64 not enabled" >&2
		[ -n "$missing" ] && echo "setup-host: missing packages:$missing" >&2
		jh_is_root || echo "setup-host: run this script as root to install them" >&2
		exit 1
	fi
	$arch_missing && dpkg --add-architecture arm64
	export DEBIAN_FRONTEND=noninteractive
	jh_apt update -q >&2
	if [ -n "$missing" ]; then
		# shellcheck disable=SC2086 # word splitting of the package list is wanted
		jh_apt install -y -q --no-install-recommends $missing >&2
	fi
fi

if $fdt; then
	jh_fdt_sysroot
fi
exit 0
