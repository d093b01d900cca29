#!/bin/sh
# shellcheck disable=SC2016 # the scripts run in the root expand there
# The Debian packages on this machine's architecture (amd64), as a user
# gets them: lintian, then in a minimal Debian 12 root of their own
# (mmdebstrap, with dkms): install, build against the library, upgrade to
# a newer version keeping the admin's edits, install over themselves, and
# purge leaving nothing behind. Prints "PASS/FAIL what" per check and ends
# with "N passed, N failed".
#
#   tests/packages/test-host.sh DEBDIR     (from build-debs.sh)
#
# Needs root, mmdebstrap and Debian's mirror (for the root, cached under
# JH_CACHE_DIR).
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=tests/qemu/lib-host.sh
. "$top/tests/qemu/lib-host.sh"
# shellcheck source=tests/lib-root.sh
. "$top/tests/lib-root.sh"

debs=$(cd "${1:?usage: $0 DEBDIR}" && pwd)
passed=0
failed=0
check() { # WHAT CMD...: one check
	what=$1
	shift
	if "$@" >"$debs/check.log" 2>&1; then
		passed=$((passed + 1))
		echo "PASS $what"
	else
		failed=$((failed + 1))
		echo "FAIL $what"
		sed 's/^/  | /' "$debs/check.log" | tail -n 30
	fi
}

lintian_clean() {
	out=$(lintian --fail-on error,warning "$debs"/*.changes 2>&1) || {
		echo "$out"
		return 1
	}
	echo "$out" | grep -v 'running with root privileges' | grep . && return 1
	return 0
}
check "lintian: no errors or warnings" lintian_clean

jh_is_root || jh_die "must run as root (it builds and enters a root file system)"
base=$jh_cache/package-root/debian12-dkms.tar
jh_base_root "$base" dkms,libc6-dev,pkgconf
root=$jh_cache/package-root/run
jh_new_root "$root" "$base"
trap 'rm -rf "$root"' EXIT

# A newer version of the same packages, as an upgrade would bring:
# repacked with the version (and the exact dependency) raised.
version=$(dpkg-deb -f "$debs"/jailhouse_*.deb Version)
newer=$version+1
mkdir -p "$debs/newer"
for deb in "$debs"/*.deb; do
	case $deb in *-dbgsym_*) continue ;; esac
	d=$debs/newer/unpacked
	rm -rf "$d"
	dpkg-deb -R "$deb" "$d"
	sed -i -e "s/^Version: .*/Version: $newer/" \
		-e "s/(= $version)/(= $newer)/g" "$d/DEBIAN/control"
	dpkg-deb -b "$d" "$debs/newer/" >/dev/null
	rm -rf "$d"
done

# in_root SCRIPT: a shell script in the package root, the debs at /debs
in_root() {
	mkdir -p "$root/debs"
	cp "$debs"/*.deb "$root/debs/" && rm -f "$root"/debs/*-dbgsym_*.deb
	mkdir -p "$root/debs/newer" && cp "$debs"/newer/*.deb "$root/debs/newer/"
	cp "$top/tests/packages/purge-check.sh" "$root/debs/"
	jh_in_root "$root" "" sh -eu -c "$1"
}

# apt, as a user installs them: the dependencies come from Debian
check "install" in_root '
	apt-get -q update >/dev/null
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q /debs/*.deb
	for p in jailhouse libjailhouse0 libjailhouse-dev jailhouse-dkms; do
		dpkg-query -W -f="\${db:Status-Status}\n" $p | grep -qx installed
	done'
check "the command runs" in_root 'jailhouse --version | grep -q "^Jailhouse management tool"'
check "the units and helper are in place, no unit enabled" in_root '
	test -x /usr/libexec/jailhouse/jailhouse-service
	test -f /lib/systemd/system/jailhouse.service
	test -f /lib/systemd/system/jailhouse-cell@.service
	test -f /etc/default/jailhouse && test -d /etc/jailhouse/cells
	! ls /etc/systemd/system/*.wants/jailhouse* 2>/dev/null | grep .'
check "a program builds against libjailhouse-dev" in_root '
	printf "%s\n" "#include <stdio.h>" "#include <libjailhouse.h>" \
		"int main(void) { puts(jh_version()); return 0; }" >/tmp/v.c
	cc -o /tmp/v /tmp/v.c $(pkg-config --cflags --libs libjailhouse)
	/tmp/v | grep -q .'
check "DKMS knows the driver (and builds it for arm64 kernels only)" in_root '
	dkms status | grep -q "^jailhouse/"
	test -f /usr/src/jailhouse-*/dkms.conf
	grep -q "^BUILD_EXCLUSIVE_ARCH=\"^aarch64\$\"" /usr/src/jailhouse-*/dkms.conf'
check "upgrade keeps the admin's edits" in_root '
	sed -i "s/^JAILHOUSE_SYSTEM_CONFIG=.*/JAILHOUSE_SYSTEM_CONFIG=qemu-arm64.cell/" /etc/default/jailhouse
	echo "CONFIG=qemu-arm64-gic-demo.cell" >/etc/jailhouse/cells/demo.conf
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q /debs/newer/*.deb
	dpkg-query -W -f="\${Version}\n" jailhouse | grep -qx "'"$newer"'"
	grep -qx "JAILHOUSE_SYSTEM_CONFIG=qemu-arm64.cell" /etc/default/jailhouse
	test -f /etc/jailhouse/cells/demo.conf
	dkms status | grep -q "^jailhouse/"'
check "install over themselves" in_root '
	dpkg -i /debs/newer/*.deb
	dpkg --audit | grep . && exit 1
	jailhouse --version >/dev/null'
check "purge leaves nothing behind" in_root '
	rm /etc/jailhouse/cells/demo.conf
	sh /debs/purge-check.sh'

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
