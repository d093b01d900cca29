# The hypervisor is a freestanding AArch64 image with its own makefile;
# automake only calls it, out of tree, and installs the result.
EXTRA_DIST += hypervisor

if HAVE_TARGET_CC
firmware_DATA = hypervisor/jailhouse.bin
CLEANFILES += hypervisor/jailhouse.bin hypervisor/jailhouse.elf
all_local_targets += hypervisor/jailhouse.bin
clean_local_targets += clean-hypervisor

hypervisor/jailhouse.bin: FORCE
	$(AM_V_GEN)$(MAKE) -C $(srcdir)/hypervisor \
		O=$(abs_builddir)/hypervisor \
		CROSS_COMPILE=$(TARGET_CROSS_COMPILE) \
		JH_INCLUDE=$(abs_top_srcdir)/include \
		JH_VERSION=$(PACKAGE_VERSION) EL_WERROR=$(EL_WERROR)

clean-hypervisor:
	-rm -rf $(builddir)/hypervisor/build
endif
