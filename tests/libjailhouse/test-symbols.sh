#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# libjailhouse's exports (TAP): the shared object exports exactly the
# symbols of libjailhouse.sym, each with a version node, the public
# header declares exactly those functions, and the package version
# (jh_version(), the .pc) is the newest node's.

set -u

builddir=${JH_BUILDDIR:-$PWD}
srcdir=${JH_SRCDIR:-.}
SO=$builddir/libjailhouse/.libs/libjailhouse.so
SYM=$srcdir/libjailhouse/libjailhouse.sym
HDR=$srcdir/libjailhouse/libjailhouse.h
WORK=$(mktemp -d "${TMPDIR:-/tmp}/jhsym-XXXXXX") || exit 99
trap 'rm -rf "$WORK"' EXIT
. "$srcdir/tests/unit/tap.sh"

if ! command -v nm >/dev/null || [ ! -f "$SO" ]; then
	echo "1..0 # SKIP no nm or no shared libjailhouse"
	exit 0
fi

nm -D --defined-only "$SO" | awk '{ print $3 }' | grep -v '^LIBJAILHOUSE_' |
	sort >"$WORK/exported"
sed -n 's/^[[:space:]]*\(jh_[a-z0-9_]*\);$/\1/p' "$SYM" | sort >"$WORK/script"
grep -o '\bjh_[a-z0-9_]*(' "$HDR" | tr -d '(' | sort -u >"$WORK/header"

sed 's/@.*//' "$WORK/exported" | sort >"$WORK/names"
diff "$WORK/names" "$WORK/script" | sed 's/^/# /'
ok $? "the library exports exactly the version script's symbols"
diff "$WORK/header" "$WORK/script" | sed 's/^/# /'
ok $? "the header declares exactly the version script's symbols"
! grep -v '@@LIBJAILHOUSE_[0-9.]*$' "$WORK/exported" | sed 's/^/# unversioned: /' | grep .
ok $? "every export carries a version node"
grep -q '^LIBJAILHOUSE_0\.1 {$' "$SYM"
ok $? "the first node is LIBJAILHOUSE_0.1"
! grep -q 'jailhouse_\|struct jailhouse' "$HDR"
ok $? "the public header exposes no kernel ABI struct"
newest=$(sed -n 's/^LIBJAILHOUSE_\([0-9.]*\) {$/\1/p' "$SYM" | tail -n 1)
version=$(sed -n 's/^#define PACKAGE_VERSION "\(.*\)"$/\1/p' "$builddir/config.h")
[ -n "$newest" ] && [ "${version%.*}" = "$newest" ]
ok $? "the package version $version is the newest node's, $newest"

tap_done
