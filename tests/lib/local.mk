# Host tests of libjailhouse and the jailhouse command against a fake
# kernel interface: fake roots (plain directory trees) plus an LD_PRELOAD
# stand-in for the driver, libfakejh (see tests/lib/fake-device.c).
check_LTLIBRARIES += tests/lib/libfakejh.la tests/lib/libjhtest.la

tests_lib_libfakejh_la_SOURCES = tests/lib/fake-device.c \
	tests/lib/fake-fs.c tests/lib/fake-fs.h libjailhouse/ioctl-errnos.c
tests_lib_libfakejh_la_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/libjailhouse
tests_lib_libfakejh_la_LDFLAGS = -module -avoid-version -shared \
	-rpath /nowhere
tests_lib_libfakejh_la_LIBADD = -ldl

tests_lib_libjhtest_la_SOURCES = tests/lib/harness.c tests/lib/harness.h \
	tests/lib/expect.c tests/lib/expect.h \
	tests/lib/fake-fs.c tests/lib/fake-fs.h \
	tests/lib/fake-root.c tests/lib/fake-root.h \
	tests/lib/json-check.c tests/lib/json-check.h
tests_lib_libjhtest_la_CPPFLAGS = $(jhtest_cppflags)
tests_lib_libjhtest_la_LIBADD = tests/fixtures/libjhfixtures.la

jhtest_cppflags = $(AM_CPPFLAGS) -I$(top_srcdir)/libjailhouse \
	-I$(top_srcdir)/tests/unit $(fixtures_cppflags) \
	-DFAKE_DEVICE_SO=\"$(abs_top_builddir)/tests/lib/.libs/libfakejh.so\"
jhtest_ldadd = tests/lib/libjhtest.la libjailhouse/libjailhouse.la

check_PROGRAMS += tests/lib/jhtest-helper
tests_lib_jhtest_helper_SOURCES = tests/lib/helper.c
tests_lib_jhtest_helper_CPPFLAGS = $(jhtest_cppflags)
tests_lib_jhtest_helper_LDADD = tests/lib/libjhtest.la

lib_tests = tests/lib/test-config

check_PROGRAMS += $(lib_tests)
TESTS += $(lib_tests)

tests_lib_test_config_SOURCES = tests/lib/test-config.c
tests_lib_test_config_CPPFLAGS = $(jhtest_cppflags)
tests_lib_test_config_LDADD = $(jhtest_ldadd)

lib_tests += tests/lib/test-check
tests_lib_test_check_SOURCES = tests/lib/test-check.c
tests_lib_test_check_CPPFLAGS = $(jhtest_cppflags)
tests_lib_test_check_LDADD = $(jhtest_ldadd)

lib_tests += tests/lib/test-header
tests_lib_test_header_SOURCES = tests/lib/test-header.c
tests_lib_test_header_CPPFLAGS = $(jhtest_cppflags)

# driver/ERRORS.md against the library's rows of the errno contract
lib_tests += tests/lib/test-errors-doc
tests_lib_test_errors_doc_SOURCES = tests/lib/test-errors-doc.c \
	libjailhouse/ioctl-errnos.c
tests_lib_test_errors_doc_CPPFLAGS = $(jhtest_cppflags)

lib_tests += tests/lib/test-doctor
tests_lib_test_doctor_SOURCES = tests/lib/test-doctor.c
tests_lib_test_doctor_CPPFLAGS = $(jhtest_cppflags)
tests_lib_test_doctor_LDADD = $(jhtest_ldadd)

lib_tests += tests/lib/test-api
tests_lib_test_api_SOURCES = tests/lib/test-api.c
tests_lib_test_api_CPPFLAGS = $(jhtest_cppflags)
tests_lib_test_api_LDADD = $(jhtest_ldadd)

# jh_linux_ (cell linux) against the fake driver; without the loader it
# checks that the API says it is missing.
if BUILD_LINUX_LOADER
linux_test_cppflags = -DJH_TEST_LINUX_LOADER=1
else
linux_test_cppflags = -DJH_TEST_LINUX_LOADER=0
endif
lib_tests += tests/lib/test-linux
tests_lib_test_linux_SOURCES = tests/lib/test-linux.c
tests_lib_test_linux_CPPFLAGS = $(jhtest_cppflags) $(linux_test_cppflags) \
	-DJH_LINUX_LOADER_BIN=\"$(jhlibexecdir)/linux-loader.bin\"
tests_lib_test_linux_LDADD = $(jhtest_ldadd)

# Automake ships its own test-driver but not the TAP driver all host
# tests (these included) run under.

# The CLI, from a shell script; it finds the build through JH_BUILDDIR.
check_SCRIPTS = tests/lib/test-cli.sh tests/lib/test-symbols.sh \
	tests/lib/test-docs.sh tests/lib/test-cli-linux.sh
TESTS += $(check_SCRIPTS)
EXTRA_DIST += $(check_SCRIPTS) tests/lib/tap.sh tests/lib/fake-cli.sh
# The man pages are generated; the docs test reads them.
check_DATA = $(man8_MANS)
AM_TESTS_ENVIRONMENT += JH_BUILDDIR=$(abs_top_builddir) \
	JH_SRCDIR=$(abs_top_srcdir); export JH_BUILDDIR JH_SRCDIR;
