// SPDX-License-Identifier: GPL-2.0
/*
 * The virtual PCI host in root Linux: after enable, a device-tree overlay
 * adds a generic ECAM host node at the system config's
 * pci_mmconfig_base (stock kernels have OF_OVERLAY and
 * PCI_HOST_GENERIC); Linux creates its platform device, the host driver
 * scans the bus and root's ivshmem devices appear with their drivers.
 * Before disable the overlay goes again, and the devices with it.
 *
 * The node: ECAM of buses 0..end_bus, a 32-bit memory window right after
 * it for the BARs (not mapped for root: accesses trap), INTA..INTD to
 * the SPIs from root's vpci_irq_base, edge-triggered as the hypervisor
 * raises them.
 */
#include <linux/ioport.h>
#include <linux/irq.h>
#include <linux/of.h>
#include <linux/of_address.h>
#include <linux/of_irq.h>
#include <linux/of_platform.h>
#include <linux/slab.h>

#include <jailhouse/ivshmem.h>

#include "compat.h"
#include "driver.h"
#include "fdt-write.h"

#define PCI_ECAM_BUS_SIZE	0x100000ULL
#define PCI_SPACE_MEM32		0x02000000
#define GIC_SPI			0
#define IRQ_EDGE_RISING		1

static int jhd_vpci_ovcs_id = -1;
/* kept to put the host back should disable fail after removing it */
static void *jhd_vpci_blob;
static size_t jhd_vpci_size;
static char jhd_vpci_path[32];
static u64 jhd_vpci_host;		/* its ECAM */
/* the GIC driver's claim, while it is cut short for the host (below) */
static struct resource jhd_gicr_claim;

/* Appends num cells of value (high cells first) */
static unsigned int put_cells(u32 *cells, unsigned int at, u64 value,
			      unsigned int num)
{
	while (num--)
		cells[at++] = num >= 2 ? 0 : (u32)(value >> (32 * num));
	return at;
}

static void host_node(struct jhd_fdt *fdt, const struct jailhouse_system *cfg,
		      struct device_node *gic)
{
	const struct jailhouse_cell_desc *root = &cfg->root_cell;
	u64 ecam = cfg->platform_info.pci_mmconfig_base;
	u64 ecam_size = (cfg->platform_info.pci_mmconfig_end_bus + 1) *
			PCI_ECAM_BUS_SIZE;
	u64 window = root->num_pci_devices * IVSHMEM_BAR_WINDOW_PER_DEVICE;
	u32 ac = of_n_addr_cells(of_root), sc = of_n_size_cells(of_root);
	u32 gic_ac = 0, gic_ic = 3, cells[JHD_FDT_MAX_CELLS];
	unsigned int n = 0, pin;
	char name[32];

	of_property_read_u32(gic, "#address-cells", &gic_ac);
	of_property_read_u32(gic, "#interrupt-cells", &gic_ic);

	snprintf(name, sizeof(name), "pci@%llx", ecam);
	snprintf(jhd_vpci_path, sizeof(jhd_vpci_path), "/%s", name);
	jhd_fdt_begin_node(fdt, name);
	jhd_fdt_prop_str(fdt, "compatible", "pci-host-ecam-generic");
	jhd_fdt_prop_str(fdt, "device_type", "pci");
	cells[0] = 0;
	cells[1] = cfg->platform_info.pci_mmconfig_end_bus;
	jhd_fdt_prop_cells(fdt, "bus-range", cells, 2);
	if (cfg->platform_info.pci_domain != JAILHOUSE_PCI_DOMAIN_ANY) {
		cells[0] = cfg->platform_info.pci_domain;
		jhd_fdt_prop_cells(fdt, "linux,pci-domain", cells, 1);
	}
	cells[0] = 3;
	jhd_fdt_prop_cells(fdt, "#address-cells", cells, 1);
	cells[0] = 2;
	jhd_fdt_prop_cells(fdt, "#size-cells", cells, 1);
	cells[0] = 1;
	jhd_fdt_prop_cells(fdt, "#interrupt-cells", cells, 1);

	n = put_cells(cells, 0, ecam, ac);
	n = put_cells(cells, n, ecam_size, sc);
	jhd_fdt_prop_cells(fdt, "reg", cells, n);

	cells[0] = PCI_SPACE_MEM32;
	n = put_cells(cells, 1, ecam + ecam_size, 2);
	n = put_cells(cells, n, ecam + ecam_size, ac);
	n = put_cells(cells, n, window, 2);
	jhd_fdt_prop_cells(fdt, "ranges", cells, n);

	cells[0] = cells[1] = cells[2] = 0;
	cells[3] = 7;
	jhd_fdt_prop_cells(fdt, "interrupt-map-mask", cells, 4);
	for (n = 0, pin = 1; pin <= 4; pin++) {
		n = put_cells(cells, n, 0, 3);		/* any device */
		cells[n++] = pin;
		cells[n++] = gic->phandle;
		n = put_cells(cells, n, 0, gic_ac);
		cells[n++] = GIC_SPI;
		cells[n++] = root->vpci_irq_base + pin - 1;
		cells[n++] = IRQ_EDGE_RISING;
		/* a GIC with more specifier cells: flags 0 */
		n = put_cells(cells, n, 0, gic_ic > 3 ? gic_ic - 3 : 0);
	}
	jhd_fdt_prop_cells(fdt, "interrupt-map", cells, n);
	jhd_fdt_prop(fdt, "dma-coherent", NULL, 0);
	jhd_fdt_end_node(fdt);
}

static int busy_match(struct resource *res, void *arg)
{
	struct resource *want = arg;

	if (res->start == want->start && res->end == want->end)
		want->flags |= IORESOURCE_BUSY;
	return 0;
}

/*
 * Linux's GICv3 driver claims the whole redistributor window its node
 * gives, and upstream's QEMU config puts the virtual PCI host in the
 * window's unused end (0x08e00000): the host driver's own claim would
 * collide and it would not probe. While the host exists, the GIC's claim
 * ends where the host begins; the redistributors in use lie far below.
 */
static void trim_gicr(struct device_node *gic, u64 host)
{
	struct resource r;

	/* a GICv2's second window is its CPU interface: never cut */
	if (!of_device_is_compatible(gic, "arm,gic-v3") ||
	    of_address_to_resource(gic, 1, &r) || host <= r.start ||
	    host > r.end)
		return;
	r.flags = 0;
	walk_iomem_res_desc(IORES_DESC_NONE, IORESOURCE_MEM | IORESOURCE_BUSY,
			    r.start, r.end, &r, busy_match);
	if (!(r.flags & IORESOURCE_BUSY))
		return;
	release_mem_region(r.start, resource_size(&r));
	if (!request_mem_region(r.start, host - r.start, r.name))
		pr_warn("enable: the GIC's redistributor range could not be claimed again\n");
	jhd_gicr_claim = r;
	pr_info("GIC redistributor claim cut to %pa..0x%llx for the virtual PCI host\n",
		&r.start, host - 1);
}

static void restore_gicr(u64 host)
{
	struct resource *r = &jhd_gicr_claim;

	if (!r->start)
		return;
	release_mem_region(r->start, host - r->start);
	if (!request_mem_region(r->start, resource_size(r), r->name))
		pr_warn("disable: the GIC's redistributor range could not be claimed again\n");
	memset(r, 0, sizeof(*r));
}

static void *build_overlay(const struct jailhouse_system *cfg,
			   struct device_node *gic, size_t *size)
{
	struct jhd_fdt *fdt = kzalloc(sizeof(*fdt), GFP_KERNEL);
	void *blob;

	if (!fdt)
		return NULL;
	jhd_fdt_begin_node(fdt, "");
	jhd_fdt_begin_node(fdt, "fragment@0");
	jhd_fdt_prop_str(fdt, "target-path", "/");
	jhd_fdt_begin_node(fdt, "__overlay__");
	host_node(fdt, cfg, gic);
	jhd_fdt_end_node(fdt);
	jhd_fdt_end_node(fdt);
	jhd_fdt_end_node(fdt);
	blob = jhd_fdt_finish(fdt, size);
	kfree(fdt);
	return blob;
}

static int apply(const void *blob, size_t size)
{
	return jhd_overlay_fdt_apply(blob, size, &jhd_vpci_ovcs_id);
}

void jhd_vpci_add(const struct jailhouse_system *cfg)
{
	struct device_node *gic;
	int err;

	if (!cfg->platform_info.pci_is_virtual ||
	    !cfg->platform_info.pci_mmconfig_base ||
	    !cfg->root_cell.num_pci_devices)
		return;
	if (!IS_ENABLED(CONFIG_OF_OVERLAY) || !of_root) {
		pr_warn("enable: no virtual PCI host in Linux: the kernel has no device-tree overlays (CONFIG_OF_OVERLAY)\n");
		return;
	}
	gic = of_irq_find_parent(of_root);
	if (!gic) {
		pr_warn("enable: no virtual PCI host in Linux: the device tree names no interrupt controller\n");
		return;
	}
	jhd_vpci_host = cfg->platform_info.pci_mmconfig_base;
	trim_gicr(gic, jhd_vpci_host);
	jhd_vpci_blob = build_overlay(cfg, gic, &jhd_vpci_size);
	of_node_put(gic);
	if (!jhd_vpci_blob) {
		pr_warn("enable: no virtual PCI host in Linux: out of memory\n");
		return;
	}
	err = apply(jhd_vpci_blob, jhd_vpci_size);
	if (err) {
		pr_warn("enable: no virtual PCI host in Linux: the overlay was refused (%d)\n",
			err);
		jhd_vpci_forget();
		return;
	}
	pr_info("virtual PCI host at 0x%llx added (%u devices)\n",
		cfg->platform_info.pci_mmconfig_base,
		cfg->root_cell.num_pci_devices);
}

/*
 * The host's device goes first, while its node still has all its
 * properties: the PCI core gives back its domain number by looking at
 * them, which reverting the overlay would remove before the device.
 */
static void destroy_host_device(void)
{
	struct device_node *np = of_find_node_by_path(jhd_vpci_path);
	struct platform_device *pdev;

	if (!np)
		return;
	pdev = of_find_device_by_node(np);
	if (pdev) {
		of_platform_device_destroy(&pdev->dev, NULL);
		platform_device_put(pdev);
	}
	of_node_put(np);
}

int jhd_vpci_remove(void)
{
	int err;

	if (jhd_vpci_ovcs_id < 0)
		return 0;
	destroy_host_device();
	err = of_overlay_remove(&jhd_vpci_ovcs_id);
	if (err) {
		jhd_refuse("disable", "the virtual PCI host cannot be removed from Linux (%d)\n",
			   err);
		return err;
	}
	jhd_vpci_ovcs_id = -1;
	return 0;
}

void jhd_vpci_restore(void)
{
	if (!jhd_vpci_blob || jhd_vpci_ovcs_id >= 0)
		return;
	if (apply(jhd_vpci_blob, jhd_vpci_size)) {
		pr_warn("disable failed, and the virtual PCI host did not come back\n");
		jhd_vpci_ovcs_id = -1;
	}
}

void jhd_vpci_forget(void)
{
	restore_gicr(jhd_vpci_host);
	kfree(jhd_vpci_blob);
	jhd_vpci_blob = NULL;
	jhd_vpci_ovcs_id = -1;
}
