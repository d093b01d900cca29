// SPDX-License-Identifier: GPL-2.0
/*
 * Test harness: lets an inmate run on a bare QEMU "virt" machine (GICv3
 * or GICv2, EL1, no hypervisor) by providing what Jailhouse and root
 * Linux would: a comm region, an enabled distributor, and the command
 * line.
 *
 * QEMU cannot overlay the image's .cmdline with another blob, so the
 * runner loads the parameter string at BARE_ARGS (outside the image) and
 * it is copied into place here.
 */
#include <inmate/inmate.h>
#include <inmate/sections.h>

#define VIRT_GICD		0x08000000UL
#define VIRT_GICR		0x080a0000UL
#define VIRT_GICC		0x08010000UL	/* GICv2 */
#define VIRT_UART		0x09000000UL
#define BARE_ARGS		0x40100000UL

#define GICD_CTLR		0x0000
/* single security state (QEMU without EL3): EnableGrp1, ARE */
#define GICD_CTLR_ENABLE_G1	BIT(1)
#define GICD_CTLR_ARE		BIT(4)
#define GICD_CTLR_RWP		BIT(31)
/* GICv2 without Security Extensions: Group 0 on */
#define GICD_CTLR_ENABLE_G0	BIT(0)
/* a GICv2's ID register; reserved (zero) on a GICv3 distributor */
#define GICD_V2_PIDR2		0x0fe8

static bool gicv2(void)
{
	return ((mmio_read32(VIRT_GICD + GICD_V2_PIDR2) >> 4) & 0xf) == 2;
}

static void fake_comm_region(void)
{
	struct jailhouse_comm_region *comm = comm_region();

	memset(comm, 0, JAILHOUSE_COMM_REGION_SIZE);
	memcpy(comm->signature, JAILHOUSE_COMM_SIGNATURE,
	       JAILHOUSE_COMM_SIGNATURE_SIZE);
	comm->revision = JAILHOUSE_COMM_REGION_ABI_REVISION;
	comm->console.address = VIRT_UART;
	comm->console.size = 0x1000;
	comm->console.type = JAILHOUSE_CON_TYPE_PL011;
	comm->console.flags = JAILHOUSE_CON_ACCESS_MMIO |
			      JAILHOUSE_CON_REGDIST_4;
	comm->gicd_base = VIRT_GICD;
	if (gicv2()) {
		comm->gic_version = 2;
		comm->gicc_base = VIRT_GICC;
	} else {
		comm->gic_version = 3;
		comm->gicr_base = VIRT_GICR;
	}
}

/*
 * Byte reads: BARE_ARGS is outside the image, so mapped as device. The
 * buffer has whichever size the inmate chose; the last byte before
 * __cmdline_end is the linker's terminating NUL.
 */
static void copy_args(void)
{
	size_t n, size = __cmdline_end - cmdline;
	char c;

	for (n = 0; n < size - 1; n++) {
		c = mmio_read8(BARE_ARGS + n);
		cmdline[n] = c;
		if (!c)
			break;
	}
	cmdline[n] = '\0';
}

void board_early_init(void)
{
	fake_comm_region();
	copy_args();

	if (comm_region()->gic_version == 2) {
		mmio_write32(VIRT_GICD + GICD_CTLR, GICD_CTLR_ENABLE_G0);
		return;
	}
	mmio_write32(VIRT_GICD + GICD_CTLR,
		     GICD_CTLR_ARE | GICD_CTLR_ENABLE_G1);
	while (mmio_read32(VIRT_GICD + GICD_CTLR) & GICD_CTLR_RWP)
		cpu_relax();
}
