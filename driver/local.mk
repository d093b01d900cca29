# jailhouse.ko is built by Kbuild against the kernel tree given to
# configure. Kbuild of 6.1 cannot build from a separate source directory,
# so an out-of-tree build links the sources into the build directory.
EXTRA_DIST += driver

if BUILD_DRIVER
KREL = $(shell cat $(KERNEL_DIR)/include/config/kernel.release)
moduledir = /lib/modules/$(KREL)/extra
all_local_targets += driver/jailhouse.ko
clean_local_targets += clean-driver
install_exec_local_targets += install-driver
uninstall_local_targets += uninstall-driver

KBUILD_ARGS = -C $(KERNEL_DIR) M=$(abs_builddir)/driver ARCH=arm64 \
	CROSS_COMPILE=$(KERNEL_CROSS_COMPILE) \
	JH_INCLUDE=$(abs_top_srcdir)/include JH_WERROR=$(EL_WERROR)

driver/jailhouse.ko: FORCE
	$(AM_V_at)$(MKDIR_P) driver
	$(AM_V_at)if test "$(abs_srcdir)" != "$(abs_builddir)"; then \
		for f in $(abs_srcdir)/driver/*.[chS] $(abs_srcdir)/driver/Kbuild; do \
			test -e "$$f" && ln -sf "$$f" driver/; \
		done; \
	fi; true
	$(AM_V_GEN)$(MAKE) $(KBUILD_ARGS) modules

install-driver: driver/jailhouse.ko
	$(MKDIR_P) $(DESTDIR)$(moduledir)
	$(INSTALL_DATA) driver/jailhouse.ko $(DESTDIR)$(moduledir)/jailhouse.ko
	$(INSTALL_DATA) driver/uio_ivshmem.ko $(DESTDIR)$(moduledir)/uio_ivshmem.ko
	$(INSTALL_DATA) driver/ivshmem_net.ko $(DESTDIR)$(moduledir)/ivshmem_net.ko
	@# modules.dep lets libjailhouse load the module on demand (libkmod).
	-depmod -b "$(DESTDIR)/" $(KREL)

uninstall-driver:
	rm -f $(DESTDIR)$(moduledir)/jailhouse.ko \
		$(DESTDIR)$(moduledir)/uio_ivshmem.ko \
		$(DESTDIR)$(moduledir)/ivshmem_net.ko

clean-driver:
	-$(MAKE) $(KBUILD_ARGS) clean
endif
