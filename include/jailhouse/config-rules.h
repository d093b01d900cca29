/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * What every layer accepts of a config before it reads further: the
 * header rule and the limits. The hypervisor, the driver, the library,
 * the loader and the test fake all apply these; each maps a fault to its
 * own message and errno (driver/ERRORS.md lists the driver's and the
 * hypervisor's).
 */
#ifndef _JAILHOUSE_CONFIG_RULES_H
#define _JAILHOUSE_CONFIG_RULES_H

#include <jailhouse/cell-config.h>

/* Bytes of a CPU set (32768 CPUs); larger ones come from corrupt counts. */
#define JAILHOUSE_CPU_SET_MAX_SIZE	4096
/* The highest cell ID: with 8-bit VMIDs, higher ones cannot run. */
#define JAILHOUSE_CELL_ID_MAX		255
/*
 * A cell config: the hypervisor copies at most 16 pages; a naturally
 * aligned buffer of this size never spans more.
 */
#define JAILHOUSE_CELL_CONFIG_MAX_SIZE	0x10000
/* A system config: real ones are a few KiB, larger sizes are bad counts. */
#define JAILHOUSE_SYSTEM_CONFIG_MAX_SIZE 0x100000

enum jailhouse_header_fault {
	JAILHOUSE_HEADER_OK,
	JAILHOUSE_HEADER_SIGNATURE,	/* not this kind of config */
	JAILHOUSE_HEADER_REVISION,	/* another revision of the format */
	JAILHOUSE_HEADER_ARCH,		/* built for another architecture */
};

static inline int jailhouse_signature_is(const char *sig, const char *want)
{
	unsigned int n;

	for (n = 0; n < JAILHOUSE_SIGNATURE_SIZE; n++)
		if (sig[n] != want[n])
			return 0;
	return 1;
}

/*
 * Revision 13 and older began with 6-byte signatures: worth a message of
 * their own, as rebuilding the config against this header fixes them.
 * Reads the first 6 bytes of the config (signature and architecture).
 */
static inline int jailhouse_config_is_old(const void *config)
{
	const char *start = (const char *)config;
	const char *old[] = { "JHSYST", "JHCELL" };
	unsigned int k, n;

	for (k = 0; k < 2; k++) {
		for (n = 0; n < 6 && start[n] == old[k][n]; n++)
			;
		if (n == 6)
			return 1;
	}
	return 0;
}

/* Checked in this order: signature, revision, architecture. */
static inline enum jailhouse_header_fault
jailhouse_header_fault(const char *sig, const char *want, __u16 revision,
		       __u8 architecture)
{
	if (!jailhouse_signature_is(sig, want))
		return JAILHOUSE_HEADER_SIGNATURE;
	if (revision != JAILHOUSE_CONFIG_REVISION)
		return JAILHOUSE_HEADER_REVISION;
	if (architecture != JAILHOUSE_ARM64)
		return JAILHOUSE_HEADER_ARCH;
	return JAILHOUSE_HEADER_OK;
}

static inline enum jailhouse_header_fault
jailhouse_system_header_fault(const struct jailhouse_system *sys)
{
	return jailhouse_header_fault(sys->signature,
				      JAILHOUSE_SYSTEM_SIGNATURE,
				      sys->revision, sys->architecture);
}

static inline enum jailhouse_header_fault
jailhouse_cell_header_fault(const struct jailhouse_cell_desc *cell)
{
	return jailhouse_header_fault(cell->signature,
				      JAILHOUSE_CELL_DESC_SIGNATURE,
				      cell->revision, cell->architecture);
}

/* The page size of configs for arm64 */
#define JAILHOUSE_PAGE_SIZE		0x1000

/*
 * A region whose guest start or size is not page aligned: a few device
 * registers of a page, which the hypervisor accesses for the cell with
 * the widths its flags allow (JAILHOUSE_MEM_IO_8..64, IO_UNALIGNED).
 * Root keeps the page. Upstream's configs for boards like the Raspberry
 * Pi 4 have them.
 */
static inline int jailhouse_mem_is_subpage(const struct jailhouse_memory *mem)
{
	return mem->size &&
	       ((mem->virt_start | mem->size) & (JAILHOUSE_PAGE_SIZE - 1));
}

enum jailhouse_subpage_fault {
	JAILHOUSE_SUBPAGE_OK,
	JAILHOUSE_SUBPAGE_NOT_IO,	/* not device memory */
	JAILHOUSE_SUBPAGE_OFFSET,	/* host and guest offsets differ */
	JAILHOUSE_SUBPAGE_KIND,		/* comm region or loadable */
};

static inline enum jailhouse_subpage_fault
jailhouse_subpage_fault(const struct jailhouse_memory *mem)
{
	if (!(mem->flags & JAILHOUSE_MEM_IO))
		return JAILHOUSE_SUBPAGE_NOT_IO;
	if ((mem->phys_start ^ mem->virt_start) & (JAILHOUSE_PAGE_SIZE - 1))
		return JAILHOUSE_SUBPAGE_OFFSET;
	if (mem->flags & (JAILHOUSE_MEM_COMM_REGION | JAILHOUSE_MEM_LOADABLE))
		return JAILHOUSE_SUBPAGE_KIND;
	return JAILHOUSE_SUBPAGE_OK;
}

/* What the fault is, for either layer's message */
static inline const char *
jailhouse_subpage_fault_text(enum jailhouse_subpage_fault fault)
{
	switch (fault) {
	case JAILHOUSE_SUBPAGE_NOT_IO:
		return "is not device memory (JAILHOUSE_MEM_IO)";
	case JAILHOUSE_SUBPAGE_OFFSET:
		return "has host and guest addresses at different offsets in their pages";
	case JAILHOUSE_SUBPAGE_KIND:
		return "is loadable";
	default:
		return "is fine";
	}
}

#endif /* !_JAILHOUSE_CONFIG_RULES_H */
