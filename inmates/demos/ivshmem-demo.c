// SPDX-License-Identifier: GPL-2.0
/*
 * ivshmem-demo: the bare-metal end of an ivshmem-v2 link. It finds the
 * cell's first ivshmem device of protocol 0, says READY in the state
 * table, answers every ping a peer sends it (ivshmem-demo.h) and, if
 * asked, pings a peer itself. Every doorbell and state change arrives as
 * the device's one INTx.
 *
 * Parameters: target=N (the peer to ping, default 0: root), ping=N
 * (pings to send once the target is READY, default 0), bar=ADDR (where
 * the register page goes, default 0xff000000: nothing of the cell's),
 * deny-shutdown.
 *
 * Output:
 *   ivshmem-demo: 00:00.0 peer 1 of 3, memory 0x7fa10000, ... INTID 144
 *   ivshmem-demo: peer 0 state 1
 *   ivshmem-demo: 100 pings answered, 0 bad
 *   ivshmem-demo: sent 1000 pings to peer 0, 1000 pongs, 0 bad
 */
#include <inmate/inmate.h>
#include <inmate/ivshmem.h>
#include <inmate/pci.h>

#include "ivshmem-demo.h"

#define NAME			"ivshmem-demo"
#define DEFAULT_BAR		0xff000000UL
#define REPORT_EVERY		100
/* A pong that does not come in this time is lost */
#define PONG_TIMEOUT_MS		2000

static struct ivshmem dev;
static u32 seen_state[IVSHMEM_MAX_PEERS];
static u32 seen_ping[IVSHMEM_MAX_PEERS];
/* the last pong of each peer: written by the IRQ handler, read by ping() */
static volatile u32 pong_seq[IVSHMEM_MAX_PEERS];
static volatile u32 answered, bad;

/* True if a peer's state changed since the last look */
static bool check_states(void)
{
	bool changed = false;
	unsigned int peer;
	u32 state;

	for (peer = 0; peer < dev.peers; peer++) {
		state = dev.state_table[peer];
		if (peer == dev.id || state == seen_state[peer])
			continue;
		seen_state[peer] = state;
		/* a new life: its seq starts over */
		seen_ping[peer] = 0;
		changed = true;
		printk(NAME ": peer %u state %u\n", peer, state);
	}
	return changed;
}

static void answer(unsigned int peer, u32 seq)
{
	volatile struct demo_msg *pong =
		DEMO_SLOT(ivshmem_output(&dev, dev.id), DEMO_SLOT_PONG);

	demo_fill(pong, seq, dev.id, peer);
	dmb(ish);
	pong->seq = seq;
	ivshmem_ring(&dev, peer);
}

/* New messages in a peer's slots, for us */
static void check_peer(unsigned int peer)
{
	volatile u8 *out = ivshmem_output(&dev, peer);
	volatile struct demo_msg *ping = DEMO_SLOT(out, DEMO_SLOT_PING);
	volatile struct demo_msg *pong = DEMO_SLOT(out, DEMO_SLOT_PONG);
	u32 seq;

	/* only from a peer in this life (ivshmem-demo.h) */
	if (seen_state[peer] != DEMO_STATE_READY)
		return;
	seq = ping->seq;
	if (seq &&
	    seq != seen_ping[peer] && ping->to == dev.id) {
		dmb(ishld);
		seen_ping[peer] = seq;
		if (!demo_valid(ping, seq, peer)) {
			bad++;
			printk(NAME ": BAD ping %u from peer %u\n", seq, peer);
		}
		answer(peer, seq);
		if (++answered % REPORT_EVERY == 0)
			printk(NAME ": %u pings answered, %u bad\n", answered,
			       bad);
	}
	seq = pong->seq;
	if (seq && seq != pong_seq[peer] && pong->to == dev.id) {
		dmb(ishld);
		if (!demo_valid(pong, seq, peer)) {
			bad++;
			printk(NAME ": BAD pong %u from peer %u\n", seq, peer);
		}
		pong_seq[peer] = seq;
	}
}

static void check_peers(void)
{
	unsigned int peer;

	for (peer = 0; peer < dev.peers; peer++)
		if (peer != dev.id)
			check_peer(peer);
}

/* Slots first, in the lives we know, then the states (ivshmem-demo.h) */
static void scan(void)
{
	check_peers();
	if (check_states())
		check_peers();
}

static void ivshmem_irq(u32 intid, u64 stamp)
{
	(void)stamp;
	if (intid != dev.intid) {
		printk(NAME ": unexpected IRQ %u\n", intid);
		return;
	}
	scan();
}

static bool wait_for(volatile u32 *what, u32 value, u64 timeout_ms)
{
	u64 end = timer_now() + timer_ns_to_ticks(timeout_ms * 1000000ULL);

	while (*what != value) {
		if (timer_now() > end)
			return false;
		cpu_relax();
	}
	return true;
}

static void ping(unsigned int target, u32 count)
{
	volatile struct demo_msg *msg =
		DEMO_SLOT(ivshmem_output(&dev, dev.id), DEMO_SLOT_PING);
	u32 seq, pongs = 0;

	while (dev.state_table[target] != DEMO_STATE_READY)
		cpu_relax();
	for (seq = 1; seq <= count; seq++) {
		demo_fill(msg, seq, dev.id, target);
		dmb(ish);
		msg->seq = seq;
		ivshmem_ring(&dev, target);
		if (!wait_for(&pong_seq[target], seq, PONG_TIMEOUT_MS)) {
			printk(NAME ": pong %u lost\n", seq);
			break;
		}
		pongs++;
	}
	/* a lost pong ends it: its ping was sent, the rest not */
	printk(NAME ": sent %u pings to peer %u, %u pongs, %u bad\n",
	       seq > count ? count : seq, target, pongs, bad);
}

static int find_device(void)
{
	int bdf = -1;

	while ((bdf = pci_find_device(IVSHMEM_VENDOR_ID, IVSHMEM_DEVICE_ID,
				      bdf + 1)) >= 0)
		if (pci_read(bdf, PCI_CFG_CLASS, 4) ==
		    (u32)IVSHMEM_CLASS << 24)
			return bdf;
	return -1;
}

void inmate_main(void)
{
	bool allow_shutdown = !cmdline_parse_bool("deny-shutdown", false);
	long long target = cmdline_parse_int("target", 0);
	long long count = cmdline_parse_int("ping", 0);
	unsigned long bar = cmdline_parse_int("bar", DEFAULT_BAR);
	int bdf;

	printk(NAME ": start cpu %u mpidr 0x%lx console %s\n", cpu_id(),
	       cpu_mpidr(), console_describe());
	if (gic_init()) {
		printk(NAME ": FAIL no GIC CPU interface for this CPU (GIC v%u)\n",
		       comm_region()->gic_version);
		return;
	}
	bdf = find_device();
	if (bdf < 0) {
		printk(NAME ": FAIL no ivshmem device of protocol 0\n");
		return;
	}
	if (ivshmem_open(&dev, bdf, bar))
		return;
	printk(NAME ": " JAILHOUSE_BDF_FMT " peer %u of %u, memory 0x%lx, r/w %lu bytes, output %lu bytes, INTID %u\n",
	       JAILHOUSE_BDF_ARGS(bdf), dev.id, dev.peers,
	       (unsigned long)dev.state_table, (unsigned long)dev.rw_size,
	       (unsigned long)dev.out_size, dev.intid);
	if (dev.out_size < 2 * sizeof(struct demo_msg) || target < 0 ||
	    target >= dev.peers || target == dev.id) {
		printk(NAME ": FAIL output sections too small or target %lld not another peer\n",
		       target);
		return;
	}

	/* nothing of an earlier life in our slots, then READY */
	DEMO_SLOT(ivshmem_output(&dev, dev.id), DEMO_SLOT_PING)->seq = 0;
	DEMO_SLOT(ivshmem_output(&dev, dev.id), DEMO_SLOT_PONG)->seq = 0;
	irq_set_handler(ivshmem_irq);
	ivshmem_enable_irq(&dev, true);
	local_irq_enable();
	ivshmem_set_state(&dev, DEMO_STATE_READY);
	/* states set before we listened */
	local_irq_disable();
	scan();
	local_irq_enable();

	if (count > 0)
		ping(target, count);
	for (;;) {
		wfi();
		if (comm_handle_messages(NAME, allow_shutdown))
			halt();
	}
}
