// SPDX-License-Identifier: GPL-2.0
/*
 * Stage-2 data aborts: decode the access from the syndrome and hand it
 * to the MMIO dispatcher.
 */
#include <jailhouse/control.h>
#include <jailhouse/mmio.h>
#include <jailhouse/printk.h>
#include <asm/sysregs.h>
#include <asm/traps.h>

/* Returns 0 if handled, so the caller skips the instruction. */
int handle_dabt(struct registers *regs, u64 esr)
{
	u64 iss = ESR_ISS(esr);
	unsigned int srt = ISS_SRT(iss);
	struct mmio_access access;
	unsigned long ipa, mask;
	enum mmio_result res;

	cpu_stat_inc(JAILHOUSE_CPU_STAT_VMEXITS_MMIO);
	/* HPFAR_EL2.FIPA holds IPA[47:12] in bits [39:4] */
	ipa = ((read_sysreg(hpfar_el2) >> 4) & 0xfffffffffUL) << 12;
	ipa |= read_sysreg(far_el2) & 0xfff;

	if (!(iss & ISS_ISV)) {
		printk("MMIO at %lx: no syndrome (ISV=0)\n", ipa);
		return -1;
	}

	access.address = ipa;
	access.size = 1U << ISS_SAS(iss);
	/*
	 * Replaying a misaligned access on device memory would fault here,
	 * in EL2, possibly with an emulation lock held: it is the cell's
	 * fault, not ours.
	 */
	if (ipa & (access.size - 1)) {
		printk("MMIO at %lx: misaligned %d-byte access\n", ipa,
		       access.size);
		return -1;
	}
	access.is_write = iss & ISS_WNR;
	mask = access.size == 8 ? ~0UL : (1UL << (access.size * 8)) - 1;
	access.value = access.is_write && srt != 31 ? regs->usr[srt] & mask : 0;

	res = mmio_handle_access(&access);
	if (res != MMIO_HANDLED) {
		printk("MMIO %s at %lx (size %d) %s\n",
		       access.is_write ? "write" : "read", ipa, access.size,
		       res == MMIO_ERROR ? "refused" : "unhandled");
		return -1;
	}

	if (!access.is_write && srt != 31) {
		unsigned long val = access.value & mask;

		if ((iss & ISS_SSE) && access.size < 8 &&
		    (val & (1UL << (access.size * 8 - 1))))
			val |= ~mask;
		if (!(iss & ISS_SF))
			val &= 0xffffffffUL;
		regs->usr[srt] = val;
	}
	return 0;
}
