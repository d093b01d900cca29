# Shared helpers for the host-side test bed scripts; sourced, not run.
# shellcheck shell=sh

# Same cache as build-kernel.sh, so one directory holds everything the
# test bed fetches or builds outside the tree.
jh_cache=${JH_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/jailhouse-arm64}

jh_die() {
	echo "${0##*/}: $*" >&2
	exit 1
}

jh_is_root() {
	[ "$(id -u)" -eq 0 ]
}

# apt-get refuses (or warns) when its sandbox user cannot write the
# download directory, which is the case for a cache under /root.
jh_apt() {
	if jh_is_root; then
		apt-get -o APT::Sandbox::User=root "$@"
	else
		apt-get "$@"
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
