// SPDX-License-Identifier: GPL-2.0
/*
 * ivshmem-net: an Ethernet link over an ivshmem-v2 device with the network
 * protocol (JAILHOUSE_SHMEM_PROTO_VETH), for stock kernels, wire-compatible
 * with the other ivshmem-net implementation (include/jailhouse/
 * ivshmem-net.h has the rules, docs/ivshmem-net-plan.md the facts).
 *
 * Each peer sends from its own output section and receives from the
 * other's, which it only reads. The link comes up through the states
 * RESET, INIT (own section zeroed on leaving it), READY and RUN; the
 * carrier is on while both peers are in RUN. Everything the other peer
 * wrote is read once and checked before use: a fault drops the frame,
 * counts an error and takes the link down (state RESET, which the other
 * peer follows), and the link comes back after a growing pause, so a
 * peer that keeps breaking the rules costs root little.
 */
#include <linux/etherdevice.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/pci.h>
#include <linux/workqueue.h>

#include <jailhouse/ivshmem.h>
#include <jailhouse/ivshmem-net.h>

#include "ivshmem-pci.h"

#define DRV_NAME		"ivshmem-net"
#define IVNET_BACKOFF_MIN_MS	10
#define IVNET_BACKOFF_MAX_MS	1000
/* A full queue the peer returns nothing of for this long: link reset */
#define IVNET_TX_STALL_MS	5000

/* The rings of one output section, at their fixed offsets */
struct ivnet_section {
	u8 *base;
	struct ivshm_net_desc *desc;
	u16 *avail_idx, *avail_ring, *used_event;
	u16 *used_idx, *avail_event;
	struct ivshm_net_used_elem *used_ring;
};

struct ivnet {
	struct net_device *ndev;
	struct pci_dev *pdev;
	void __iomem *regs;
	const u32 *state_table;
	void *sections;			/* both output sections */
	struct ivnet_section own, peer;
	struct ivshm_net_geometry g;
	u32 id, peer_id;
	struct ivshmem_layout layout;

	/* sending: our descriptors, avail ring and data; the peer's used */
	u16 tx_avail;			/* published avail idx */
	u16 tx_kicked;			/* avail idx at the last kick */
	u16 tx_used;			/* peer's used idx consumed */
	u64 tx_head;			/* where the next frame goes */
	u64 *tx_start;			/* each descriptor's frame */
	struct delayed_work stall_work;	/* watches a stopped queue */
	unsigned long stall_since;	/* jiffies: no return since */
	u16 stall_used;			/* tx_used then */

	/* receiving: the peer's descriptors and data; our used ring */
	u16 rx_avail;			/* peer's avail idx consumed */
	u16 rx_used;			/* published used idx */

	struct napi_struct napi;
	struct workqueue_struct *wq;
	struct delayed_work state_work;
	struct mutex state_lock;	/* the state machine's fields */
	u32 state;			/* ours, as last written */
	u32 peer_seen;			/* the peer's, as last acted on */
	bool peer_was_ready;		/* peer reached READY since our INIT */
	bool carrier_seen;		/* carrier came on since our INIT */
	bool running;			/* rings in use, NAPI enabled */
	unsigned long retry_at;		/* jiffies: no INIT before it */
	unsigned int backoff_ms;
	atomic_t fault;			/* an enum ivshm_net_fault, 0: none */
};

static const char *const fault_names[] = {
	[IVSHM_NET_AVAIL_JUMP] = "avail index jumped past the queue",
	[IVSHM_NET_DESC_INDEX] = "avail entry names no descriptor",
	[IVSHM_NET_DESC_FLAGS] = "descriptor flags set",
	[IVSHM_NET_DESC_RANGE] = "frame outside the peer's data area",
	[IVSHM_NET_FRAME_LEN] = "frame length out of range",
	[IVSHM_NET_USED_JUMP] = "more frames returned than sent",
	[IVSHM_NET_USED_ID] = "frame returned out of order",
	[IVSHM_NET_USED_LENGTH] = "used entry length not 1",
	[IVSHM_NET_STATE] = "peer state out of range",
	[IVSHM_NET_TX_STALL] = "peer stopped returning frames",
};

static void ivnet_section_init(struct ivnet *in, struct ivnet_section *s,
			       u8 *base)
{
	const struct ivshm_net_geometry *g = &in->g;

	s->base = base;
	s->desc = (struct ivshm_net_desc *)(base + g->desc);
	s->avail_idx = (u16 *)(base + g->avail + IVSHM_NET_RING_IDX);
	s->avail_ring = (u16 *)(base + g->avail + IVSHM_NET_RING_ENTRIES);
	s->used_event = (u16 *)(base + ivshm_net_used_event(g));
	s->used_idx = (u16 *)(base + g->used + IVSHM_NET_RING_IDX);
	s->used_ring = (struct ivshm_net_used_elem *)
		(base + g->used + IVSHM_NET_RING_ENTRIES);
	s->avail_event = (u16 *)(base + ivshm_net_avail_event(g));
}

static u32 ivnet_peer_state(struct ivnet *in)
{
	return READ_ONCE(in->state_table[in->peer_id]);
}

static void ivnet_set_state(struct ivnet *in, u32 state)
{
	/* what we wrote before is seen before the peer hears of it */
	wmb();
	in->state = state;
	writel(state, in->regs + IVSHMEM_REG_STATE);
}

static void ivnet_ring_peer(struct ivnet *in)
{
	writel(IVSHMEM_DOORBELL(in->peer_id, IVSHM_NET_VECTOR_INTX),
	       in->regs + IVSHMEM_REG_DOORBELL);
}

/* The data path saw @fault: stop trusting the rings until the reset. */
static void ivnet_fault(struct ivnet *in, enum ivshm_net_fault fault)
{
	if (atomic_cmpxchg(&in->fault, 0, fault) == 0)
		mod_delayed_work(in->wq, &in->state_work, 0);
}

/* --- sending ---------------------------------------------------------- */

static unsigned int ivnet_tx_in_flight(struct ivnet *in)
{
	return (u16)(in->tx_avail - in->tx_used);
}

/* Section offset for a @slot-byte frame, or 0 when the data area is full */
static u64 ivnet_tx_place(struct ivnet *in, u64 slot)
{
	u64 start = in->g.data, end = in->g.section_size, head, tail;

	if (!ivnet_tx_in_flight(in))
		return start + slot <= end ? start : 0;
	head = in->tx_head;
	tail = in->tx_start[in->tx_used & (in->g.qlen - 1)];
	if (head > tail) {
		if (head + slot <= end)
			return head;
		return start + slot <= tail ? start : 0;
	}
	return head + slot <= tail ? head : 0;
}

/* Room for one more frame of the largest size the MTU allows */
static bool ivnet_tx_room(struct ivnet *in)
{
	return ivnet_tx_in_flight(in) < in->g.qlen &&
	       ivnet_tx_place(in, ivshm_net_slot(in->ndev->mtu +
						 IVSHM_NET_VLAN_ETH_HLEN));
}

/* Takes back what the peer returned up to its used idx; false on a fault */
static bool ivnet_tx_consume(struct ivnet *in)
{
	struct ivshm_net_used_elem *e;
	enum ivshm_net_fault fault;
	u32 expected;
	u16 now;

	/* the used entries up to the index are read after it */
	now = smp_load_acquire(in->peer.used_idx);

	fault = ivshm_net_check_used(in->tx_used, now, ivnet_tx_in_flight(in));
	while (!fault && in->tx_used != now) {
		expected = in->tx_used & (in->g.qlen - 1);
		e = &in->peer.used_ring[expected];
		fault = ivshm_net_check_used_elem(READ_ONCE(e->id),
						  READ_ONCE(e->len), expected);
		if (!fault)
			in->tx_used++;
	}
	if (fault) {
		in->ndev->stats.tx_errors++;
		ivnet_fault(in, fault);
		return false;
	}
	return true;
}

/*
 * Takes back what the peer returned; under the TX lock. A stopped queue
 * wakes once the largest frame fits again; until then the peer is asked
 * to ring when it returns the next frame, and its used idx is looked at
 * once more after asking, so a return racing the request is not missed.
 * Each further round takes back at least one frame: bounded by the queue.
 */
static void ivnet_tx_reclaim(struct ivnet *in)
{
	if (!ivnet_tx_consume(in))
		return;
	while (netif_queue_stopped(in->ndev)) {
		if (ivnet_tx_room(in)) {
			if (READ_ONCE(in->running))
				netif_wake_queue(in->ndev);
			return;
		}
		WRITE_ONCE(*in->own.used_event, in->tx_used);
		/* the request is out before we look at the used idx again */
		virt_mb();
		if (READ_ONCE(*in->peer.used_idx) == in->tx_used ||
		    !ivnet_tx_consume(in))
			return;
	}
}

static void ivnet_tx_kick(struct ivnet *in)
{
	/* the avail idx is visible before we read when the peer wants it */
	virt_mb();
	if (ivshm_net_need_event(READ_ONCE(*in->peer.avail_event),
				 in->tx_avail, in->tx_kicked))
		ivnet_ring_peer(in);
	in->tx_kicked = in->tx_avail;
}

/*
 * Under the TX lock, the queue just stopped: a peer that stays in RUN but
 * returns nothing would hold it stopped for good. Not the netdev
 * watchdog (ndo_tx_timeout): on many kernels still in use it reports a
 * driver bug with a WARN backtrace (a root panic with panic_on_warn),
 * on newer ones a critical line every few seconds; a peer's conduct is
 * no driver bug, so we watch ourselves and reset the link as for a fault.
 */
static void ivnet_tx_watch(struct ivnet *in)
{
	if (delayed_work_pending(&in->stall_work))
		return;
	in->stall_used = in->tx_used;
	in->stall_since = jiffies;
	queue_delayed_work(in->wq, &in->stall_work,
			   msecs_to_jiffies(IVNET_TX_STALL_MS));
}

static void ivnet_stall_work(struct work_struct *work)
{
	struct ivnet *in = container_of(to_delayed_work(work), struct ivnet,
					stall_work);
	struct netdev_queue *txq = netdev_get_tx_queue(in->ndev, 0);
	unsigned long due;

	__netif_tx_lock_bh(txq);
	if (!READ_ONCE(in->running) || atomic_read(&in->fault))
		goto out;
	/* a return whose doorbell was lost counts as a return */
	ivnet_tx_reclaim(in);
	if (!netif_queue_stopped(in->ndev) || atomic_read(&in->fault))
		goto out;
	if (in->tx_used != in->stall_used) {
		in->stall_used = in->tx_used;
		in->stall_since = jiffies;
	}
	due = in->stall_since + msecs_to_jiffies(IVNET_TX_STALL_MS);
	if (time_before(jiffies, due)) {
		queue_delayed_work(in->wq, &in->stall_work, due - jiffies);
		goto out;
	}
	in->ndev->stats.tx_errors++;
	in->ndev->stats.tx_aborted_errors++;
	ivnet_fault(in, IVSHM_NET_TX_STALL);
out:
	__netif_tx_unlock_bh(txq);
}

static netdev_tx_t ivnet_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct ivnet *in = netdev_priv(ndev);
	u32 len = skb->len, d;
	u64 slot, pos;

	if (!READ_ONCE(in->running) || atomic_read(&in->fault)) {
		ndev->stats.tx_dropped++;
		dev_kfree_skb_any(skb);
		return NETDEV_TX_OK;
	}
	ivnet_tx_reclaim(in);
	slot = ivshm_net_slot(len);
	pos = ivnet_tx_in_flight(in) < in->g.qlen ?
		ivnet_tx_place(in, slot) : 0;
	if (!pos) {
		/* the room check was for a smaller MTU: wait for returns */
		netif_stop_queue(ndev);
		ivnet_tx_watch(in);
		ivnet_tx_reclaim(in);
		ivnet_tx_kick(in);
		return NETDEV_TX_BUSY;
	}
	if (len < IVSHM_NET_ETH_HLEN ||
	    skb_copy_bits(skb, 0, in->own.base + pos, len)) {
		ndev->stats.tx_dropped++;
		dev_kfree_skb_any(skb);
		/* the frames before this one of a batch still go */
		if (!netdev_xmit_more() && in->tx_avail != in->tx_kicked)
			ivnet_tx_kick(in);
		return NETDEV_TX_OK;
	}
	d = in->tx_avail & (in->g.qlen - 1);
	in->tx_start[d] = pos;
	in->tx_head = pos + slot;
	WRITE_ONCE(in->own.desc[d].addr, pos);
	WRITE_ONCE(in->own.desc[d].len, len);
	WRITE_ONCE(in->own.desc[d].flags, 0);
	WRITE_ONCE(in->own.desc[d].next, 0);
	WRITE_ONCE(in->own.avail_ring[d], d);
	in->tx_avail++;
	/* descriptor, ring entry and frame before the index that shows them */
	smp_store_release(in->own.avail_idx, in->tx_avail);
	ndev->stats.tx_packets++;
	ndev->stats.tx_bytes += len;
	dev_consume_skb_any(skb);

	if (!ivnet_tx_room(in)) {
		netif_stop_queue(ndev);
		ivnet_tx_watch(in);
		ivnet_tx_reclaim(in);
	}
	if (!netdev_xmit_more() || netif_queue_stopped(ndev))
		ivnet_tx_kick(in);
	return NETDEV_TX_OK;
}

/* --- receiving -------------------------------------------------------- */

static int ivnet_rx(struct ivnet *in, int budget)
{
	struct net_device *ndev = in->ndev;
	enum ivshm_net_fault fault;
	struct ivshm_net_desc *desc;
	struct sk_buff *skb;
	int received = 0;
	u16 now, d;
	u64 addr;
	u32 len;

	/* entries, descriptors and frames up to the index are read after it */
	now = smp_load_acquire(in->peer.avail_idx);

	fault = ivshm_net_check_avail(&in->g, in->rx_avail, now);
	while (!fault && in->rx_avail != now && received < budget) {
		d = READ_ONCE(in->peer.avail_ring[in->rx_avail &
						  (in->g.qlen - 1)]);
		if (d >= in->g.qlen) {
			fault = IVSHM_NET_DESC_INDEX;
			break;
		}
		desc = &in->peer.desc[d];
		addr = READ_ONCE(desc->addr);
		len = READ_ONCE(desc->len);
		fault = ivshm_net_check_desc(&in->g, d, addr, len,
					     READ_ONCE(desc->flags));
		if (fault && fault != IVSHM_NET_FRAME_LEN)
			break;
		skb = NULL;
		if (fault) {
			/* in bounds, only no Ethernet frame: drop it alone */
			ndev->stats.rx_errors++;
			ndev->stats.rx_length_errors++;
			fault = IVSHM_NET_OK;
		} else {
			skb = napi_alloc_skb(&in->napi, len);
		}
		if (skb) {
			memcpy(skb_put(skb, len), in->peer.base + addr, len);
			skb->protocol = eth_type_trans(skb, ndev);
			ndev->stats.rx_packets++;
			ndev->stats.rx_bytes += len;
			napi_gro_receive(&in->napi, skb);
		} else if (len >= IVSHM_NET_ETH_HLEN) {
			ndev->stats.rx_dropped++;
		}
		WRITE_ONCE(in->own.used_ring[in->rx_used &
					     (in->g.qlen - 1)].id, d);
		WRITE_ONCE(in->own.used_ring[in->rx_used &
					     (in->g.qlen - 1)].len,
			   IVSHM_NET_USED_LEN);
		in->rx_used++;
		in->rx_avail++;
		received++;
	}
	if (received) {
		/* the used entries before the index that shows them */
		smp_store_release(in->own.used_idx, in->rx_used);
		/* and the index before we read when the peer wants a word */
		virt_mb();
		if (ivshm_net_need_event(READ_ONCE(*in->peer.used_event),
					 in->rx_used,
					 (u16)(in->rx_used - received)))
			ivnet_ring_peer(in);
	}
	if (fault) {
		ndev->stats.rx_errors++;
		ndev->stats.rx_frame_errors++;
		ivnet_fault(in, fault);
		return budget;
	}
	return received;
}

static int ivnet_poll(struct napi_struct *napi, int budget)
{
	struct ivnet *in = container_of(napi, struct ivnet, napi);
	struct netdev_queue *txq = netdev_get_tx_queue(in->ndev, 0);
	int done;

	if (atomic_read(&in->fault)) {
		napi_complete(napi);
		return 0;
	}
	__netif_tx_lock(txq, smp_processor_id());
	ivnet_tx_reclaim(in);
	__netif_tx_unlock(txq);

	done = ivnet_rx(in, budget);
	if (done < budget && napi_complete_done(napi, done)) {
		/* tell the peer the next frame we wait for, then look again */
		WRITE_ONCE(*in->own.avail_event, in->rx_avail);
		/* the request is out before the avail idx is read again */
		virt_mb();
		if (READ_ONCE(*in->peer.avail_idx) != in->rx_avail)
			napi_schedule(napi);
	}
	return done < budget ? done : budget;
}

static irqreturn_t ivnet_irq(int irq, void *data)
{
	struct ivnet *in = data;

	/* the device has no status: the line may be another device's */
	if (ivnet_peer_state(in) != READ_ONCE(in->peer_seen))
		mod_delayed_work(in->wq, &in->state_work, 0);
	if (READ_ONCE(in->running))
		napi_schedule(&in->napi);
	return IRQ_HANDLED;
}

/* --- the link's state machine ------------------------------------------ */

static void ivnet_start(struct ivnet *in)
{
	WRITE_ONCE(in->running, true);
	napi_enable(&in->napi);
	netif_wake_queue(in->ndev);
	ivnet_set_state(in, IVSHM_NET_STATE_RUN);
	/* frames may already wait; NAPI wants bottom halves off here */
	local_bh_disable();
	napi_schedule(&in->napi);
	local_bh_enable();
}

static void ivnet_stop(struct ivnet *in)
{
	netif_carrier_off(in->ndev);
	if (!in->running)
		return;
	WRITE_ONCE(in->running, false);
	netif_tx_disable(in->ndev);
	napi_disable(&in->napi);
}

/* Leave RUN/READY for RESET; the next INIT waits @pause_ms. */
static void ivnet_reset(struct ivnet *in, unsigned int pause_ms)
{
	ivnet_stop(in);
	ivnet_set_state(in, IVSHM_NET_STATE_RESET);
	in->retry_at = jiffies + msecs_to_jiffies(pause_ms);
}

/* Fresh rings: our section zeroed, all indexes back to 0. */
static void ivnet_init_rings(struct ivnet *in)
{
	memset(in->own.base, 0, in->g.section_size);
	in->tx_avail = in->tx_kicked = in->tx_used = 0;
	in->tx_head = in->g.data;
	in->rx_avail = in->rx_used = 0;
	in->peer_was_ready = false;
	in->carrier_seen = false;
}

/* The next pause after a reset the peer caused or could have caused */
static unsigned int ivnet_next_backoff(struct ivnet *in)
{
	in->backoff_ms = in->backoff_ms ?
		min_t(unsigned int, in->backoff_ms * 2, IVNET_BACKOFF_MAX_MS) :
		IVNET_BACKOFF_MIN_MS;
	return in->backoff_ms;
}

static void ivnet_state_step(struct ivnet *in)
{
	u32 peer = ivnet_peer_state(in);
	int fault = atomic_read(&in->fault);

	if (!fault && in->state != IVSHM_NET_STATE_RESET &&
	    ivshm_net_check_state(peer))
		fault = IVSHM_NET_STATE;
	if (fault) {
		net_warn_ratelimited("%s: link reset: %s\n", in->ndev->name,
				     fault_names[fault]);
		ivnet_reset(in, ivnet_next_backoff(in));
		atomic_set(&in->fault, 0);
		return;
	}
	WRITE_ONCE(in->peer_seen, peer);
	/* in RESET, a state no peer has only waits for a better one */
	if (ivshm_net_check_state(peer))
		return;

	switch (in->state) {
	case IVSHM_NET_STATE_RESET:
		if (peer > IVSHM_NET_STATE_INIT)
			return;		/* the peer must come down first */
		if (time_before(jiffies, in->retry_at)) {
			queue_delayed_work(in->wq, &in->state_work,
					   in->retry_at - jiffies);
			return;
		}
		ivnet_set_state(in, IVSHM_NET_STATE_INIT);
		return;
	case IVSHM_NET_STATE_INIT:
		if (peer == IVSHM_NET_STATE_RESET)
			return;
		ivnet_init_rings(in);
		ivnet_set_state(in, IVSHM_NET_STATE_READY);
		return;
	default:	/* READY or RUN */
		if (peer == IVSHM_NET_STATE_RESET ||
		    (peer == IVSHM_NET_STATE_INIT && in->peer_was_ready)) {
			/*
			 * The peer left: its rings are gone. Had the link
			 * not come up since, it may be a peer flapping its
			 * state to keep us busy: pause as after a fault.
			 */
			ivnet_reset(in, in->carrier_seen ? 0 :
				    ivnet_next_backoff(in));
			return;
		}
		if (peer < IVSHM_NET_STATE_READY)
			return;
		in->peer_was_ready = true;
		if (netif_running(in->ndev) && !in->running)
			ivnet_start(in);
		if (in->state == IVSHM_NET_STATE_RUN &&
		    peer == IVSHM_NET_STATE_RUN) {
			if (!netif_carrier_ok(in->ndev)) {
				netif_carrier_on(in->ndev);
				in->carrier_seen = true;
				in->backoff_ms = 0;
			}
		} else {
			netif_carrier_off(in->ndev);
		}
	}
}

static void ivnet_state_work(struct work_struct *work)
{
	struct ivnet *in = container_of(to_delayed_work(work), struct ivnet,
					state_work);
	unsigned int steps = 0;
	u32 before;

	mutex_lock(&in->state_lock);
	/*
	 * Each own step may allow the next without a word from the peer; a
	 * full walk is 4 steps, more go to the next run of the work.
	 */
	do {
		before = in->state;
		ivnet_state_step(in);
	} while (in->state != before && !atomic_read(&in->fault) &&
		 ++steps < 4);
	/* a change the interrupt filter took for the old value */
	smp_mb();
	if (in->state != before || ivnet_peer_state(in) != in->peer_seen)
		mod_delayed_work(in->wq, &in->state_work, 0);
	mutex_unlock(&in->state_lock);
}

/* --- the net device ------------------------------------------------------ */

static int ivnet_open(struct net_device *ndev)
{
	struct ivnet *in = netdev_priv(ndev);

	netif_carrier_off(ndev);
	mod_delayed_work(in->wq, &in->state_work, 0);
	return 0;
}

static int ivnet_close(struct net_device *ndev)
{
	struct ivnet *in = netdev_priv(ndev);

	mutex_lock(&in->state_lock);
	if (in->state >= IVSHM_NET_STATE_READY)
		ivnet_reset(in, 0);
	mutex_unlock(&in->state_lock);
	mod_delayed_work(in->wq, &in->state_work, 0);
	return 0;
}

static const struct net_device_ops ivnet_ops = {
	.ndo_open = ivnet_open,
	.ndo_stop = ivnet_close,
	.ndo_start_xmit = ivnet_xmit,
	.ndo_validate_addr = eth_validate_addr,
	.ndo_set_mac_address = eth_mac_addr,
};

/* --- the PCI device ------------------------------------------------------ */

/* The two output sections, mapped as the other peer maps them */
static int ivnet_map(struct ivnet *in)
{
	struct ivshmem_layout *l = &in->layout;
	struct pci_dev *pdev = in->pdev;
	u64 out_size;
	u32 peers;
	int err;

	err = ivshmem_read_layout(pdev, l);
	if (err)
		return err;
	out_size = l->out_size;
	in->id = readl(in->regs + IVSHMEM_REG_ID);
	peers = readl(in->regs + IVSHMEM_REG_MAX_PEERS);
	if (peers != IVSHM_NET_PEERS || in->id >= IVSHM_NET_PEERS) {
		dev_err(&pdev->dev, "ID %u of %u peers: ivshmem-net links have 2\n",
			in->id, peers);
		return -ENODEV;
	}
	if (l->table_size < IVSHM_NET_PEERS * sizeof(u32) ||
	    ivshm_net_geometry(out_size, &in->g)) {
		dev_err(&pdev->dev, "state table of %u bytes, output sections of %llu bytes: too small\n",
			l->table_size, out_size);
		return -ENODEV;
	}
	in->peer_id = IVSHM_NET_PEERS - 1 - in->id;
	in->state_table = devm_memremap(&pdev->dev, l->base, l->table_size,
					MEMREMAP_WB);
	if (IS_ERR(in->state_table))
		return PTR_ERR(in->state_table);
	in->sections = devm_memremap(&pdev->dev,
				     l->base + l->table_size + l->rw_size,
				     IVSHM_NET_PEERS * out_size, MEMREMAP_WB);
	if (IS_ERR(in->sections))
		return PTR_ERR(in->sections);
	ivnet_section_init(in, &in->own,
			   (u8 *)in->sections + in->id * out_size);
	ivnet_section_init(in, &in->peer,
			   (u8 *)in->sections + in->peer_id * out_size);
	dev_info(&pdev->dev, "peer %u of 2, %u-entry queues, %llu-byte data areas\n",
		 in->id, in->g.qlen, in->g.data_size);
	return 0;
}

static int ivnet_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct net_device *ndev;
	struct ivnet *in;
	int err;

	err = pcim_enable_device(pdev);
	if (err)
		return err;
	err = pcim_iomap_regions(pdev, BIT(0), DRV_NAME);
	if (err)
		return err;
	if (!pdev->irq) {
		dev_err(&pdev->dev, "no INTx line\n");
		return -ENODEV;
	}
	ndev = devm_alloc_etherdev(&pdev->dev, sizeof(*in));
	if (!ndev)
		return -ENOMEM;
	SET_NETDEV_DEV(ndev, &pdev->dev);
	in = netdev_priv(ndev);
	in->ndev = ndev;
	in->pdev = pdev;
	in->regs = pcim_iomap_table(pdev)[0];
	err = ivnet_map(in);
	if (err)
		return err;
	in->tx_start = devm_kcalloc(&pdev->dev, in->g.qlen,
				    sizeof(*in->tx_start), GFP_KERNEL);
	if (!in->tx_start)
		return -ENOMEM;
	mutex_init(&in->state_lock);
	INIT_DELAYED_WORK(&in->state_work, ivnet_state_work);
	INIT_DELAYED_WORK(&in->stall_work, ivnet_stall_work);
	in->wq = alloc_ordered_workqueue(DRV_NAME "-%s", 0, pci_name(pdev));
	if (!in->wq)
		return -ENOMEM;

	ndev->netdev_ops = &ivnet_ops;
	ndev->min_mtu = IVSHM_NET_MTU_MIN;
	ndev->max_mtu = in->g.mtu_max;
	ndev->mtu = in->g.mtu_default;
	eth_hw_addr_random(ndev);
	netif_napi_add(ndev, &in->napi, ivnet_poll);
	netif_carrier_off(ndev);

	/* a doorbell stays armed: no one-shot, interrupts on */
	pci_write_config_byte(pdev,
			      ivshmem_cap_reg(&in->layout, IVSHMEM_CFG_PRIV_CTRL),
			      0);
	in->retry_at = jiffies;
	ivnet_set_state(in, IVSHM_NET_STATE_RESET);
	err = request_irq(pdev->irq, ivnet_irq, IRQF_SHARED, DRV_NAME, in);
	if (err)
		goto err_wq;
	writel(IVSHMEM_INT_ENABLE, in->regs + IVSHMEM_REG_INT_CTRL);
	err = register_netdev(ndev);
	if (err)
		goto err_irq;
	pci_set_drvdata(pdev, in);
	mod_delayed_work(in->wq, &in->state_work, 0);
	return 0;

err_irq:
	writel(0, in->regs + IVSHMEM_REG_INT_CTRL);
	free_irq(pdev->irq, in);
err_wq:
	cancel_delayed_work_sync(&in->state_work);
	cancel_delayed_work_sync(&in->stall_work);
	destroy_workqueue(in->wq);
	writel(IVSHM_NET_STATE_RESET, in->regs + IVSHMEM_REG_STATE);
	netif_napi_del(&in->napi);
	return err;
}

static void ivnet_remove(struct pci_dev *pdev)
{
	struct ivnet *in = pci_get_drvdata(pdev);

	unregister_netdev(in->ndev);
	/* nothing rings a device nobody hears, nothing queues the work */
	writel(0, in->regs + IVSHMEM_REG_INT_CTRL);
	free_irq(pdev->irq, in);
	cancel_delayed_work_sync(&in->stall_work);
	cancel_delayed_work_sync(&in->state_work);
	destroy_workqueue(in->wq);
	/* then the peer sees us leave, and nothing writes another state */
	writel(IVSHM_NET_STATE_RESET, in->regs + IVSHMEM_REG_STATE);
	netif_napi_del(&in->napi);
}

static const struct pci_device_id ivnet_ids[] = {
	{ PCI_DEVICE(IVSHMEM_VENDOR_ID, IVSHMEM_DEVICE_ID),
	  .class = IVSHMEM_CLASS << 16 | JAILHOUSE_SHMEM_PROTO_VETH,
	  .class_mask = 0xffffff },
	{ }
};
MODULE_DEVICE_TABLE(pci, ivnet_ids);

static struct pci_driver ivnet_driver = {
	.name = DRV_NAME,
	.id_table = ivnet_ids,
	.probe = ivnet_probe,
	.remove = ivnet_remove,
};
module_pci_driver(ivnet_driver);

MODULE_DESCRIPTION("Ethernet over ivshmem-v2 shared memory (ivshmem-net)");
MODULE_LICENSE("GPL");
