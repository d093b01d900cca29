#!/bin/sh
# Regenerate the seed corpora in tests/fuzz/corpus from the loader tests'
# fixtures. Usage, from a build directory after "make check":
#   $srcdir/tests/fuzz/make-corpus.sh $srcdir
set -eu

top=${1:?usage: make-corpus.sh SRCDIR}
out=$top/tests/fuzz/corpus
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

./tests/loader/jhl-plan --fixtures "$tmp"
mkdir -p "$out/image" "$out/gunzip" "$out/dtb" "$out/cell"

# Image headers: valid, pre-3.17 (image_size 0), big-endian, no magic.
head -c 256 "$tmp/Image" >"$out/image/valid"
{ head -c 16 "$tmp/Image"; head -c 8 /dev/zero; tail -c +25 "$tmp/Image" | head -c 232; } \
	>"$out/image/legacy"
{ head -c 24 "$tmp/Image"; printf '\001'; tail -c +26 "$tmp/Image" | head -c 231; } \
	>"$out/image/big-endian"
{ printf '\177ELF'; head -c 124 /dev/zero; } >"$out/image/elf"

# gzip: plain, with a file name, truncated, with data appended.
head -c 2048 "$tmp/Image" >"$tmp/small"
gzip -n -c "$tmp/small" >"$out/gunzip/plain"
cp "$tmp/small" "$tmp/Image.small" && gzip -c "$tmp/Image.small" >"$out/gunzip/named"
head -c 1000 "$out/gunzip/plain" >"$out/gunzip/truncated"
{ cat "$out/gunzip/plain"; printf 'junk'; } >"$out/gunzip/appended"
{ head -c 2048 "$tmp/Image"; head -c 30000 /dev/zero; } | gzip -n -9 >"$out/gunzip/zeros"

# DTBs: the test DTS, a generated one, one with /memory and /chosen.
dtc -q -I dts -O dtb -o "$out/dtb/user" "$top/tests/loader/inmate-qemu-arm64.dts"
./tests/loader/jhl-plan "$tmp/linux-demo.cell" "$tmp/Image" -i "$tmp/initrd.cpio" \
	-c console=ttyAMA0 -w "$out/dtb/generated" >/dev/null
./tests/loader/jhl-plan "$tmp/linux-demo.cell" "$tmp/Image" -d "$out/dtb/user" \
	-w "$out/dtb/patched" >/dev/null

# Found by fuzzing libfdt 1.6.1 (crash, hang); kept as regressions:
# dtb/version-6, dtb/chosen-at-memory (found in our patcher) and
# dtb/prop-len-overflow: the first property's length set to 0xfffffff8.
off=$(($(od -An -tu4 --endian=big -j8 -N4 "$out/dtb/user") + 12))
cp "$out/dtb/user" "$out/dtb/prop-len-overflow"
printf '\377\377\377\370' |
	dd of="$out/dtb/prop-len-overflow" bs=1 seek="$off" conv=notrunc 2>/dev/null

# Cell configs: the demo, the demo started in its RAM, the system config.
cp "$tmp/linux-demo.cell" "$out/cell/linux-demo"
cp "$tmp/qemu-arm64.cell" "$out/cell/system"
{ head -c 84 "$tmp/linux-demo.cell"; printf '\000\000\000\160\000\000\000\000';
  tail -c +93 "$tmp/linux-demo.cell"; } >"$out/cell/reset-in-ram"
