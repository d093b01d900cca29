#!/bin/sh
# The QEMU demo: build everything (installing what is missing), boot root
# Linux on QEMU virt, and run tests/qemu/demo/demo.sh inside it with its
# console on this terminal. Pass --interactive to get a shell afterwards.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
stage=$("$top/tests/build-all.sh")
exec "$top/tests/qemu/run-scenarios.sh" --verbose "$@" "$stage" \
	"$top/tests/qemu/demo/demo.sh"
