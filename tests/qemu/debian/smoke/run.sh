#!/bin/sh
# Smoke test of the Debian guest, a payload for run-debian-guest.sh:
#
#   tests/qemu/run-debian-guest.sh KERNEL_IMAGE tests/qemu/debian/smoke
#
# Boot 1: systemd is PID 1, the boot finishes "running" (not degraded),
# kmod and dkms work; it enables a unit, leaves a file on the root disk
# and reboots. Boot 2 (boot-count: exactly one reboot happened): both are
# still there (the run's disk survives a reboot), the unit ran, the boot
# is "running" again; then it powers off. One JHTEST-RESULT per
# check; the host judges them.
set -u

jh_tag=smoke
# shellcheck source=tests/qemu/debian/lib.sh
. /payload/lib.sh

# running: the boot's jobs are done and no unit failed.
system_running() {
	state=$(systemctl is-system-running --wait)
	echo "smoke: system state $state"
	[ "$state" = running ] && return 0
	systemctl --failed --no-pager
	journalctl -b -p warning --no-pager | tail -n 40
	return 1
}

pid1_is_systemd() {
	exe=$(readlink /proc/1/exe)
	echo "smoke: PID 1 is $exe ($(cat /proc/1/comm))"
	[ "$(cat /proc/1/comm)" = systemd ] && [ "${exe##*/}" = systemd ]
}

echo "smoke: boot $JH_BOOT: $(uname -r), Debian $(cat /etc/debian_version), up $(cut -d' ' -f1 /proc/uptime) s"
case $JH_BOOT in
1)
	echo "JHTEST-PLAN pid1 running-1 kmod dkms boot-count unit-kept unit-ran file-kept running-2"
	check pid1 pid1_is_systemd
	check running-1 system_running
	systemd-analyze time || true
	check kmod sh -c 'kmod --version && modprobe --version && lsmod'
	check dkms dkms --version
	# What boot 2 must find: an enabled unit and a file on the root disk.
	cat >/etc/systemd/system/jh-smoke-mark.service <<-'UNIT'
	[Unit]
	Description=Smoke test mark (enabled by boot 1)

	[Service]
	Type=oneshot
	RemainAfterExit=yes
	ExecStart=/bin/touch /run/jh-smoke-mark

	[Install]
	WantedBy=multi-user.target
	UNIT
	echo "written by boot 1" >"$JH_STATE/smoke-file"
	if systemctl enable jh-smoke-mark.service; then
		sync
		systemctl reboot
	else
		fail unit-kept
		echo JHTEST-DONE
		systemctl poweroff
	fi
	;;
2)
	check boot-count [ "$JH_BOOT" = 2 ]
	check unit-kept systemctl is-active jh-smoke-mark.service
	check file-kept grep -qx "written by boot 1" "$JH_STATE/smoke-file"
	check unit-ran test -f /run/jh-smoke-mark
	check running-2 system_running
	systemd-analyze time || true
	echo JHTEST-DONE
	systemctl poweroff
	;;
*)
	echo "smoke: boot $JH_BOOT: one boot too many"
	fail boot-count
	echo JHTEST-DONE
	systemctl poweroff
	;;
esac
