# Inmates: the bare-metal library and the programs that run inside cells
# on it (the demos, linux-loader.bin). Freestanding AArch64, whatever the
# userspace host is; each is linked at 0 (the cells' cpu_reset_address)
# and stripped to a raw .bin.
#
# A program links the reset entry, one start (setup.o: MMU on, comm
# region, console; setup-bare.o: MMU off, hypervisor console) and its own
# objects, then takes what it uses from the archive libinmate.a.
freestanding_headers = \
	freestanding/include/freestanding/string.h \
	freestanding/include/freestanding/format.h

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
	inmates/lib/include/inmate/cache.h \
	inmates/lib/include/inmate/psci.h \
	inmates/lib/include/inmate/smp.h \
	inmates/lib/include/inmate/pci.h \
	inmates/lib/include/inmate/ivshmem.h \
	inmates/lib/include/inmate/sections.h \
	inmates/lib/include/inmate/inmate.h \
	inmates/lib/gic-model.h

inmate_lib_starts = \
	inmates/lib/entry.S \
	inmates/lib/setup.c \
	inmates/lib/setup-bare.c

inmate_lib_archived = \
	inmates/lib/vectors.S \
	inmates/lib/halt.c \
	inmates/lib/smp.c \
	inmates/lib/cache.c \
	inmates/lib/mmu.c \
	inmates/lib/exception.c \
	inmates/lib/irq.c \
	inmates/lib/gic.c \
	inmates/lib/gic-v3.c \
	inmates/lib/gic-v2.c \
	inmates/lib/pci.c \
	inmates/lib/ivshmem.c \
	inmates/lib/timer.c \
	inmates/lib/comm.c \
	inmates/lib/cmdline.c \
	inmates/lib/console.c \
	inmates/lib/uart-pl011.c \
	inmates/lib/uart-xuartps.c \
	inmates/lib/printk.c \
	freestanding/string.c \
	freestanding/format.c

inmate_lib_sources = $(inmate_lib_starts) $(inmate_lib_archived)
inmate_demos = gic-demo uart-demo fault-demo ivshmem-demo
linux_loader_sources = \
	inmates/linux-loader/main.c \
	inmates/linux-loader/boot.S

EXTRA_DIST += inmates/README.md inmates/lib/inmate.lds \
	$(freestanding_headers) \
	$(inmate_lib_headers) $(inmate_lib_sources) \
	$(inmate_demos:%=inmates/demos/%.c) \
	$(linux_loader_sources) inmates/linux-loader/budget.lds

if HAVE_TARGET_CC
inmate_o = $(patsubst %.S,%.o,$(1:.c=.o))
inmate_lib_objs = $(call inmate_o,$(inmate_lib_sources))
inmate_lib_a = inmates/lib/libinmate.a
# what every usual inmate links before its own objects
inmate_crt = inmates/lib/entry.o inmates/lib/setup.o
inmate_bins = $(inmate_demos:%=inmates/demos/%.bin)

demosdir = $(jhlibexecdir)/demos
demos_DATA = $(inmate_bins)

CLEANFILES += $(inmate_lib_objs) $(inmate_lib_a) $(inmate_bins) \
	$(inmate_demos:%=inmates/demos/%.o) \
	$(inmate_demos:%=inmates/demos/%.elf)

# No FP/SIMD (the cell may not have it enabled), no PIC (linked where it
# runs), no implicit memset calls from within memset itself.
INMATE_CFLAGS = $(EL_CFLAGS) -ffunction-sections -fdata-sections \
	-I$(top_srcdir)/include -I$(top_srcdir)/inmates/lib/include \
	-I$(top_srcdir)/freestanding/include
INMATE_LINK_FLAGS = -nostdlib -static -z noexecstack --gc-sections \
	--no-warn-rwx-segments -T $(top_srcdir)/inmates/lib/inmate.lds

inmates/%.o: inmates/%.c $(inmate_lib_headers) $(abi_headers)
	$(AM_V_CC)$(MKDIR_P) $(@D) && \
	$(TARGET_CC) $(INMATE_CFLAGS) -c $< -o $@

# the demo protocol, shared with root's tool
inmates/demos/ivshmem-demo.o: inmates/demos/ivshmem-demo.h

inmates/%.o: inmates/%.S
	$(AM_V_CC)$(MKDIR_P) $(@D) && \
	$(TARGET_CC) $(INMATE_CFLAGS) -c $< -o $@

# the freestanding C library, shared with the hypervisor
freestanding/%.o: freestanding/%.c $(freestanding_headers)
	$(AM_V_CC)$(MKDIR_P) $(@D) && \
	$(TARGET_CC) $(INMATE_CFLAGS) -c $< -o $@

$(inmate_lib_a): $(call inmate_o,$(inmate_lib_archived))
	$(AM_V_AR)rm -f $@ && $(TARGET_AR) crs $@ $^

inmates/demos/%.elf: inmates/demos/%.o $(inmate_crt) $(inmate_lib_a) \
		inmates/lib/inmate.lds
	$(AM_V_CCLD)$(TARGET_LD) $(INMATE_LINK_FLAGS) \
		$(inmate_crt) $< $(inmate_lib_a) -o $@

inmates/demos/%.bin: inmates/demos/%.elf
	$(AM_V_GEN)$(TARGET_OBJCOPY) -O binary $< $@

# linux-loader.bin: the bare start, installed for "jailhouse cell linux".
# It runs at whatever cpu_reset_address the cell has, so it is linked at
# two bases: the images must be the same byte for byte (no absolute
# address in them).
linuxloaderdir = $(jhlibexecdir)
linuxloader_DATA = inmates/linux-loader/linux-loader.bin
linux_loader_objs = inmates/lib/entry.o inmates/lib/setup-bare.o \
	$(call inmate_o,$(linux_loader_sources))
LINUX_LOADER_LINK = $(TARGET_LD) $(INMATE_LINK_FLAGS) \
	$(top_srcdir)/inmates/linux-loader/budget.lds \
	$(linux_loader_objs) $(inmate_lib_a)
CLEANFILES += $(linux_loader_objs) inmates/linux-loader/linux-loader.elf \
	inmates/linux-loader/linux-loader.bin inmates/linux-loader/moved.elf \
	inmates/linux-loader/moved.bin

inmates/linux-loader/linux-loader.bin: $(linux_loader_objs) $(inmate_lib_a) \
		inmates/lib/inmate.lds inmates/linux-loader/budget.lds
	$(AM_V_CCLD)$(LINUX_LOADER_LINK) -o inmates/linux-loader/linux-loader.elf && \
	$(LINUX_LOADER_LINK) --defsym=INMATE_BASE=0x12345000 \
		-o inmates/linux-loader/moved.elf
	$(AM_V_GEN)$(TARGET_OBJCOPY) -O binary inmates/linux-loader/linux-loader.elf $@.tmp && \
	$(TARGET_OBJCOPY) -O binary inmates/linux-loader/moved.elf \
		inmates/linux-loader/moved.bin && \
	if ! cmp -s $@.tmp inmates/linux-loader/moved.bin; then \
		echo "linux-loader.bin holds an absolute address: it would not run where the cell starts it" >&2; \
		rm -f $@.tmp; exit 1; \
	fi && mv $@.tmp $@

# Kept between runs; make would delete them as intermediates of the chain.
.SECONDARY: $(inmate_lib_objs) $(linux_loader_objs) \
	$(inmate_demos:%=inmates/demos/%.o) \
	$(inmate_demos:%=inmates/demos/%.elf)
endif
