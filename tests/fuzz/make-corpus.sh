#!/bin/sh
# Regenerate the seed corpora in tests/fuzz/corpus from the test
# fixtures (tests/fakes/jhtest-helper) and "jailhouse cell linux -w". The
# config corpus holds the QEMU configs as built; reset-in-ram is derived
# from its linux-demo. Usage, from a build directory after "make check":
#   $srcdir/tests/fuzz/make-corpus.sh $srcdir
set -eu

top=${1:?usage: make-corpus.sh SRCDIR}
out=$top/tests/fuzz/corpus
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

./tests/fakes/jhtest-helper configs "$tmp"
./tests/fakes/jhtest-helper linux "$tmp"
# the planner wants a loader whose parameter area at 0x1000 is empty
head -c 8192 /dev/zero >"$tmp/linux-loader.bin"
export JAILHOUSE_LINUX_LOADER="$tmp/linux-loader.bin"
plan() {
	./cli/jailhouse cell linux "$tmp/linux-demo.cell" "$tmp/Image" "$@" >/dev/null
}
mkdir -p "$out/image" "$out/gunzip" "$out/dtb" "$out/config"

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
plan -i "$tmp/initrd" -c console=ttyAMA0 -w "$out/dtb/generated"
plan -d "$out/dtb/user" -w "$out/dtb/patched"

# Board trees for "config create": the made-up GICv3 board, the ZCU102.
mkdir -p "$out/sysgen"
dtc -q -I dts -O dtb -o "$out/sysgen/board-gicv3" "$top/tests/fixtures/dts/board-gicv3.dts"
dtc -q -I dts -O dtb -o "$out/sysgen/zcu102" "$top/tests/qemu/dts/zcu102.dts"

# Found by fuzzing libfdt 1.6.1 (crash, hang); kept as regressions:
# dtb/version-6, dtb/chosen-at-memory (found in our patcher) and
# dtb/prop-len-overflow: the first property's length set to 0xfffffff8.
off=$(($(od -An -tu4 --endian=big -j8 -N4 "$out/dtb/user") + 12))
cp "$out/dtb/user" "$out/dtb/prop-len-overflow"
printf '\377\377\377\370' |
	dd of="$out/dtb/prop-len-overflow" bs=1 seek="$off" conv=notrunc 2>/dev/null

# A cell config whose CPUs start in its RAM (cpu_reset_address 0x70000000).
{ head -c 84 "$out/config/linux-demo"; printf '\000\000\000\160\000\000\000\000';
  tail -c +93 "$out/config/linux-demo"; } >"$out/config/reset-in-ram"

# ivshmem-net (layout in fuzz-ivshmem-net.c): little-endian fields.
# shellcheck disable=SC2059 # the format is the octal escape of the byte
byte() { printf "\\$(printf %o $(($1 & 255)))"; }
le16() { byte "$1"; byte $(($1 >> 8)); }
le32() { le16 $(($1 & 65535)); le16 $(($1 >> 16)); }
le64() { le32 $(($1 & 0xffffffff)); le32 $(($1 >> 32)); }
desc() { le64 "$1"; le32 "$2"; le16 0; le16 0; }
# net SECTION RX_SEEN TX_SEEN IN_FLIGHT AVAIL_IDX USED_IDX DATA0: two
# frames sent from the data area's start, both returned
net() {
	le32 "$1"; le16 "$2"; le16 "$3"; le16 "$4"
	le16 0; le16 "$5"; for i in 0 1 2 3 4 5 6 7; do le16 "$i"; done
	desc "$7" 60; desc $(($7 + 128)) 1514
	for i in 2 3 4 5 6 7; do desc 0 0; done
	le16 0; le16 "$6"
	for i in 0 1 2 3 4 5 6 7; do le32 $((($3 + i) & 2047)); le32 1; done
	head -c 2048 "$tmp/Image"
}
mkdir -p "$out/ivshmem-net"
net $((0x7f000)) 0 0 2 2 2 $((0xd080)) >"$out/ivshmem-net/standard"
net $((0x7f000)) 65535 65535 2 1 1 $((0xd080)) >"$out/ivshmem-net/wrapped"
net $((0x810)) 0 0 1 1 1 $((0x700)) >"$out/ivshmem-net/smallest"
net $((0x7f000)) 0 0 2 5000 9 $((0x10)) >"$out/ivshmem-net/hostile"
