#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Man pages render without warnings; the bash completion parses and
# completes commands, sub-commands and cell names from a fake root (TAP).

set -u

builddir=${JH_BUILDDIR:-$PWD}
srcdir=${JH_SRCDIR:-.}
HELPER=$builddir/tests/fakes/jhtest-helper
. "$srcdir/tests/unit/tap.sh"

for file in "$builddir"/cli/man/jailhouse.8 "$builddir"/cli/man/jailhouse-cell.8 \
	"$builddir"/cli/man/jailhouse-config.8 "$builddir"/systemd/jailhouse-cell.conf.5; do
	page=${file##*/}
	if ! command -v man >/dev/null || ! command -v groff >/dev/null; then
		skip "$page renders" "no man or groff"
		continue
	fi
	warn=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$file" 2>&1 >/dev/null)
	[ -z "$warn" ] && ! grep -q '@[a-z]*@' "$file"
	ok $? "$page renders without warnings"
	[ -n "$warn" ] && echo "$warn" | sed 's/^/# /'
done

if ! command -v bash >/dev/null; then
	skip "bash completion" "no bash"
	tap_done
	exit
fi
comp=$srcdir/cli/completion/bash/jailhouse
bash -n "$comp"
ok $? "bash completion parses"

ROOT=$(mktemp -d "${TMPDIR:-/tmp}/jhcomp-XXXXXX") || exit 99
trap 'rm -rf "$ROOT"' EXIT
"$HELPER" root "$ROOT" || exit 99
mkdir -p "$ROOT/sys/devices/jailhouse/cells/3"
echo gic-demo >"$ROOT/sys/devices/jailhouse/cells/3/name"

# complete WORDS...: what the completion offers for the last word.
complete_words() {
	JAILHOUSE_TEST_ROOT=$ROOT bash -c '
		complete() { :; }
		compopt() { :; }
		. "$1"; shift
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		_jailhouse
		printf "%s\n" "${COMPREPLY[@]}"' sh "$comp" "$@"
}

complete_words jailhouse "" | grep -qx doctor
ok $? "completes commands"
complete_words jailhouse cell st | tr '\n' ' ' | grep -qx 'start stats '
ok $? "completes cell sub-commands"
complete_words jailhouse cell start "" | grep -qx gic-demo &&
	complete_words jailhouse cell start "" | grep -qx 3
ok $? "completes cell names and IDs from sysfs"
complete_words jailhouse cell stats 3 --w | grep -qx -- --watch
ok $? "completes options"
complete_words jailhouse cell linux x.cell Image --dr | grep -qx -- --dry-run &&
	complete_words jailhouse cell linux x.cell Image -a "" | grep -qx arm64
ok $? "completes cell linux options"
complete_words jailhouse config cr | grep -qx create &&
	complete_words jailhouse config create --hv | tr '\n' ' ' |
	grep -qx -- '--hv-mem --hv-size '
ok $? "completes config create and its options"

tap_done
