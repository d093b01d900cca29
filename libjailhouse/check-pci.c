// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * PCI rules. On a virtual PCI host every device is an ivshmem-v2 link
 * end: the hypervisor refuses at create what these rules report, by the
 * same rules (include/jailhouse/ivshmem.h) and in words close to its
 * own. Where the hypervisor does not judge a cell's devices (root on a
 * system without a virtual host), neither do we. Findings name the PCI
 * device by index (the finding's index) and BDF.
 */
#include <stdio.h>

#include "check.h"

static void check_caps(struct jh_check *chk, const struct jh_check_cell *cell)
{
	const struct jailhouse_pci_device *dev =
		jailhouse_cell_pci_devices(cell->desc);
	unsigned int i;

	for (i = 0; i < cell->desc->num_pci_devices; i++) {
		/* Without capabilities, caps_start points nowhere. */
		if (!dev[i].num_caps ||
		    (uint32_t)dev[i].caps_start + dev[i].num_caps <=
		    cell->desc->num_pci_caps)
			continue;
		jh_check_report(chk, JH_SEVERITY_ERROR, "pci-caps", cell,
				(int)i, NULL, -1,
				"PCI device %u (" JAILHOUSE_BDF_FMT ") uses capabilities %u-%u, but there are %u",
				i, JAILHOUSE_BDF_ARGS(dev[i].bdf), dev[i].caps_start,
				dev[i].caps_start + dev[i].num_caps - 1,
				cell->desc->num_pci_caps);
	}
}

static bool has_virtual_host(const struct jailhouse_system *sys)
{
	return sys->platform_info.pci_is_virtual &&
	       sys->platform_info.pci_mmconfig_base;
}

/*
 * Whether the hypervisor judges the cell's devices as link ends. A cell
 * checked without its system config is judged: it is either on a
 * virtual host or refused for having devices at all.
 */
static bool judged(const struct jailhouse_system *sys,
		   const struct jh_check_cell *cell)
{
	return cell->desc->num_pci_devices && (!sys || has_virtual_host(sys));
}

/* Root's devices are real and its own without a host; others' cannot be. */
static void check_host(struct jh_check *chk, const struct jh_check_cell *cells,
		       unsigned int i)
{
	const struct jailhouse_system *sys = jh_check_system(chk);

	if (!sys || has_virtual_host(sys) || cells[i].root ||
	    !cells[i].desc->num_pci_devices)
		return;
	jh_check_report(chk, JH_SEVERITY_ERROR, "pci-no-host", &cells[i], -1,
			&cells[0], -1,
			"%u PCI devices, but the system in %s has no virtual PCI host (pci_is_virtual) and passes no real devices through",
			cells[i].desc->num_pci_devices, cells[0].src);
}

static void check_slots(struct jh_check *chk, const struct jh_check_cell *cell)
{
	const struct jailhouse_pci_device *dev =
		jailhouse_cell_pci_devices(cell->desc);
	unsigned int n, i;

	for (n = 0; n < cell->desc->num_pci_devices; n++)
		for (i = 0; i < n; i++)
			if (dev[i].bdf == dev[n].bdf)
				jh_check_report(chk, JH_SEVERITY_ERROR,
						"pci-bdf-twice", cell, (int)n,
						NULL, -1,
						"PCI devices %u and %u are both at " JAILHOUSE_BDF_FMT,
						i, n, JAILHOUSE_BDF_ARGS(dev[n].bdf));
}

/* The device's INTx must be an interrupt the cell owns. */
static void check_intx(struct jh_check *chk, const struct jh_check_cell *cell,
		       unsigned int n)
{
	const struct jailhouse_system *sys = jh_check_system(chk);
	const struct jailhouse_pci_device *dev =
		&jailhouse_cell_pci_devices(cell->desc)[n];
	unsigned int intid = jailhouse_ivshmem_intid(cell->desc, dev->bdf);

	if (jh_cell_irqchip_of(cell->desc,
			       sys ? sys->platform_info.arm.gicd_base : 0,
			       intid) >= 0)
		return;
	jh_check_report(chk, JH_SEVERITY_ERROR, "ivshmem-intx", cell, (int)n,
			NULL, -1,
			"PCI device %u (" JAILHOUSE_BDF_FMT "): its INTx, INTID %u (vpci_irq_base %u), is not among the cell's interrupts",
			n, JAILHOUSE_BDF_ARGS(dev->bdf), intid,
			cell->desc->vpci_irq_base);
}

static void check_device(struct jh_check *chk, const struct jh_check_cell *cell,
			 unsigned int n)
{
	const struct jailhouse_system *sys = jh_check_system(chk);
	const struct jailhouse_pci_device *dev =
		&jailhouse_cell_pci_devices(cell->desc)[n];
	enum jailhouse_ivshmem_fault fault;
	unsigned int region;
	char text[384];

	if (dev->type != JAILHOUSE_PCI_TYPE_IVSHMEM) {
		jh_check_report(chk, JH_SEVERITY_ERROR, "pci-type", cell,
				(int)n, NULL, -1,
				"PCI device %u (" JAILHOUSE_BDF_FMT "): type %u; the virtual PCI host has only ivshmem devices (type %u)",
				n, JAILHOUSE_BDF_ARGS(dev->bdf), dev->type,
				JAILHOUSE_PCI_TYPE_IVSHMEM);
		return;
	}
	if (sys && (dev->bdf >> 8) > sys->platform_info.pci_mmconfig_end_bus)
		jh_check_report(chk, JH_SEVERITY_ERROR, "pci-bus", cell, (int)n,
				NULL, -1,
				"PCI device %u (" JAILHOUSE_BDF_FMT "): bus beyond the host's last bus %u (pci_mmconfig_end_bus)",
				n, JAILHOUSE_BDF_ARGS(dev->bdf),
				sys->platform_info.pci_mmconfig_end_bus);
	fault = jailhouse_ivshmem_fault(cell->desc, dev, &region);
	if (fault != JAILHOUSE_IVSHMEM_OK) {
		jh_ivshmem_fault_message(text, sizeof(text), cell->desc, n,
					 fault, region);
		jh_check_report(chk, JH_SEVERITY_ERROR, "ivshmem", cell,
				(int)n, NULL, -1, "%s", text);
	}
	check_intx(chk, cell, n);
}

/* A device that may join a link: one whose regions can be compared. */
static bool link_end(const struct jailhouse_cell_desc *desc,
		     const struct jailhouse_pci_device *dev)
{
	unsigned int region;

	return dev->type == JAILHOUSE_PCI_TYPE_IVSHMEM &&
	       jailhouse_ivshmem_fault(desc, dev, &region) ==
	       JAILHOUSE_IVSHMEM_OK;
}

/* Words around "PCI device M of FILE" for two ends of a link */
struct link_text {
	char what[160];		/* before */
	char there[96];		/* after: the other's value */
};

/* What differs between two ends of a link; false: nothing. */
static bool link_text(struct link_text *t, const struct jh_check_cell *cell,
		      const struct jailhouse_pci_device *a,
		      const struct jh_check_cell *other,
		      const struct jailhouse_pci_device *b)
{
	const struct jailhouse_memory *ma, *mb;
	unsigned int s;

	t->there[0] = '\0';
	switch (jailhouse_ivshmem_link_fault(cell->desc, a, other->desc, b,
					     &s)) {
	case JAILHOUSE_IVSHMEM_LINK_OK:
		return false;
	case JAILHOUSE_IVSHMEM_LINK_PEERS:
		snprintf(t->what, sizeof(t->what), "shmem_peers %u differs from",
			 a->shmem_peers);
		snprintf(t->there, sizeof(t->there), " (%u)", b->shmem_peers);
		return true;
	case JAILHOUSE_IVSHMEM_LINK_PROTOCOL:
		snprintf(t->what, sizeof(t->what),
			 "shmem_protocol 0x%04x differs from", a->shmem_protocol);
		snprintf(t->there, sizeof(t->there), " (0x%04x)",
			 b->shmem_protocol);
		return true;
	case JAILHOUSE_IVSHMEM_LINK_ID:
		snprintf(t->what, sizeof(t->what),
			 "shmem_dev_id %u is also taken by", a->shmem_dev_id);
		return true;
	default:
		break;
	}
	ma = jailhouse_cell_mem_regions(cell->desc) + a->shmem_regions_start + s;
	mb = jailhouse_cell_mem_regions(other->desc) + b->shmem_regions_start + s;
	snprintf(t->what, sizeof(t->what),
		 "host address or size of section %u (region %u: phys 0x%llx, size 0x%llx) differs from",
		 s, a->shmem_regions_start + s,
		 (unsigned long long)ma->phys_start,
		 (unsigned long long)ma->size);
	snprintf(t->there, sizeof(t->there),
		 " (region %u: phys 0x%llx, size 0x%llx)",
		 b->shmem_regions_start + s, (unsigned long long)mb->phys_start,
		 (unsigned long long)mb->size);
	return true;
}

/* Device @n of @cell against device @m of @other, at the same BDF. */
static void check_link(struct jh_check *chk, const struct jh_check_cell *cell,
		       unsigned int n, const struct jh_check_cell *other,
		       unsigned int m)
{
	const struct jailhouse_pci_device *a =
		&jailhouse_cell_pci_devices(cell->desc)[n];
	const struct jailhouse_pci_device *b =
		&jailhouse_cell_pci_devices(other->desc)[m];
	struct link_text t;

	if (link_text(&t, cell, a, other, b))
		jh_check_report(chk, JH_SEVERITY_ERROR, "ivshmem-link", cell,
				(int)n, other, (int)m,
				"PCI device %u (" JAILHOUSE_BDF_FMT "): %s PCI device %u of %s%s",
				n, JAILHOUSE_BDF_ARGS(a->bdf), t.what, m, other->src,
				t.there);
}

/* Devices of @cell against those of an earlier config: one link per BDF. */
static void check_pair(struct jh_check *chk, const struct jh_check_cell *cell,
		       const struct jh_check_cell *other)
{
	const struct jailhouse_pci_device *a =
		jailhouse_cell_pci_devices(cell->desc);
	const struct jailhouse_pci_device *b =
		jailhouse_cell_pci_devices(other->desc);
	unsigned int n, m;

	for (n = 0; n < cell->desc->num_pci_devices; n++) {
		if (!link_end(cell->desc, &a[n]))
			continue;
		for (m = 0; m < other->desc->num_pci_devices; m++)
			if (b[m].bdf == a[n].bdf &&
			    link_end(other->desc, &b[m]))
				check_link(chk, cell, n, other, m);
	}
}

void jh_check_pci(struct jh_check *chk)
{
	const struct jailhouse_system *sys = jh_check_system(chk);
	const struct jh_check_cell *cells;
	unsigned int i, j, k, n;

	n = jh_check_cells(chk, &cells);
	for (i = 0; i < n; i++) {
		check_caps(chk, &cells[i]);
		check_host(chk, cells, i);
		if (!judged(sys, &cells[i]))
			continue;
		check_slots(chk, &cells[i]);
		for (k = 0; k < cells[i].desc->num_pci_devices; k++)
			check_device(chk, &cells[i], k);
		for (j = 0; j < i; j++)
			if (judged(sys, &cells[j]))
				check_pair(chk, &cells[i], &cells[j]);
	}
}
