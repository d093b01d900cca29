#!/bin/sh
# Build the test bed's arm64 Linux 6.1 from Debian's linux-source-6.1.
# The build lives outside the tree, keyed by the config fragment and this
# script, so a warm run costs nothing. Prints the build directory.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
cache=${JH_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/jailhouse-arm64}
src=/usr/src/linux-source-6.1.tar.xz
cross=${CROSS_COMPILE:-aarch64-linux-gnu-}

# Bump when the recipe below changes what gets built.
recipe=1
key=$( (cat "$here/kernel.config"; echo "recipe $recipe"; ls -l "$src") |
	sha256sum | cut -c1-16)
out=$cache/linux-6.1-$key

if [ -f "$out/.built" ]; then
	echo "$out"
	exit 0
fi

[ -f "$src" ] || { echo "build-kernel: $src missing (apt-get install linux-source-6.1)" >&2; exit 1; }

mkdir -p "$cache"
# Built in place: kbuild records absolute paths, so the tree must not move.
tmp=$out
rm -rf "$tmp"
mkdir -p "$tmp"
echo "build-kernel: unpacking $src" >&2
tar -xf "$src" -C "$tmp" --strip-components=1

kmake() {
	make -C "$tmp" -s ARCH=arm64 CROSS_COMPILE="$cross" "$@"
}

echo "build-kernel: configuring" >&2
kmake KCONFIG_ALLCONFIG="$here/kernel.config" allnoconfig >&2

# Every line of the fragment must have survived Kconfig's dependency
# resolution; a silently dropped option would make a broken test bed.
grep -E '^(CONFIG_|# CONFIG_)' "$here/kernel.config" | while read -r line; do
	grep -qxF "$line" "$tmp/.config" || {
		echo "build-kernel: option not applied: $line" >&2
		exit 1
	}
done

echo "build-kernel: building Image and modules (takes a few minutes)" >&2
kmake -j"$(nproc)" Image Image.gz modules >&2
touch "$out/.built"

# Keep one tree: older keys are dead weight (about 2 GiB each).
for old in "$cache"/linux-6.1-*; do
	[ "$old" = "$out" ] || rm -rf "$old"
done
echo "$out"
