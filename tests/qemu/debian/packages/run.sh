#!/bin/sh
# The Debian packages and the systemd units in the Debian guest, a payload
# for run-debian-guest.sh (tests/qemu/test-debian-guest.sh assembles it:
# debs/, the DKMS binaries tarball, the Linux cell's kernel and initrd).
#
# Boot 1: install the arm64 packages; the units pass systemd-analyze
# verify; jailhouse.service refuses a cell config and an offline root CPU
# in the library's and the hypervisor's words, then enables the
# hypervisor; cell units run gic-demo and a Linux, `systemctl status`
# shows them active; a broken cell description fails its unit naming file
# and field while the rest runs on; a cell that faults fails its unit;
# stopping the cells and the hypervisor gives the CPUs back and leaves the
# module unloadable. Then the units are enabled and the guest reboots.
# Boot 2: the same state came up by itself; the packages install over
# themselves without disturbing it; stopping everything and purging the
# packages leaves nothing behind. One JHTEST-RESULT per check.
set -u

jh_tag=packages
# shellcheck source=tests/qemu/debian/lib.sh
. /payload/lib.sh

p=/payload
cells=/etc/jailhouse/cells
# all CPUs, also while cells hold some (boot 2 starts with them running)
all_cpus=$(cat /sys/devices/system/cpu/present)

active() { # UNIT...: every one active
	for u; do
		state=$(systemctl is-active "$u")
		echo "packages: $u is $state"
		[ "$state" = active ] || {
			systemctl status --no-pager "$u" | tail -n 20
			return 1
		}
	done
}

cell_state() { # NAME STATE: the cell is listed in that state
	jailhouse cell list
	jailhouse cell list | grep -Eq "^ *[0-9]+ +$1 +$2( |$)"
}

# wait_for SECONDS CMD...: until CMD succeeds
wait_for() {
	n=$1
	shift
	while [ "$n" -gt 0 ]; do
		"$@" >/dev/null 2>&1 && return 0
		sleep 1
		n=$((n - 1))
	done
	"$@"
}

failed_with() { # UNIT PATTERN: the unit failed and its journal says so
	systemctl is-failed --quiet "$1" || {
		systemctl status --no-pager "$1" | tail -n 20
		return 1
	}
	journalctl -b -u "$1" --no-pager | tail -n 20
	journalctl -b -u "$1" --no-pager | grep -Eq "$2"
}

# The modules come from DKMS: the guest has no kernel headers, so the
# host built them with DKMS against the test kernel and gave the
# binaries tarball (dkms mktarball --binaries-only); loading it stands in
# for the build DKMS would do on a board with headers.
dkms_modules() {
	# the test kernel boots from outside the image: its modules directory
	# is what its package would have made
	mkdir -p "/lib/modules/$(uname -r)" &&
		cp "$p"/kernel/modules.* "/lib/modules/$(uname -r)/" 2>/dev/null
	# the package added the source already: ldtarball adds it again
	dkms remove "jailhouse/$JH_DKMS_VERSION" --all >/dev/null 2>&1
	dkms ldtarball "$p/jailhouse-dkms-binaries.tar.gz" &&
		dkms install "jailhouse/$JH_DKMS_VERSION" -k "$(uname -r)" &&
		dkms status | grep -q "^jailhouse/$JH_DKMS_VERSION, $(uname -r), aarch64: installed" &&
		modinfo -n jailhouse | grep -q /updates/dkms/
}
JH_DKMS_VERSION=$(cat "$p/dkms-version")

no_unit_enabled() {
	! systemctl is-enabled --quiet jailhouse
}

# the cells by their configs' names
both_running() {
	cell_state gic-demo running && cell_state qemu-arm64-linux-demo running
}

broken_leaves_rest() {
	both_running && systemctl is-active --quiet jailhouse
}

stop_cells() {
	systemctl stop jailhouse-cell@linux-demo &&
		! jailhouse cell list | grep -Eq "gic-demo|linux-demo"
}

cpus_all_online() {
	echo "packages: CPUs online $(cat /sys/devices/system/cpu/online), want $all_cpus"
	[ "$(cat /sys/devices/system/cpu/online)" = "$all_cpus" ]
}

stop_jailhouse() {
	systemctl stop jailhouse && ! systemctl is-active --quiet jailhouse &&
		cpus_all_online
}

# stopping the hypervisor stops the cells first
stop_all() {
	systemctl stop jailhouse &&
		! systemctl is-active --quiet jailhouse-cell@gic-demo &&
		! systemctl is-active --quiet jailhouse-cell@linux-demo &&
		cpus_all_online && rmmod jailhouse
}

# The guest has no man-db: the pages the units name are looked for here.
units_verify() {
	out=$(systemd-analyze verify --man=no jailhouse.service \
		jailhouse-cell@gic-demo.service 2>&1)
	echo "$out"
	[ -z "$out" ] &&
		for page in man5/jailhouse-cell.conf.5 man8/jailhouse.8 man8/jailhouse-cell.8; do
			[ -f "/usr/share/man/$page.gz" ] || { echo "no $page"; return 1; }
		done
}

write_configs() {
	sed -i 's/^JAILHOUSE_SYSTEM_CONFIG=.*/JAILHOUSE_SYSTEM_CONFIG=qemu-arm64.cell/' \
		/etc/default/jailhouse &&
	cp "$p/Image.gz" /boot/jh-cell-Image.gz &&
	cp "$p/cell-initrd.cpio.gz" /boot/jh-cell-initrd.cpio.gz &&
	cat >$cells/gic-demo.conf <<-EOF &&
	# the GIC timer demo
	CONFIG=qemu-arm64-gic-demo.cell
	IMAGE=/usr/libexec/jailhouse/demos/gic-demo.bin
	EOF
	cat >$cells/linux-demo.conf <<-EOF &&
	CONFIG=qemu-arm64-linux-demo.cell
	KERNEL=/boot/jh-cell-Image.gz
	INITRD=/boot/jh-cell-initrd.cpio.gz
	CMDLINE="console=ttyAMA0 rdinit=/init"
	EOF
	cat >$cells/broken.conf <<-EOF &&
	CONFIG=qemu-arm64-gic-demo.cell
	IMAGE=/usr/libexec/jailhouse/demos/no-such-demo.bin
	EOF
	cat >$cells/faulty.conf <<-EOF
	CONFIG=qemu-arm64-gic-demo.cell
	IMAGE=/usr/libexec/jailhouse/demos/fault-demo.bin
	PARAMETERS="con-type=none con-virtual=1"
	EOF
}

# jailhouse.service refuses a cell config named as the system config, and
# enables nothing, in the library's words; the config is set back after.
wrong_config() {
	sed -i 's/^JAILHOUSE_SYSTEM_CONFIG=.*/JAILHOUSE_SYSTEM_CONFIG=qemu-arm64-gic-demo.cell/' \
		/etc/default/jailhouse
	systemctl start jailhouse
	failed_with jailhouse \
		"JAILHOUSE_SYSTEM_CONFIG: .*qemu-arm64-gic-demo.cell is a cell config; the hypervisor needs a system config"
	rc=$?
	sed -i 's/^JAILHOUSE_SYSTEM_CONFIG=.*/JAILHOUSE_SYSTEM_CONFIG=qemu-arm64.cell/' \
		/etc/default/jailhouse
	systemctl reset-failed jailhouse
	[ "$rc" -eq 0 ] && [ "$(cat /sys/devices/jailhouse/enabled 2>/dev/null || echo 0)" = 0 ]
}

# ... and a root CPU that is offline: the hypervisor's refusal is in the
# journal; with the CPU back the next start works (start-jailhouse).
cpu_offline() {
	echo 0 >/sys/devices/system/cpu/cpu3/online || return 1
	systemctl start jailhouse
	failed_with jailhouse \
		"jailhouse-service\[[0-9]+\]: enable: the hypervisor failed to start \(-22\): 3 CPUs online, the root cell has 4$"
	rc=$?
	echo 1 >/sys/devices/system/cpu/cpu3/online
	systemctl reset-failed jailhouse
	[ "$rc" -eq 0 ] && [ "$(cat /sys/devices/jailhouse/enabled)" = 0 ] &&
		cpus_all_online
}

all_back() { # CPUs online again and the module can go
	cpus_all_online && [ "$(cat /sys/devices/jailhouse/enabled)" = 0 ] &&
		rmmod jailhouse && ! lsmod | grep -q '^jailhouse '
}

purged_clean() {
	rm -f $cells/*.conf
	sh "$p/purge-check.sh"
}

echo "packages: boot $JH_BOOT: $(uname -r), up $(cut -d' ' -f1 /proc/uptime) s"
case $JH_BOOT in
1)
	echo "JHTEST-PLAN install dkms-modules no-unit-enabled units-verify" \
		"wrong-config cpu-offline start-jailhouse start-gic-demo start-linux status-active" \
		"broken-conf-fails broken-leaves-rest faulty-cell-fails" \
		"stop-cells stop-jailhouse cpus-back enable-units" \
		"boot2-active boot2-cells reinstall reinstall-kept reinstall-dkms stop-all purge"
	check install dpkg -i "$p"/debs/*.deb
	check dkms-modules dkms_modules
	check no-unit-enabled no_unit_enabled
	check units-verify units_verify
	write_configs || fail write-configs
	check wrong-config wrong_config
	check cpu-offline cpu_offline
	check start-jailhouse systemctl start jailhouse
	check start-gic-demo systemctl start jailhouse-cell@gic-demo
	# who holds the UART the Linux cell takes (its interrupt must be free)
	for fd in /proc/[0-9]*/fd/*; do
		[ "$(readlink "$fd" 2>/dev/null)" = /dev/ttyAMA0 ] || continue
		d=${fd%/fd/*}
		echo "packages: ttyAMA0 held by ${d#/proc/} $(cat "$d/comm")"
	done
	grep -E ' 33 |uart|pl011' /proc/interrupts
	check start-linux systemctl start jailhouse-cell@linux-demo
	check status-active active jailhouse jailhouse-cell@gic-demo \
		jailhouse-cell@linux-demo
	systemctl start jailhouse-cell@broken
	check broken-conf-fails failed_with jailhouse-cell@broken \
		"broken.conf:2: IMAGE: /usr/libexec/jailhouse/demos/no-such-demo.bin: No such file or directory"
	check broken-leaves-rest broken_leaves_rest
	systemctl stop jailhouse-cell@gic-demo
	systemctl start jailhouse-cell@faulty
	check faulty-cell-fails wait_for 30 failed_with jailhouse-cell@faulty \
		"cell 'gic-demo' failed \(state: failed\)"
	check stop-cells stop_cells
	check stop-jailhouse stop_jailhouse
	check cpus-back all_back
	systemctl reset-failed
	check enable-units systemctl enable jailhouse jailhouse-cell@gic-demo \
		jailhouse-cell@linux-demo
	sync
	systemctl reboot
	;;
2)
	check boot2-active wait_for 120 active jailhouse jailhouse-cell@gic-demo \
		jailhouse-cell@linux-demo
	check boot2-cells both_running
	# An upgrade must not take the hypervisor or the cells down: the
	# units are neither restarted nor stopped by the maintainer scripts.
	check reinstall dpkg -i "$p"/debs/*.deb
	check reinstall-kept active jailhouse jailhouse-cell@gic-demo \
		jailhouse-cell@linux-demo
	# the reinstall's DKMS removed the modules' files (it cannot rebuild)
	check reinstall-dkms dkms_modules
	check stop-all stop_all
	check purge purged_clean
	echo JHTEST-DONE
	systemctl poweroff
	;;
esac
