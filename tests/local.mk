# Host unit tests (TAP) and the QEMU test bed.
TEST_EXTENSIONS = .test
LOG_DRIVER = env AM_TAP_AWK='$(AWK)' $(SHELL) $(top_srcdir)/build-aux/tap-driver.sh
EXTRA_DIST += build-aux/tap-driver.sh
AM_TESTS_ENVIRONMENT = JH_CELL_DIR=$(abs_builddir)/configs/arm64; export JH_CELL_DIR;

noinst_HEADERS += tests/unit/tap.h

check_PROGRAMS += tests/unit/test-abi
TESTS += tests/unit/test-abi
tests_unit_test_abi_SOURCES = tests/unit/test-abi.c

if HAVE_TARGET_CC
check_PROGRAMS += tests/unit/test-configs
TESTS += tests/unit/test-configs
tests_unit_test_configs_SOURCES = tests/unit/test-configs.c
tests/unit/test-configs.$(OBJEXT): $(cell_files)

# The ABI assertions must also hold for AArch64, the only target.
check_local_targets += tests/unit/test-abi-aarch64.o
CLEANFILES += tests/unit/test-abi-aarch64.o
tests/unit/test-abi-aarch64.o: tests/unit/test-abi.c $(abi_headers)
	$(AM_V_CC)$(MKDIR_P) $(@D) && \
	$(TARGET_CC) -std=gnu11 -Wall -Wextra -Werror -I$(top_srcdir)/include \
		-c $(top_srcdir)/tests/unit/test-abi.c -o $@
endif

EXTRA_DIST += tests/qemu tests/bench tests/build-all.sh tests/check-all.sh tests/demo.sh

# Guest-side test tools: built on request (tests/build-all.sh stages them
# into the initramfs), never installed.
EXTRA_PROGRAMS = tests/qemu/tools/jh-raw
CLEANFILES += $(EXTRA_PROGRAMS)
tests_qemu_tools_jh_raw_SOURCES = tests/qemu/tools/jh-raw.c
