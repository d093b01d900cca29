// SPDX-License-Identifier: GPL-2.0
/*
 * A small bare-metal inmate for the cell scenarios, built in five modes:
 *
 *   MODE_TIMER  checks the comm region, takes virtual timer interrupts at
 *               10 Hz through the GIC and prints each one's latency;
 *               approves shutdown requests
 *   MODE_SMP    as TIMER, after starting its other CPUs by PSCI CPU_ON;
 *               each says hello, powers off, is seen off by
 *               AFFINITY_INFO and is started once more
 *   MODE_FAULT  reads memory that is not the cell's, so the hypervisor
 *               stops it
 *   MODE_HVC    issues a hypercall with an immediate other than 0x4a48,
 *               which stops it too
 *   MODE_LOCK   as TIMER, but in state "running/locked" and refusing the
 *               first shutdown request; the second unlocks and approves
 *
 * TIMER, SMP and LOCK also take one option from the command line (the
 * inmate library's buffer at 0x1000, loaded by root with the image):
 *
 *   "mute"      never answer the hypervisor's messages
 *   "gicp"      first probe what the cell's GIC emulation lets through
 *               (own redistributor's control and LPI registers, access
 *               sizes, IROUTER of the cell's SPI 150) and print "gic ..."
 *               lines, each "ok" or "BAD"
 *   "gicx"      write hostile values to every GIC register of interrupts
 *               and CPUs not its own (all GICD bitmap, priority, config
 *               and routing registers of all 1020 INTIDs but its SPI 150,
 *               GICD_CTLR, SETSPI/CLRSPI, the redistributors of CPUs 0
 *               and 1) and to the state of the SGIs and PPI the
 *               hypervisor keeps for itself in its own redistributor,
 *               check that none of it reads back, print "gicx ..." lines
 *               as "gicp" does and "gicx: done, <n> BAD"
 *   "pmuh"      try to make the PMU count at EL2 (NSH set in the cycle
 *               counter's filter and in an event type, directly and
 *               through PMSELR), read the event counter one past those
 *               PMCR.N gives EL1, check the cycle counter still counts;
 *               "pmu ..." lines as "gicp" prints them and "pmu: done,
 *               <n> BAD"
 *   "stor"      maintenance and wait storms: 20 rounds of clean and
 *               invalidate by set/way over every data cache level,
 *               invalidate by set/way of the first, broadcast TLB and I-cache
 *               invalidation; 100,000 SEV/WFE; then, timer set to fire at
 *               once with interrupts masked, 100,000 WFI (each returns
 *               as the interrupt stays pending); "storm: ..." lines
 *   "sgip"      plant SGI state for whoever gets its CPUs next: SGI 2
 *               (Linux's CPU-stop IPI) pending at the lowest priority in
 *               its own and its sibling's redistributor, SGI 3 made Group 0
 *               at priority 0, pending and enabled (which, if the GIC took
 *               it, would sit in front of the hypervisor's SGIs); prints
 *               "gic ..." lines as "gicp" does
 *   "pcie"      probe the virtual PCI host's ECAM (the comm region's
 *               pci_mmconfig_base): empty slots read as all ones at every
 *               access size ("pci ..." lines as "gicp" prints them, "pci:
 *               done, <n> BAD"), then write to an empty slot, which must
 *               stop the cell ("pci: write returned: isolation broken"
 *               should it come back)
 *   "flod"      first print FLOOD_LINES lines "flood <n>" as fast as it
 *               can, then "flood done"
 *   "call"      first make firmware and hypervisor calls a cell has no
 *               business making (PSCI for CPUs not its own, MIGRATE,
 *               unknown, SiP, trusted-OS and vendor function IDs, every
 *               management hypercall, bad arguments) and print each
 *               result as "call <name> = <value>", then "calls done"
 *   "mask"      mask all interrupts and spin for ever, answering nothing
 *   "sgif"      with interrupts masked, send itself SGIs 0-15 for ever
 *   "vbad"      point VBAR_EL1 at root's RAM and take an exception
 *   "sgir"      send SGI 2 (Linux's CPU stop) and SGI 9 (unused by Linux)
 *               to CPUs 0 and 1 and to all others, 1000 times each, then
 *               "sgir: done"
 *   "spib"      benchmark SPI delivery: make the cell's SPI 150 pending
 *               through the distributor (a trapped write the hypervisor
 *               passes on) and wait until the handler saw it, 200 times,
 *               then write its clear-pending bit as often, which traps the
 *               same way and raises nothing; 10 such pairs after 200 ms
 *               (root's commands done), prints the fewest ticks of each:
 *               "spib: 200 rounds, raised and taken <t> ticks, written
 *               only <w> ticks"
 *   "peek=ADDR", "poke=ADDR": first read from, or write to, that guest
 *               address; prints "peek <a>" / "poke <a>" before and
 *               "... returned: isolation broken" should it come back
 *
 * The command line is cleared once read, so a restart without a new load
 * starts plain.
 *
 * It runs on the inmate library's bare start: the MMU stays off, so every
 * data access is to Device memory and must be aligned; output goes
 * through the hypervisor's debug console (DEBUG_CONSOLE_PUTC), lines
 * prefixed "cell-test:", so root can read them.
 */
#include <inmate/inmate.h>

#define OUTSIDE_THE_CELL	0x40000000UL	/* root Linux's RAM */
#define PARAM_MUTE		0x6574756dU	/* "mute" */
#define PARAM_GIC_PROBE		0x70636967U	/* "gicp" */
#define PARAM_SGI_PLANT		0x70696773U	/* "sgip" */
#define PARAM_GIC_SWEEP		0x78636967U	/* "gicx" */
#define PARAM_PMU		0x68756d70U	/* "pmuh" */
#define PARAM_STORM		0x726f7473U	/* "stor" */
#define STORM_ROUNDS		20
#define STORM_WAITS		100000
#define PARAM_FLOOD		0x646f6c66U	/* "flod" */
#define PARAM_PCI		0x65696370U	/* "pcie" */
#define PARAM_CALLS		0x6c6c6163U	/* "call" */
#define PARAM_MASKED_SPIN	0x6b73616dU	/* "mask" */
#define PARAM_SGI_FLOOD		0x66696773U	/* "sgif" */
#define PARAM_BAD_VECTORS	0x64616276U	/* "vbad" */
#define PARAM_SGI_ROOT		0x72696773U	/* "sgir" */
#define PARAM_SPI_BENCH		0x62697073U	/* "spib" */
#define SPI_BENCH_ROUNDS	200
#define SPI_BENCH_BATCHES	10
#define PARAM_PEEK		0x6b656570U	/* "peek" */
#define PARAM_POKE		0x656b6f70U	/* "poke" */
#define FLOOD_LINES		3000

#define GICD_BASE		0x08000000UL
#define GICD_CTLR		0x0000
#define GICD_TYPER		0x0004
#define GICD_IGROUPR		0x0080
#define GICD_ISENABLER		0x0100
#define GICD_ICENABLER		0x0180
#define GICD_ISPENDR		0x0200
#define GICD_ICPENDR		0x0280
#define GICD_IPRIORITYR		0x0400
#define GICD_SETSPI_NSR		0x0040
#define GICD_CLRSPI_NSR		0x0048
#define GICD_ITARGETSR		0x0800
#define GICD_SGIR		0x0f00
#define GICD_CPENDSGIR		0x0f10	/* GICv2 */
#define GICD_SPENDSGIR		0x0f20	/* GICv2 */
#define GICD_IROUTER		0x6000
#define PROBE_SPI		150	/* the smp-test cell's */
#define ROOT_SPI		33	/* root's (virtio), never the cell's */

#define GICR_CTLR		0x0
#define GICR_TYPER		0x8
#define GICR_WAKER		0x14
#define GICR_PROPBASER		0x70
#define GICR_PENDBASER		0x78
#define GICR_SETLPIR		0x40
#define GICR_INVALLR		0xb0
#define GICR_SGI_FRAME		0x10000
#define GICR_IGROUPR0		(0x10000 + 0x080)
#define GICR_ISENABLER0		(0x10000 + 0x100)
#define GICR_ISPENDR0		(0x10000 + 0x200)
#define GICR_IGRPMODR0		(0x10000 + 0xd00)
#define GICR_ICENABLER0		(0x10000 + 0x180)
#define GICR_IPRIORITYR0	(0x10000 + 0x400)
#define SGI_HYPERVISOR		15
/* what the hypervisor keeps for itself: SGIs 14 and 15, maintenance PPI */
#define HV_PRIVATE_IRQS		(1U << 14 | 1U << 15 | 1U << 25)
#define TIMER_PPI		TIMER_VIRT_PPI

#define say(fmt, ...)	printk("cell-test: " fmt "\n", ##__VA_ARGS__)

static unsigned int param;
static unsigned long param_addr;	/* after the option word, if any */
static unsigned long ticks_per_period;
static unsigned long expected;
static unsigned int probes_bad;
/* the probes' lines start so; "gic" unless set (bss only: no reload) */
static const char *probe_what;
static volatile unsigned int undef_expected, undef_seen;
static volatile unsigned int ticks;
static volatile unsigned long secondary_seen[4];

static unsigned long my_aff(void)
{
	return cpu_mpidr() & 0xff00ffffffUL;
}

/* Any message is acknowledged by name; LOCK denies the first shutdown. */
static void handle_messages(void)
{
	u32 msg = comm_get_message();
	static unsigned int requests;

	if (msg == JAILHOUSE_MSG_NONE || param == PARAM_MUTE)
		return;
	if (msg != JAILHOUSE_MSG_SHUTDOWN_REQUEST) {
		say("message %u received", msg);
		comm_send_reply(JAILHOUSE_MSG_RECEIVED);
		return;
	}
#if defined(MODE_LOCK)
	if (requests++ == 0) {
		comm_handle_messages("cell-test", false);
		return;
	}
	comm_set_state(JAILHOUSE_CELL_RUNNING);
#endif
	(void)requests;
	comm_handle_messages("cell-test", true);
}

/* What a non-root cell may ask the hypervisor, and what not. */
static void query_hypervisor(void)
{
	long cells = hc_hypervisor_info(JAILHOUSE_INFO_NUM_CELLS);
	long own = hc_cpu_info(my_aff() & 0xff, JAILHOUSE_CPU_INFO_STATE);
	long root = hc_cpu_info(0, JAILHOUSE_CPU_INFO_STATE);
	long create = jailhouse_call_arg1(JAILHOUSE_HC_CELL_CREATE, 0);

	say("hypervisor runs %lu cells, own CPU state %lu, CPU 0 %s",
	    (unsigned long)cells, (unsigned long)own,
	    root == -1 ? "refused" : "ANSWERED");
	say("CELL_CREATE from a cell %s", create == -1 ? "refused" : "ACCEPTED");
}

static unsigned long find_gicr_of(unsigned long aff)
{
	return gic_redist_of(aff);
}

static unsigned long find_gicr(void)
{
	return find_gicr_of(my_aff());
}

static const struct {
	const char *name;
	unsigned int param;
} options[] = {
	{ "mute", PARAM_MUTE }, { "gicp", PARAM_GIC_PROBE },
	{ "sgip", PARAM_SGI_PLANT }, { "gicx", PARAM_GIC_SWEEP },
	{ "pmuh", PARAM_PMU }, { "stor", PARAM_STORM },
	{ "flod", PARAM_FLOOD }, { "call", PARAM_CALLS },
	{ "pcie", PARAM_PCI },
	{ "mask", PARAM_MASKED_SPIN }, { "sgif", PARAM_SGI_FLOOD },
	{ "vbad", PARAM_BAD_VECTORS }, { "sgir", PARAM_SGI_ROOT },
	{ "spib", PARAM_SPI_BENCH },
	{ "peek", PARAM_PEEK }, { "poke", PARAM_POKE },
};

/* The option on the command line, which is consumed. */
static unsigned int read_params(void)
{
	unsigned int n, val = 0;
	long long addr;
	char buf[2];

	for (n = 0; n < ARRAY_SIZE(options) && !val; n++)
		if (cmdline_parse_str(options[n].name, buf, sizeof(buf), NULL))
			val = options[n].param;
	if (cmdline_get_int("peek", &addr) == CMDLINE_OK ||
	    cmdline_get_int("poke", &addr) == CMDLINE_OK)
		param_addr = addr;
	cmdline[0] = 0;
	return val;
}

static void probe_check(const char *what, unsigned long got,
			unsigned long want)
{
	if (!probe_what)
		probe_what = "gic";
	if (got == want) {
		say("%s %s ok", probe_what, what);
	} else {
		say("%s %s BAD: %lx", probe_what, what, got);
		say("(wanted %lx)", want);
		probes_bad++;
	}
}

/* The cell's own redistributor: identification only, plus its SGI/PPIs. */
static void probe_gicr(unsigned long gicr)
{
	unsigned long typer = mmio_read64(gicr + GICR_TYPER);

	probe_check("GICR_TYPER halves", mmio_read32(gicr + GICR_TYPER) |
		    (u64)mmio_read32(gicr + GICR_TYPER + 4) << 32, typer);
	probe_check("GICR_TYPER 16-bit read", mmio_read16(gicr + GICR_TYPER), 0);
	probe_check("GICR_TYPER byte read", mmio_read8(gicr + GICR_TYPER), 0);

	mmio_write32(gicr + GICR_CTLR, 1);		/* EnableLPIs */
	probe_check("GICR_CTLR write ignored", mmio_read32(gicr + GICR_CTLR), 0);
	mmio_write32(gicr + GICR_WAKER, 2);		/* ProcessorSleep */
	probe_check("GICR_WAKER write ignored", mmio_read32(gicr + GICR_WAKER), 0);
	mmio_write32(gicr + GICR_WAKER, 0);
	mmio_write64(gicr + GICR_PROPBASER, 0x7f80000fUL);
	probe_check("GICR_PROPBASER write ignored",
		    mmio_read64(gicr + GICR_PROPBASER), 0);
	mmio_write64(gicr + GICR_PENDBASER, 0x7f810000UL);
	probe_check("GICR_PENDBASER write ignored",
		    mmio_read64(gicr + GICR_PENDBASER), 0);

	mmio_write8(gicr + GICR_IPRIORITYR0 + TIMER_PPI, 0x80);
	probe_check("PPI priority byte", mmio_read8(gicr + GICR_IPRIORITYR0 +
					     TIMER_PPI), 0x80);
	probe_check("PPI priority word", mmio_read32(gicr + GICR_IPRIORITYR0 +
					      TIMER_PPI / 4 * 4) >> 24, 0x80);
	mmio_write8(gicr + GICR_IPRIORITYR0 + SGI_HYPERVISOR, 0x10);
	probe_check("hypervisor SGI priority hidden",
		    mmio_read8(gicr + GICR_IPRIORITYR0 + SGI_HYPERVISOR), 0);

	mmio_write32(gicr + GICR_ISENABLER0, 1U << TIMER_PPI);
	mmio_write64(gicr + GICR_ICENABLER0, ~0UL);	/* wrong size: ignored */
	probe_check("64-bit ICENABLER0 write ignored",
		    mmio_read32(gicr + GICR_ISENABLER0) >> TIMER_PPI & 1, 1);
	probe_check("64-bit ISENABLER0 read", mmio_read64(gicr + GICR_ISENABLER0), 0);
	mmio_write32(gicr + GICR_ICENABLER0, 1U << TIMER_PPI);
}

static unsigned long irouter(unsigned int irq)
{
	return GICD_BASE + GICD_IROUTER + 8 * irq;
}

/*
 * The cell's SPI goes to its CPUs only, whatever it writes; what is not
 * one of them becomes the cell's first CPU, the one probing.
 */
static void probe_gicd(void)
{
	unsigned long self = my_aff(), r = irouter(PROBE_SPI);
	unsigned long other = self ^ 1;

	probe_check("GICD_TYPER 16-bit read", mmio_read16(GICD_BASE + GICD_TYPER), 0);
	probe_check("GICD_CTLR 64-bit read", mmio_read64(GICD_BASE + GICD_CTLR), 0);

	mmio_write64(r, other | 0xffffff007f000000UL);	/* RES0 bits set */
	probe_check("IROUTER RES0 bits dropped", mmio_read64(r), other);
	mmio_write64(r, other | 0x80000000UL);		/* IRM: any CPU */
	probe_check("IROUTER IRM refused", mmio_read64(r), self);
	mmio_write64(r, other);
	mmio_write64(r, self & ~0xffUL);		/* CPU 0: root's */
	probe_check("IROUTER outside the cell refused", mmio_read64(r), self);
	mmio_write32(r, other);
	probe_check("IROUTER lower half write", mmio_read64(r), other);
	mmio_write32(r + 4, 1);				/* Aff3 1: nobody */
	probe_check("IROUTER upper half write refused", mmio_read32(r + 4), 0);
	mmio_write8(r, self);
	probe_check("IROUTER byte read", mmio_read8(r), 0);
	probe_check("IROUTER of root's SPI hidden", mmio_read64(irouter(ROOT_SPI)), 0);

	mmio_write8(GICD_BASE + GICD_IPRIORITYR + PROBE_SPI, 0x90);
	probe_check("SPI priority byte",
		    mmio_read8(GICD_BASE + GICD_IPRIORITYR + PROBE_SPI), 0x90);
	probe_check("root's SPI priority hidden",
		    mmio_read8(GICD_BASE + GICD_IPRIORITYR + ROOT_SPI), 0);
}

/*
 * GICv2: the CPU's SGI/PPI bank is the first word of the distributor's
 * per-interrupt registers (banked per CPU); an SPI goes to a byte of
 * CPU-interface bits, which only ever names the cell's CPUs.
 */
static void probe_gicd_v2(void)
{
	unsigned long prio = GICD_BASE + GICD_IPRIORITYR;
	unsigned long targets = GICD_BASE + GICD_ITARGETSR;
	unsigned int own = mmio_read8(targets + TIMER_PPI);

	probe_check("GICD_TYPER 16-bit read", mmio_read16(GICD_BASE + GICD_TYPER), 0);
	probe_check("GICD_CTLR 64-bit read", mmio_read64(GICD_BASE + GICD_CTLR), 0);

	mmio_write8(prio + TIMER_PPI, 0x80);
	probe_check("PPI priority byte", mmio_read8(prio + TIMER_PPI), 0x80);
	probe_check("PPI priority word",
		    mmio_read32(prio + TIMER_PPI / 4 * 4) >> 24, 0x80);
	mmio_write8(prio + SGI_HYPERVISOR, 0x10);
	probe_check("hypervisor SGI priority hidden",
		    mmio_read8(prio + SGI_HYPERVISOR), 0);
	mmio_write32(GICD_BASE + GICD_ISENABLER, 1U << TIMER_PPI);
	mmio_write64(GICD_BASE + GICD_ICENABLER, ~0UL);	/* wrong size */
	probe_check("64-bit ICENABLER0 write ignored",
		    mmio_read32(GICD_BASE + GICD_ISENABLER) >> TIMER_PPI & 1, 1);
	probe_check("64-bit ISENABLER0 read",
		    mmio_read64(GICD_BASE + GICD_ISENABLER), 0);
	mmio_write32(GICD_BASE + GICD_ICENABLER, 1U << TIMER_PPI);

	/* one bit, this CPU's interface; read-only */
	probe_check("PPI target byte is one CPU interface",
		    own && !(own & (own - 1)), 1);
	mmio_write8(targets + TIMER_PPI, 0xff);
	probe_check("PPI target byte read-only",
		    mmio_read8(targets + TIMER_PPI), own);
	mmio_write8(targets + PROBE_SPI, 0xff);
	probe_check("ITARGETSR on the cell's CPUs only",
		    mmio_read8(targets + PROBE_SPI) & ~(own | own << 1), 0);
	mmio_write8(targets + PROBE_SPI, own << 1);	/* the sibling */
	probe_check("ITARGETSR of the sibling", mmio_read8(targets + PROBE_SPI),
		    own << 1);
	mmio_write8(targets + PROBE_SPI, 1);		/* CPU 0: root's */
	probe_check("ITARGETSR outside the cell refused",
		    mmio_read8(targets + PROBE_SPI), own);
	probe_check("ITARGETSR of root's SPI hidden",
		    mmio_read8(targets + ROOT_SPI), 0);
	probe_check("GICD_SGIR reads as zero",
		    mmio_read32(GICD_BASE + GICD_SGIR), 0);

	mmio_write8(prio + PROBE_SPI, 0x90);
	probe_check("SPI priority byte", mmio_read8(prio + PROBE_SPI), 0x90);
	probe_check("root's SPI priority hidden", mmio_read8(prio + ROOT_SPI), 0);
}

/* An interrupt bitmap register family, and the value a hostile cell writes */
struct gic_family {
	const char *name;
	unsigned int off, bits, val;
};

/*
 * In the order written: clears before sets, disable last, so that a
 * write that got through leaves root's interrupt lost, stuck or dead.
 */
static const struct gic_family gic_families[] = {
	{ "IGROUPR", 0x080, 1, 0 },
	{ "ICPENDR", 0x280, 1, ~0U },
	{ "ICACTIVER", 0x380, 1, ~0U },
	{ "ISPENDR", 0x200, 1, ~0U },
	{ "ISACTIVER", 0x300, 1, ~0U },
	{ "IPRIORITYR", 0x400, 8, ~0U },
	{ "ITARGETSR", 0x800, 8, ~0U },
	{ "ICFGR", 0xc00, 2, ~0U },
	{ "IGRPMODR", 0xd00, 1, ~0U },
	{ "NSACR", 0xe00, 2, ~0U },
	{ "ISENABLER", 0x100, 1, ~0U },
	{ "ICENABLER", 0x180, 1, ~0U },
};

#define NUM_FAMILIES	(sizeof(gic_families) / sizeof(gic_families[0]))

/* Bits of word w of a family that are not the cell's SPI's. */
static unsigned int foreign_bits(const struct gic_family *f, unsigned int w)
{
	unsigned int first = w * 32 / f->bits, field = (1U << f->bits) - 1;

	if (PROBE_SPI < first ||
	    PROBE_SPI >= first + 32 / f->bits)
		return ~0U;
	return ~(field << (PROBE_SPI - first) * f->bits);
}

/*
 * Words of each family from base (GICD, or a redistributor's SGI frame
 * with words covering INTIDs 0-31), for INTIDs first to irqs - 1: write
 * the hostile value, then count the words that show anything of
 * interrupts not the cell's.
 */
static void sweep_families(const char *where, unsigned long base,
			   unsigned int first, unsigned int irqs)
{
	const struct gic_family *f;
	unsigned int w, words, shown;

	for (f = gic_families; f < gic_families + NUM_FAMILIES; f++)
		for (w = first * f->bits / 32; w < irqs * f->bits / 32; w++)
			mmio_write32(base + f->off + 4 * w, f->val);
	for (f = gic_families; f < gic_families + NUM_FAMILIES; f++) {
		words = irqs * f->bits / 32;
		for (w = first * f->bits / 32, shown = 0; w < words; w++)
			if (mmio_read32(base + f->off + 4 * w) & foreign_bits(f, w))
				shown++;
		say("gicx %s %s: %u words show foreign bits", where, f->name,
		    shown);
		probes_bad += shown != 0;
	}
}

/* The redistributor of another CPU: nothing to write, nothing to see. */
static void sweep_foreign_gicr(unsigned int cpu)
{
	unsigned long rd = find_gicr_of((my_aff() & ~0xffUL) | cpu);

	if (!rd) {
		say("gicx no redistributor for CPU %u BAD", cpu);
		probes_bad++;
		return;
	}
	mmio_write32(rd + GICR_CTLR, 1);		/* EnableLPIs */
	mmio_write32(rd + GICR_WAKER, 2);		/* ProcessorSleep */
	mmio_write64(rd + GICR_PROPBASER, 0x7f80000fUL);
	mmio_write64(rd + GICR_PENDBASER, 0x7f810000UL);
	mmio_write64(rd + GICR_SETLPIR, 8192);
	mmio_write64(rd + GICR_INVALLR, 0);
	probe_check("foreign GICR_CTLR", mmio_read32(rd + GICR_CTLR), 0);
	probe_check("foreign GICR_WAKER", mmio_read32(rd + GICR_WAKER), 0);
	probe_check("foreign GICR_PROPBASER", mmio_read64(rd + GICR_PROPBASER), 0);
	sweep_families(cpu ? "GICR of CPU 1" : "GICR of CPU 0",
		       rd + GICR_SGI_FRAME, 0, 32);
}

/* What the hypervisor keeps for itself in the cell's own redistributor. */
static void sweep_private_irqs(unsigned long sgi)
{
	static const unsigned int regs[] = {
		0x180, 0x280, 0x380, 0x300, 0x200, 0xd00,	/* IC/IS..., IGRPMODR */
	};
	unsigned int n;

	for (n = 0; n < sizeof(regs) / sizeof(regs[0]); n++)
		mmio_write32(sgi + regs[n], HV_PRIVATE_IRQS);
	mmio_write32(sgi + 0x080, mmio_read32(sgi + 0x080) & ~HV_PRIVATE_IRQS);
	mmio_write8(sgi + 0x400 + 14, 0xff);
	mmio_write8(sgi + 0x400 + 15, 0xff);
	mmio_write8(sgi + 0x400 + 25, 0xff);
	mmio_write32(sgi + 0xc04, 2U << 2 * (25 - 16));	/* PPI 25 edge-triggered */
	for (n = 0; n < sizeof(regs) / sizeof(regs[0]); n++)
		probe_check("hypervisor's SGIs and PPI hidden",
			    mmio_read32(sgi + regs[n]) & HV_PRIVATE_IRQS, 0);
	probe_check("hypervisor's SGIs and PPI: group hidden",
		    mmio_read32(sgi + 0x080) & HV_PRIVATE_IRQS, 0);
	probe_check("hypervisor's priorities hidden",
		    mmio_read8(sgi + 0x400 + 14) | mmio_read8(sgi + 0x400 + 15) |
		    mmio_read8(sgi + 0x400 + 25), 0);
	probe_check("maintenance PPI config hidden",
		    mmio_read32(sgi + 0xc04) >> 2 * (25 - 16) & 3, 0);
}

#define PMU_NSH			(1UL << 27)	/* count at EL2 */
#define PMU_CPU_CYCLES		0x11

/* Whatever the cell writes, the PMU must not count the hypervisor. */
static void pmu_probe(void)
{
	unsigned long n, c0, c1;

	probe_what = "pmu";
	write_sysreg(pmccfiltr_el0, PMU_NSH);
	probe_check("PMCCFILTR NSH dropped", read_sysreg(pmccfiltr_el0), 0);
	write_sysreg(pmevtyper0_el0, PMU_NSH | PMU_CPU_CYCLES);
	probe_check("PMEVTYPER0 NSH dropped", read_sysreg(pmevtyper0_el0),
		    PMU_CPU_CYCLES);
	write_sysreg(pmselr_el0, 0);
	asm volatile("isb");
	write_sysreg(pmxevtyper_el0, PMU_NSH | PMU_CPU_CYCLES);
	probe_check("PMXEVTYPER NSH dropped", read_sysreg(pmxevtyper_el0),
		    PMU_CPU_CYCLES);
	write_sysreg(pmselr_el0, 31);
	asm volatile("isb");
	write_sysreg(pmxevtyper_el0, PMU_NSH);
	probe_check("PMCCFILTR through PMSELR NSH dropped",
		    read_sysreg(pmccfiltr_el0), 0);
	write_sysreg(pmselr_el0, 5);
	read_sysreg(pmevtyper0_el0);
	probe_check("PMSELR kept", read_sysreg(pmselr_el0), 5);

	/*
	 * One past the counters PMCR.N gives EL1, selected through PMSELR:
	 * the architecture leaves the access to the implementation (QEMU:
	 * reads as zero); the hypervisor's emulation refuses it.
	 */
	n = (read_sysreg(pmcr_el0) >> 11) & 0x1f;
	write_sysreg(pmselr_el0, n);
	asm volatile("isb");
	undef_expected = 1;
	read_sysreg(pmxevcntr_el0);
	undef_expected = 0;
	probe_check("counter past PMCR.N undefined", undef_seen, 1);

	write_sysreg(pmcntenset_el0, 1UL << 31);
	write_sysreg(pmcr_el0, 1);		/* E */
	asm volatile("isb");
	c0 = read_sysreg(pmccntr_el0);
	for (n = 0; n < 1000; n++)
		asm volatile("" : : : "memory");
	c1 = read_sysreg(pmccntr_el0);
	probe_check("cycle counter counts", c1 > c0, 1);
	write_sysreg(pmcr_el0, 0);
	say("pmu: done, %u BAD", probes_bad);
}

/* One set/way operation on every line of every data or unified cache. */
static void set_way_all(int invalidate_only)
{
	unsigned long clidr = read_sysreg(clidr_el1), ccsidr, sw;
	unsigned int level, set, way, sets, ways, line_shift, way_shift;

	for (level = 0; level < 7; level++) {
		if (((clidr >> 3 * level) & 7) < 2)	/* no data cache */
			continue;
		write_sysreg(csselr_el1, level << 1);
		asm volatile("isb");
		ccsidr = read_sysreg(ccsidr_el1);
		line_shift = (ccsidr & 7) + 4;
		ways = ((ccsidr >> 3) & 0x3ff) + 1;
		sets = ((ccsidr >> 13) & 0x7fff) + 1;
		way_shift = ways > 1 ? __builtin_clz(ways - 1) : 0;
		for (way = 0; way < ways; way++) {
			for (set = 0; set < sets; set++) {
				sw = (unsigned long)way << way_shift |
				     (unsigned long)set << line_shift | level << 1;
				if (invalidate_only)
					asm volatile("dc isw, %0" : : "r" (sw));
				else
					asm volatile("dc cisw, %0" : : "r" (sw));
			}
		}
		/* invalidating by set/way once is enough: first level only */
		if (invalidate_only)
			break;
	}
	asm volatile("dsb sy");
}

/* Nothing of it may reach beyond the cell, nor keep its CPU from it. */
static void maintenance_storm(void)
{
	unsigned int n;

	for (n = 0; n < STORM_ROUNDS; n++) {
		set_way_all(0);
		set_way_all(1);
		asm volatile("tlbi vmalle1is; ic ialluis; dsb ish; isb"
			     : : : "memory");
	}
	say("storm: set/way and broadcast invalidation, %u rounds", n);
	for (n = 0; n < STORM_WAITS; n++)
		asm volatile("sev; wfe");
	say("storm: %u WFE done", n);
}

/*
 * GICv2: the SPIs' families (the first word of each is the cell CPU's
 * own SGI/PPI bank), priority and target bytes, GICD_CTLR, SGIs by
 * GICD_SGIR to every CPU and to all others, the SGI pending registers,
 * and the hypervisor's SGIs and maintenance PPI in the CPU's own bank.
 */
static void gic_sweep_v2(void)
{
	unsigned long ctlr = mmio_read32(GICD_BASE + GICD_CTLR);
	unsigned int irq, n, shown = 0;

	sweep_families("GICD", GICD_BASE, 32, 1024);
	for (irq = 32; irq < 1020; irq++) {
		if (irq == PROBE_SPI)
			continue;
		mmio_write8(GICD_BASE + GICD_IPRIORITYR + irq, 0xff);
		mmio_write8(GICD_BASE + GICD_ITARGETSR + irq, 0xff);
	}
	for (irq = 32; irq < 1020; irq++)
		if (irq != PROBE_SPI &&
		    (mmio_read8(GICD_BASE + GICD_IPRIORITYR + irq) ||
		     mmio_read8(GICD_BASE + GICD_ITARGETSR + irq)))
			shown++;
	probe_check("foreign priority and target bytes hidden", shown, 0);
	mmio_write8(GICD_BASE + GICD_ITARGETSR + PROBE_SPI, 0xff);
	probe_check("own SPI's targets: its CPUs 2 and 3 at most",
		    mmio_read8(GICD_BASE + GICD_ITARGETSR + PROBE_SPI) & ~0x0cU,
		    0);
	mmio_write32(GICD_BASE + GICD_CTLR, 0);
	probe_check("GICD_CTLR write ignored",
		    mmio_read32(GICD_BASE + GICD_CTLR), ctlr);
	/* Linux's CPU-stop IPI at every CPU interface, and at all others */
	mmio_write32(GICD_BASE + GICD_SGIR, 0xffU << 16 | 2);
	mmio_write32(GICD_BASE + GICD_SGIR, 1U << 24 | 2);
	for (n = 0; n < 0x20; n += 4)
		mmio_write32(GICD_BASE + GICD_CPENDSGIR + n, ~0U);
	for (n = 0, shown = 0; n < 0x20; n += 4)
		shown += mmio_read32(GICD_BASE + GICD_CPENDSGIR + n) != 0;
	probe_check("SGI pending registers read as zero", shown, 0);
	sweep_private_irqs(GICD_BASE);
	say("gicx: done, %u BAD", probes_bad);
}

static void gic_sweep(void)
{
	unsigned long ctlr = mmio_read32(GICD_BASE + GICD_CTLR);
	unsigned int irq, shown = 0;

	if (comm_region()->gic_version == 2) {
		gic_sweep_v2();
		return;
	}
	sweep_families("GICD", GICD_BASE, 0, 1024);
	for (irq = 32; irq < 1020; irq++) {
		if (irq == PROBE_SPI)
			continue;
		mmio_write8(GICD_BASE + GICD_IPRIORITYR + irq, 0xff);
		mmio_write64(irouter(irq), my_aff() | 0x80000000UL);
	}
	for (irq = 32; irq < 1020; irq++)
		if (irq != PROBE_SPI &&
		    (mmio_read8(GICD_BASE + GICD_IPRIORITYR + irq) || mmio_read64(irouter(irq))))
			shown++;
	probe_check("foreign priority bytes and routes hidden", shown, 0);
	mmio_write32(GICD_BASE + GICD_CTLR, 0);
	probe_check("GICD_CTLR write ignored",
		    mmio_read32(GICD_BASE + GICD_CTLR), ctlr);
	mmio_write32(GICD_BASE + GICD_SETSPI_NSR, ROOT_SPI);
	mmio_write32(GICD_BASE + GICD_CLRSPI_NSR, 79);	/* root's virtio */
	mmio_write32(GICD_BASE + GICD_SGIR, 1U << 24 | 2);	/* all others, SGI 2 */

	sweep_foreign_gicr(0);
	sweep_foreign_gicr(1);
	sweep_private_irqs(find_gicr() + GICR_SGI_FRAME);
	say("gicx: done, %u BAD", probes_bad);
}

static volatile unsigned int spi_seen;

static void spi_taken(u32 irq, u64 stamp)
{
	(void)stamp;
	if (irq == PROBE_SPI)
		spi_seen++;
	else
		say("unexpected interrupt %u", irq);
}

/*
 * Both loops alike: write, then wait until the handler counted enough;
 * with @raises each write's own interrupt, else (none comes) what the
 * raising loop before it counted already.
 */
static u64 spi_loop(unsigned long reg, bool raises)
{
	u64 start = timer_now();
	unsigned int n, target;

	for (n = 0; n < SPI_BENCH_ROUNDS; n++) {
		target = raises ? n + 1 : SPI_BENCH_ROUNDS;
		mmio_write32(reg, 1U << (PROBE_SPI % 32));
		while (spi_seen < target)
			;
	}
	return timer_now() - start;
}

/*
 * What an SPI costs from the moment it is pending at the physical GIC:
 * taken by the hypervisor, injected, the cell's handler, back. The cell
 * raises it itself through GICD_ISPENDR, a trapped write; the second
 * loop writes GICD_ICPENDR instead, the same trap raising nothing, and
 * the difference is the delivery. Routed to this CPU first. Under QEMU's
 * -icount the counter also advances with what root's CPUs run, so the
 * cell first waits for root's commands to end, and the fewest ticks of
 * several batches count.
 */
static void spi_bench(void)
{
	unsigned long word = PROBE_SPI / 32 * 4;
	u64 raised = ~0UL, written = ~0UL, t;
	unsigned int batch;

	if (gic_init()) {
		say("spib: no GIC CPU interface");
		return;
	}
	if (comm_region()->gic_version == 2)
		mmio_write8(GICD_BASE + GICD_ITARGETSR + PROBE_SPI,
			    mmio_read8(GICD_BASE + GICD_ITARGETSR + TIMER_PPI));
	else
		mmio_write64(irouter(PROBE_SPI), my_aff());
	irq_set_handler(spi_taken);
	gic_enable_spi(PROBE_SPI);
	t = timer_now() + timer_freq() / 5;
	while (timer_now() < t)
		;
	local_irq_enable();
	for (batch = 0; batch < SPI_BENCH_BATCHES; batch++) {
		spi_seen = 0;
		t = spi_loop(GICD_BASE + GICD_ISPENDR + word, true);
		if (t < raised)
			raised = t;
		t = spi_loop(GICD_BASE + GICD_ICPENDR + word, false);
		if (t < written)
			written = t;
	}
	local_irq_disable();
	gic_disable_spi(PROBE_SPI);
	say("spib: %u rounds, raised and taken %lu ticks, written only %lu ticks",
	    SPI_BENCH_ROUNDS, (unsigned long)raised, (unsigned long)written);
}

static void tick(u32 irq, u64 stamp)
{
	unsigned long late;

	if (irq != TIMER_PPI) {
		say("unexpected interrupt %u", irq);
		return;
	}
	late = (stamp - expected) * 1000 / (timer_freq() / 1000000);
	ticks++;
	say("tick %u latency %lu ns, CPU %lx", ticks, late, my_aff() & 0xff);
	expected += ticks_per_period;
	timer_arm(expected);
}

/* An undefined instruction while undef_expected is set is skipped. */
static bool undef_skip(u64 esr, u64 *elr)
{
	if (!undef_expected || (esr >> 26) != 0)
		return false;
	undef_seen++;
	*elr += 4;
	return true;
}

/* Interrupts masked and the timer's pending: every WFI returns at once. */
static void __attribute__((unused)) wfi_storm(void)
{
	unsigned int n;

	expected = timer_now();
	timer_arm(expected);
	for (n = 0; n < STORM_WAITS; n++)
		wfi();
	say("storm: %u WFI done", n);
	expected = timer_now() + ticks_per_period;
	timer_arm(expected);
}

static void __attribute__((unused)) timer_loop(void)
{
	if (gic_init()) {
		say("no redistributor for MPIDR %lx", my_aff());
		return;
	}
	gic_enable_ppi(TIMER_PPI);
	if (gic_redist_base())
		say("redistributor at %lx, enabled: %x", gic_redist_base(),
		    mmio_read32(gic_redist_base() + GICR_ISENABLER0));
	else
		say("GICv2 CPU interface at %lx",
		    (unsigned long)comm_region()->gicc_base);
	irq_set_handler(tick);

	ticks_per_period = timer_freq() / 10;
	if (param == PARAM_STORM)
		wfi_storm();
	expected = timer_now() + ticks_per_period;
	timer_arm(expected);
	local_irq_enable();
	say("timer running at 10 Hz");

	for (;;) {
		wfi();
		handle_messages();
	}
}

/*
 * State left for the next owner of the cell's CPUs; the hypervisor must
 * clear it when they change hands, and keep interrupts in Group 1.
 */
/*
 * GICv2: SGIs are virtual, sent by GICD_SGIR; what a cell can leave is
 * such SGIs queued for its CPUs (the sibling never started), its CPU's
 * banked priorities, and attempts at the SGI pending registers and the
 * groups, which stay closed.
 */
static void plant_sgis_v2(void)
{
	unsigned long d = GICD_BASE;
	unsigned int own = mmio_read8(d + GICD_ITARGETSR + TIMER_PPI);

	mmio_write8(d + GICD_IPRIORITYR + 2, 0xff);
	mmio_write32(d + GICD_SGIR, (own | own << 1) << 16 | 2);
	say("planted SGI 2 for CPU %lx", my_aff());
	say("planted SGI 2 for CPU %lx", my_aff() ^ 1);
	mmio_write32(d + GICD_SPENDSGIR, ~0U);
	probe_check("SGI pending registers closed",
		    mmio_read32(d + GICD_SPENDSGIR), 0);
	mmio_write32(d + GICD_IGROUPR, 1U << 3);
	probe_check("SGI group change refused",
		    mmio_read32(d + GICD_IGROUPR), 0);
	mmio_write32(d + GICD_IGROUPR + PROBE_SPI / 32 * 4, ~0U);
	probe_check("SPI group change refused",
		    mmio_read32(d + GICD_IGROUPR + PROBE_SPI / 32 * 4), 0);
	mmio_write8(d + GICD_IPRIORITYR + 3, 0);
	mmio_write32(d + GICD_SGIR, 2U << 24 | 3);	/* to itself */
	say("gic plant done");
}

static void plant_sgis(void)
{
	unsigned long own = find_gicr(), sibling = find_gicr_of(my_aff() ^ 1);
	unsigned long frame;
	unsigned int n;

	if (comm_region()->gic_version == 2) {
		plant_sgis_v2();
		return;
	}
	for (n = 0; n < 2; n++) {
		frame = n ? sibling : own;
		if (!frame)
			continue;
		mmio_write8(frame + GICR_IPRIORITYR0 + 2, 0xff);
		mmio_write32(frame + GICR_ISPENDR0, 1U << 2);
		say("planted SGI 2 for CPU %lx",
		    n ? my_aff() ^ 1 : my_aff());
	}
	mmio_write32(own + GICR_IGROUPR0, mmio_read32(own + GICR_IGROUPR0) & ~(1U << 3));
	probe_check("SGI Group 0 refused",
		    mmio_read32(own + GICR_IGROUPR0) >> 3 & 1, 1);
	mmio_write32(own + GICR_IGRPMODR0, 1U << 3);
	probe_check("SGI group modifier refused", mmio_read32(own + GICR_IGRPMODR0), 0);
	mmio_write32(GICD_BASE + GICD_IGROUPR + PROBE_SPI / 32 * 4, 0);
	probe_check("SPI Group 0 refused",
		    mmio_read32(GICD_BASE + GICD_IGROUPR + PROBE_SPI / 32 * 4) >>
		    (PROBE_SPI % 32) & 1, 1);
	mmio_write8(own + GICR_IPRIORITYR0 + 3, 0);
	mmio_write32(own + GICR_ISENABLER0, 1U << 3);
	mmio_write32(own + GICR_ISPENDR0, 1U << 3);
	say("gic plant done");
}

static void secondary(unsigned long context)
{
	unsigned long aff = my_aff();

	say("CPU %lx up, context %lu", aff, context);
	secondary_seen[aff & 3] = context;
	dsb(sy);
	if (context == 1)
		psci_cpu_off();
}

static void __attribute__((unused)) start_secondaries(void)
{
	unsigned long self = my_aff(), cpu, n;
	long ret;

	for (cpu = (self & ~0xffUL); cpu < (self & ~0xffUL) + 4; cpu++) {
		if (cpu == self)
			continue;
		if (smp_cpu_on(cpu, secondary, 1))
			continue;	/* not ours: INVALID_PARAMETERS */
		while (secondary_seen[cpu & 3] != 1)
			dsb(sy);
		for (n = 0; psci_affinity_info(cpu) != PSCI_AFFINITY_OFF; n++)
			;
		say("CPU %lx is off again after %lu polls", cpu, n);
		ret = smp_cpu_on(cpu, secondary, 2);
		say("CPU_ON %lx again: %lu", cpu, (unsigned long)ret);
		while (secondary_seen[cpu & 3] != 2)
			dsb(sy);
	}
}

/* The ECAM of the virtual PCI host, as a cell without devices sees it. */
static void probe_pci(void)
{
	unsigned long ecam = comm_region()->pci_mmconfig_base;

	probe_what = "pci";
	if (!ecam) {
		say("pci: no virtual PCI host BAD");
		return;
	}
	probe_check("00:00.0 vendor/device all ones", mmio_read32(ecam),
		    0xffffffff);
	probe_check("00:1f.7 16-bit read all ones",
		    mmio_read16(ecam + (0xff << 12) + 2), 0xffff);
	probe_check("00:03.0 byte read all ones",
		    mmio_read8(ecam + (3 << 12) + 0xe), 0xff);
	probe_check("last register of the bus all ones",
		    mmio_read32(ecam + 0xffffc), 0xffffffff);
	say("pci: done, %u BAD", probes_bad);
	say("pci: writing to an empty slot");
	mmio_write32(ecam + 4, 6);
	say("pci: write returned: isolation broken");
}

/* Calls a hostile cell might make; results are printed, not judged. */
static void hostile_calls(void)
{
	static const struct {
		const char *name;
		unsigned long fid, a1;
	} smcs[] = {
		{ "psci_cpu_on_root_cpu0", PSCI_CPU_ON, 0 },
		{ "psci_cpu_on_other_cell_cpu1", PSCI_CPU_ON, 1 },
		{ "psci_cpu_on_absent_cpu7", PSCI_CPU_ON, 7 },
		{ "psci_cpu_on_bad_mpidr", PSCI_CPU_ON, 0xff00ffffffUL },
		{ "psci_affinity_root_cpu0", PSCI_AFFINITY_INFO, 0 },
		{ "psci_affinity_absent_cpu7", PSCI_AFFINITY_INFO, 7 },
		{ "psci_migrate", 0xc4000005UL, 0 },
		{ "psci_migrate_info_type", 0x84000006UL, 0 },
		{ "psci_unknown_fn", 0x8400001fUL, 0 },
		{ "smccc_arch_workaround_1", 0x80008000UL, 0 },
		{ "smccc_unknown_arch_fn", 0x8000ff00UL, 0 },
		{ "sip_call", 0xc2000000UL, 0 },
		{ "oem_call", 0xc3000000UL, 0 },
		{ "trusted_os_call", 0xb2000000UL, 0 },
		{ "trusted_os_64_call", 0xf2000000UL, 0 },
		{ "vendor_hyp_call", 0xc6000000UL, 0 },
	};
	static const struct {
		const char *name;
		unsigned long code, a1, a2;
	} hcs[] = {
		{ "hc_disable", JAILHOUSE_HC_DISABLE, 0, 0 },
		{ "hc_cell_create", JAILHOUSE_HC_CELL_CREATE, 0, 0 },
		{ "hc_cell_start_root", JAILHOUSE_HC_CELL_START, 0, 0 },
		{ "hc_cell_start_other", JAILHOUSE_HC_CELL_START, 1, 0 },
		{ "hc_set_loadable_other", JAILHOUSE_HC_CELL_SET_LOADABLE, 1, 0 },
		{ "hc_destroy_root", JAILHOUSE_HC_CELL_DESTROY, 0, 0 },
		{ "hc_destroy_other", JAILHOUSE_HC_CELL_DESTROY, 1, 0 },
		{ "hc_destroy_self", JAILHOUSE_HC_CELL_DESTROY, 2, 0 },
		{ "hc_get_info_bad", JAILHOUSE_HC_HYPERVISOR_GET_INFO, 0xffff, 0 },
		{ "hc_cell_state_root", JAILHOUSE_HC_CELL_GET_STATE, 0, 0 },
		{ "hc_cell_state_absent", JAILHOUSE_HC_CELL_GET_STATE, 999, 0 },
		{ "hc_cpu_info_root_cpu0", JAILHOUSE_HC_CPU_GET_INFO, 0, 0 },
		{ "hc_cpu_info_absent", JAILHOUSE_HC_CPU_GET_INFO, 999, 0 },
		{ "hc_cpu_info_bad_type", JAILHOUSE_HC_CPU_GET_INFO, 2, 0xffff },
		{ "hc_unknown_code", 0x1000, 0, 0 },
	};
	unsigned int n;

	for (n = 0; n < sizeof(smcs) / sizeof(smcs[0]); n++)
		say("call %s = %lx", smcs[n].name,
		    (unsigned long)smc_call(smcs[n].fid, smcs[n].a1, 0, 0));
	for (n = 0; n < sizeof(hcs) / sizeof(hcs[0]); n++)
		say("call %s = %lx", hcs[n].name,
		    (unsigned long)jailhouse_call_arg2(hcs[n].code, hcs[n].a1,
						       hcs[n].a2));
	say("calls done");
}

void inmate_main(void)
{
	say("hello from CPU %lx", my_aff());
	if (!comm_region_valid()) {
		say("comm region invalid");
		comm_set_state(JAILHOUSE_CELL_FAILED_COMM_REV);
		return;
	}
	say("comm region ok, GIC v%u", comm_region()->gic_version);
	exception_set_handler(undef_skip);
	param = read_params();
	if (param == PARAM_MUTE)
		say("muted: ignoring messages");
	if (param == PARAM_GIC_PROBE) {
		if (comm_region()->gic_version == 2) {
			probe_gicd_v2();
		} else {
			if (find_gicr())
				probe_gicr(find_gicr());
			probe_gicd();
		}
		say("gic probe done");
	}
	if (param == PARAM_SGI_PLANT)
		plant_sgis();
	if (param == PARAM_GIC_SWEEP)
		gic_sweep();
	if (param == PARAM_PMU)
		pmu_probe();
	if (param == PARAM_STORM)
		maintenance_storm();
	if (param == PARAM_CALLS)
		hostile_calls();
	if (param == PARAM_PCI)
		probe_pci();
	if (param == PARAM_SPI_BENCH)
		spi_bench();
	if (param == PARAM_MASKED_SPIN) {
		say("mask: spinning with interrupts masked");
		asm volatile("msr daifset, #0xf");
		for (;;)
			;
	}
	if (param == PARAM_SGI_FLOOD) {
		unsigned long aff = my_aff();

		say("sgif: flooding itself with SGIs 0-15");
		asm volatile("msr daifset, #0xf");
		if (comm_region()->gic_version == 2)	/* filter 2: itself */
			for (unsigned long n = 0;; n++)
				mmio_write32(GICD_BASE + GICD_SGIR,
					     2U << 24 | (n & 15));
		for (unsigned long n = 0;; n++)
			write_sysreg(icc_sgi1r_el1,
				     (n & 15) << 24 | 1UL << (aff & 15) |
				     (aff >> 4 & 0xf) << 44 |
				     (aff >> 8 & 0xff) << 16 |
				     (aff >> 16 & 0xff) << 32 |
				     (aff >> 32 & 0xff) << 48);
	}
	if (param == PARAM_SGI_ROOT) {
		say("sgir: SGIs 2 and 9 at CPUs 0 and 1, and at all");
		for (unsigned int n = 0; n < 1000; n++) {
			if (comm_region()->gic_version == 2) {
				/* target list CPUs 0 and 1; all others */
				mmio_write32(GICD_BASE + GICD_SGIR, 3U << 16 | 2);
				mmio_write32(GICD_BASE + GICD_SGIR, 3U << 16 | 9);
				mmio_write32(GICD_BASE + GICD_SGIR, 1U << 24 | 2);
				mmio_write32(GICD_BASE + GICD_SGIR, 1U << 24 | 9);
				continue;
			}
			/* Aff3-1 0, target list CPUs 0 and 1; IRM: all others */
			write_sysreg(icc_sgi1r_el1, 2UL << 24 | 3);
			write_sysreg(icc_sgi1r_el1, 9UL << 24 | 3);
			write_sysreg(icc_sgi1r_el1, 2UL << 24 | 1UL << 40);
			write_sysreg(icc_sgi1r_el1, 9UL << 24 | 1UL << 40);
		}
		say("sgir: done");
	}
	if (param == PARAM_BAD_VECTORS) {
		say("vbad: vectors at %lx, brk", OUTSIDE_THE_CELL);
		write_sysreg(vbar_el1, OUTSIDE_THE_CELL);
		asm volatile("isb; brk #0");
		say("vbad: brk returned: isolation broken");
	}
	if (param == PARAM_PEEK) {
		say("peek %lx", param_addr);
		say("peek %lx returned %x: isolation broken", param_addr,
		    *(volatile unsigned int *)param_addr);
	}
	if (param == PARAM_POKE) {
		say("poke %lx", param_addr);
		*(volatile unsigned int *)param_addr = 0x0badc0de;
		say("poke %lx returned: isolation broken", param_addr);
	}
	if (param == PARAM_FLOOD) {
		for (unsigned long n = 0; n < FLOOD_LINES; n++)
			say("flood %lu", n);
		say("flood done");
	}
	query_hypervisor();
#if defined(MODE_LOCK)
	comm_set_state(JAILHOUSE_CELL_RUNNING_LOCKED);
	say("locked");
#endif

#if defined(MODE_FAULT)
	say("reading %lx, which is not ours", OUTSIDE_THE_CELL);
	say("read %lx: isolation broken",
	    *(volatile unsigned long *)OUTSIDE_THE_CELL);
#elif defined(MODE_HVC)
	say("hvc #0, a foreign hypercall");
	asm volatile("hvc #0" : : : "memory");
	say("hvc #0 returned: should have been stopped");
#else
#if defined(MODE_SMP)
	start_secondaries();
#endif
	timer_loop();
#endif
}
