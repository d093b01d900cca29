#!/bin/sh
# Build the root file system of the Debian 12 (bookworm) arm64 guest that
# run-debian-guest.sh boots: systemd as init, udev, kmod, dbus, dkms (with
# gcc, make, dpkg-dev), procps, iproute2, ping; no recommends, no network
# configuration. Prints the path of the raw ext4 image on stdout.
#
#   build-debian-rootfs.sh [--verbose]
#     --verbose   show the second stage's console live (stderr)
#   Environment: JH_DEBIAN_MIRROR (default http://deb.debian.org/debian),
#   JH_QEMU (the QEMU binary), JH_CACHE_DIR (see lib-host.sh).
#
# Built once into $jh_image_cache/debian-rootfs-<key>/rootfs.img, keyed by
# the suite, the package list, the recipe number and every file this script
# puts into the image (so editing one of those rebuilds; the kernel that
# runs the second stage is not part of the key), and made again when it is
# more than a week old, with Debian's updates. Concurrent callers wait
# for one build; a failed build is never marked done.
#
# No binfmt_misc or qemu-user is needed: debootstrap --foreign only
# downloads and unpacks the packages here, mkfs.ext4 -d makes the image of
# that tree (no loop mount), and the second stage (the packages'
# maintainer scripts, arm64 code) runs in QEMU system emulation with the
# test kernel (build-kernel.sh) and a script of ours as init. That script
# also configures the system and powers off.
#
# In the image: /usr/local/sbin/jh-payload and jh-payload.service, which
# at every boot, once multi-user.target is reached, mount the disk
# labelled jh-payload at /payload and run /payload/run.sh with its output
# on the console (run-debian-guest.sh documents the protocol).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/qemu/lib-host.sh
. "$here/lib-host.sh"

verbose=false
for arg in "$@"; do
	case $arg in
	--verbose) verbose=true ;;
	-h | --help)
		sed -n '2,/^set /s/^# \{0,1\}//p' "$0" | grep -v '^set ' >&2
		exit 0
		;;
	*) jh_die "unknown argument: $arg" ;;
	esac
done

suite=bookworm
mirror=${JH_DEBIAN_MIRROR:-http://deb.debian.org/debian}
# What the guest must have; debootstrap adds their dependencies (and not
# their recommends) to the minbase variant (Priority: required and apt).
# libfdt1: our packages' one dependency beyond these (libjailhouse0, when
# built against Debian's shared libfdt), since the guest has no mirror.
packages="systemd systemd-sysv udev kmod dbus procps iproute2 iputils-ping dkms
libfdt1"
# Bump when a step below changes what gets built (the files the image gets
# are hashed into the key anyway).
recipe=1
# Root and payload file systems are found by these labels.
root_label=jh-root
# Size of the root file system; the image is sparse.
size=4G

# guest_files DIR: the files the build adds to the unpacked tree (the
# second stage's init and the system's configuration), all of them part
# of the key.
guest_files() {
	d=$1
	mkdir -p "$d/usr/local/sbin" "$d/etc/systemd/system" \
		"$d/etc/systemd/system.conf.d" "$d/etc/apt/apt.conf.d" \
		"$d/etc/systemd/system/serial-getty@hvc0.service.d"

	# PID 1 of the build's boot. Not set -e: a failure must still reach
	# the marker and the power-off, not end PID 1 (a kernel panic).
	cat >"$d/jh-stage2" <<-'EOF'
	#!/bin/sh
	# Init of the image build's boot: debootstrap's second stage, then
	# the configuration; prints JH-STAGE2-DONE or JH-STAGE2-FAILED and
	# powers off.
	export PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C
	export DEBIAN_FRONTEND=noninteractive
	mount -t proc proc /proc
	mount -t sysfs sysfs /sys

	off() {
		# Whatever a maintainer script left running must not hold files
		# open for writing.
		kill -KILL -1 2>/dev/null
		sleep 1
		sync
		mount -o remount,ro / || echo "jh-stage2: cannot remount / read-only"
		sync
		echo o >/proc/sysrq-trigger
		while :; do sleep 60; done
	}
	fail() {
		echo "jh-stage2: $*"
		[ -f /debootstrap/debootstrap.log ] &&
			tail -n 40 /debootstrap/debootstrap.log
		echo "JH-STAGE2-FAILED"
		off
	}

	if [ "${1:-}" != configure ]; then
		echo "jh-stage2: debootstrap --second-stage"
		/debootstrap/debootstrap --second-stage || fail "second stage failed"
		# This shell still runs the dash and libc that the first stage
		# unpacked and the second replaced: deleted files held open, and
		# / could not go read-only. Go on with the installed ones.
		exec /bin/sh /jh-stage2 configure
	fi
	# The second stage unmounts what it mounted.
	mountpoint -q /proc || mount -t proc proc /proc

	echo "jh-stage2: configuring"
	# debootstrap copied these three from the build machine.
	echo jh-debian >/etc/hostname
	printf '127.0.0.1\tlocalhost\n127.0.1.1\tjh-debian\n::1\tlocalhost\n' >/etc/hosts
	chmod 644 /etc/hostname /etc/hosts
	rm -f /etc/resolv.conf
	# The kernel mounts the root read-write (root=/dev/vda rw): nothing to
	# check or remount at boot.
	echo "/dev/vda / ext4 defaults 0 0" >/etc/fstab
	# A fixed identity: without one every boot of the pristine image would
	# be systemd's first boot (presets, firstboot).
	systemd-machine-id-setup || fail "systemd-machine-id-setup"
	# Units that would run maintenance in a test, or wait for what the VM
	# lacks: apt's and dpkg's timers, e2scrub, fstrim; getty on a screen
	# (there is none) and on the PL011 (the hypervisor's UART: a getty
	# there would hold its interrupt, see run-qemu.sh).
	systemctl mask apt-daily.timer apt-daily-upgrade.timer \
		dpkg-db-backup.timer e2scrub_all.timer e2scrub_reap.service \
		fstrim.timer getty@tty1.service serial-getty@ttyAMA0.service ||
		fail "systemctl mask"
	systemctl enable jh-payload.service || fail "systemctl enable jh-payload"
	apt-get clean
	rm -rf /var/lib/apt/lists/* /var/log/bootstrap.log /usr/sbin/policy-rc.d
	echo "JH-PACKAGES-BEGIN"
	dpkg-query -W -f '${Package} ${Version}\n'
	echo "JH-PACKAGES-END"
	# Hand the freed blocks back to the sparse image.
	fstrim -v / || true
	echo "JH-STAGE2-DONE"
	off
	EOF
	chmod 755 "$d/jh-stage2"

	# No maintainer script starts a service while the image is made.
	mkdir -p "$d/usr/sbin"
	printf '#!/bin/sh\nexit 101\n' >"$d/usr/sbin/policy-rc.d"
	chmod 755 "$d/usr/sbin/policy-rc.d"

	cat >"$d/usr/local/sbin/jh-payload" <<-'EOF'
	#!/bin/sh
	# Run the test payload once per boot (jh-payload.service): mount the
	# disk labelled jh-payload at /payload (read-only) and run
	# /payload/run.sh with JH_BOOT (1 on the first boot of this disk,
	# counted in $JH_STATE) and JH_STATE (a directory on the root disk).
	# If run.sh returns without starting a shutdown, power off.
	export JH_STATE=/var/lib/jh-payload
	mkdir -p "$JH_STATE" /payload
	n=$(cat "$JH_STATE/boots" 2>/dev/null || echo 0)
	JH_BOOT=$((n + 1))
	export JH_BOOT
	echo "$JH_BOOT" >"$JH_STATE/boots"
	sync
	echo "JHTEST-BOOT $JH_BOOT"
	if ! mountpoint -q /payload && ! mount -o ro LABEL=jh-payload /payload; then
		echo "jh-payload: no payload disk (ext4, label jh-payload): powering off"
		exec systemctl poweroff
	fi
	if [ ! -f /payload/run.sh ]; then
		echo "jh-payload: no /payload/run.sh: nothing to do"
		exit 0
	fi
	cd /payload || exit 1
	if [ -x run.sh ]; then
		./run.sh
	else
		sh run.sh
	fi
	rc=$?
	# A payload that ran reboot or poweroff is done: the shutdown is queued.
	[ "$(systemctl is-system-running)" = stopping ] && exit 0
	echo "jh-payload: run.sh exited with $rc without poweroff or reboot: powering off"
	exec systemctl poweroff
	EOF
	chmod 755 "$d/usr/local/sbin/jh-payload"

	# Type=exec, not oneshot: the boot counts as finished (systemctl
	# is-system-running says running) while the payload runs.
	cat >"$d/etc/systemd/system/jh-payload.service" <<-'EOF'
	[Unit]
	Description=Test payload (/payload/run.sh from the disk labelled jh-payload)
	After=multi-user.target

	[Service]
	Type=exec
	ExecStart=/usr/local/sbin/jh-payload
	StandardInput=null
	StandardOutput=tty
	StandardError=inherit
	TTYPath=/dev/console
	TimeoutStartSec=infinity

	[Install]
	WantedBy=multi-user.target
	EOF

	# The root console's login, for run-debian-guest.sh --interactive
	# (masked on the kernel command line otherwise).
	cat >"$d/etc/systemd/system/serial-getty@hvc0.service.d/autologin.conf" <<-'EOF'
	[Service]
	ExecStart=
	ExecStart=-/sbin/agetty --autologin root --noclear --keep-baud 115200,57600,38400,9600 %I $TERM
	EOF

	# A service that hangs at shutdown costs a test 90 s by default.
	cat >"$d/etc/systemd/system.conf.d/jh-test.conf" <<-'EOF'
	[Manager]
	DefaultTimeoutStopSec=20s
	EOF

	# What tests install into the guest, they install without recommends.
	cat >"$d/etc/apt/apt.conf.d/90jh-test" <<-'EOF'
	APT::Install-Recommends "false";
	EOF
}

work=$(mktemp -d "${TMPDIR:-/tmp}/jh-debian-rootfs.XXXXXX")
follow_pid=
partial=
stop_follow() {
	if [ -n "$follow_pid" ]; then
		pkill -P "$follow_pid" 2>/dev/null || true
		kill "$follow_pid" 2>/dev/null || true
		wait "$follow_pid" 2>/dev/null || true
	fi
	follow_pid=
}
# The unpacked tree goes in any case, the unfinished image on failure.
cleanup() {
	stop_follow
	rm -rf "$work"
	[ -z "$partial" ] || rm -f "$partial"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

guest_files "$work/files"
key=$( (echo "suite $suite"; echo "packages $packages"; echo "recipe $recipe"
	echo "label $root_label size $size"
	cd "$work/files" && find . -type f | LC_ALL=C sort | xargs sha256sum) |
	sha256sum | cut -c1-16)
out=$jh_image_cache/debian-rootfs-$key
img=$out/rootfs.img

mkdir -p "$jh_image_cache"
# Concurrent callers wait for one build instead of building twice.
exec 9>"$jh_image_cache/.debian-rootfs.lock"
flock 9

if [ -f "$out/.built" ] && [ -z "$(find "$out/.built" -mtime +6)" ]; then
	touch "$out/.used"
	echo "$img"
	exit 0
fi

# Only the first build needs the tools (and root: debootstrap makes device
# nodes and root-owned files).
jh_is_root || jh_die "building the image needs root (debootstrap)"
for tool in debootstrap mkfs.ext4 e2fsck debugfs "${JH_QEMU:-qemu-system-aarch64}" pkill; do
	command -v "$tool" >/dev/null 2>&1 && continue
	echo "build-debian-rootfs: $tool missing, running setup-host.sh" >&2
	"$here/setup-host.sh" >&2
	break
done

# Built in the final folder; only .built says it is done.
rm -rf "$out"
mkdir -p "$out"
partial=$img.tmp
tree=$work/tree
start=$(date +%s)
echo "build-debian-rootfs: debootstrap first stage ($suite, arm64, $mirror)" >&2
# shellcheck disable=SC2086 # word splitting of the package list is wanted
debootstrap --foreign --arch=arm64 --variant=minbase \
	--include="$(echo $packages | tr ' ' ,)" "$suite" "$tree" "$mirror" >&2 || {
	cp "$tree/debootstrap/debootstrap.log" "$out/" 2>/dev/null
	jh_die "debootstrap first stage failed (log: $out/debootstrap.log)"
}
cp -R "$work/files/." "$tree/"

echo "build-debian-rootfs: making the $size ext4 image" >&2
truncate -s "$size" "$img.tmp"
mkfs.ext4 -q -F -L "$root_label" -d "$tree" "$img.tmp" >&2 ||
	jh_die "mkfs.ext4 -d failed"
rm -rf "$tree"
first=$(($(date +%s) - start))

kdir=$("$here/build-kernel.sh")
kernel=$kdir/arch/arm64/boot/Image

# The test bed's machine (run-qemu.sh), its kernel command line, and the
# root disk; the console is the PL011 alone.
log=$out/stage2.log
: >"$log"
echo "build-debian-rootfs: second stage in QEMU (about 10 minutes; console in $log)" >&2
# The follower's own stderr is quiet: the shell would report its end.
exec 3>&2
if $verbose; then
	(tail -F -n +1 "$log" | sed -u 's/^/stage2| /' >&3) 2>/dev/null &
else
	(tail -F -n +1 "$log" |
		grep --line-buffered -E '^(I: |jh-stage2: |W: |E: )' >&3) 2>/dev/null &
fi
follow_pid=$!
rc=0
timeout -k 5 3600 "${JH_QEMU:-qemu-system-aarch64}" -nodefaults -display none \
	-monitor none -machine virt,gic-version=3,virtualization=on,its=off \
	-cpu cortex-a57 -smp 4 -m 1G -no-reboot -serial "file:$log" \
	-drive "if=none,id=root,format=raw,discard=unmap,file=$img.tmp" \
	-device virtio-blk-device,drive=root \
	-kernel "$kernel" \
	-append "console=ttyAMA0 mem=768M panic=-1 root=/dev/vda rw init=/jh-stage2" \
	</dev/null >"$out/qemu.log" 2>&1 || rc=$?
sleep 1	# the follower's last lines
stop_follow
tr -d '\r' <"$log" >"$log.tmp" && mv "$log.tmp" "$log"
second=$(($(date +%s) - start - first))

if [ "$rc" -ne 0 ] || ! grep -q 'JH-STAGE2-DONE' "$log"; then
	tail -n 60 "$log" >&2
	cat "$out/qemu.log" >&2
	jh_die "second stage failed (QEMU exit $rc; console log $log)"
fi
# Had / not gone read-only, the journal puts it right (exit 1: fixed);
# worse is a failed build.
rc=0
e2fsck -fp "$img.tmp" >"$out/e2fsck.log" 2>&1 || rc=$?
[ "$rc" -le 1 ] || jh_die "e2fsck -fp: exit $rc ($out/e2fsck.log)"
# The init script is open as long as it runs (a file it deleted would
# stay open, and / could not go read-only): it goes from the image here.
debugfs -w -R "rm /jh-stage2" "$img.tmp" >"$out/debugfs.log" 2>&1
# (debugfs exits 0 whatever its command did)
debugfs -R "stat /jh-stage2" "$img.tmp" 2>&1 | grep -q 'File not found' ||
	jh_die "debugfs cannot remove /jh-stage2 from the image ($out/debugfs.log)"
e2fsck -fn "$img.tmp" >>"$out/e2fsck.log" 2>&1 ||
	jh_die "the image's file system is not clean ($out/e2fsck.log)"
sed -n '/^JH-PACKAGES-BEGIN/,/^JH-PACKAGES-END/p' "$log" | sed '1d;$d' >"$out/packages.txt"
mv "$img.tmp" "$img"
partial=
touch "$out/.built" "$out/.used"
echo "build-debian-rootfs: done in $((first + second)) s (first stage ${first} s, second ${second} s): $(du -h "$img" | cut -f1) used of $size, $(wc -l <"$out/packages.txt") packages" >&2

# Keep the two images used last.
# shellcheck disable=SC2012 # names are ours: debian-rootfs-<hex key>
ls -1dt "$jh_image_cache"/debian-rootfs-*/.used 2>/dev/null | tail -n +3 |
	while read -r used; do
		rm -rf "${used%/.used}"
	done
for dir in "$jh_image_cache"/debian-rootfs-*; do
	[ -f "$dir/.used" ] || [ "$dir" = "$out" ] || rm -rf "$dir"
done
echo "$img"
