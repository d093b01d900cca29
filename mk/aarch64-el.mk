# The one compiler flag set of everything that runs at EL1 or EL2 on
# AArch64: the hypervisor, the inmates and their library, the test
# inmates and the Linux loader. Included by automake's rules and by the
# hypervisor's own makefile.
#
# Freestanding and linked where it runs (no PIC); no FP/SIMD registers (a
# cell may not have them enabled, the hypervisor does not save them); no
# unaligned accesses (code that runs with the MMU off sees Device
# memory); no calls to libgcc's outlined atomics or to a memset the
# compiler made up. EL_WERROR is -Werror in developer and CI builds
# (configure --enable-werror), empty otherwise; the includer defines it.
EL_CFLAGS = -std=gnu11 -O2 -g -ffreestanding -nostdlib -fno-pic -fno-pie \
	-mgeneral-regs-only -mno-outline-atomics -mstrict-align \
	-fno-stack-protector -fno-common -fno-strict-aliasing \
	-fno-asynchronous-unwind-tables -fno-tree-loop-distribute-patterns \
	-Wall -Wextra -Wmissing-prototypes -Wstrict-prototypes $(EL_WERROR) \
	-D__JAILHOUSE_FREESTANDING__
