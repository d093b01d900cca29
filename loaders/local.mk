# The native Linux loader ("jailhouse cell linux"): a convenience library
# that libjailhouse links (internal API: loaders/jhloader.h). What runs in
# the cell before Linux, linux-loader.bin, is an inmate (inmates/).
loader_c_sources = \
	loaders/log.c \
	loaders/source.c \
	loaders/cell.c \
	loaders/image.c \
	loaders/gunzip.c \
	loaders/kernel.c \
	loaders/layout.c \
	loaders/dtb-common.c \
	loaders/dtb-scan.c \
	loaders/dtb-check.c \
	loaders/dtb-pci.c \
	loaders/dtb-patch.c \
	loaders/dtb-gen.c \
	loaders/plan.c \
	loaders/segments.c \
	loaders/print.c \
	libjailhouse/linux-images.c \
	$(common_json_sources) \
	$(common_zlib_sources)

noinst_HEADERS += loaders/jhloader.h loaders/internal.h loaders/plan.h

# the library's public header gives the images' vocabulary
LOADER_CFLAGS = $(AM_CFLAGS) $(ZLIB_CFLAGS) $(LIBFDT_CFLAGS) \
	-I$(top_srcdir)/libjailhouse $(COMMON_CPPFLAGS)
LOADER_LIBS = $(LIBFDT_LIBS) $(DLOPEN_LIBS)

if BUILD_LINUX_LOADER
noinst_LTLIBRARIES += loaders/libjhloader.la
loaders_libjhloader_la_SOURCES = $(loader_c_sources)
loaders_libjhloader_la_CFLAGS = $(LOADER_CFLAGS)
loaders_libjhloader_la_LIBADD = $(LOADER_LIBS)
endif
