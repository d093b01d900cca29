#!/bin/sh
# Stage what a non-root Linux cell boots from into a guest tree:
#
#   stage-cell-linux.sh KERNEL_BUILD_DIR DEST_DIR
#
#   DEST/boot/Image.gz             the test bed's own kernel, also the cell's
#   DEST/boot/cell-initrd.cpio.gz  build-cell-initramfs.sh (with DEST's
#                                  uio_ivshmem.ko)
#   DEST/boot/linux-demo.dtb       dts/linux-demo.dts, for the -d variant
#   DEST/boot/linux-demo-gicv2.dtb the same on a GICv2
#   DEST/boot/zcu102-linux-demo.dtb dts/zcu102-linux-demo.dts (ZCU102 model)
#   DEST/boot/zcu102.dtb           dts/zcu102.dts, root's own tree with both
#                                  RAM banks (QEMU rewrites the one it
#                                  boots with), for "config create --dtb"
set -eu

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/qemu/lib-host.sh
. "$here/lib-host.sh"

[ $# -eq 2 ] || jh_die "usage: $0 KERNEL_BUILD_DIR DEST_DIR"
kdir=$1
dest=$2/boot
command -v dtc >/dev/null 2>&1 || jh_die "dtc missing (apt-get install device-tree-compiler)"

mkdir -p "$dest"
cp "$kdir/arch/arm64/boot/Image.gz" "$dest/Image.gz"
"$here/build-cell-initramfs.sh" "$dest/cell-initrd.cpio.gz" "$2"
for d in linux-demo linux-demo-gicv2 zcu102-linux-demo zcu102; do
	dtc -q -I dts -O dtb -o "$dest/$d.dtb" "$here/dts/$d.dts"
done
