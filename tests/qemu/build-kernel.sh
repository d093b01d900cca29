#!/bin/sh
# Build the test bed's arm64 Linux 6.1 from Debian's linux-source-6.1.
# The build lives outside the tree (tests/qemu/lib-host.sh: jh_kernel_cache),
# keyed by everything that goes into it, so a warm run costs nothing.
# Prints the build directory.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/qemu/lib-host.sh
. "$here/lib-host.sh"
src=/usr/src/linux-source-6.1.tar.xz
cross=${CROSS_COMPILE:-aarch64-linux-gnu-}

# Bump when the recipe below changes what gets built.
recipe=2
# The key: the config fragment, the recipe, and the version of every package
# the build uses (the source, the compilers, the tools). A package that is
# not installed enters the key as such, so a machine that lacks one never
# takes a tree another machine built with it: it builds, and fails the way
# a cold build would.
# shellcheck disable=SC2086 # word splitting of the package list is wanted
key=$( (cat "$here/kernel.config"; echo "recipe $recipe $cross"
	dpkg-query -W -f='${Package}:${Architecture} ${Version} ${db:Status-Status}\n' \
		$jh_kernel_tools 2>&1 | sort) | sha256sum | cut -c1-16)
out=$jh_kernel_cache/linux-6.1-$key

mkdir -p "$jh_kernel_cache"
# Concurrent callers (two checkouts, a benchmark beside a test run) wait
# for one build instead of building the same tree twice.
exec 9>"$jh_kernel_cache/.lock"
flock 9

if [ -f "$out/.built" ]; then
	touch "$out/.used"
	echo "$out"
	exit 0
fi

[ -f "$src" ] || jh_die "$src missing (tests/qemu/setup-host.sh installs linux-source-6.1)"

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
touch "$out/.built" "$out/.used"

# Keep the two trees used last (about 2 GiB each): a machine that builds
# under two keys in turn (its own packages and a fresh root's) does not
# rebuild each time. Trees of the layout before kernels/ go too.
rm -rf "$jh_cache"/linux-6.1-*
# shellcheck disable=SC2012 # names are ours: linux-6.1-<hex key>
ls -1dt "$jh_kernel_cache"/linux-6.1-*/.used 2>/dev/null | tail -n +3 |
	while read -r used; do
		rm -rf "${used%/.used}"
	done
for dir in "$jh_kernel_cache"/linux-6.1-*; do
	[ -f "$dir/.used" ] || [ "$dir" = "$out" ] || rm -rf "$dir"
done
echo "$out"
