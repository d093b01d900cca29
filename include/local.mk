# The one ABI header set, shared by hypervisor, driver, library and configs.
abi_headers = \
	include/jailhouse/types.h \
	include/jailhouse/console.h \
	include/jailhouse/cell-config.h \
	include/jailhouse/config-rules.h \
	include/jailhouse/hypercall.h \
	include/jailhouse/hvc.h \
	include/jailhouse/header.h \
	include/jailhouse/ioctl.h \
	include/jailhouse/ivshmem.h \
	include/jailhouse/ivshmem-net.h \
	include/jailhouse/gic.h \
	include/jailhouse/uart-regs.h

noinst_HEADERS += $(abi_headers)
