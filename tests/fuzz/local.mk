# Fuzz targets of the parsers of untrusted bytes: the loader's (Image
# header, gzip, DTB patching), the library's one .cell parser with what
# reads it (checker, Linux boot plans), the hypervisor's own cell
# config checks built for the host (hv-world.c), and the ivshmem-net
# rules with a peer's output section made of the input. Always: replay
# the seed corpora through them as TAP tests. With --enable-fuzzing
# (CC=clang): libFuzzer binaries; "make fuzz-smoke" runs each for
# FUZZ_SECONDS on a scratch copy of its corpus, "make fuzz-long" for
# FUZZ_RUNS executions.
fuzz_names = image gunzip dtb config sysgen hv-check ivshmem-net
EXTRA_DIST += tests/fuzz/corpus tests/fuzz/fuzz.h tests/fuzz/make-corpus.sh \
	tests/fuzz/hv-world.h

# The hypervisor's sources that check a new cell's config, with the world
# they ask (hv-world.c), compiled for the host with the hypervisor's
# headers; instrumented like the rest in the fuzzing build.
hvcheck_sources = tests/fuzz/hv-world.c \
	hypervisor/core/cell-check.c hypervisor/core/printk.c \
	freestanding/format.c hypervisor/arch/arm64/gic-spi-check.c \
	hypervisor/core/pci-check.c hypervisor/arch/arm64/irq-config.c
hvcheck_cppflags = -D__JAILHOUSE_FREESTANDING__ \
	-Dsnprintf=hv_snprintf -Dvsnprintf=hv_vsnprintf \
	-I$(top_srcdir)/include -I$(top_srcdir)/freestanding/include \
	-I$(top_srcdir)/hypervisor/include \
	-I$(top_srcdir)/hypervisor/arch/arm64/include
check_LTLIBRARIES += tests/fuzz/libhvcheck.la
tests_fuzz_libhvcheck_la_SOURCES = $(hvcheck_sources)
tests_fuzz_libhvcheck_la_CPPFLAGS = $(hvcheck_cppflags)
tests_fuzz_libhvcheck_la_CFLAGS = $(AM_CFLAGS) -ffreestanding

check_PROGRAMS += tests/fuzz/replay-hv-check
TESTS += tests/fuzz/replay-hv-check
tests_fuzz_replay_hv_check_SOURCES = tests/fuzz/fuzz-hv-check.c \
	tests/fuzz/replay.c
tests_fuzz_replay_hv_check_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_TARGET='"hv-check"'
tests_fuzz_replay_hv_check_LDADD = tests/fuzz/libhvcheck.la
check_PROGRAMS += tests/fuzz/replay-ivshmem-net
TESTS += tests/fuzz/replay-ivshmem-net
tests_fuzz_replay_ivshmem_net_SOURCES = tests/fuzz/fuzz-ivshmem-net.c \
	tests/fuzz/replay.c
tests_fuzz_replay_ivshmem_net_CPPFLAGS = $(AM_CPPFLAGS) \
	-DFUZZ_TARGET='"ivshmem-net"'

FUZZ_SECONDS = 20
FUZZ_RUNS = 10000000
FUZZ_LIMIT = -max_total_time=$(FUZZ_SECONDS)

if BUILD_LINUX_LOADER
fuzz_replays = \
	tests/fuzz/replay-image \
	tests/fuzz/replay-gunzip \
	tests/fuzz/replay-dtb \
	tests/fuzz/replay-sysgen
check_PROGRAMS += $(fuzz_replays)
TESTS += $(fuzz_replays)
endif

FUZZ_REPLAY_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/loaders

tests_fuzz_replay_image_SOURCES = tests/fuzz/fuzz-image.c tests/fuzz/replay.c
tests_fuzz_replay_image_CPPFLAGS = $(FUZZ_REPLAY_CPPFLAGS) -DFUZZ_TARGET='"image"'
tests_fuzz_replay_image_CFLAGS = $(LOADER_CFLAGS)
tests_fuzz_replay_image_LDADD = $(LOADER_TEST_LIBS)

tests_fuzz_replay_gunzip_SOURCES = tests/fuzz/fuzz-gunzip.c tests/fuzz/replay.c
tests_fuzz_replay_gunzip_CPPFLAGS = $(FUZZ_REPLAY_CPPFLAGS) -DFUZZ_TARGET='"gunzip"'
tests_fuzz_replay_gunzip_CFLAGS = $(LOADER_CFLAGS)
tests_fuzz_replay_gunzip_LDADD = $(LOADER_TEST_LIBS)

tests_fuzz_replay_dtb_SOURCES = tests/fuzz/fuzz-dtb.c tests/fuzz/replay.c
tests_fuzz_replay_dtb_CPPFLAGS = $(FUZZ_REPLAY_CPPFLAGS) -DFUZZ_TARGET='"dtb"'
tests_fuzz_replay_dtb_CFLAGS = $(LOADER_CFLAGS)
tests_fuzz_replay_dtb_LDADD = $(LOADER_TEST_LIBS)

# "config create" through the library (built with the loader, as its
# generator is)
tests_fuzz_replay_sysgen_SOURCES = tests/fuzz/fuzz-sysgen.c tests/fuzz/replay.c
tests_fuzz_replay_sysgen_CPPFLAGS = $(AM_CPPFLAGS) \
	-I$(top_srcdir)/libjailhouse -DFUZZ_TARGET='"sysgen"'
tests_fuzz_replay_sysgen_LDADD = libjailhouse/libjailhouse.la

# The .cell target: its corpus replayed, and a deterministic run over
# mutations of the test configs (its own main without -DJH_LIBFUZZER).
check_PROGRAMS += tests/fuzz/replay-config tests/fuzz/mutate-config
TESTS += tests/fuzz/replay-config tests/fuzz/mutate-config
tests_fuzz_replay_config_SOURCES = tests/fuzz/fuzz-config.c tests/fuzz/replay.c
tests_fuzz_replay_config_CPPFLAGS = $(AM_CPPFLAGS) -DJH_LIBFUZZER \
	-I$(top_srcdir)/libjailhouse -DFUZZ_TARGET='"config"'
tests_fuzz_replay_config_LDADD = libjailhouse/libjailhouse.la
tests_fuzz_mutate_config_SOURCES = tests/fuzz/fuzz-config.c
tests_fuzz_mutate_config_CPPFLAGS = $(jhtest_cppflags)
tests_fuzz_mutate_config_LDADD = $(jhtest_ldadd)

if ENABLE_FUZZING
fuzz_targets = \
	tests/fuzz/fuzz-image \
	tests/fuzz/fuzz-gunzip \
	tests/fuzz/fuzz-dtb \
	tests/fuzz/fuzz-config \
	tests/fuzz/fuzz-sysgen \
	tests/fuzz/fuzz-hv-check \
	tests/fuzz/fuzz-ivshmem-net
check_PROGRAMS += $(fuzz_targets)

# The loader is compiled into each target with coverage and sanitizers.
FUZZ_TARGET_CFLAGS = $(LOADER_CFLAGS) $(FUZZ_CFLAGS)

tests_fuzz_fuzz_image_SOURCES = tests/fuzz/fuzz-image.c $(loader_c_sources)
tests_fuzz_fuzz_image_CPPFLAGS = $(FUZZ_REPLAY_CPPFLAGS)
tests_fuzz_fuzz_image_CFLAGS = $(FUZZ_TARGET_CFLAGS)
tests_fuzz_fuzz_image_LDFLAGS = $(FUZZ_LDFLAGS)
tests_fuzz_fuzz_image_LDADD = $(LOADER_LIBS)

tests_fuzz_fuzz_gunzip_SOURCES = tests/fuzz/fuzz-gunzip.c $(loader_c_sources)
tests_fuzz_fuzz_gunzip_CPPFLAGS = $(FUZZ_REPLAY_CPPFLAGS)
tests_fuzz_fuzz_gunzip_CFLAGS = $(FUZZ_TARGET_CFLAGS)
tests_fuzz_fuzz_gunzip_LDFLAGS = $(FUZZ_LDFLAGS)
tests_fuzz_fuzz_gunzip_LDADD = $(LOADER_LIBS) $(ZLIB_LIBS)

tests_fuzz_fuzz_dtb_SOURCES = tests/fuzz/fuzz-dtb.c $(loader_c_sources)
tests_fuzz_fuzz_dtb_CPPFLAGS = $(FUZZ_REPLAY_CPPFLAGS)
tests_fuzz_fuzz_dtb_CFLAGS = $(FUZZ_TARGET_CFLAGS)
tests_fuzz_fuzz_dtb_LDFLAGS = $(FUZZ_LDFLAGS)
tests_fuzz_fuzz_dtb_LDADD = $(LOADER_LIBS)

# libjailhouse's .cell parser, checker and Linux plans. The fuzz build
# configures the whole tree with sanitizer coverage (see
# tests/check-all.sh), so linking the library gives the fuzzer coverage
# inside it, the loader included.
tests_fuzz_fuzz_config_SOURCES = tests/fuzz/fuzz-config.c
tests_fuzz_fuzz_config_CPPFLAGS = $(AM_CPPFLAGS) -DJH_LIBFUZZER \
	-I$(top_srcdir)/libjailhouse
tests_fuzz_fuzz_config_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_config_LDFLAGS = $(FUZZ_LDFLAGS)
tests_fuzz_fuzz_config_LDADD = libjailhouse/libjailhouse.la

tests_fuzz_fuzz_sysgen_SOURCES = tests/fuzz/fuzz-sysgen.c
tests_fuzz_fuzz_sysgen_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/libjailhouse
tests_fuzz_fuzz_sysgen_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_sysgen_LDFLAGS = $(FUZZ_LDFLAGS)
tests_fuzz_fuzz_sysgen_LDADD = libjailhouse/libjailhouse.la

# the hypervisor's checks instrumented like the loader in its targets
check_LTLIBRARIES += tests/fuzz/libhvcheck-fuzz.la
tests_fuzz_libhvcheck_fuzz_la_SOURCES = $(hvcheck_sources)
tests_fuzz_libhvcheck_fuzz_la_CPPFLAGS = $(hvcheck_cppflags)
tests_fuzz_libhvcheck_fuzz_la_CFLAGS = $(AM_CFLAGS) -ffreestanding \
	$(FUZZ_CFLAGS)
tests_fuzz_fuzz_hv_check_SOURCES = tests/fuzz/fuzz-hv-check.c
tests_fuzz_fuzz_hv_check_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_hv_check_LDFLAGS = $(FUZZ_LDFLAGS)
tests_fuzz_fuzz_hv_check_LDADD = tests/fuzz/libhvcheck-fuzz.la

tests_fuzz_fuzz_ivshmem_net_SOURCES = tests/fuzz/fuzz-ivshmem-net.c
tests_fuzz_fuzz_ivshmem_net_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_ivshmem_net_LDFLAGS = $(FUZZ_LDFLAGS)

fuzz-smoke: $(fuzz_targets) FORCE
	@for t in $(fuzz_names); do \
		rm -rf tests/fuzz/work/$$t && mkdir -p tests/fuzz/work/$$t && \
		echo "fuzz-$$t: $(FUZZ_LIMIT)" && \
		./tests/fuzz/fuzz-$$t $(FUZZ_LIMIT) \
			-rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
			-artifact_prefix=tests/fuzz/work/$$t- \
			tests/fuzz/work/$$t $(srcdir)/tests/fuzz/corpus/$$t \
			2>&1 | grep -E '^(stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)|Done [0-9]+ runs)|ERROR|SUMMARY' ; \
		test -z "$$(ls tests/fuzz/work/$$t-* 2>/dev/null)" || exit 1; \
	done

fuzz-long: FORCE
	$(MAKE) $(AM_MAKEFLAGS) fuzz-smoke FUZZ_LIMIT=-runs=$(FUZZ_RUNS)
else
fuzz-smoke fuzz-long: FORCE
	@echo "fuzz-smoke: configure with CC=clang --enable-fuzzing first" >&2; exit 1
endif

clean_local_targets += clean-fuzz
clean-fuzz: FORCE
	rm -rf tests/fuzz/work
