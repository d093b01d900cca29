# Inmates: the bare-metal library and the demos that run inside cells.
# Freestanding AArch64, whatever the userspace host is; each demo is
# linked at 0 (the cells' cpu_reset_address) and stripped to a raw .bin.
inmate_lib_headers = \
	inmates/lib/include/inmate/types.h \
	inmates/lib/include/inmate/sysreg.h \
	inmates/lib/include/inmate/mmio.h \
	inmates/lib/include/inmate/string.h \
	inmates/lib/include/inmate/printk.h \
	inmates/lib/include/inmate/cmdline.h \
	inmates/lib/include/inmate/comm.h \
	inmates/lib/include/inmate/console.h \
	inmates/lib/include/inmate/uart.h \
	inmates/lib/include/inmate/hcall.h \
	inmates/lib/include/inmate/gic.h \
	inmates/lib/include/inmate/irq.h \
	inmates/lib/include/inmate/timer.h \
	inmates/lib/include/inmate/mmu.h \
	inmates/lib/include/inmate/sections.h \
	inmates/lib/include/inmate/inmate.h

inmate_lib_sources = \
	inmates/lib/entry.S \
	inmates/lib/vectors.S \
	inmates/lib/setup.c \
	inmates/lib/mmu.c \
	inmates/lib/exception.c \
	inmates/lib/irq.c \
	inmates/lib/gic.c \
	inmates/lib/timer.c \
	inmates/lib/comm.c \
	inmates/lib/cmdline.c \
	inmates/lib/console.c \
	inmates/lib/uart-pl011.c \
	inmates/lib/printk.c \
	inmates/lib/string.c

inmate_demos = gic-demo uart-demo fault-demo

EXTRA_DIST += inmates/README.md inmates/lib/inmate.lds \
	$(inmate_lib_headers) $(inmate_lib_sources) \
	$(inmate_demos:%=inmates/demos/%.c) \
	inmates/tests/bare-qemu.c inmates/tests/lib-test.c \
	inmates/tests/run-bare.sh

if HAVE_TARGET_CC
inmate_lib_objs = $(patsubst %.S,%.o,$(inmate_lib_sources:.c=.o))
inmate_bins = $(inmate_demos:%=inmates/demos/%.bin)
# Test builds linked at 0x40200000 for a bare QEMU "virt" (make check)
inmate_bare_elfs = $(inmate_demos:%=inmates/tests/%-bare.elf) \
	inmates/tests/lib-test-bare.elf

demosdir = $(jhlibexecdir)/demos
demos_DATA = $(inmate_bins)

CLEANFILES += $(inmate_lib_objs) $(inmate_bins) \
	$(inmate_demos:%=inmates/demos/%.o) \
	$(inmate_demos:%=inmates/demos/%.elf) \
	inmates/tests/bare-qemu.o inmates/tests/lib-test.o $(inmate_bare_elfs)

# No FP/SIMD (the cell may not have it enabled), no PIC (linked where it
# runs), no implicit memset calls from within memset itself.
INMATE_CFLAGS = $(EL_CFLAGS) -ffunction-sections -fdata-sections \
	-I$(top_srcdir)/include -I$(top_srcdir)/inmates/lib/include
INMATE_LINK_FLAGS = -nostdlib -static -z noexecstack --gc-sections \
	--no-warn-rwx-segments -T $(top_srcdir)/inmates/lib/inmate.lds

inmates/%.o: inmates/%.c $(inmate_lib_headers) $(abi_headers)
	$(AM_V_CC)$(MKDIR_P) $(@D) && \
	$(TARGET_CC) $(INMATE_CFLAGS) -c $< -o $@

inmates/%.o: inmates/%.S
	$(AM_V_CC)$(MKDIR_P) $(@D) && \
	$(TARGET_CC) $(INMATE_CFLAGS) -c $< -o $@

inmates/demos/%.elf: inmates/demos/%.o $(inmate_lib_objs) \
		inmates/lib/inmate.lds
	$(AM_V_CCLD)$(TARGET_LD) $(INMATE_LINK_FLAGS) \
		$< $(inmate_lib_objs) -o $@

inmates/demos/%.bin: inmates/demos/%.elf
	$(AM_V_GEN)$(TARGET_OBJCOPY) -O binary $< $@

INMATE_LINK_BARE = $(TARGET_LD) $(INMATE_LINK_FLAGS) \
	--defsym=INMATE_BASE=0x40200000 $< inmates/tests/bare-qemu.o \
	$(inmate_lib_objs) -o $@

inmates/tests/%-bare.elf: inmates/demos/%.o inmates/tests/bare-qemu.o \
		$(inmate_lib_objs) inmates/lib/inmate.lds
	$(AM_V_CCLD)$(MKDIR_P) $(@D) && $(INMATE_LINK_BARE)

inmates/tests/lib-test-bare.elf: inmates/tests/lib-test.o \
		inmates/tests/bare-qemu.o $(inmate_lib_objs) inmates/lib/inmate.lds
	$(AM_V_CCLD)$(INMATE_LINK_BARE)

# Kept between runs; make would delete them as intermediates of the chain.
.SECONDARY: $(inmate_lib_objs) inmates/tests/bare-qemu.o \
	inmates/tests/lib-test.o \
	$(inmate_demos:%=inmates/demos/%.o) \
	$(inmate_demos:%=inmates/demos/%.elf)

# Built with everything: a test's .log rule must stay automake's own.
all_local_targets += $(inmate_bare_elfs)
TESTS += inmates/tests/run-bare.sh
endif
