# Minimal Debian 12 roots for tests that need a machine of their own
# (tests/fresh-machine.sh, tests/packages/test-host.sh); sourced after
# tests/qemu/lib-host.sh. Needs root, mmdebstrap and Debian's mirror.
# shellcheck shell=sh

jh_suite=bookworm
jh_mirror=http://deb.debian.org/debian
jh_security=http://deb.debian.org/debian-security

# jh_base_root TAR PACKAGES [FORCE]: TAR is a minbase root with the
# comma-separated PACKAGES, made again when they change, after a week
# (Debian's updates make it stale), or when FORCE is "true".
jh_base_root() {
	recipe="2 minbase $2 $jh_suite $jh_mirror $jh_security"
	command -v mmdebstrap >/dev/null || {
		echo "${0##*/}: installing mmdebstrap on this machine" >&2
		DEBIAN_FRONTEND=noninteractive jh_apt install -y -q --no-install-recommends \
			mmdebstrap >&2 || jh_die "cannot install mmdebstrap"
	}
	mkdir -p "$(dirname "$1")"
	if [ "${3:-false}" = true ] || [ ! -f "$1" ] ||
		[ "$(cat "$1.recipe" 2>/dev/null)" != "$recipe" ] ||
		[ -n "$(find "$1" -mtime +6)" ]; then
		echo "${0##*/}: making a minimal Debian 12 root ($1)" >&2
		rm -rf "$1" "$1.recipe" "$1.tmp"
		mmdebstrap --quiet --format=tar --variant=minbase --include="$2" \
			"$jh_suite" "$1.tmp" \
			"deb $jh_mirror $jh_suite main" "deb $jh_mirror $jh_suite-updates main" \
			"deb $jh_security $jh_suite-security main" ||
			jh_die "mmdebstrap failed"
		mv "$1.tmp" "$1"
		echo "$recipe" >"$1.recipe"
	fi
}

# jh_new_root DIR TAR: DIR is a fresh copy of the root in TAR.
jh_new_root() {
	rm -rf "$1"
	mkdir -p "$1"
	tar -xf "$2" -C "$1" || jh_die "cannot extract $2 into $1"
	cp /etc/resolv.conf "$1/etc/resolv.conf" || jh_die "cannot copy resolv.conf into $1"
}

# jh_in_root DIR BIND CMD...: CMD as root inside DIR, with a clean
# environment, in a mount namespace of its own (whatever is mounted for it
# goes with the namespace, however the run ends). BIND: directories of
# this machine (separated by blanks), each mounted at the same path
# inside, or "".
# Inside a chroot, where / is no mount point, unshare cannot make the
# mounts private; those of a root entered by jh_in_root are private
# already (tests/packages/test-host.sh run by tests/fresh-machine.sh).
jh_in_root() {
	prop=private
	mountpoint -q / || prop=unchanged
	# shellcheck disable=SC2016 # expanded by the inner shell
	unshare --mount --propagation "$prop" sh -eu -c '
		r=$1 bind=$2
		shift 2
		mount -t proc proc "$r/proc"
		mount -t sysfs sysfs "$r/sys"
		mount --rbind /dev "$r/dev"
		mount -t tmpfs -o mode=755 run "$r/run"
		for b in $bind; do
			mkdir -p "$r$b"
			mount --bind "$b" "$r$b"
		done
		exec chroot "$r" /usr/bin/env -i HOME=/root USER=root LOGNAME=root \
			SHELL=/bin/bash TERM="${TERM:-dumb}" \
			PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
			"$@"' sh "$@"
}
