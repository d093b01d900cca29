#!/bin/sh
# The README's two commands on a fresh Debian 12 machine, as CI runs them
# (.ci/run): a minimal Debian 12 root made from Debian's packages
# (mmdebstrap --variant=minbase, plus git), a clean clone of this checkout
# in it, and each command of the README's quick start run inside as root,
# exactly as written, with nothing from this machine but the kernel builds
# and the Debian guest's images (their keys cover every input,
# tests/qemu/lib-host.sh). Then the
# README's cross build for a board, as written, in a fresh root of its own
# with the kernel the suite built, and its cross-built Debian packages.
#
#   tests/fresh-machine.sh [options]
#     --worktree      test the checkout's uncommitted changes to tracked
#                     files too (default: the commit HEAD)
#     --keep          leave the root in place afterwards (default: removed)
#     --new-root      make the base root again even if it is not stale
#     --only N        run only the README's N-th command (1 or 2), not
#                     its cross build
#
# Also checks that no package of the set-up list comes with another one
# (apt's simulation in a root of its own), so deleting any package from the
# list makes a command fail. Needs root, the network to Debian's mirror and
# about 10 GiB of disk in the cache (JH_CACHE_DIR, see lib-host.sh). Ends
# with "N passed, N failed": the test suite's counts plus one per check
# made here.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=tests/qemu/lib-host.sh
. "$top/tests/qemu/lib-host.sh"
# shellcheck source=tests/lib-root.sh
. "$top/tests/lib-root.sh"

worktree=false
keep=false
new_root=false
only=
while [ $# -gt 0 ]; do
	case $1 in
	--worktree) worktree=true ;;
	--keep) keep=true ;;
	--new-root) new_root=true ;;
	--only) only=$2; shift ;;
	-h | --help) sed -n '2,22s/^# \{0,1\}//p' "$0"; exit 0 ;;
	*) jh_die "unknown argument: $1" ;;
	esac
	shift
done
jh_is_root || jh_die "must run as root (it builds and enters a root file system)"

say() { echo "fresh-machine: $*"; }
passed=0
failed=0
verdict() { # NAME STATUS
	if [ "$2" -eq 0 ]; then
		passed=$((passed + 1))
		say "PASS $1"
	else
		failed=$((failed + 1))
		say "FAIL $1"
	fi
}
finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
	exit
}

# The base root: Debian 12 as a fresh machine has it (and git for the
# clone).
base_dir=$jh_cache/fresh-root
base=$base_dir/debian12-minbase.tar
work=$base_dir/run
start=$(date +%s)
jh_base_root "$base" git,ca-certificates "$new_root"

new_root() { # DIR
	jh_new_root "$1" "$base"
}
in_root() { # DIR BIND CMD...
	jh_in_root "$@"
}

# 1. The set-up list: no package comes with another one. In a root of its
# own, since the simulation needs the arm64 architecture and apt's lists,
# which the README's commands must set up themselves.
list_check() {
	r=$base_dir/list-check
	new_root "$r"
	# shellcheck disable=SC2016,SC2086 # expanded inside; one word a package
	in_root "$r" "" sh -eu -c '
		dpkg --add-architecture arm64
		apt-get -o Acquire::Retries=3 update -q >/dev/null
		arch=$(dpkg --print-architecture)
		bad=0
		for p in $*; do
			rest=$(echo " $* " | sed "s| $p | |")
			case $p in
			*:*) pat="^Inst ${p%%:*}:${p#*:} " ;;
			*) pat="^Inst $p \(.*\[($arch|all)\]" ;;
			esac
			# shellcheck disable=SC2086
			if apt-get install -s --no-install-recommends $rest |
				grep -qE "$pat"; then
				echo "fresh-machine: $p comes with another package of the list: drop it from lib-host.sh" >&2
				bad=1
			fi
		done
		exit $bad' sh $jh_pkgs
	rc=$?
	rm -rf "$r"
	return $rc
}
if [ -z "$only" ]; then
	say "== the set-up list ($(echo "$jh_pkgs" | wc -w) packages)"
	rc=0
	list_check || rc=$?
	verdict "no package of the set-up list comes with another one" $rc
fi

# The revision tested; its README says what to run (not the work tree's,
# which may be edited meanwhile).
rev=HEAD
if $worktree; then
	# A commit of the work tree's tracked files, or HEAD when it is clean.
	rev=$(git -C "$top" stash create)
	[ -n "$rev" ] || rev=HEAD
elif [ -n "$(git -C "$top" status --porcelain --untracked-files=no)" ]; then
	say "warning: uncommitted changes are not tested (--worktree tests them)"
fi
rev=$(git -C "$top" rev-parse "$rev")
readme=$(git -C "$top" show "$rev:README.md")

# 2. The README's quick start: its indented lines are the commands.
cmds=$(printf '%s\n' "$readme" |
	sed -n '/^## Quick start/,/^## /s/^    \([^ ].*\)$/\1/p')
[ "$(printf '%s\n' "$cmds" | grep -c .)" -eq 2 ] ||
	jh_die "expected two commands under README.md's '## Quick start', found: $cmds"

say "== a fresh root in $work"
new_root "$work"
src=/root/jailhouse-arm64
git clone -q --no-hardlinks "$top" "$work$src"
git -C "$work$src" checkout -q --detach "$rev"
say "testing $(git -C "$work$src" log -1 --format='%h %s')"

# The caches the fresh root shares (lib-host.sh says why these).
shared="$jh_kernel_cache $jh_image_cache"
mkdir -p "$jh_kernel_cache" "$jh_image_cache"
n=0
status=$base_dir/status
# Read from a here-document, not a pipe: the loop's counts stay ours.
while IFS= read -r cmd; do
	n=$((n + 1))
	[ -z "$only" ] || [ "$only" = "$n" ] || continue
	say "== README command $n, as root in the fresh root: $cmd"
	t0=$(date +%s)
	log=$base_dir/command-$n.log
	echo 1 >"$status"
	# The command's status passes the pipe through a file (set -e would
	# end the group at a failing command, hence the "|| rc=").
	# shellcheck disable=SC2016 # expanded inside the root
	{
		rc=0
		in_root "$work" "$shared" sh -c 'cd "$1" && eval "$2"' \
			sh "$src" "$cmd" </dev/null || rc=$?
		echo "$rc" >"$status"
	} 2>&1 | tee "$log"
	rc=$(cat "$status")
	# A command that ends with "N passed, N failed" adds its counts.
	last=$(sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$log" | tail -n 1)
	if [ -n "$last" ]; then
		# shellcheck disable=SC2086 # two numbers
		set -- $last
		passed=$((passed + $1))
		failed=$((failed + $2))
	fi
	verdict "README command $n ($cmd) in $(($(date +%s) - t0)) s" "$rc"
done <<EOF
$cmds
EOF
rm -f "$status"

# The kernel the suite built, for the cross build's KDIR: asked in the
# suite's root, where build-kernel.sh's key is the one it built under.
kdir=
if [ -z "$only" ]; then
	# shellcheck disable=SC2016 # expanded inside the root
	kdir=$(in_root "$work" "$shared" sh -c 'cd "$1" && tests/qemu/build-kernel.sh' \
		sh "$src" 2>/dev/null </dev/null | tail -n 1) || kdir=
fi
$keep || rm -rf "$work"

# 3. The README's cross-build recipe, as a board user runs it: the
# indented lines of its section, in one shell that stops at the first
# failure, in a fresh root of its own (nothing of the suite installed),
# KDIR the kernel the suite built, ROOTFS a directory looked at after.
xcmds=$(printf '%s\n' "$readme" |
	sed -n '/^## Cross-building for a board/,/^## /s/^    \([^ ].*\)$/\1/p')
if [ -z "$only" ]; then
	xwork=$base_dir/cross
	say "== README's cross build, as root in a fresh root: $(printf '%s\n' "$xcmds" | wc -l) lines"
	t0=$(date +%s)
	rc=0
	if [ -z "$kdir" ] || [ ! -f "$kdir/Module.symvers" ]; then
		say "no kernel build from the suite's run (got '$kdir')"
		rc=1
	else
		new_root "$xwork"
		git clone -q --no-hardlinks "$top" "$xwork$src"
		git -C "$xwork$src" checkout -q --detach "$rev"
		# shellcheck disable=SC2016 # expanded inside the root
		in_root "$xwork" "$jh_kernel_cache" sh -c \
			'cd "$1" && KDIR=$2 ROOTFS=/root/rootfs && export KDIR ROOTFS && set -eux && eval "$3"' \
			sh "$src" "$kdir" "$xcmds" </dev/null >"$base_dir/cross.log" 2>&1 || rc=$?
		tail -n 5 "$base_dir/cross.log"
		r=$xwork/root/rootfs
		# what a board needs, built for arm64 (ELF e_machine 183)
		for f in usr/bin/jailhouse lib/firmware/jailhouse.bin \
			etc/jailhouse/qemu-arm64.cell usr/lib/libjailhouse.so.0; do
			[ -e "$r/$f" ] || { say "cross build: $f not installed"; rc=1; }
		done
		[ "$(od -An -tu2 -j18 -N2 "$r/usr/bin/jailhouse" 2>/dev/null | tr -d ' ')" = 183 ] ||
			{ say "cross build: jailhouse is not an arm64 program"; rc=1; }
		ls "$r"/lib/modules/*/extra/jailhouse.ko >/dev/null 2>&1 ||
			{ say "cross build: no jailhouse.ko"; rc=1; }
		grep -q 'planning the Linux boot failed' "$r/usr/lib/libjailhouse.so.0" ||
			{ say "cross build: the library has no Linux loader"; rc=1; }
		$keep || rm -rf "$xwork"
	fi
	verdict "README's cross build in $(($(date +%s) - t0)) s" "$rc"
fi

# 4. The README's cross-built Debian packages, as written: the last block
# of indented lines of its section, in a fresh root with a clean clone
# (apt-get build-dep proves the arm64 build dependencies complete).
dcmds=$(printf '%s\n' "$readme" | sed -n '/^## Debian packages/,/^## /p' |
	awk '/^    [^ ]/ { if (!inblock) { block = ""; inblock = 1 }
			  block = block substr($0, 5) "\n"; next }
	     { inblock = 0 } END { printf "%s", block }')
if [ -z "$only" ]; then
	dwork=$base_dir/debs
	say "== README's cross-built Debian packages, as root in a fresh root: $(printf '%s\n' "$dcmds" | grep -c .) lines"
	t0=$(date +%s)
	rc=0
	new_root "$dwork"
	git clone -q --no-hardlinks "$top" "$dwork$src"
	git -C "$dwork$src" checkout -q --detach "$rev"
	# shellcheck disable=SC2016 # expanded inside the root
	in_root "$dwork" "" sh -c 'cd "$1" && set -eux && eval "$2"' \
		sh "$src" "$dcmds" </dev/null >"$base_dir/debs.log" 2>&1 || rc=$?
	tail -n 5 "$base_dir/debs.log"
	d=$dwork$(dirname "$src")
	for p in jailhouse libjailhouse0 libjailhouse-dev; do
		[ "$(dpkg-deb -f "$d/${p}_"*_arm64.deb Architecture 2>/dev/null)" = arm64 ] ||
			{ say "packages: no arm64 $p"; rc=1; }
	done
	[ -f "$(echo "$d"/jailhouse-dkms_*_all.deb)" ] || { say "packages: no jailhouse-dkms"; rc=1; }
	$keep || rm -rf "$dwork"
	verdict "README's cross-built Debian packages in $(($(date +%s) - t0)) s" "$rc"
fi

say "total time $(($(date +%s) - start)) s"
finish
