#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# shellcheck disable=SC3044 # "enable" is a jailhouse sub-command here, not the bash builtin
# shellcheck disable=SC2016,SC1003 # the lines of the files, as written
#
# jailhouse-service, what the systemd units run, against fake roots and
# the fake driver (TAP): every refusal of /etc/default/jailhouse and of a
# cell description names the file, the line and the field and leaves
# nothing done; a cell service boots its cell, destroys it on SIGTERM,
# and fails when the cell fails. The units themselves run in the Debian
# guest (tests/qemu/debian).

set -u

. "${JH_SRCDIR:-.}/tests/unit/tap.sh"
. "${JH_SRCDIR:-.}/tests/fakes/fake-cli.sh"

SVC=$builddir/systemd/jailhouse-service
CONF=$WORK/conf
mkdir "$CONF" || exit 99
IN=$WORK/in
mkdir "$IN" && "$HELPER" linux "$IN" || exit 99
dd if=/dev/zero of="$IN/linux-loader.bin" bs=1 seek=4096 count=257 \
	conv=notrunc 2>/dev/null || exit 99
export JAILHOUSE_LINUX_LOADER="$IN/linux-loader.bin"
printf 'raw inmate' >"$IN/inmate.bin"

svc() {
	JAILHOUSE_TEST_ROOT=$ROOT JH_FAKE_ROOT=$ROOT LD_PRELOAD=$FAKE \
		"$SVC" "$@" >"$WORK/out" 2>"$WORK/err"
	rc=$?
}

no_cell() {
	[ "$(cells)" = 0 ]
	ok $? "$1: no cell left behind"
}

# defaults TEXT: /etc/default/jailhouse with these lines
defaults() {
	printf '%s\n' "$@" >"$CONF/default"
}

# cell_conf NAME LINE...: a cell description
cell_conf() {
	name=$1
	shift
	printf '%s\n' "$@" >"$CONF/$name.conf"
}

# --- command line ------------------------------------------------------
new_root
svc --help; t "--help" 0 '^usage: jailhouse-service enable'
svc; t "no command" 2 '' '^usage: '
svc cell; t "cell without a name" 2 '' '^usage: '
svc frob; t "unknown command" 2 '' '^usage: '

# --- the units -----------------------------------------------------------
# systemd-analyze verify, with the helper where the build has it: any
# complaint at all (an unknown key is only a warning) fails.
if command -v systemd-analyze >/dev/null; then
	mkdir "$WORK/units"
	for u in jailhouse.service jailhouse-cell@.service; do
		sed "s|^\(Exec[A-Za-z]*=\)[^ ]*/jailhouse-service|\1$SVC|" \
			"$builddir/systemd/$u" >"$WORK/units/$u" || exit 99
	done
	grep -q "^ExecStart=$SVC" "$WORK/units/jailhouse-cell@.service"
	ok $? "the units run jailhouse-service"
	out=$(systemd-analyze verify --man=no "$WORK/units/jailhouse.service" \
		"$WORK/units/jailhouse-cell@.service" 2>&1) && [ -z "$out" ]
	ok $? "systemd-analyze verify passes the units"
	[ -n "$out" ] && echo "$out" | sed 's/^/# /'
else
	skip "the units run jailhouse-service" "no systemd-analyze"
	skip "systemd-analyze verify passes the units" "no systemd-analyze"
fi

# --- jailhouse.service: enable and disable -------------------------------
svc enable "$CONF/none"
t "defaults file missing" 6 '' "^$CONF/none: No such file or directory$"
defaults '# nothing set yet' 'JAILHOUSE_SYSTEM_CONFIG='
svc enable "$CONF/default"
t "system config empty" 6 '' "^$CONF/default:2: JAILHOUSE_SYSTEM_CONFIG: no system config: set it to the .cell file"
defaults '# nothing'
svc enable "$CONF/default"
t "system config not set" 6 '' "^$CONF/default: JAILHOUSE_SYSTEM_CONFIG: no system config"
defaults 'JAILHOUSE_SYSTEM_CONFG=sys.cell'
svc enable "$CONF/default"
t "misspelt field" 6 '' "^$CONF/default:1: unknown field JAILHOUSE_SYSTEM_CONFG \(the fields: JAILHOUSE_SYSTEM_CONFIG\)$"
defaults "JAILHOUSE_SYSTEM_CONFIG=$CFG/sys.cell" "JAILHOUSE_SYSTEM_CONFIG=$CFG/sys.cell"
svc enable "$CONF/default"
t "field set twice" 6 '' ":2: JAILHOUSE_SYSTEM_CONFIG is set twice \(line 1 too\)$"
defaults "JAILHOUSE_SYSTEM_CONFIG=nothere.cell"
svc enable "$CONF/default"
t "relative path from the configs' directory" 6 '' \
	":1: JAILHOUSE_SYSTEM_CONFIG: .*/etc/jailhouse/nothere.cell: No such file or directory"
defaults "JAILHOUSE_SYSTEM_CONFIG=$CFG/gic-demo.cell"
svc enable "$CONF/default"
t "a cell config instead of a system config" 6 '' ":1: JAILHOUSE_SYSTEM_CONFIG: .*gic-demo.cell is a cell config; the hypervisor needs a system config$"
[ ! -e "$ROOT/.fake/enabled" ] && [ "$(cat "$ROOT/sys/devices/jailhouse/enabled" 2>/dev/null || echo 0)" = 0 ]
ok $? "refused configs enable nothing"
defaults "JAILHOUSE_SYSTEM_CONFIG=$CFG/sys-bad.cell"
svc enable "$CONF/default"
t "the checker's refusal, in the library's words" 6 '' ":1: JAILHOUSE_SYSTEM_CONFIG: .*sys-bad.cell: maintenance interrupt 40 is not a PPI"
defaults "JAILHOUSE_SYSTEM_CONFIG=\"$CFG/sys.cell\"  # the board"
svc enable "$CONF/default"
t "enable (quoted value, comment after it)" 0 '' "^hypervisor enabled with $CFG/sys.cell$"
svc enable "$CONF/default"
t "enable again: the library's message" 1 '' '^enable: .*already enabled'
svc disable; t "disable" 0 '' '^hypervisor disabled$'
svc disable; t "disable when not enabled is done" 0 '' 'not enabled: nothing to disable'
new_root
JH_FAKE_IOCTL_ERR=ENABLE=EBUSY && export JH_FAKE_IOCTL_ERR
svc enable "$CONF/default"
t "a driver refusal fails the service" 1 '' '^enable: '
unset JH_FAKE_IOCTL_ERR

# --- the value syntax ------------------------------------------------------
syntax() { # WHAT LINE STDERR-PATTERN
	defaults "$2"
	svc enable "$CONF/default"
	t "syntax: $1" 6 '' "$3"
}
syntax "dollar" "JAILHOUSE_SYSTEM_CONFIG=\$HOME/x.cell" ":1: '\\$' would be expanded by a shell"
syntax "backquote" 'JAILHOUSE_SYSTEM_CONFIG="`id`"' ":1: '\`' would be expanded by a shell"
syntax "blank inside" 'JAILHOUSE_SYSTEM_CONFIG=a b' ':1: JAILHOUSE_SYSTEM_CONFIG: text after the value; quote a value that has blanks'
syntax "no closing quote" 'JAILHOUSE_SYSTEM_CONFIG="a' ':1: the value has no closing "'
syntax "continued line" 'JAILHOUSE_SYSTEM_CONFIG=a\' ":1: '\\\\' at the end of the line"
syntax "blanks around =" 'JAILHOUSE_SYSTEM_CONFIG = a' ':1: expected KEY=VALUE \(no blanks around'
syntax "semicolon" 'JAILHOUSE_SYSTEM_CONFIG=a;b' ":1: ';' means something else to a shell"
syntax "not an assignment" 'enable it' ':1: expected KEY=VALUE$'
defaults "JAILHOUSE_SYSTEM_CONFIG='$CFG/no such.cell'"
svc enable "$CONF/default"
t "single quotes keep blanks" 6 '' "no such.cell: No such file or directory"
defaults "JAILHOUSE_SYSTEM_CONFIG=\"$CFG/no\\ \\\$uch.cell\""
svc enable "$CONF/default"
t "escapes in double quotes" 6 '' 'no\\ \$uch.cell: No such file or directory'

# --- a cell description: every refusal names file, line and field ---------
new_root enabled
refused() { # WHAT STDERR-PATTERN LINE...
	what=$1 pat=$2
	shift 2
	cell_conf bad "$@"
	svc cell bad "$CONF"
	t "cell refused: $what" 6 '' "$pat"
	no_cell "$what"
}
svc cell nothere "$CONF"; t "cell: no description" 6 '' "^$CONF/nothere.conf: No such file or directory$"
refused "CONFIG missing" "^$CONF/bad.conf: CONFIG: missing: the cell's config" "IMAGE=$IN/inmate.bin"
refused "neither IMAGE nor KERNEL" "^$CONF/bad.conf: IMAGE: missing: an inmate to load \(IMAGE\), or KERNEL for Linux$" \
	"CONFIG=$CFG/gic-demo.cell"
refused "IMAGE and KERNEL" "^$CONF/bad.conf:3: KERNEL: a cell runs an inmate \(IMAGE\) or Linux \(KERNEL\), not both$" \
	"CONFIG=$CFG/gic-demo.cell" "IMAGE=$IN/inmate.bin" "KERNEL=$IN/Image"
refused "inmate field for Linux" "^$CONF/bad.conf:3: PARAMETERS: is for an inmate \(IMAGE\); this cell runs Linux$" \
	"CONFIG=$CFG/linux-demo.cell" "KERNEL=$IN/Image" "PARAMETERS=x"
refused "Linux field for an inmate" "^$CONF/bad.conf:4: CMDLINE: is for Linux \(KERNEL\); this cell runs an inmate$" \
	"CONFIG=$CFG/gic-demo.cell" "IMAGE=$IN/inmate.bin" "" "CMDLINE=x"
refused "image missing" "^$CONF/bad.conf:2: IMAGE: $IN/nothere.bin: No such file or directory$" \
	"CONFIG=$CFG/gic-demo.cell" "IMAGE=$IN/nothere.bin"
refused "initrd missing" "^$CONF/bad.conf:3: INITRD: $IN/nothere: No such file or directory$" \
	"CONFIG=$CFG/linux-demo.cell" "KERNEL=$IN/Image" "INITRD=$IN/nothere"
refused "empty path" "^$CONF/bad.conf:2: IMAGE: empty$" "CONFIG=$CFG/gic-demo.cell" "IMAGE="
refused "bad address" "^$CONF/bad.conf:3: ADDRESS: '0x1g' is not a number" \
	"CONFIG=$CFG/gic-demo.cell" "IMAGE=$IN/inmate.bin" "ADDRESS=0x1g"
refused "negative address" "^$CONF/bad.conf:3: PARAMETERS_ADDRESS: '-1' is not a number" \
	"CONFIG=$CFG/gic-demo.cell" "IMAGE=$IN/inmate.bin" "PARAMETERS_ADDRESS=-1"
refused "misspelt field" "^$CONF/bad.conf:2: unknown field IMAGES \(the fields: CONFIG, IMAGE, ADDRESS, PARAMETERS, PARAMETERS_ADDRESS, KERNEL, INITRD, DTB, CMDLINE\)$" \
	"CONFIG=$CFG/gic-demo.cell" "IMAGES=$IN/inmate.bin"
refused "a system config as CONFIG" "^$CONF/bad.conf:1: CONFIG: .*sys.cell is a system config; a cell needs a cell config$" \
	"CONFIG=$CFG/sys.cell" "IMAGE=$IN/inmate.bin"
refused "a broken cell config" "^$CONF/bad.conf:1: CONFIG: .*rev13.cell: .*revision" \
	"CONFIG=$CFG/rev13.cell" "IMAGE=$IN/inmate.bin"
refused "a cell config the checker refuses" "^$CONF/bad.conf:1: CONFIG: .*ivshmem-bad.cell: PCI device 0" \
	"CONFIG=$CFG/ivshmem-bad.cell" "IMAGE=$IN/inmate.bin"
refused "an image that does not fit" "^$CONF/bad.conf:2: IMAGE: .*an image does not fit" \
	"CONFIG=$CFG/gic-demo.cell" "IMAGE=$IN/inmate.bin" "ADDRESS=0x7fffffff0"
refused "a kernel that is not one" "^$CONF/bad.conf:2: KERNEL: .*inmate.bin: 10 bytes, too short for an arm64 Image" \
	"CONFIG=$CFG/gic-demo.cell" "KERNEL=$IN/inmate.bin"
svc cell ../bad "$CONF"; t "a unit name with a slash" 6 '' "cell unit name '../bad': not a file name"
[ "$(cells)" = 0 ] && [ "$(cat "$ROOT/sys/devices/jailhouse/enabled")" = 1 ]
ok $? "the refusals leave the hypervisor as it was"

# --- a cell service's life ----------------------------------------------
# start NAME: the service in the background; waits until its cell runs
start_bg() {
	: >"$WORK/bgerr"
	JAILHOUSE_TEST_ROOT=$ROOT JH_FAKE_ROOT=$ROOT LD_PRELOAD=$FAKE \
		"$SVC" cell "$1" "$CONF" >"$WORK/bgout" 2>"$WORK/bgerr" &
	pid=$!
	i=0
	while [ $i -lt 100 ]; do
		grep -q '^cell .* running' "$WORK/bgerr" && return 0
		kill -0 $pid 2>/dev/null || return 1
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# finish: waits (10 s at most) for the service to exit, sets rc
finish() {
	i=0
	while kill -0 $pid 2>/dev/null && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	kill -KILL $pid 2>/dev/null
	wait $pid
	rc=$?
	cp "$WORK/bgerr" "$WORK/err"
}

state() {
	echo "$1" >"$ROOT/sys/devices/jailhouse/cells/1/state"
}

cell_conf gic-demo "CONFIG=$CFG/gic-demo.cell" "IMAGE=$IN/inmate.bin" \
	"ADDRESS=0x100" "PARAMETERS='a b c'"
new_root enabled
start_bg gic-demo
ok $? "inmate cell started"
grep -q '^running$' "$ROOT/sys/devices/jailhouse/cells/1/state"
ok $? "its state is running"
tail -c +$((0x100 + 1)) "$ROOT/.fake/cell-1.mem" | head -c 10 | cmp -s - "$IN/inmate.bin"
ok $? "the raw image is at ADDRESS"
printf 'a b c\0' >"$WORK/params"
tail -c +$((0x1000 + 1)) "$ROOT/.fake/cell-1.mem" | head -c 6 | cmp -s - "$WORK/params"
ok $? "the parameters are at 0x1000"
svc cell gic-demo "$CONF"
t "a second service for the same cell is refused" 1 '' "a cell named 'gic-demo' exists already, not started by this unit"
kill -TERM $pid
finish
rc_term=$rc
[ "$rc_term" = 0 ] && grep -q "^cell 'gic-demo' destroyed (unit stopped)$" "$WORK/err"
ok $? "SIGTERM destroys the cell and exits 0"
no_cell "stopped service"

new_root enabled
start_bg gic-demo || exit 99
state failed
finish
[ "$rc" = 1 ] && grep -q "^cell 'gic-demo' failed (state: failed)$" "$WORK/err" &&
	grep -q "destroyed (it failed)" "$WORK/err"
ok $? "a failed cell fails the service, destroyed"
no_cell "failed cell"

new_root enabled
start_bg gic-demo || exit 99
state "shut down"
finish
[ "$rc" = 0 ] && grep -q "destroyed (it shut down)" "$WORK/err"
ok $? "a cell that shut down ends the service"

new_root enabled
start_bg gic-demo || exit 99
run cell destroy gic-demo
finish
[ "$rc" = 1 ] && grep -q "^cell 'gic-demo' is gone: " "$WORK/err"
ok $? "a cell destroyed behind the service's back fails it"

new_root enabled
JH_FAKE_IOCTL_ERR=CELL_START=EIO && export JH_FAKE_IOCTL_ERR
svc cell gic-demo "$CONF"
t "a start the driver refuses fails the service" 1 '' '^gic-demo: '
unset JH_FAKE_IOCTL_ERR
no_cell "refused start"

cell_conf linux "CONFIG=$CFG/linux-demo.cell" "KERNEL=$IN/Image.gz" \
	"CMDLINE=\"console=ttyAMA0 quiet\""
new_root enabled
start_bg linux
ok $? "Linux cell started"
grep -q "running $IN/Image.gz" "$WORK/bgerr"
ok $? "it says what runs"
kill -TERM $pid
finish
[ "$rc" = 0 ] && [ "$(cells)" = 0 ]
ok $? "the Linux cell is destroyed on SIGTERM"

tap_done
