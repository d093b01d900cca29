#!/bin/sh
# Purge our packages and say what they left behind: any file they had
# installed, their configuration, DKMS's tree and built modules. Run on
# the machine that has them (test-host.sh's root, the Debian guest);
# exits 1 if anything is left.
packages="jailhouse libjailhouse0 libjailhouse-dev jailhouse-dkms"
# shellcheck disable=SC2086 # package names
dpkg -L $packages | sort -u >/tmp/jh-purge-files || exit 1
# shellcheck disable=SC2086 # package names
dpkg --purge $packages || exit 1
left=0
while read -r f; do
	if { [ -f "$f" ] || [ -L "$f" ]; } && [ ! -d "$f" ]; then
		echo "left: $f"
		left=1
	fi
done </tmp/jh-purge-files
for d in /etc/jailhouse /etc/default/jailhouse /usr/src/jailhouse-* \
	/var/lib/dkms/jailhouse /usr/libexec/jailhouse \
	/lib/modules/*/updates/dkms/jailhouse.ko; do
	if [ -e "$d" ]; then
		echo "left: $d"
		left=1
	fi
done
exit $left
