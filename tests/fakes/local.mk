# Running libjailhouse and the jailhouse command against a fake kernel
# interface: fake roots (plain directory trees, fake-root.c) plus an
# LD_PRELOAD stand-in for the driver, libfakejh (fake-device.c). The
# harness (th_) runs a C test under it, fake-cli.sh a shell test;
# jhtest-helper writes roots, configs and "cell linux" inputs for both.
check_LTLIBRARIES += tests/fakes/libfakejh.la tests/fakes/libjhfake.la

tests_fakes_libfakejh_la_SOURCES = tests/fakes/fake-device.c \
	tests/fakes/fake-fs.c tests/fakes/fake-fs.h libjailhouse/ioctl-errnos.c
tests_fakes_libfakejh_la_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/libjailhouse
tests_fakes_libfakejh_la_LDFLAGS = -module -avoid-version -shared \
	-rpath /nowhere
tests_fakes_libfakejh_la_LIBADD = -ldl

tests_fakes_libjhfake_la_SOURCES = tests/fakes/harness.c tests/fakes/harness.h \
	tests/fakes/fake-fs.c tests/fakes/fake-fs.h \
	tests/fakes/fake-root.c tests/fakes/fake-root.h \
	tests/fakes/json-check.c tests/fakes/json-check.h
tests_fakes_libjhfake_la_CPPFLAGS = $(jhtest_cppflags) $(COMMON_CPPFLAGS)
tests_fakes_libjhfake_la_LIBADD = tests/fixtures/libjhfixtures.la

# What every test on the fakes is built with.
jhtest_cppflags = $(AM_CPPFLAGS) -I$(top_srcdir)/libjailhouse \
	-I$(top_srcdir)/tests/unit -I$(top_srcdir)/tests/fakes \
	$(fixtures_cppflags) \
	-DFAKE_DEVICE_SO=\"$(abs_top_builddir)/tests/fakes/.libs/libfakejh.so\"
jhtest_ldadd = tests/fakes/libjhfake.la libjailhouse/libjailhouse.la

check_PROGRAMS += tests/fakes/jhtest-helper
tests_fakes_jhtest_helper_SOURCES = tests/fakes/helper.c
tests_fakes_jhtest_helper_CPPFLAGS = $(jhtest_cppflags)
tests_fakes_jhtest_helper_LDADD = tests/fakes/libjhfake.la

EXTRA_DIST += tests/fakes/fake-cli.sh
