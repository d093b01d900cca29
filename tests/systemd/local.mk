# What the systemd units run, on the fakes (TAP); the units themselves
# run in the Debian guest (tests/qemu/debian).
check_SCRIPTS += tests/systemd/test-service.sh
TESTS += tests/systemd/test-service.sh
EXTRA_DIST += tests/systemd/test-service.sh
