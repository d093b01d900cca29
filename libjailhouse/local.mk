# libjailhouse: the only userspace code that talks to the driver.
lib_LTLIBRARIES += libjailhouse/libjailhouse.la
include_HEADERS = libjailhouse/libjailhouse.h
noinst_HEADERS += libjailhouse/internal.h libjailhouse/check.h \
	libjailhouse/sysgen.h \
	libjailhouse/linux.h libjailhouse/linux-plan.h libjailhouse/ioctl-errnos.h

libjailhouse_libjailhouse_la_SOURCES = \
	libjailhouse/ctx.c \
	libjailhouse/error.c \
	libjailhouse/path.c \
	libjailhouse/sysfs.c \
	libjailhouse/device.c \
	libjailhouse/ioctl-errnos.c \
	libjailhouse/ioctl-errors.c \
	libjailhouse/module.c \
	libjailhouse/config.c \
	libjailhouse/config-fields.c \
	libjailhouse/ivshmem.c \
	libjailhouse/check.c \
	libjailhouse/check-platform.c \
	libjailhouse/check-cell.c \
	libjailhouse/check-memory.c \
	libjailhouse/check-cpus.c \
	libjailhouse/check-irq.c \
	libjailhouse/check-pci.c \
	libjailhouse/check-live.c \
	libjailhouse/iomem.c \
	libjailhouse/check-kconfig.c \
	libjailhouse/check-live-irq.c \
	libjailhouse/check-live-gic.c \
	libjailhouse/cpuset.c \
	libjailhouse/system.c \
	libjailhouse/cell.c \
	libjailhouse/cell-list.c \
	libjailhouse/cell-ops.c \
	libjailhouse/stats.c \
	libjailhouse/console.c \
	libjailhouse/image-set.c \
	libjailhouse/image-elf.c \
	libjailhouse/linux.c \
	libjailhouse/sysgen.c

libjailhouse_libjailhouse_la_CPPFLAGS = $(AM_CPPFLAGS) \
	-I$(top_srcdir)/libjailhouse -I$(top_srcdir)/loaders $(COMMON_CPPFLAGS) \
	-I$(top_srcdir)/confgen -I$(top_srcdir) \
	-DJH_LINUX_LOADER_BIN=\"$(jhlibexecdir)/linux-loader.bin\"
libjailhouse_libjailhouse_la_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden \
	$(KMOD_CFLAGS) $(ZLIB_CFLAGS)
libjailhouse_libjailhouse_la_LIBADD = $(DLOPEN_LIBS)
libjailhouse_libjailhouse_la_LDFLAGS = \
	-version-info $(LIBJAILHOUSE_LT_VERSION) -no-undefined \
	-Wl,--version-script=$(top_srcdir)/libjailhouse/libjailhouse.sym
EXTRA_libjailhouse_libjailhouse_la_DEPENDENCIES = \
	$(top_srcdir)/libjailhouse/libjailhouse.sym

# "jailhouse cell linux": the native loader (loaders/) is optional; without
# it the jh_linux_ calls exist and say it is missing. Its jhl_ symbols stay
# hidden through the version script.
if BUILD_LINUX_LOADER
libjailhouse_libjailhouse_la_SOURCES += \
	libjailhouse/linux-plan.c \
	libjailhouse/linux-boot.c \
	libjailhouse/load-pipe.c \
	libjailhouse/sysgen-run.c \
	$(confgen_sources) \
	$(common_json_writer_sources)
libjailhouse_libjailhouse_la_LIBADD += loaders/libjhloader.la
# the pieces of a Linux boot load on a thread of their own; confgen/
# reads device trees with libfdt
libjailhouse_libjailhouse_la_CFLAGS += -pthread $(LIBFDT_CFLAGS)
libjailhouse_libjailhouse_la_LDFLAGS += -pthread
else
# the images' names: in the loader's library when there is one
libjailhouse_libjailhouse_la_SOURCES += libjailhouse/linux-none.c \
	libjailhouse/linux-images.c $(common_zlib_sources) \
	libjailhouse/sysgen-none.c
endif

pkgconfigdir = $(libdir)/pkgconfig
pkgconfig_DATA = libjailhouse/libjailhouse.pc

EXTRA_DIST += libjailhouse/libjailhouse.sym libjailhouse/libjailhouse.pc.in
