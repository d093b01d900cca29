# Host tests of the Linux loader (TAP): Image header, gzip, placement, DTB
# patching and generation, plan printers. Through the command line it is
# tested by tests/cli/test-cli-linux.sh ("jailhouse cell linux").
loader_testlib = \
	tests/loader/testlib.c \
	tests/loader/testlib.h
LOADER_TEST_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir) \
	-I$(top_srcdir)/loaders -I$(top_srcdir)/tests/unit $(fixtures_cppflags)
LOADER_TEST_LIBS = loaders/libjhloader.la tests/fixtures/libjhfixtures.la \
	$(LOADER_LIBS)

if BUILD_LINUX_LOADER
loader_tests = \
	tests/loader/test-image \
	tests/loader/test-gunzip \
	tests/loader/test-plan \
	tests/loader/test-dtb
check_PROGRAMS += $(loader_tests)
TESTS += $(loader_tests)
endif

tests_loader_test_image_SOURCES = tests/loader/test-image.c $(loader_testlib)
tests_loader_test_image_CPPFLAGS = $(LOADER_TEST_CPPFLAGS)
tests_loader_test_image_CFLAGS = $(LOADER_CFLAGS)
tests_loader_test_image_LDADD = $(LOADER_TEST_LIBS)

tests_loader_test_gunzip_SOURCES = tests/loader/test-gunzip.c $(loader_testlib)
tests_loader_test_gunzip_CPPFLAGS = $(LOADER_TEST_CPPFLAGS)
tests_loader_test_gunzip_CFLAGS = $(LOADER_CFLAGS)
tests_loader_test_gunzip_LDADD = $(LOADER_TEST_LIBS)

tests_loader_test_plan_SOURCES = tests/loader/test-plan.c $(loader_testlib)
tests_loader_test_plan_CPPFLAGS = $(LOADER_TEST_CPPFLAGS)
tests_loader_test_plan_CFLAGS = $(LOADER_CFLAGS)
tests_loader_test_plan_LDADD = $(LOADER_TEST_LIBS)

tests_loader_test_dtb_SOURCES = tests/loader/test-dtb.c $(loader_testlib)
tests_loader_test_dtb_CPPFLAGS = $(LOADER_TEST_CPPFLAGS)
tests_loader_test_dtb_CFLAGS = $(LOADER_CFLAGS)
tests_loader_test_dtb_LDADD = $(LOADER_TEST_LIBS)

EXTRA_DIST += tests/loader/inmate-qemu-arm64.dts \
	tests/loader/loader-qemu.sh tests/loader/qemu/shim.S \
	tests/loader/qemu/fake-kernel.S

# linux-loader.bin under QEMU, with a stand-in for the hypervisor.
if HAVE_TARGET_CC
loader_qemu_bins = tests/loader/qemu/shim.bin tests/loader/qemu/fake-kernel.bin
TESTS += tests/loader/loader-qemu.sh
CLEANFILES += $(loader_qemu_bins) $(loader_qemu_bins:.bin=.o) \
	$(loader_qemu_bins:.bin=.elf)
# Built with everything: a test's .log rule must stay automake's own.
all_local_targets += $(loader_qemu_bins)

tests/loader/qemu/%.bin: tests/loader/qemu/%.S
	$(AM_V_GEN)$(MKDIR_P) $(@D) && \
	$(TARGET_CC) -c $< -o $(@:.bin=.o) && \
	$(TARGET_LD) -Ttext=0 -e 0 $(@:.bin=.o) -o $(@:.bin=.elf) && \
	$(TARGET_OBJCOPY) -O binary $(@:.bin=.elf) $@
endif
