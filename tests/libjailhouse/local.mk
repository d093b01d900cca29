# Host tests of libjailhouse (TAP), on the fakes (tests/fakes/): configs,
# the checker (alone and against the hypervisor's checks), the public
# API, doctor, "cell linux" requests and plans, the header and the errno
# contract against driver/ERRORS.md, and the exported symbols.
lib_tests = tests/libjailhouse/test-config

check_PROGRAMS += $(lib_tests)
TESTS += $(lib_tests)

tests_libjailhouse_test_config_SOURCES = tests/libjailhouse/test-config.c
tests_libjailhouse_test_config_CPPFLAGS = $(jhtest_cppflags)
tests_libjailhouse_test_config_LDADD = $(jhtest_ldadd)

lib_tests += tests/libjailhouse/test-check
tests_libjailhouse_test_check_SOURCES = tests/libjailhouse/test-check.c
tests_libjailhouse_test_check_CPPFLAGS = $(jhtest_cppflags)
tests_libjailhouse_test_check_LDADD = $(jhtest_ldadd)

# The checker against the hypervisor's own config checks, built for the
# host by tests/fuzz (hv-world.c): both take or refuse the same configs.
lib_tests += tests/libjailhouse/test-check-hv
tests_libjailhouse_test_check_hv_SOURCES = tests/libjailhouse/test-check-hv.c
tests_libjailhouse_test_check_hv_CPPFLAGS = $(jhtest_cppflags) \
	-I$(top_srcdir)/tests/fuzz
tests_libjailhouse_test_check_hv_LDADD = $(jhtest_ldadd) \
	tests/fuzz/libhvcheck.la

lib_tests += tests/libjailhouse/test-header
tests_libjailhouse_test_header_SOURCES = tests/libjailhouse/test-header.c
tests_libjailhouse_test_header_CPPFLAGS = $(jhtest_cppflags)

# driver/ERRORS.md against the library's rows of the errno contract
lib_tests += tests/libjailhouse/test-errors-doc
tests_libjailhouse_test_errors_doc_SOURCES = \
	tests/libjailhouse/test-errors-doc.c libjailhouse/ioctl-errnos.c
tests_libjailhouse_test_errors_doc_CPPFLAGS = $(jhtest_cppflags)

lib_tests += tests/libjailhouse/test-doctor
tests_libjailhouse_test_doctor_SOURCES = tests/libjailhouse/test-doctor.c
tests_libjailhouse_test_doctor_CPPFLAGS = $(jhtest_cppflags)
tests_libjailhouse_test_doctor_LDADD = $(jhtest_ldadd)

lib_tests += tests/libjailhouse/test-api
tests_libjailhouse_test_api_SOURCES = tests/libjailhouse/test-api.c \
	tests/libjailhouse/expect.c tests/libjailhouse/expect.h
tests_libjailhouse_test_api_CPPFLAGS = $(jhtest_cppflags)
tests_libjailhouse_test_api_LDADD = $(jhtest_ldadd)

# jh_linux_ (cell linux) against the fake driver; without the loader it
# checks that the API says it is missing.
if BUILD_LINUX_LOADER
linux_test_cppflags = -DJH_TEST_LINUX_LOADER=1
else
linux_test_cppflags = -DJH_TEST_LINUX_LOADER=0
endif
lib_tests += tests/libjailhouse/test-linux
tests_libjailhouse_test_linux_SOURCES = tests/libjailhouse/test-linux.c \
	tests/libjailhouse/expect.c tests/libjailhouse/expect.h
tests_libjailhouse_test_linux_CPPFLAGS = $(jhtest_cppflags) \
	$(linux_test_cppflags) \
	-DJH_LINUX_LOADER_BIN=\"$(jhlibexecdir)/linux-loader.bin\"
tests_libjailhouse_test_linux_LDADD = $(jhtest_ldadd)

check_SCRIPTS += tests/libjailhouse/test-symbols.sh
TESTS += tests/libjailhouse/test-symbols.sh
EXTRA_DIST += tests/libjailhouse/test-symbols.sh

# The examples of docs/libjailhouse-guide.md on the fake driver
check_SCRIPTS += tests/libjailhouse/test-examples.sh
TESTS += tests/libjailhouse/test-examples.sh
EXTRA_DIST += tests/libjailhouse/test-examples.sh
