# Host unit tests (TAP) and the QEMU test bed.
TEST_EXTENSIONS = .test
LOG_DRIVER = env AM_TAP_AWK='$(AWK)' $(SHELL) $(top_srcdir)/build-aux/tap-driver.sh
EXTRA_DIST += build-aux/tap-driver.sh
# Tests find the configs, the build and the sources through these.
AM_TESTS_ENVIRONMENT = JH_CELL_DIR=$(abs_builddir)/configs/arm64 \
	JH_BUILDDIR=$(abs_top_builddir) JH_SRCDIR=$(abs_top_srcdir); \
	export JH_CELL_DIR JH_BUILDDIR JH_SRCDIR;

noinst_HEADERS += tests/unit/tap.h
EXTRA_DIST += tests/unit/tap.sh

check_PROGRAMS += tests/unit/test-abi
TESTS += tests/unit/test-abi
tests_unit_test_abi_SOURCES = tests/unit/test-abi.c

# The hypervisor's table code built for the host (its lock stubbed).
check_PROGRAMS += tests/unit/test-paging
TESTS += tests/unit/test-paging
tests_unit_test_paging_SOURCES = tests/unit/test-paging.c \
	hypervisor/core/paging.c
tests_unit_test_paging_CPPFLAGS = -D__JAILHOUSE_FREESTANDING__ \
	-DJAILHOUSE_BASE=0x500000000000UL \
	-I$(top_srcdir)/tests/unit/hv-host -I$(top_srcdir)/include \
	-I$(top_srcdir)/freestanding/include \
	-I$(top_srcdir)/hypervisor/include \
	-I$(top_srcdir)/hypervisor/arch/arm64/include
noinst_HEADERS += tests/unit/hv-host/asm/spinlock.h

check_PROGRAMS += tests/unit/test-ivshmem-net
TESTS += tests/unit/test-ivshmem-net
tests_unit_test_ivshmem_net_SOURCES = tests/unit/test-ivshmem-net.c

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
	$(TARGET_CC) -std=gnu11 -Wall -Wextra $(EL_WERROR) -I$(top_srcdir)/include \
		-c $(top_srcdir)/tests/unit/test-abi.c -o $@
endif

EXTRA_DIST += tests/qemu tests/bench tests/build-all.sh tests/check-all.sh tests/demo.sh \
	tests/packages tests/lib-root.sh

# Guest-side test tools: built on request (tests/build-all.sh stages them
# into the initramfs with `make install-qemu-tests`), never installed.
EXTRA_PROGRAMS = tests/qemu/tools/jh-raw tests/qemu/tools/jh-ioctl-fuzz \
	tests/qemu/tools/jh-spawn-time
CLEANFILES += $(EXTRA_PROGRAMS)
tests_qemu_tools_jh_raw_SOURCES = tests/qemu/tools/jh-raw.c
tests_qemu_tools_jh_spawn_time_SOURCES = tests/qemu/tools/jh-spawn-time.c
tests_qemu_tools_jh_ioctl_fuzz_SOURCES = tests/qemu/tools/jh-ioctl-fuzz.c \
	libjailhouse/ioctl-errnos.c
tests_qemu_tools_jh_ioctl_fuzz_CPPFLAGS = $(AM_CPPFLAGS) \
	-I$(top_srcdir)/libjailhouse
qemu_tests_dir = $(libexecdir)/jailhouse-tests
qemu_tests_files = tests/qemu/tools/jh-raw tests/qemu/tools/jh-ioctl-fuzz \
	tests/qemu/tools/jh-spawn-time

# Test inmates for the cell scenarios: raw images loaded at guest address
# 0, one source in five modes (see cell-test.c).
if HAVE_TARGET_CC
qemu_test_inmates = \
	tests/qemu/inmates/cell-timer.bin \
	tests/qemu/inmates/cell-smp.bin \
	tests/qemu/inmates/cell-fault.bin \
	tests/qemu/inmates/cell-hvc.bin \
	tests/qemu/inmates/cell-lock.bin
qemu_tests_files += $(qemu_test_inmates)
CLEANFILES += $(qemu_test_inmates)

# On the inmate library's bare start (MMU off, hypervisor console).
INMATE_TEST_SRC = $(top_srcdir)/tests/qemu/inmates
INMATE_TEST_START = inmates/lib/entry.o inmates/lib/setup-bare.o

tests/qemu/inmates/cell-%.bin: $(INMATE_TEST_SRC)/cell-test.c \
		$(INMATE_TEST_START) $(inmate_lib_a) $(inmate_lib_headers) \
		$(abi_headers) inmates/lib/inmate.lds \
		$(INMATE_TEST_SRC)/budget.lds
	$(AM_V_GEN)$(MKDIR_P) $(@D) && \
	mode=`echo $* | tr a-z A-Z` && \
	$(TARGET_CC) $(INMATE_CFLAGS) -DMODE_$$mode \
		-c $(INMATE_TEST_SRC)/cell-test.c -o $@.o && \
	$(TARGET_LD) $(INMATE_LINK_FLAGS) $(INMATE_TEST_SRC)/budget.lds \
		$(INMATE_TEST_START) $@.o $(inmate_lib_a) -o $@.elf && \
	$(TARGET_OBJCOPY) -O binary $@.elf $@ && rm -f $@.o $@.elf

# Test configs, one per pattern of upstream's board configs (see each).
qemu_test_configs = \
	tests/qemu/configs/pattern-root-overlap.cell \
	tests/qemu/configs/pattern-root-overlap-gicv2.cell \
	tests/qemu/configs/pattern-cpu0.cell \
	tests/qemu/configs/pattern-console-unmapped.cell \
	tests/qemu/configs/pattern-placeholder.cell \
	tests/qemu/configs/pattern-shared-outside-root.cell \
	tests/qemu/configs/pattern-subpage.cell
qemu_tests_files += $(qemu_test_configs)
CLEANFILES += $(qemu_test_configs)

tests/qemu/configs/pattern-root-overlap.cell: \
	$(top_srcdir)/configs/arm64/qemu-arm64-gic.h
tests/qemu/configs/pattern-root-overlap-gicv2.cell: \
	$(top_srcdir)/tests/qemu/configs/pattern-root-overlap.c \
	$(top_srcdir)/configs/arm64/qemu-arm64-gic.h
tests/qemu/configs/%.cell: tests/qemu/configs/%.c \
		$(top_srcdir)/tests/qemu/configs/pattern.h \
		configs/cell.lds $(abi_headers)
	$(AM_V_GEN)$(MKDIR_P) $(@D) && \
	$(TARGET_CC) $(CELL_CFLAGS) -c $< -o $@.o && \
	$(TARGET_LD) -T $(top_srcdir)/configs/cell.lds $@.o -o $@.elf && \
	$(TARGET_OBJCOPY) -O binary $@.elf $@ && \
	rm -f $@.o $@.elf
endif

# What the QEMU scenarios need besides `make install`.
install-qemu-tests: $(qemu_tests_files)
	$(MKDIR_P) $(DESTDIR)$(qemu_tests_dir)
	$(INSTALL_PROGRAM) tests/qemu/tools/jh-raw tests/qemu/tools/jh-ioctl-fuzz \
		tests/qemu/tools/jh-spawn-time $(DESTDIR)$(qemu_tests_dir)
	for f in $(qemu_test_inmates) $(qemu_test_configs); do \
		$(INSTALL_DATA) $$f $(DESTDIR)$(qemu_tests_dir) || exit 1; \
	done
.PHONY: install-qemu-tests
