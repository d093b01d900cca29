# Cell configs: C sources compiled for AArch64 and reduced to their raw
# bytes (.cell), as upstream does, so upstream config sources build too.
cell_sources = \
	configs/arm64/qemu-arm64.c \
	configs/arm64/qemu-arm64-gicv2.c \
	configs/arm64/qemu-arm64-gic-demo.c \
	configs/arm64/qemu-arm64-linux-demo.c \
	configs/arm64/qemu-arm64-smp-test.c \
	configs/arm64/qemu-arm64-upstream.c \
	configs/arm64/qemu-arm64-upstream-inmate-demo.c \
	configs/arm64/qemu-arm64-upstream-linux-demo.c \
	configs/arm64/zynqmp-zcu102.c \
	configs/arm64/zynqmp-zcu102-inmate-demo.c \
	configs/arm64/zynqmp-zcu102-linux-demo.c

EXTRA_DIST += $(cell_sources) configs/cell.lds configs/arm64/qemu-arm64-gic.h

if HAVE_TARGET_CC
cell_files = $(cell_sources:.c=.cell)
jhconfig_DATA = $(cell_files)
CLEANFILES += $(cell_files)

CELL_CFLAGS = -std=gnu11 -Wall -Wextra $(EL_WERROR) -O2 -ffreestanding \
	-fno-common -D__JAILHOUSE_FREESTANDING__ -I$(top_srcdir)/include

configs/%.cell: configs/%.c configs/cell.lds $(abi_headers)
	$(AM_V_GEN)$(MKDIR_P) $(@D) && \
	$(TARGET_CC) $(CELL_CFLAGS) -c $< -o $@.o && \
	$(TARGET_LD) -T $(top_srcdir)/configs/cell.lds $@.o -o $@.elf && \
	$(TARGET_OBJCOPY) -O binary $@.elf $@ && \
	rm -f $@.o $@.elf

# the same board as qemu-arm64.c, which it includes
configs/arm64/qemu-arm64-gicv2.cell: configs/arm64/qemu-arm64.c \
	configs/arm64/qemu-arm64-gic.h
configs/arm64/qemu-arm64.cell: configs/arm64/qemu-arm64-gic.h
endif
