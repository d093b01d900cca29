#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# shellcheck disable=SC3044 # "enable" is a jailhouse sub-command here, not the bash builtin
#
# The jailhouse command against fake roots and the fake driver (TAP):
# every command, its --help, its exit codes and messages, and the JSON
# outputs checked by a parser.

set -u

. "${JH_SRCDIR:-.}/tests/unit/tap.sh"
. "${JH_SRCDIR:-.}/tests/fakes/fake-cli.sh"

# its own: arguments go to the helper's root command
new_root() {
	ROOT=$WORK/root$tap_n
	"$HELPER" root "$ROOT" "$@" || exit 99
}

fake_file() {
	cat "$ROOT/$1" 2>/dev/null
}

# --- help, version, usage errors ------------------------------------
new_root
run --version; t "--version" 0 '^Jailhouse management tool [0-9]'
run --help; t "--help" 0 '^usage: jailhouse COMMAND' ''
run; t "no command" 2 '' 'missing command'
run --frob; t "unknown option" 2 '' "unknown option '--frob'"
run frob; t "unknown command" 2 '' "unknown command 'frob'"
for c in enable disable console "cell" "cell create" "cell list" \
	 "cell load" "cell start" "cell shutdown" "cell destroy" \
	 "cell stats" "cell linux" "config" "config check" "config create" \
	 "config show" doctor; do
	# shellcheck disable=SC2086
	run $c --help; t "$c --help" 0 "^usage: jailhouse $c"
done
run enable; t "enable without config" 2 '' 'exactly one system config'
run console -x; t "console with bad argument" 2 '' "unexpected argument '-x'"
run cell; t "cell without sub-command" 2 '' 'missing sub-command'
run cell --bogus; t "cell with unknown option" 2 '' "unknown option '--bogus'"
run cell create; t "cell create without config" 2 '' 'exactly one cell config'
run cell start; t "cell start without cell" 2 '' 'no cell given'
run cell list extra; t "cell list with argument" 2 '' "unexpected argument 'extra'"
run config check; t "config check without config" 2 '' 'no config given'
run config check --strict "$CFG/sys.cell"; t "config check unknown option" 2 '' "unknown option '--strict'"
run config show; t "config show without config" 2 '' 'needs one config'

# --- config check and show ------------------------------------------
run config check "$CFG/sys.cell" "$CFG/gic-demo.cell" "$CFG/linux-demo.cell"
t "config check of the QEMU configs" 0 '^0 errors, 0 warnings$'
run config check "$CFG/sys.cell" "$CFG/gic-demo.cell" "$CFG/linux-demo.cell" --json
t "config check --json" 0 '"errors":0'
json_ok "config check --json"
run config check "$CFG/sys-bad.cell"
t "config check: hypervisor overlap" 3 \
  'error: .*sys-bad.cell: memory region 1 \(phys 0x40000000-0x7fc0ffff\) overlaps the hypervisor memory \(0x7fc00000-0x7fffffff\) \[hv-overlap\]'
t "config check: maintenance IRQ" 3 'maintenance interrupt 40 is not a PPI \(16-31\) \[gic\]'
run config check "$CFG/sys.cell" "$CFG/linux-demo.cell" "$CFG/clash.cell"
t "config check: CPUs twice" 3 'clash.cell: CPU 2 is also assigned to .*linux-demo.cell \[cpu-twice\]'
t "config check: cells overlap" 3 'clash.cell: memory region 1 \(phys 0x7f900000-0x7f90ffff\) overlaps memory region 1 .* \[cell-overlap\]'
run config check "$CFG/sys.cell" "$CFG/bad-cell.cell"
t "config check: CPU 0, a warning" 3 'takes CPU 0, Linux.s boot CPU: root Linux gives it up .*\[cpu0\]'
t "config check: comm region overlap" 3 '\[comm-region-overlap\]'
t "config check: console not mapped" 3 'the console \(pl011 at 0xa000000, size 0x1000\) is not inside any memory region of the cell, which cannot use it \[console-unmapped\]'
run config check "$CFG/sys.cell" "$CFG/bad-cell.cell" --json
t "config check --json with findings" 3 '"rule":"cpu0","file":"[^"]*bad-cell.cell","index":-1'
json_ok "config check --json with findings"
for f in rev13:revision rev12:revision arch-x86:architecture truncated:truncated \
	 counts:counts short-arrays:counts bad-signature:signature; do
	run config check "$CFG/${f%%:*}.cell"
	t "config check: ${f%%:*}.cell fails to load" 3 "^error: .*${f%%:*}.cell: .*\[${f##*:}\]"
done
run config check "$CFG/rev13.cell"
t "config check: revision message" 3 'signature JHSYST of revision 13 or older, expected revision 14'
run config check "$CFG/arch-x86.cell" --json
t "config check --json of a broken file" 3 '"loaded":false,"error":"architecture"'
json_ok "config check --json of a broken file"
run config check "$CFG/missing.cell"
t "config check: missing file" 3 'missing.cell: No such file or directory \[system\]'
# a config that cannot be read is a config error (3) for every command
run config show "$CFG/missing.cell"
t "config show: missing file" 3 '' 'missing.cell: No such file or directory'
run enable "$CFG/missing.cell"
t "enable: missing file" 3 '' 'missing.cell: No such file or directory'
run cell create "$CFG/missing.cell"
t "cell create: missing file" 3 '' 'missing.cell: No such file or directory'
run config check "$CFG/sys.cell" "$CFG/sys.cell"
t "config check: two system configs" 2 '' 'more than one system config'

run config show "$CFG/sys.cell"
t "config show system" 0 '^Hypervisor: +0x7fc00000-0x7fffffff \(4096 KiB\)$'
t "config show system: GIC" 0 '^GIC: +v3, maintenance IRQ 25, gicd 0x8000000, gicr 0x80a0000$'
t "config show system: regions" 0 '^ +1  0x0000000040000000  0x0000000040000000  0x003fa10000  R W X$'
t "config show system: irqchip" 0 'pin_base 32, INTIDs 32-159$'
run config show "$CFG/linux-demo.cell"
t "config show cell" 0 '^Name: +qemu-arm64-linux-demo$'
t "config show cell: flags" 0 '^Cell flags: +PASSIVE_COMMREG\|VIRTUAL_CONSOLE_PERMITTED$'
t "config show cell: comm region" 0 '0x0000000080000000  0x0000001000  R W COMM$'
t "config show cell: CPUs and console" 0 '^CPUs: +2-3$'
run config show --json "$CFG/sys.cell"
t "config show --json system" 0 '"kind":"system","revision":14,'
t "config show --json system: GIC" 0 '"gic":\{"version":3,"maintenance_irq":25,"gicd_base":134217728,"gicr_base":134873088\}'
t "config show --json system: a region" 0 '\{"phys_start":1073741824,"virt_start":1073741824,"size":1067515904,"flags":\["R","W","X"\]\}'
json_ok "config show --json system"
run config show "$CFG/linux-demo.cell" --json
t "config show --json cell: CPUs as numbers" 0 '"name":"qemu-arm64-linux-demo","flags":\["PASSIVE_COMMREG","VIRTUAL_CONSOLE_PERMITTED"\],"cpus":\[2,3\]'
json_ok "config show --json cell"
run config show --json "$CFG/qemu-arm64.cell"
t "config show --json: an ivshmem link" 0 '"type":"ivshmem","ivshmem":\{"id":0,"peers":[0-9]+,"protocol":[0-9]+,"protocol_name":"[a-z-]+"'
json_ok "config show --json with links"
run config show --json "$CFG/missing.cell"
t "config show --json: missing file, a JSON error" 3 '^\{"error":\{"code":"system",.*"exit":3\}\}$' 'No such file'
run config show --json --frob "$CFG/sys.cell"
t "config show: unknown option" 2 '"code":"usage"' "unknown option '--frob'"
# the tree's configs (configs/arm64) and their ivshmem links
TREE="$CFG/qemu-arm64.cell $CFG/qemu-arm64-gic-demo.cell $CFG/qemu-arm64-linux-demo.cell"
# shellcheck disable=SC2086
run config check $TREE
t "config check of the tree's QEMU configs, links included" 0 '^0 errors, 0 warnings$'
run config check "$CFG/qemu-arm64.cell" "$CFG/link-peers.cell"
t "config check: a link's peer counts differ" 3 \
  'link-peers.cell: PCI device 0 \(00:00.0\): shmem_peers 2 differs from PCI device 0 of .*qemu-arm64.cell \(3\) \[ivshmem-link\]$'
run config check "$CFG/qemu-arm64.cell" "$CFG/link-peers.cell" --json
t "config check --json: a link finding names both ends" 3 \
  '"rule":"ivshmem-link","file":"[^"]*link-peers.cell","index":0,"other_file":"[^"]*qemu-arm64.cell","other_index":0'
json_ok "config check --json with a link finding"
run config check "$CFG/qemu-arm64.cell" "$CFG/ivshmem-bad.cell"
t "config check: ivshmem regions past the config's" 3 \
  'ivshmem-bad.cell: PCI device 0 \(00:00.0\): shmem_regions_start 6: .* need memory regions 6-10, but the config has 8 \[ivshmem\]$'
run config show "$CFG/qemu-arm64.cell"
t "config show: ivshmem device" 0 \
  '^ +0  0001:00:00.0 ivshmem, peer 0 of 3, protocol undefined, INTx INTID 128$'
t "config show: its memory" 0 \
  '^ +memory at guest 0x7fa10000 \(regions 3-7\): state table 0x1000, r/w 0xf000, output 3 x 0x4000$'
t "config show: the network link" 0 \
  '^ +1  0001:00:01.0 ivshmem, peer 0 of 2, protocol veth \(ivshmem-net\), INTx INTID 129$'
run config show "$CFG/ivshmem-bad.cell"
t "config show: an ivshmem device that is no link" 0 \
  '^ +0  0001:00:00.0 ivshmem, not a link: .*ivshmem-bad.cell: PCI device 0 \(00:00.0\): shmem_regions_start 6'
run config show "$CFG/rev12.cell"
t "config show of revision 12" 3 '' 'rev12.cell: revision 12, expected 14'
# A crafted name (at offset 8) reaches the terminal escaped, not raw.
cp "$CFG/linux-demo.cell" "$WORK/evil.cell"
printf 'a\033[2J\\\001' | dd of="$WORK/evil.cell" bs=1 seek=8 conv=notrunc 2>/dev/null
run config show "$WORK/evil.cell"
t "config show: name escaped" 0 '^Name: +a\\x1b\[2J\\\\\\x01m64-linux-demo$'
if grep -q "$(printf '\033')" "$WORK/out"; then res=1; else res=0; fi
ok $res "config show: no raw escape byte"

# --- doctor ----------------------------------------------------------
new_root --machine
run doctor "$CFG/sys.cell" "$CFG/gic-demo.cell" "$CFG/linux-demo.cell"
t "doctor on a ready machine" 0 '^0 errors, 0 warnings$'
t "doctor notes what is in order" 0 '^ok: driver: jailhouse.ko is loaded \[live-driver\]$'
run doctor "$CFG/sys.cell" --json
t "doctor --json" 0 '"rule":"live-el2"'
json_ok "doctor --json"
: >"$ROOT/dev/kvm"
run doctor "$CFG/sys.cell"
t "doctor finds KVM" 1 '^error: /dev/kvm: KVM is active and holds EL2 \[live-el2\]$'
t "doctor says how to fix it" 1 '^  fix: boot with kvm-arm.mode=none'
run doctor "$CFG/sys-bad.cell"; t "doctor with a bad config" 3 '\[hv-overlap\]'
run doctor "$CFG/rev13.cell"; t "doctor with an unreadable config" 3 '\[revision\]'
run doctor; t "doctor without configs" 1 'live-firmware|live-el2'
run doctor --bogus; t "doctor unknown option" 2 '' "unknown option '--bogus'"

# --- no driver ------------------------------------------------------
new_root --no-driver
run enable "$CFG/sys.cell"
t "enable without driver" 1 '' '/dev/jailhouse: the jailhouse driver is not loaded \(modprobe jailhouse\)'
run cell list; t "cell list without driver prints nothing" 0
[ -s "$WORK/out" ]; ok $((1 - $?)) "cell list output is empty"
run cell list --json
t "cell list --json says there is no driver" 0 '^\{"hypervisor":"no-driver","cells":\[\]\}$'
run cell stats 1 --json
t "--json: an error is JSON on stdout too" 1 \
	'^\{"error":\{"code":"not-enabled","message":"[^"]*","exit":1\}\}$' 'not enabled'
json_ok "an error as JSON"
run console; t "console without driver" 1 '' 'not loaded'

# --- enable, cells ---------------------------------------------------
new_root
run console; t "console before any enable" 1 '' 'not enabled since the driver was loaded'
JH_FAKE_OPEN_ERR=EACCES run enable "$CFG/sys.cell"
t "enable as non-root" 1 '' 'Permission denied \(root privileges needed\)'
run enable "$CFG/gic-demo.cell"; t "enable with a cell config" 3 '' 'is a cell config'
run enable "$CFG/sys-bad.cell"; t "enable with a bad config" 3 '' 'sys-bad.cell: maintenance interrupt 40 is not a PPI \(16-31\) \(and 1 more errors\)'
run enable "$CFG/rev13.cell"; t "enable with an old config" 3 '' 'revision 13 or older'
run enable "$CFG/sys.cell"; t "enable" 0
[ "$(fake_file sys/devices/jailhouse/enabled)" = 1 ]; ok $? "driver enabled"
run enable "$CFG/sys.cell"; t "enable twice" 1 '' 'already enabled'
run enable -- "$CFG/sys.cell"; t "enable -- SYSCONFIG" 1 '' 'already enabled'
run cell list
t "cell list" 0 '^ID +Name +State +Assigned CPUs +Failed CPUs$'
t "cell list: root cell" 0 '^0 +qemu-arm64 +running +0-3$'
run cell create "$CFG/gic-demo.cell"; t "cell create gic-demo" 0
run cell create "$CFG/gic-demo.cell"; t "cell create twice" 1 '' "a cell named 'gic-demo' already exists \(ID 1\)"
run cell create "$CFG/linux-demo.cell"; t "cell create linux-demo" 0
run cell create "$CFG/clash.cell"
t "cell create with busy CPUs" 1 '' "CPUs or devices are in use"
t "failed create shows the console tail" 1 '' 'last hypervisor console lines'
run cell create "$CFG/sys.cell"; t "cell create with a system config" 3 '' 'is a system config'
run cell create "$CFG/ivshmem-bad.cell"
t "cell create with a bad ivshmem device" 3 '' 'ivshmem-bad.cell: PCI device 0 \(00:00.0\): shmem_regions_start 6'
run cell create "$CFG/bad-cell.cell"
t "cell create shows the checker's warnings" 3 '' '^jailhouse: warning: .*bad-cell.cell: the CPU reset address 0x0 is not in an executable memory region \[reset-address\]$'
(JAILHOUSE_LOG=err && export JAILHOUSE_LOG && run cell create "$CFG/bad-cell.cell")
! grep -q 'warning:' "$WORK/err"; ok $? "... not with JAILHOUSE_LOG=err"
run cell list
t "cell list of three" 0 '^2 +qemu-arm64-linux-demo +shut down +2-3$'
t "cell list: root lost CPUs" 0 '^0 +qemu-arm64 +running +0$'
run cell list --json
t "cell list --json" 0 '"id":1,"name":"gic-demo","state":"shut down","cpus_assigned":\[1\],"cpus_failed":\[\]'
t "cell list --json: the hypervisor is enabled" 0 '^\{"hypervisor":"enabled","cells":\['
json_ok "cell list --json"
t "cell list --json: no links in these configs" 0 '"cpus_failed":\[\],"ivshmem":\[\]\}'
# a name that is no UTF-8 (Latin-1 e-acute, a lone continuation byte)
cp "$ROOT/sys/devices/jailhouse/cells/1/name" "$WORK/name"
printf 'gic-d\351mo\200\n' >"$ROOT/sys/devices/jailhouse/cells/1/name"
run cell list --json
t "cell list --json: bytes that are no UTF-8 become U+FFFD" 0 '"name":"gic-d\\ufffdmo\\ufffd"'
json_ok "cell list --json with such a name"
printf 'gic-d\303\251mo\n' >"$ROOT/sys/devices/jailhouse/cells/1/name"
run cell list --json
t "cell list --json: UTF-8 stays as it is" 0 "\"name\":\"gic-d$(printf '\303\251')mo\""
json_ok "cell list --json with a UTF-8 name"
cp "$WORK/name" "$ROOT/sys/devices/jailhouse/cells/1/name"
run cell stats nosuch --json
t "cell stats --json of no such cell: JSON error" 1 '"code":"cell-not-found"'
json_ok "cell stats --json error"

# --- load ------------------------------------------------------------
run cell load gic-demo "$CFG/inmate.bin" -a 0x100 -s "a=b c" --address 0x1000
t "cell load raw and string" 0
fake_file .fake/cell-1.load | grep -q '^0x100 15 72617720696d616765206279746573$' &&
	fake_file .fake/cell-1.load | grep -q '^0x1000 6 613d62206300$'
ok $? "driver got the raw file and the string with its NUL"
run cell load 1 "$CFG/inmate.elf"; t "cell load ELF" 0
fake_file .fake/cell-1.load | grep -q '^0x1000 8 5a5a5a5a5a5a5a5a$'
ok $? "ELF segments placed by program headers"
# -a loads any file raw, as upstream does; an ELF file gets a warning.
elf_head='7f454c46020101000000000000000000'
run cell load 1 "$CFG/inmate.elf" -a 0x100
t "ELF with -a: loaded raw, as upstream" 0 '' \
  'warning: .*inmate.elf is an ELF file, loaded raw at 0x100 as -a says; without -a its segments would be loaded$'
[ "$(fake_file .fake/cell-1.load)" = "0x100 200 $elf_head" ]
ok $? "ELF with -a: the whole file at 0x100"
run cell load 1 "$CFG/inmate.elf" --raw
t "ELF with --raw" 0
[ "$(fake_file .fake/cell-1.load)" = "0x0 200 $elf_head" ] && [ ! -s "$WORK/err" ]
ok $? "ELF with --raw: the whole file at 0, no warning"
run cell load 1 "$CFG/inmate.elf" --raw --address 0x100 -s x
t "ELF with --raw and -a" 0
fake_file .fake/cell-1.load | grep -qx "0x100 200 $elf_head" && [ ! -s "$WORK/err" ]
ok $? "ELF with --raw and -a: raw at 0x100, no warning"
run cell load 1 --raw "$CFG/inmate.elf"; t "--raw before the file" 2 '' '--raw without an image before it'
run cell load 1 -a 0x100 "$CFG/inmate.bin"; t "-a before the file" 2 '' '-a without an image before it'
run cell load 1 -s x --raw; t "--raw after a string" 2 '' "--raw is for files; -s 'x' is a string"
run cell load 1 "$CFG/inmate.bin" -a 0x100 -a 0x200; t "-a twice" 2 '' "two addresses for '.*inmate.bin'"
# "--" ends options: a file may start with '-'.
cp "$CFG/inmate.bin" "$CFG/-x.bin"
cp "$CFG/inmate.elf" "$CFG/-a"
cd "$CFG" || exit 99
run cell load 1 -x.bin; t "file named -x.bin without --" 2 '' "unknown option '-x.bin' \(put files named '-...' after --\)"
run cell load 1 inmate.bin -a 0x100 -- -x.bin -a
t "files after --" 0
[ "$(fake_file .fake/cell-1.load | cut -d' ' -f1,2 | tr '\n' ' ')" = "0x100 15 0x0 15 0x0 32 0x1000 8 " ]
ok $? "files after --: -x.bin raw at 0, the ELF file -a by its segments"
run cell load -- gic-demo -x.bin; t "-- before the cell" 0
cd - >/dev/null || exit 99
run cell load 1 --; t "-- and no image" 2 '' 'no image given'
run cell load 1 "$CFG/inmate.bin" -a; t "-a without address" 2 '' '-a needs an address'
run cell load 1 -s; t "-s without string" 2 '' '-s needs a string'
run cell load 1 "$CFG/inmate.bin" -a zz; t "invalid address" 2 '' "invalid address 'zz'"
run cell load 1 "$CFG/inmate.bin" -a -5; t "negative address" 2 '' "invalid address '-5'"
run cell load 1; t "cell load without image" 2 '' 'no image given'
run cell load 1 -q; t "cell load unknown option" 2 '' "unknown option '-q'"
run cell load 1 "$CFG/nothing.bin"; t "cell load missing file" 1 '' 'nothing.bin: No such file'
run cell load 1 "$CFG/inmate.bin" -a 0x20000
t "image outside the cell" 1 '' 'does not fit into one loadable, writable memory region'
run cell load --name gic-demo "$CFG/inmate.bin"; t "cell load --name" 0
run cell load --name; t "--name without name" 2 '' '--name needs a cell name'
run cell load nobody "$CFG/inmate.bin"; t "cell load unknown cell" 1 '' "no cell named 'nobody'"
run cell load 0 "$CFG/inmate.bin"; t "cell load root" 1 '' 'cannot load the root cell'

# --- start, shutdown, destroy --------------------------------------
run cell start 1; t "cell start" 0
run cell list; t "started cell runs" 0 '^1 +gic-demo +running +1$'
run cell start 1 extra; t "cell start extra argument" 2 '' "unexpected argument 'extra'"
run cell shutdown gic-demo; t "cell shutdown by name" 0
[ "$(fake_file sys/devices/jailhouse/cells/1/state)" = "shut down" ]; ok $? "cell is shut down"
run cell start 0x1; t "cell start by hex ID" 0
run cell shutdown -- gic-demo; t "cell shutdown -- NAME" 0
run cell start -- --name; t "after --, --name is a cell name" 1 '' "no cell named '--name'"
run cell start 1; t "cell start again" 0
JH_FAKE_IOCTL_ERR=CELL_START=EPERM run cell start 1
t "cell start refused" 1 '' 'start cell 1 \(gic-demo\): the cell refused'
run cell start 0; t "cell start root" 1 '' 'cannot start the root cell'
run cell start 42; t "cell start unknown ID" 1 '' 'no cell with ID 42'

# --- stats -----------------------------------------------------------
echo 7 >"$ROOT/sys/devices/jailhouse/cells/2/statistics/cpu3/vmexits_hypercall"
echo 7 >"$ROOT/sys/devices/jailhouse/cells/2/statistics/vmexits_hypercall"
run cell stats 2
t "cell stats" 0 '^COUNTER +TOTAL +CPU2 +CPU3$'
t "cell stats: values" 0 '^hypercall +7 +0 +7$'
run cell stats --name qemu-arm64-linux-demo --json
t "cell stats --json" 0 '"name":"vmexits_hypercall","total":7,"per_cpu":\[\{"cpu":2,"value":0\},\{"cpu":3,"value":7\}\]'
json_ok "cell stats --json"
run cell stats 2 --watch 0; t "cell stats bad interval" 2 '' "invalid interval '0'"
run cell stats 2 --json --watch; t "cell stats --json --watch" 2 '"code":"usage"' 'do not go together'
json_ok "a usage error as JSON"
run cell stats 2 --frob; t "cell stats unknown argument" 2 '' "unexpected argument '--frob'"
JAILHOUSE_TEST_ROOT=$ROOT JH_FAKE_ROOT=$ROOT LD_PRELOAD=$FAKE \
	timeout --preserve-status -s INT 2.5 "$JH" cell stats 2 --watch 1 >"$WORK/out" 2>"$WORK/err"
rc=$?
t "cell stats --watch until interrupted" 0 '^hypercall +7 +0 +0 +7$'
[ "$(grep -c '^Statistics for cell 2' "$WORK/out")" -ge 2 ]; ok $? "--watch redraws"

# --- console ---------------------------------------------------------
run console; t "console" 0 '^Initializing Jailhouse hypervisor'
JH_FAKE_BLOCK_MS=100 run console -f
t "console -f until interrupted" 1 'Activating hypervisor' 'interrupted'
JH_FAKE_READ_ERR=EPERM run console
t "console not permitted" 1 '' 'VIRTUAL_DEBUG_CONSOLE'

# --- extensions ------------------------------------------------------
mkdir "$WORK/bin"
printf '#!/bin/sh\necho "ext: $*"\n' >"$WORK/bin/jailhouse-cell-extra"
chmod +x "$WORK/bin/jailhouse-cell-extra"
PATH=$WORK/bin:$PATH run cell extra a.cell Image -c "x y"
t "extension script gets the arguments" 0 '^ext: a.cell Image -c x y$'
run cell frob; t "unknown cell sub-command" 2 '' "unknown command 'cell frob' \(no jailhouse-cell-frob"
run hardware check; t "unknown extension" 2 '' "unknown command 'hardware check'"

# --- destroy, disable ----------------------------------------------
run cell destroy --name gic-demo; t "cell destroy by name" 0
run cell list; t "destroyed cell gone, CPU back" 0 '^0 +qemu-arm64 +running +0-1$'
run cell destroy 1; t "destroy twice" 1 '' 'no cell with ID 1'
JH_FAKE_IOCTL_ERR=DISABLE=EPERM run disable; t "disable refused" 1 '' 'refused to shut down'
run disable now later; t "disable ignores arguments, as upstream" 0 '' \
  "warning: disable takes no arguments; ignoring 'now' and the rest"
run cell list; t "no cells after disable" 0
[ -s "$WORK/out" ]; ok $((1 - $?)) "cell list is empty"
run disable --; t "disable twice" 1 '' 'not enabled'
! grep -q warning "$WORK/err"; ok $? "disable --: no warning"
JH_FAKE_IOCTL_ERR=ENABLE=EIO run enable "$CFG/sys.cell"
t "enable failing in the hypervisor" 1 '' 'failed to start: Input/output error'
t "failed enable shows the console tail" 1 '' 'Shutting down hypervisor'
run console; t "console keeps the log after disable" 0 'Shutting down hypervisor'

# --- the links of running cells, from the configs the driver keeps
new_root
run enable "$CFG/qemu-arm64.cell"; t "enable the tree's QEMU config" 0
run cell create "$CFG/qemu-arm64-gic-demo.cell"; t "create the tree's gic-demo" 0
run cell list --json
t "cell list --json: gic-demo is peer 1 of the demo link" 0 \
	'"name":"gic-demo".*"ivshmem":\[\{"bdf":"0001:00:00.0","id":1,"peers":3,"protocol":0,"protocol_name":"undefined","intid":144,"address":2141257728,"regions_start":[0-9]+,"state_table_size":4096,"rw_size":61440,"output_size":16384\}\]'
t "cell list --json: root's two links" 0 \
	'"name":"qemu-arm64".*"ivshmem":\[\{"bdf":"0001:00:00.0","id":0,.*\},\{"bdf":"0001:00:01.0","id":0,"peers":2,"protocol":1,"protocol_name":"veth","intid":129,'
json_ok "cell list --json with links"
rm -f "$ROOT/sys/devices/jailhouse/cells/1/config"
run cell list --json
t "cell list --json: a driver without configs gives no links" 0 \
	'"name":"gic-demo","state":"shut down","cpus_assigned":\[1\],"cpus_failed":\[\],"ivshmem":\[\]'

tap_done
