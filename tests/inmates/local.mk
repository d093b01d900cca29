# The inmate library and the demos on a bare QEMU "virt" (GICv3, EL1, no
# hypervisor): bare-qemu.c stands in for what Jailhouse provides, the
# demos and lib-test.c are linked at 0x40200000 and run-bare.sh checks
# their console output (make check).
EXTRA_DIST += tests/inmates/bare-qemu.c tests/inmates/lib-test.c \
	tests/inmates/run-bare.sh

if HAVE_TARGET_CC
inmate_bare_elfs = $(inmate_demos:%=tests/inmates/%-bare.elf) \
	tests/inmates/lib-test-bare.elf
CLEANFILES += tests/inmates/bare-qemu.o tests/inmates/lib-test.o \
	$(inmate_bare_elfs)

tests/inmates/%.o: tests/inmates/%.c $(inmate_lib_headers) $(abi_headers)
	$(AM_V_CC)$(MKDIR_P) $(@D) && \
	$(TARGET_CC) $(INMATE_CFLAGS) -c $< -o $@

INMATE_LINK_BARE = $(TARGET_LD) $(INMATE_LINK_FLAGS) \
	--defsym=INMATE_BASE=0x40200000 $(inmate_crt) $< \
	tests/inmates/bare-qemu.o $(inmate_lib_a) -o $@

tests/inmates/%-bare.elf: inmates/demos/%.o tests/inmates/bare-qemu.o \
		$(inmate_crt) $(inmate_lib_a) inmates/lib/inmate.lds
	$(AM_V_CCLD)$(MKDIR_P) $(@D) && $(INMATE_LINK_BARE)

tests/inmates/lib-test-bare.elf: tests/inmates/lib-test.o \
		tests/inmates/bare-qemu.o $(inmate_crt) $(inmate_lib_a) \
		inmates/lib/inmate.lds
	$(AM_V_CCLD)$(INMATE_LINK_BARE)

.SECONDARY: tests/inmates/bare-qemu.o tests/inmates/lib-test.o

# Built with everything: a test's .log rule must stay automake's own.
all_local_targets += $(inmate_bare_elfs)
TESTS += tests/inmates/run-bare.sh
endif
