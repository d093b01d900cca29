# The native Linux loader ("jailhouse cell linux"): a convenience library
# that libjailhouse links (internal API: loaders/jhloader.h), and
# linux-loader.bin, which runs in the cell before Linux.
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
	loaders/dtb-patch.c \
	loaders/dtb-gen.c \
	loaders/plan.c \
	loaders/segments.c \
	loaders/print.c

noinst_HEADERS += loaders/jhloader.h loaders/internal.h loaders/plan.h

LOADER_CFLAGS = $(AM_CFLAGS) $(ZLIB_CFLAGS) $(LIBFDT_CFLAGS)
LOADER_LIBS = $(ZLIB_LIBS) $(LIBFDT_LIBS)

if BUILD_LINUX_LOADER
noinst_LTLIBRARIES += loaders/libjhloader.la
loaders_libjhloader_la_SOURCES = $(loader_c_sources)
loaders_libjhloader_la_CFLAGS = $(LOADER_CFLAGS)
loaders_libjhloader_la_LIBADD = $(LOADER_LIBS)
endif

# linux-loader.bin: freestanding AArch64, whatever the userspace host is.
linux_loader_sources = \
	loaders/linux-loader/entry.S \
	loaders/linux-loader/main.c
EXTRA_DIST += $(linux_loader_sources) loaders/linux-loader/linux-loader.lds

if HAVE_TARGET_CC
linuxloaderdir = $(jhlibexecdir)
linuxloader_DATA = loaders/linux-loader/linux-loader.bin
linux_loader_objs = \
	loaders/linux-loader/entry.o \
	loaders/linux-loader/main.o
CLEANFILES += $(linux_loader_objs) loaders/linux-loader/linux-loader.elf \
	loaders/linux-loader/linux-loader.bin

# PC-relative code only (no PIC tables, no absolute data), and no
# unaligned or SIMD accesses: it runs with the MMU off.
LINUX_LOADER_CFLAGS = $(EL_CFLAGS) -fno-builtin -I$(top_srcdir)/include

loaders/linux-loader/%.o: loaders/linux-loader/%.c $(abi_headers)
	$(AM_V_CC)$(MKDIR_P) $(@D) && \
	$(TARGET_CC) $(LINUX_LOADER_CFLAGS) -c $< -o $@

loaders/linux-loader/%.o: loaders/linux-loader/%.S
	$(AM_V_CC)$(MKDIR_P) $(@D) && \
	$(TARGET_CC) $(LINUX_LOADER_CFLAGS) -c $< -o $@

loaders/linux-loader/linux-loader.elf: $(linux_loader_objs) \
		loaders/linux-loader/linux-loader.lds
	$(AM_V_CCLD)$(TARGET_LD) -nostdlib \
		-T $(top_srcdir)/loaders/linux-loader/linux-loader.lds \
		$(linux_loader_objs) -o $@

loaders/linux-loader/linux-loader.bin: loaders/linux-loader/linux-loader.elf
	$(AM_V_GEN)$(TARGET_OBJCOPY) -O binary $< $@
endif
